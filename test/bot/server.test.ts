/**
 * The HTTP surface (bot/server.ts through bot/runtime.ts): bad requests get 400/413/415 with a reason (never
 * 500), /healthz answers, local mode listens on 127.0.0.1 only, unmatched invokes get 200, crafted card payloads
 * are refused before any Graph session exists. No Graph is involved: every turn here is answered before one.
 */
import { strict as assert } from 'node:assert';
import { startBot, type RunningBot } from '../../bot/runtime';
import { openStore, type Store } from '../../bot/store';
import { loadConfig, type BotConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import type { UserTokenSource } from '../../bot/teams/user-tokens';
import { renderCardText } from '../../cards';
import { startReplyConnector, activityText, type ReplyConnector } from './teams/reply-connector';

const USER_ID = '17da675f-27c5-4df3-8e3d-7b27d437674d';

/** The text of an Action.Execute invoke response: a message, or a card that replaces the clicked one. */
function invokeText(body: Record<string, unknown>): string {
  assert.equal(body['statusCode'], 200);
  if (body['type'] === 'application/vnd.microsoft.activity.message') return String(body['value']);
  assert.equal(body['type'], 'application/vnd.microsoft.card.adaptive');
  return renderCardText(body['value']).text;
}

function localConfig(): BotConfig {
  return { ...loadConfig({ PORT: '0', LOG_LEVEL: 'error' }), dataDir: '/nonexistent-groupbot-server-test' };
}

describe('bot/server (HTTP surface, local mode)', function () {
  this.timeout(30_000);
  let bot: RunningBot;
  let store: Store;
  let connector: ReplyConnector;
  const logLines: string[] = [];
  let tokenRequests = 0;
  const tokens: UserTokenSource = {
    tokenFor: async () => {
      tokenRequests++;
      return undefined;
    },
  };
  let seq = 0;

  const activity = (over: Record<string, unknown>): Record<string, unknown> => ({
    type: 'message',
    id: `in-${++seq}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    conversation: { id: `conv-${seq}`, conversationType: 'personal' },
    from: { id: '29:ana', name: 'Ana Silva', aadObjectId: USER_ID },
    recipient: { id: '28:groupbot', name: 'groupbot' },
    ...over,
  });

  const post = async (
    body: string,
    contentType = 'application/json',
  ): Promise<{ status: number; text: string; json: () => Record<string, unknown> }> => {
    const res = await fetch(bot.endpoint, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const reason = (r: { json: () => Record<string, unknown> }): string =>
    String((r.json()['error'] as { message?: string } | undefined)?.message ?? r.json()['message']);

  before(async function () {
    this.timeout(180_000); // an in-memory store opens first (PGlite, slow on a loaded machine)
    connector = await startReplyConnector();
    store = await openStore({ memory: true });
    bot = await startBot(localConfig(), {
      store,
      graph: { baseUrl: 'https://localhost:1' },
      tokens,
      log: createLogger('warn', (l) => logLines.push(l)),
      health: async () => ({ mode: 'local' }),
    });
  });
  after(async () => {
    await bot?.stop();
    await store?.close();
    await connector?.stop();
  });

  it('listens on 127.0.0.1 only in local mode, whatever HOST says', () => {
    const address = bot.server.address() as { address: string; family: string };
    assert.equal(address.address, '127.0.0.1');
    assert.equal(loadConfig({ HOST: '0.0.0.0' }).host, '127.0.0.1');
    assert.match(bot.endpoint, /^http:\/\/127\.0\.0\.1:\d+\/api\/messages\/[A-Za-z0-9_-]{32}$/);
  });

  it("serves no files from its own memory: exports go to the user's OneDrive, /downloads/… is unknown", async () => {
    const res = await fetch(`http://127.0.0.1:${bot.port}/downloads/${'A'.repeat(43)}/x.csv`);
    assert.equal(res.status, 404);
  });

  it('GET /healthz answers 200 with status ok', async () => {
    const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', mode: 'local' });
  });

  it("malformed JSON gets 400 with the parser's reason", async () => {
    const r = await post('{"type": "message",');
    assert.equal(r.status, 400);
    assert.match(reason(r), /JSON/);
  });

  for (const body of ['[1,2]', '"text"', '42', 'null', 'true', '']) {
    it(`a non-object body (${body || 'empty'}) gets 400 BadActivity`, async () => {
      const r = await post(body);
      assert.equal(r.status, 400);
      assert.equal((r.json()['error'] as { code: string }).code, 'BadActivity');
      assert.match(reason(r), /JSON activity object/);
    });
  }

  const missing: [string, (a: Record<string, unknown>) => void, RegExp][] = [
    [
      'type',
      (a) => {
        delete a['type'];
      },
      /'type'/,
    ],
    [
      'serviceUrl',
      (a) => {
        delete a['serviceUrl'];
      },
      /'serviceUrl'/,
    ],
    [
      'a non-http serviceUrl',
      (a) => {
        a['serviceUrl'] = 'file:///etc/passwd';
      },
      /'serviceUrl'/,
    ],
    [
      'conversation',
      (a) => {
        delete a['conversation'];
      },
      /'conversation'/,
    ],
    [
      'conversation.id',
      (a) => {
        a['conversation'] = { name: 'x' };
      },
      /'conversation\.id'/,
    ],
    [
      'from',
      (a) => {
        delete a['from'];
      },
      /'from'/,
    ],
    [
      'a string text',
      (a) => {
        a['text'] = { evil: true };
      },
      /'text' must be a string/,
    ],
  ];
  for (const [what, mutate, expected] of missing) {
    it(`an activity without ${what} gets 400 with a reason`, async () => {
      const a = activity({ text: 'help' });
      mutate(a);
      const r = await post(JSON.stringify(a));
      assert.equal(r.status, 400);
      assert.match(reason(r), expected);
    });
  }

  it('a wrong content type gets 415 and an oversized body 413, not 500', async () => {
    assert.equal((await post('hello', 'text/plain')).status, 415);
    const big = await post(JSON.stringify(activity({ text: 'x'.repeat(300_000) })));
    assert.equal(big.status, 413);
  });

  it('"help" is answered with the welcome card through the serviceUrl, without any Graph token', async () => {
    const before = tokenRequests;
    const a = activity({ text: 'help' });
    const r = await post(JSON.stringify(a));
    assert.equal(r.status, 200);
    const [reply] = await connector.take((a['conversation'] as { id: string }).id);
    const attachments = reply?.activity['attachments'] as { contentType: string }[];
    assert.equal(attachments[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.match(activityText(reply?.activity ?? {}), /who owns SecurityGroup101/);
    assert.equal(tokenRequests, before);
  });

  it('a message without an Entra object id is told why nothing can be done', async () => {
    const a = activity({ text: 'who owns SecurityGroup101', from: { id: '29:someone', name: 'Someone' } });
    assert.equal((await post(JSON.stringify(a))).status, 200);
    const [reply] = await connector.take((a['conversation'] as { id: string }).id);
    assert.match(String(reply?.activity['text']), /can't tell who you are/);
  });

  it('text over 10,000 characters is refused politely, before any Graph token is asked for', async () => {
    const before = tokenRequests;
    const a = activity({ text: `add ${'Ana, '.repeat(2001)} to Marketing` });
    assert.equal((await post(JSON.stringify(a))).status, 200);
    const [reply] = await connector.take((a['conversation'] as { id: string }).id);
    assert.match(String(reply?.activity['text']), /characters long; I read at most 10,000/);
    assert.equal(tokenRequests, before);
  });

  it('an unmatched invoke name gets HTTP 200, not 501', async () => {
    for (const name of ['composeExtension/query', 'task/fetch', 'some/unknown']) {
      const r = await post(JSON.stringify(activity({ type: 'invoke', name, value: { anything: 1 } })));
      assert.equal(r.status, 200, `${name}: ${r.text}`);
    }
    assert.ok(!logLines.some((l) => l.includes('"turn.error"')), logLines.join('\n'));
  });

  it('an adaptiveCard/action that is not an Action.Execute gets 200 too', async () => {
    const r = await post(
      JSON.stringify(
        activity({
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Submit', data: {} } },
        }),
      ),
    );
    assert.equal(r.status, 200);
  });

  describe('crafted Action.Execute payloads are refused with a sentence, before any Graph session', () => {
    const execute = (verb: unknown, data: Record<string, unknown>): Record<string, unknown> =>
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
      });
    const cases: [string, () => string, RegExp][] = [
      [
        'an unknown verb',
        () => JSON.stringify(execute('deleteEverything', { verb: 'deleteEverything' })),
        /Unknown card action "deleteEverything"/,
      ],
      [
        'a __proto__ key',
        () =>
          JSON.stringify(execute('confirm', { verb: 'confirm', pendingId: 'p1', PROTO: { polluted: true } })).replace(
            '"PROTO"',
            '"__proto__"',
          ),
        /forbidden key "__proto__"/,
      ],
      [
        'a constructor key deep inside a field the button does not send',
        () =>
          JSON.stringify(
            execute('confirm', { verb: 'confirm', pendingId: 'p1', x: { y: { constructor: { prototype: {} } } } }),
          ),
        /The field "x" is not part of this button/,
      ],
      [
        'a constructor key',
        () => JSON.stringify(execute('confirm', { verb: 'confirm', pendingId: 'p1', constructor: { prototype: {} } })),
        /forbidden key "constructor"/,
      ],
      [
        'a bad GUID',
        () =>
          JSON.stringify(execute('groupDelete', { verb: 'groupDelete', groupId: 'f87faa71-57a8-4c14-91f0-51 OR 1=1' })),
        /"groupId" is not a GUID/,
      ],
      [
        'a 5 KB string',
        () => JSON.stringify(execute('confirm', { verb: 'confirm', pendingId: 'a'.repeat(5 * 1024) })),
        /"pendingId" is longer than/,
      ],
      [
        'a verb that differs from its data',
        () =>
          JSON.stringify(execute('confirm', { verb: 'groupDelete', groupId: 'f87faa71-57a8-4c14-91f0-517f54645106' })),
        /does not match/,
      ],
      ['no verb at all', () => JSON.stringify(execute(undefined, { pendingId: 'p1' })), /no verb/],
    ];
    for (const [what, body, expected] of cases) {
      it(what, async () => {
        const before = tokenRequests;
        const r = await post(body());
        assert.equal(r.status, 200, r.text);
        const text = invokeText(r.json());
        assert.match(text, /I couldn't use that button: /);
        assert.match(text, expected);
        assert.equal(tokenRequests, before, 'no Graph token was asked for');
        assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
      });
    }
  });
});
