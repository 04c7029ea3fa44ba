/**
 * Contract: botbuilder's REAL TeamsSSOTokenExchangeMiddleware (the one teams-ai registers for Teams SSO) on
 * groupbot's BotStorage. A `signin/tokenExchange` arrives once per Teams client the user is signed in to, each
 * with the same `value.id`; the middleware writes `{eTag: value.id}` to a new key and expects exactly one write
 * to succeed (the others end with an "eTag conflict" and a 200). Before the fix every write conflicted, so no
 * exchange ever reached the bot.
 *
 * The token service is played by botbuilder's TestAdapter (its in-memory exchangeable tokens): the Bot Framework
 * token service is a boundary no local part plays here; the storage under test is real (PGlite and PostgreSQL).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ActivityTypes,
  TeamsSSOTokenExchangeMiddleware,
  TestAdapter,
  TurnContext,
  type Activity,
  type InvokeResponse,
  type Storage,
} from 'botbuilder';
import { openStore } from '../../../bot/store/open-store';
import type { Store } from '../../../bot/store/store';
import { dropSchemas, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';

const CONNECTION = 'graph';
const USER = '29:1user-channel-id';

/** botbuilder's test adapter with one SSO token the "token service" can exchange. */
function adapterWithExchangeableToken(ssoToken: string): TestAdapter {
  const adapter = new TestAdapter();
  adapter.addExchangeableToken(CONNECTION, 'msteams', USER, ssoToken, 'graph-access-token');
  return adapter;
}

function exchangeActivity(conversationId: string, exchangeId: string, ssoToken: string): Partial<Activity> {
  return {
    type: ActivityTypes.Invoke,
    name: 'signin/tokenExchange',
    channelId: 'msteams',
    id: randomUUID(),
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: USER, name: 'Ana' },
    recipient: { id: '28:bot', name: 'groupbot' },
    conversation: { id: conversationId } as Activity['conversation'],
    value: { id: exchangeId, connectionName: CONNECTION, token: ssoToken },
  };
}

interface Outcome {
  proceeded: boolean;
  invokeResponse: InvokeResponse | undefined;
}

/** Runs the real middleware once for `activity` on `storage`; says whether the turn went on past it. */
async function runMiddleware(adapter: TestAdapter, storage: Storage, activity: Partial<Activity>): Promise<Outcome> {
  const middleware = new TeamsSSOTokenExchangeMiddleware(storage, CONNECTION);
  const context = new TurnContext(adapter, activity);
  const sent: Partial<Activity>[] = [];
  context.onSendActivities(async (_ctx, activities, next) => {
    sent.push(...activities);
    return next();
  });
  let proceeded = false;
  await middleware.onTurn(context, async () => {
    proceeded = true;
  });
  const response = sent.find((s) => s.type === ActivityTypes.InvokeResponse);
  return { proceeded, invokeResponse: response?.value as InvokeResponse | undefined };
}

function ssoContract(name: string, openTwo: () => Promise<[Store, Store, () => Promise<void>]>): void {
  describe(`bot/store/bot-storage: Teams SSO token-exchange dedupe on ${name}`, function () {
    this.timeout(60_000);
    let a: Store;
    let b: Store;
    let close: () => Promise<void>;
    before(async () => {
      [a, b, close] = await openTwo();
    });
    after(async () => close?.());

    it('lets exactly one of two identical exchanges through, in turn; the other gets a 200 and stops', async () => {
      const adapter = adapterWithExchangeableToken('sso-1');
      const activity = exchangeActivity(`a:conv-${randomUUID()}`, `exchange-${randomUUID()}`, 'sso-1');
      const storage = a.botStorage as unknown as Storage;
      const first = await runMiddleware(adapter, storage, activity);
      const second = await runMiddleware(adapter, storage, activity);
      assert.equal(first.proceeded, true, 'the first exchange must reach the bot (OAuthPrompt completes)');
      assert.equal(first.invokeResponse, undefined);
      assert.equal(second.proceeded, false, 'the duplicate must stop in the middleware');
      assert.equal(second.invokeResponse?.status, 200);
    });

    it('lets exactly one of two concurrent exchanges through, across two storage instances', async () => {
      const adapter = adapterWithExchangeableToken('sso-2');
      const activity = exchangeActivity(`a:conv-${randomUUID()}`, `exchange-${randomUUID()}`, 'sso-2');
      const outcomes = await Promise.all([
        runMiddleware(adapter, a.botStorage as unknown as Storage, activity),
        runMiddleware(adapter, b.botStorage as unknown as Storage, activity),
      ]);
      assert.equal(outcomes.filter((o) => o.proceeded).length, 1);
      assert.deepEqual(
        outcomes.filter((o) => !o.proceeded).map((o) => o.invokeResponse?.status),
        [200],
      );
    });

    it('lets a different exchange id of the same user through', async () => {
      const adapter = adapterWithExchangeableToken('sso-3');
      const conversation = `a:conv-${randomUUID()}`;
      const storage = a.botStorage as unknown as Storage;
      const one = await runMiddleware(adapter, storage, exchangeActivity(conversation, 'exchange-x', 'sso-3'));
      const two = await runMiddleware(adapter, storage, exchangeActivity(conversation, 'exchange-y', 'sso-3'));
      assert.deepEqual([one.proceeded, two.proceeded], [true, true]);
    });

    it('answers 412 to an exchange the token service refuses, before any dedupe write', async () => {
      const adapter = adapterWithExchangeableToken('sso-4');
      const activity = exchangeActivity(`a:conv-${randomUUID()}`, `exchange-${randomUUID()}`, 'not-exchangeable');
      const outcome = await runMiddleware(adapter, a.botStorage as unknown as Storage, activity);
      assert.equal(outcome.proceeded, false);
      assert.equal(outcome.invokeResponse?.status, 412);
    });
  });
}

ssoContract('PGlite (embedded)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'groupbot-sso-'));
  const store = await openStore({ dataDir: dir });
  return [
    store,
    store,
    async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  ];
});

ssoContract('PostgreSQL (two instances on one database)', async () => {
  const databaseUrl = await testDatabaseUrl();
  const schema = uniqueSchemaName('sso');
  const one = await openStore({ databaseUrl, schema });
  const two = await openStore({ databaseUrl, schema });
  return [
    one,
    two,
    async () => {
      await one.close();
      await two.close();
      await dropSchemas(databaseUrl, [schema]);
    },
  ];
});
