/**
 * The whole bot over HTTP, as Teams would drive it: local mode (startLocal: the real Graph emulator with the demo
 * tenant, and the bot on 127.0.0.1) behind the real Microsoft 365 Agents Playground, driven through its HTTP +
 * WebSocket API. Megan Bowen (Global Administrator) is the Playground's current user; Bob Kelly (owner of
 * SecurityGroup101) and the others click cards in the group chat. Graph reads and the emulator's request
 * counter check what really changed.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { startLocal, type LocalRuntime } from '../../../bot/local/local-runtime';
import { loadConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/log';
import { writePlaygroundConfig } from '../../../bot/local/playground-config';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { renderCardText } from '../../../cards';
import { startPlayground, type RunningPlayground } from '../../support/playground-launcher';
import { PlaygroundClient, pushText, type PlaygroundPush } from '../../support/playground-client';

type Json = Record<string, unknown>;
type InvokeBody = { statusCode?: number; type?: string; value?: unknown };

/** Every Action.Execute / Action.Submit data object in a card (any depth). */
function actionsOf(card: unknown): { title: string; verb: string; data: Json }[] {
  const found: { title: string; verb: string; data: Json }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as Json;
    if (
      (o['type'] === 'Action.Execute' || o['type'] === 'Action.Submit') &&
      o['data'] &&
      typeof o['data'] === 'object'
    ) {
      const data = o['data'] as Json;
      found.push({ title: String(o['title']), verb: String(o['verb'] ?? data['verb']), data });
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/** The text of an Action.Execute invoke response: a message, or a card that replaces the clicked one. */
function invokeText(body: InvokeBody): string {
  if (body.type === 'application/vnd.microsoft.activity.message') return String(body.value);
  assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
  return renderCardText(body.value).text;
}

function cardOf(push: PlaygroundPush): Json | undefined {
  return push.message.attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

const ANA = DEMO_USERS.ana;
const ANA_SOUZA = DEMO_USERS.anaSouza;
const DIEGO = DEMO_USERS.diego;
const OUTLOOK = DEMO_GROUPS.outlookGroup101;
const FINANCE = DEMO_GROUPS.financeReaders;

describe('bot/teams/bot-app over HTTP (Agents Playground → bot → Graph emulator)', function () {
  this.timeout(120_000);
  let dir: string;
  let local: LocalRuntime;
  let playground: RunningPlayground;
  let client: PlaygroundClient;
  let agent: Agent;
  let meganToken: string;
  const logLines: string[] = [];

  const graph = async (method: string, route: string, body?: unknown): Promise<{ status: number; json: Json }> => {
    const res = await undiciFetch(`${local.emulator.baseUrl}${route}`, {
      method,
      dispatcher: agent,
      headers: {
        ...(route.startsWith('/v1.0') ? { authorization: `Bearer ${meganToken}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Json) : {} };
  };
  const memberIds = async (groupId: string): Promise<string[]> => {
    const r = await graph('GET', `/v1.0/groups/${groupId}/members?$select=id&$top=999`);
    assert.equal(r.status, 200);
    return (r.json['value'] as { id: string }[]).map((m) => m.id);
  };
  const graphRequests = async (): Promise<number> => Number((await graph('GET', '/_emulator/stats')).json['requests']);
  const resetStats = async (): Promise<void> => {
    await graph('POST', '/_emulator/stats/reset');
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-botapp-'));
    const config = { ...loadConfig({ PORT: '0', GRAPH_EMULATOR_PORT: '0', LOG_LEVEL: 'warn' }), dataDir: dir };
    local = await startLocal(
      config,
      createLogger('warn', (l) => logLines.push(l)),
    );
    agent = new Agent({ connect: { ca: local.emulator.caPem } });
    meganToken = await local.emulator.issueToken(DEMO_USERS.megan.upn);
    const configPath = path.join(dir, 'playground.yml');
    writePlaygroundConfig(configPath);
    playground = await startPlayground({ botEndpoint: local.bot?.endpoint ?? '', configPath, logDir: dir });
    client = await PlaygroundClient.connect(playground.url);
  });
  after(async () => {
    await client?.close();
    await playground?.stop();
    await local?.stop();
    await agent?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('personal chat (Megan, Global Administrator)', () => {
    it('"who owns SecurityGroup101" is answered with Bob Kelly', async () => {
      await client.sendPersonal('who owns SecurityGroup101');
      const reply = await client.waitForBot(client.config.personalChatId);
      const text = pushText(reply);
      assert.match(text, /Owners of SecurityGroup101/);
      assert.match(text, /Bob Kelly/);
    });

    it('"add Ana to OutlookGroup101": two Anas → choose → confirm → added, and Graph shows the membership', async () => {
      assert.ok(!(await memberIds(OUTLOOK.id)).includes(ANA.id), 'Ana Silva starts outside OutlookGroup101');
      await client.sendPersonal('add Ana to OutlookGroup101');
      const choice = await client.waitForBot(client.config.personalChatId);
      const choices = actionsOf(cardOf(choice)).filter((a) => a.verb === 'choose');
      assert.deepEqual(
        choices.map((c) => c.data['objectId']).sort(),
        [ANA.id, ANA_SOUZA.id].sort(),
        'both Anas are offered',
      );
      const silva = choices.find((c) => c.data['objectId'] === ANA.id);
      assert.ok(silva);

      const confirmBody = (await client.invokeExecute({
        conversationId: client.config.personalChatId,
        replyToId: choice.message.messageId,
        verb: 'choose',
        data: silva.data,
        title: silva.title,
      })) as InvokeBody;
      assert.equal(confirmBody.type, 'application/vnd.microsoft.card.adaptive');
      assert.match(invokeText(confirmBody), /Add Ana Silva to 'OutlookGroup101'/);
      const confirm = actionsOf(confirmBody.value).find((a) => a.verb === 'confirm');
      assert.ok(confirm, 'the confirmation card has a confirm button');
      assert.ok(!(await memberIds(OUTLOOK.id)).includes(ANA.id), 'nothing is written before the confirmation');

      const doneBody = (await client.invokeExecute({
        conversationId: client.config.personalChatId,
        replyToId: choice.message.messageId,
        verb: 'confirm',
        data: confirm.data,
      })) as InvokeBody;
      assert.equal(doneBody.type, 'application/vnd.microsoft.card.adaptive');
      assert.match(renderCardText(doneBody.value).text, /Ana Silva \(ana@contoso\.com\) \| Added/);
      assert.ok((await memberIds(OUTLOOK.id)).includes(ANA.id), 'Graph confirms Ana Silva is a member');
      assert.ok(!(await memberIds(OUTLOOK.id)).includes(ANA_SOUZA.id), 'and not the other Ana');
    });

    it('a choice that was not offered is refused and nothing changes', async () => {
      await client.sendPersonal('add Ana to Legal');
      const choice = await client.waitForBot(client.config.personalChatId);
      const offered = actionsOf(cardOf(choice)).find((a) => a.verb === 'choose');
      assert.ok(offered);
      await resetStats();
      const body = (await client.invokeExecute({
        conversationId: client.config.personalChatId,
        replyToId: choice.message.messageId,
        verb: 'choose',
        data: { ...offered.data, objectId: DIEGO.id },
      })) as InvokeBody;
      assert.match(invokeText(body), /isn't one of the options I offered/);
      assert.equal(await graphRequests(), 0, 'no Graph request was made');
    });
  });

  describe('group chat', () => {
    it('a message without @mention gets no reply; the next @mention does', async () => {
      const group = client.config.groupChatId;
      await client.sendGroup('who owns Legal', { mentionBot: false });
      await client.sendGroup('who owns SecurityGroup101');
      const reply = await client.waitForBot(group);
      assert.match(pushText(reply), /Bob Kelly/);
      assert.doesNotMatch(pushText(reply), /Enrico/);
      assert.ok(
        !client.messages(group).some((p) => /Owners of Legal/.test(pushText(p))),
        'the unmentioned message got no answer',
      );
    });

    it("another member cannot answer the first user's confirmation; the first user still can", async () => {
      const group = client.config.groupChatId;
      assert.ok(!(await memberIds(FINANCE.id)).includes(DIEGO.id));
      await client.sendGroup(`add ${DIEGO.upn} to Finance Readers`);
      const ask = await client.waitForBot(group);
      const confirm = actionsOf(cardOf(ask)).find((a) => a.verb === 'confirm');
      assert.ok(confirm, `a confirmation card: ${pushText(ask)}`);

      const bobBody = (await client.invokeExecute({
        conversationId: group,
        replyToId: ask.message.messageId,
        verb: 'confirm',
        data: confirm.data,
        as: DEMO_USERS.bob.upn,
      })) as InvokeBody;
      assert.equal(bobBody.type, 'application/vnd.microsoft.activity.message', "Bob's answer leaves the card as is");
      assert.match(invokeText(bobBody), /^This card is Megan Bowen's: only they can use it\. Nothing was done\./);
      assert.ok(!(await memberIds(FINANCE.id)).includes(DIEGO.id), "Bob's click changed nothing");
      assert.ok(
        !client
          .messages(group)
          .some((p) => p.message.messageId === ask.message.messageId && p.action === 'updateMessage'),
        "no copy of Megan's card was changed",
      );

      const meganBody = (await client.invokeExecute({
        conversationId: group,
        replyToId: ask.message.messageId,
        verb: 'confirm',
        data: confirm.data,
      })) as InvokeBody;
      assert.match(renderCardText(meganBody.value).text, /Diego Siciliani \(diego@contoso\.com\) \| Added/);
      assert.ok((await memberIds(FINANCE.id)).includes(DIEGO.id));
    });

    it("a stranger's pick on a choice card is refused privately; the owner's choice still works", async () => {
      const group = client.config.groupChatId;
      await client.sendGroup('add Ana to Legal');
      const choice = await client.waitForBot(group, {
        where: (p) => actionsOf(cardOf(p)).some((a) => a.verb === 'choose' && a.data['objectId'] === ANA_SOUZA.id),
      });
      const souza = actionsOf(cardOf(choice)).find((a) => a.verb === 'choose' && a.data['objectId'] === ANA_SOUZA.id);
      assert.ok(souza, 'Ana Souza is offered');
      await resetStats();
      const bobBody = (await client.invokeExecute({
        conversationId: group,
        replyToId: choice.message.messageId,
        verb: 'choose',
        data: souza.data,
        as: DEMO_USERS.bob.upn,
      })) as InvokeBody;
      assert.equal(bobBody.type, 'application/vnd.microsoft.activity.message');
      assert.match(invokeText(bobBody), /^This card is Megan Bowen's: only they can use it\./);
      assert.equal(await graphRequests(), 0, "Bob's pick made no Graph request");
      const meganBody = (await client.invokeExecute({
        conversationId: group,
        replyToId: choice.message.messageId,
        verb: 'choose',
        data: souza.data,
      })) as InvokeBody;
      assert.match(invokeText(meganBody), /Add Ana Souza to 'Legal'/, 'the owner still gets her confirmation');
    });

    it('a stranger\'s Submit on an "Ask to join" card files nothing and leaves the owner\'s card intact', async () => {
      const group = client.config.groupChatId;
      await client.sendGroup('I need access to Finance Readers, I prepare the audit');
      const ask = await client.waitForBot(group, { where: (p) => /Ask to join/.test(pushText(p)) });
      const submit = actionsOf(cardOf(ask)).find((a) => a.verb === 'requestSubmit');
      assert.ok(submit?.data['pendingId'], 'the card names its owner by a pending id');
      const bobBody = (await client.invokeExecute({
        conversationId: group,
        replyToId: ask.message.messageId,
        verb: 'requestSubmit',
        data: { ...submit.data, justification: 'Bob wants in too' },
        as: DEMO_USERS.bob.upn,
      })) as InvokeBody;
      assert.equal(bobBody.type, 'application/vnd.microsoft.activity.message');
      assert.match(invokeText(bobBody), /^This card is Megan Bowen's: only they can use it\. Nothing was done\./);
      const store = local.store;
      assert.ok(store);
      assert.deepEqual(await store.requests.listByRequester(DEMO_USERS.bob.id), [], 'nothing was filed as Bob');
      assert.deepEqual(await store.requests.listByRequester(DEMO_USERS.megan.id), [], 'nor as Megan');
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(
        !client
          .messages(group)
          .some((p) => p.message.messageId === ask.message.messageId && p.action === 'updateMessage'),
        "Megan's card was not changed for anyone",
      );
      // Without its owner's pending id, a card in a shared chat is refused too.
      const { pendingId: _owner, ...unowned } = submit.data;
      const crafted = (await client.invokeExecute({
        conversationId: group,
        replyToId: ask.message.messageId,
        verb: 'requestSubmit',
        data: { ...unowned, justification: 'crafted' },
        as: DEMO_USERS.bob.upn,
      })) as InvokeBody;
      assert.match(invokeText(crafted), /cannot tell whose it is and did nothing/);
      assert.deepEqual(await store.requests.listByRequester(DEMO_USERS.bob.id), []);
    });

    it('a double click on Confirm: the outcome card stands, the second click says what was already done', async () => {
      const group = client.config.groupChatId;
      await client.sendGroup(`add ${ANA_SOUZA.upn} to OutlookGroup101`);
      const ask = await client.waitForBot(group, {
        where: (p) => /Add Ana Souza to 'OutlookGroup101'/.test(pushText(p)),
      });
      const confirm = actionsOf(cardOf(ask)).find((a) => a.verb === 'confirm');
      assert.ok(confirm);
      const click = async (): Promise<InvokeBody> =>
        (await client.invokeExecute({
          conversationId: group,
          replyToId: ask.message.messageId,
          verb: 'confirm',
          data: confirm.data,
        })) as InvokeBody;
      const both = await Promise.all([click(), click()]);
      const outcome = both.filter((b) => b.type === 'application/vnd.microsoft.card.adaptive');
      const other = both.filter((b) => b.type === 'application/vnd.microsoft.activity.message');
      assert.equal(outcome.length, 1, 'one click ran and answered with the outcome card');
      assert.match(invokeText(outcome[0] as InvokeBody), /Ana Souza \(ana\.souza@contoso\.com\) \| Added/);
      assert.equal(other.length, 1, 'the other is a message: Teams leaves the outcome card in place');
      assert.match(invokeText(other[0] as InvokeBody), /^(Already done at|That is already under way)/);
      assert.doesNotMatch(invokeText(other[0] as InvokeBody), /expired/);
      await resetStats();
      const later = await click();
      assert.equal(later.type, 'application/vnd.microsoft.activity.message');
      assert.match(
        invokeText(later),
        /^Already done at \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC: .*Ana Souza was added to 'OutlookGroup101'\..* I did not do it again\.$/,
      );
      assert.equal(await graphRequests(), 0, 'the later click made no Graph request');
      assert.equal((await memberIds(OUTLOOK.id)).filter((id) => id === ANA_SOUZA.id).length, 1);
    });

    it('a team channel @mention is answered too', async () => {
      const channel = client.config.teamChannelIds[0] as string;
      const sent = (await client.sendGroup('who owns SecurityGroup101', { conversationId: channel })) as {
        messageId: string;
        postConversationId?: string;
      };
      const conversation = sent.postConversationId ?? channel;
      const reply = await client.waitForBot(conversation);
      assert.match(pushText(reply), /Bob Kelly/);
    });
  });

  describe('crafted Action.Execute payloads: a clear refusal, and no Graph request at all', () => {
    let replyToId: string;
    before(async () => {
      await client.sendPersonal('help');
      replyToId = (await client.waitForBot(client.config.personalChatId)).message.messageId;
    });
    const cases: [string, string, () => Json, RegExp][] = [
      [
        'an unknown verb',
        'dropTenant',
        () => ({ verb: 'dropTenant', groupId: OUTLOOK.id }),
        /Unknown card action "dropTenant"/,
      ],
      [
        'a bad GUID',
        'groupDelete',
        () => ({ verb: 'groupDelete', groupId: `${OUTLOOK.id}' or 1 eq 1` }),
        /"groupId" is not a GUID/,
      ],
      [
        'a 5 KB string',
        'groupRestore',
        () => ({ verb: 'groupRestore', groupId: 'f'.repeat(5 * 1024) }),
        /"groupId" is longer than 256 characters/,
      ],
      [
        'an expired or invented pending id',
        'confirm',
        () => ({ verb: 'confirm', pendingId: 'invented-pending-id' }),
        /expired or was already used/,
      ],
    ];
    for (const [what, verb, data, expected] of cases) {
      it(what, async () => {
        const membersBefore = await memberIds(OUTLOOK.id);
        await resetStats();
        const body = (await client.invokeExecute({
          conversationId: client.config.personalChatId,
          replyToId,
          verb,
          data: data(),
        })) as InvokeBody;
        assert.match(invokeText(body), expected);
        assert.equal(await graphRequests(), 0, 'no Graph request was made');
        assert.deepEqual(await memberIds(OUTLOOK.id), membersBefore);
        assert.equal(({} as Json)['isAdmin'], undefined);
      });
    }
  });

  it('a __proto__ key (posted to the bot directly: the Playground drops such keys) is refused and changes nothing', async () => {
    await resetStats();
    const raw =
      '{"type":"invoke","name":"adaptiveCard/action","id":"inv-proto","channelId":"msteams",' +
      `"serviceUrl":${JSON.stringify(`${playground.url}/_connector`)},"conversation":{"id":${JSON.stringify(client.config.personalChatId)}},` +
      `"from":{"id":${JSON.stringify(client.config.currentUser.id)},"aadObjectId":"${DEMO_USERS.megan.id}"},"recipient":{"id":${JSON.stringify(client.config.bot.id)}},` +
      `"value":{"action":{"type":"Action.Execute","verb":"groupDelete","data":{"verb":"groupDelete","groupId":"${OUTLOOK.id}","__proto__":{"isAdmin":true}}}}}`;
    const res = await fetch(local.bot?.endpoint ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw,
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as InvokeBody;
    assert.match(invokeText(body), /forbidden key "__proto__"/);
    assert.equal(await graphRequests(), 0, 'no Graph request was made');
    assert.equal(({} as Json)['isAdmin'], undefined);
  });

  it('unmatched invoke names get HTTP 200, not 501', async () => {
    for (const name of ['composeExtension/query', 'task/fetch', 'signin/verifyState', 'groupbot/unknown']) {
      const res = await fetch(local.bot?.endpoint ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'invoke',
          name,
          id: `inv-${name}`,
          channelId: 'msteams',
          serviceUrl: `${playground.url}/_connector`,
          conversation: { id: client.config.personalChatId },
          from: { id: client.config.currentUser.id, aadObjectId: DEMO_USERS.megan.id },
          recipient: { id: client.config.bot.id },
          value: {},
        }),
      });
      assert.equal(res.status, 200, `${name}: ${await res.text()}`);
    }
    assert.ok(
      !logLines.some((l) => l.includes('"turn.error"')),
      logLines.filter((l) => l.includes('turn.error')).join('\n'),
    );
  });
});
