/**
 * The terminal 1:1 chat through a running bot (`groupbot chat` while `npm start` runs): a real local runtime (emulator,
 * bot, PGlite store) that answers only the Playground's connector and terminal connectors, as `groupbot start` sets
 * it up, and the chat's own loopback connector receiving the answers.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotEndpointChat } from '../../../bot/chat/bot-endpoint-chat';
import type { ShownMessage } from '../../../bot/chat/terminal-session';
import { loadConfig } from '../../../bot/config';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { startLocal, type LocalRuntime } from '../../../bot/local/local-runtime';
import { createLogger } from '../../../bot/log';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';

describe('bot/chat/bot-endpoint-chat (a running local bot)', function () {
  this.timeout(120_000);
  let dir: string;
  let local: LocalRuntime;
  const later: ShownMessage[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'groupbot-endpoint-chat-'));
    const config = loadConfig({ DATA_DIR: join(dir, 'data'), PORT: '0', GRAPH_EMULATOR_PORT: '0', LOG_LEVEL: 'error' });
    // As `groupbot start`: replies go to the Playground's connector only (here a port nothing listens on)…
    local = await startLocal(
      config,
      createLogger('error', () => undefined),
      { serviceUrls: ['http://127.0.0.1:9/_connector'] },
    );
  });
  after(async () => {
    await local?.stop();
    await closeGraphConnections();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ana = { id: DEMO_USERS.ana.id, upn: DEMO_USERS.ana.upn, displayName: DEMO_USERS.ana.displayName };

  it("…and to a terminal chat's own connector: Ana files a request and lists it from the store", async () => {
    const chat = await BotEndpointChat.open(local.bot?.endpoint ?? '', ana, (s) => later.push(...s));
    try {
      const none = await chat.say('my requests');
      assert.match(none.map((m) => m.text).join('\n'), /Your access requests[\s\S]*You have no requests/);

      const offer = await chat.say('add me to Finance Readers');
      assert.match(offer.map((m) => m.text).join('\n'), /Ask to join Finance Readers/);
      const submit = chat.currentActions()?.actions.find((a) => a.title === 'Submit request');
      assert.ok(submit, 'the card has Submit request');
      const filed = await chat.click(submit.number, { justification: 'I prepare the quarterly review' });
      assert.match(filed.map((m) => m.text).join('\n'), /Your request to join Finance Readers/);

      const stored = await local.store?.requests.listPending({ limit: 10 });
      assert.deepEqual(
        stored?.map((r) => [r.requesterId, r.groupName]),
        [[ana.id, 'Finance Readers']],
        "the request is in the running bot's store",
      );
      const mine = await chat.say('my requests');
      assert.match(mine.map((m) => m.text).join('\n'), /Finance Readers/);
      assert.ok(
        mine.some((m) => m.actions.some((a) => a.title === 'Cancel request')),
        'her 1:1 list has Cancel request',
      );
    } finally {
      await chat.close();
    }
  });

  it('says what to do when the bot is gone', async () => {
    const chat = await BotEndpointChat.open('http://127.0.0.1:9/api/messages/x', ana, () => undefined);
    try {
      await assert.rejects(chat.say('hi'), /does not answer .* Is `npm start` still running\?/);
    } finally {
      await chat.close();
    }
  });
});
