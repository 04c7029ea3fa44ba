/** Tests of the test drivers themselves: the Playground launcher and HTTP/WS client, against the echo bot. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAYGROUND_PERSONAL_CHAT_ID, writePlaygroundConfig } from '../../bot/local/playground-config';
import { DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { startEchoBot, type EchoBot } from './echo-bot';
import { PlaygroundClient, PlaygroundHttpError, PlaygroundWaitError, pushText } from './playground-client';
import { PlaygroundStartError, startPlayground, type RunningPlayground } from './playground-launcher';

type InvokeBody = { type: string; value: { body: { text: string }[] } };
const cardTexts = (body: unknown): string => (body as InvokeBody).value.body.map((b) => b.text).join('\n');

describe('Playground launcher and client (against the echo bot)', function () {
  this.timeout(40000);
  let dir: string;
  let bot: EchoBot;
  let playground: RunningPlayground;
  let client: PlaygroundClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'groupbot-drivers-'));
    bot = await startEchoBot({ port: 0 });
    const configPath = join(dir, 'playground.yml');
    writePlaygroundConfig(configPath);
    playground = await startPlayground({ botEndpoint: bot.endpoint, configPath, logDir: dir });
    client = await PlaygroundClient.connect(playground.url);
  });
  after(async () => {
    await client?.close();
    await playground?.stop();
    await bot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("starts with the config's personal chat, logs to the given folder, answers ping", async () => {
    assert.equal(playground.personalChatId, PLAYGROUND_PERSONAL_CHAT_ID);
    assert.equal(client.config.personalChatId, PLAYGROUND_PERSONAL_CHAT_ID);
    assert.ok(playground.logFile.startsWith(dir));
    assert.match(playground.readLog(), new RegExp(`Listening on ${playground.port}`));
    assert.equal(await (await fetch(`${playground.url}/_debug/ping`)).text(), 'pong');
  });

  it('sends text in the personal chat and waits for the reply', async () => {
    await client.sendPersonal('hello there');
    const reply = await client.waitForBot(client.config.personalChatId);
    assert.equal(reply.message.text, 'Echo: hello there');
    assert.equal(reply.message.from.id, client.config.bot.id);
  });

  it('keeps replies in order: two sends, two waits', async () => {
    // The bot may answer two concurrent sends in either order; each send waits until its echo has been pushed
    // (without consuming it), so both replies are buffered, in a known order, before the first wait.
    const pushed = (text: string): boolean =>
      client.messages(client.config.personalChatId).some((p) => p.message.text === text);
    await client.sendPersonal('one');
    await until(() => pushed('Echo: one'));
    await client.sendPersonal('two');
    await until(() => pushed('Echo: two'));
    assert.equal((await client.waitForBot(client.config.personalChatId)).message.text, 'Echo: one');
    assert.equal((await client.waitForBot(client.config.personalChatId)).message.text, 'Echo: two');
  });

  it('clicks Action.Execute as the current user and gets the updated card', async () => {
    await client.sendPersonal('card');
    const card = await client.waitForBot(client.config.personalChatId, {
      where: (p) => p.message.attachments.length > 0,
    });
    assert.equal(card.message.attachments[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    const body = await client.invokeExecute({
      conversationId: client.config.personalChatId,
      replyToId: card.message.messageId,
      verb: 'echoClick',
      data: { note: 'hi' },
    });
    const texts = cardTexts(body);
    assert.match(texts, /Clicked echoClick by Megan Bowen/);
    assert.match(texts, new RegExp(DEMO_USERS.megan.id));
    assert.match(texts, /"note":"hi"/);
  });

  it('refuses an invoke by another user in the personal chat', async () => {
    await client.sendPersonal('card');
    const card = await client.waitForBot(client.config.personalChatId, {
      where: (p) => p.message.attachments.length > 0,
    });
    await assert.rejects(
      client.invokeExecute({
        conversationId: client.config.personalChatId,
        replyToId: card.message.messageId,
        verb: 'echoClick',
        as: 'Bob',
      }),
      (err: unknown) => err instanceof PlaygroundHttpError && err.status === 400,
    );
  });

  it('@mentions the bot in the group chat and lets another member (Bob) click the card', async () => {
    const group = client.config.groupChatId;
    await client.sendGroup('hi group');
    assert.equal((await client.waitForBot(group)).message.text, 'Echo: hi group');
    await client.sendGroup('card');
    const card = await client.waitForBot(group, { where: (p) => pushText(p).includes('Echo card') });
    const body = await client.invokeExecute({
      conversationId: group,
      replyToId: card.message.messageId,
      verb: 'approve',
      as: 'bob@contoso.com',
    });
    assert.match(cardTexts(body), /Clicked approve by Bob Kelly/);
    assert.match(cardTexts(body), new RegExp(DEMO_USERS.bob.id));
  });

  it('does not deliver a group message that does not mention the bot', async () => {
    const group = client.config.groupChatId;
    await client.sendGroup('not for the bot', { mentionBot: false });
    await client.sendGroup('for the bot');
    assert.equal((await client.waitForBot(group)).message.text, 'Echo: for the bot');
    assert.ok(!client.messages(group).some((p) => p.message.text?.includes('not for the bot')));
  });

  it('submits an Action.Submit as a group member', async () => {
    const group = client.config.groupChatId;
    await client.sendGroup('card');
    const card = await client.waitForBot(group, { where: (p) => p.message.attachments.length > 0 });
    await client.submit({
      conversationId: group,
      replyToId: card.message.messageId,
      value: { source: 'echo-submit', note: 'x' },
      as: 'Ana',
    });
    assert.equal((await client.waitForBot(group)).message.text, 'Submitted: {"source":"echo-submit","note":"x"}');
  });

  it('times out with a clear error naming the conversation and what arrived', async () => {
    await assert.rejects(
      client.waitForBot(client.config.personalChatId, {
        timeoutMs: 200,
        where: (p) => pushText(p).includes('never said'),
      }),
      (err: unknown) =>
        err instanceof PlaygroundWaitError &&
        new RegExp(`${PLAYGROUND_PERSONAL_CHAT_ID} within 200 ms matching the filter`).test(err.message) &&
        /Echo: hello there/.test(err.message),
    );
  });

  it('drops the pushes buffered while no client listened', async () => {
    await client.close();
    const turnsBefore = bot.turns();
    await client.sendPersonal('stale while nobody listens');
    // The reply must exist (and so be buffered) before the next client connects.
    for (const deadline = Date.now() + 10000; bot.turns() === turnsBefore;) {
      assert.ok(Date.now() < deadline, 'the echo bot never answered');
      await new Promise((r) => setImmediate(r));
    }
    client = await PlaygroundClient.connect(playground.url);
    await client.sendPersonal('fresh');
    assert.equal((await client.waitForBot(client.config.personalChatId)).message.text, 'Echo: fresh');
    assert.deepEqual(
      client.messages().map((p) => p.message.text),
      ['Echo: fresh'],
    );
  });

  it('throws for an unknown user name', () => {
    assert.throws(() => client.userId('Nobody'), /no Playground user 'Nobody'/);
  });

  it("reports a refused config with the Playground's reason, and stop() ends the process", async () => {
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'version: "0.1.1"\ntenantId: x\n');
    await assert.rejects(
      startPlayground({ botEndpoint: bot.endpoint, configPath: bad, logDir: mkdtempSync(join(dir, 'bad-')) }),
      (err: unknown) =>
        err instanceof PlaygroundStartError &&
        /exited at start/.test(err.message) &&
        /required property 'bot'/.test(err.message),
    );
    // Without a config file the fixed --conversation-id names the personal chat.
    const second = await startPlayground({
      botEndpoint: bot.endpoint,
      logDir: mkdtempSync(join(dir, 'second-')),
      conversationId: 'drivers-personal',
    });
    assert.equal(second.personalChatId, 'drivers-personal');
    await second.stop();
    await assert.rejects(fetch(`${second.url}/_debug/ping`), TypeError);
    assert.throws(() => process.kill(second.pid, 0), /ESRCH/);
  });
});

/** Resolves once `ready()` holds, checking every 20 ms; rejects after `timeoutMs`. */
async function until(ready: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
