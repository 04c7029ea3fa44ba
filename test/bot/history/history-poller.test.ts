/**
 * Polling a watched group when the watcher's token is gone, against the real Graph emulator and a PGlite store,
 * with the background parts as runtime.ts builds them: the round runs with an owner's token; when nobody has
 * one, failed rounds are counted and, once given up, the watcher and the owners are told once and the group waits
 * for its daily try; a later round that succeeds clears the count. Tokens are minted as local mode does; the
 * token service's cache is played by `signedIn`.
 */
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { createLogger } from '../../../bot/log';
import { openStore, type Store } from '../../../bot/store';
import { pollDue, type PollerDeps } from '../../../bot/history/history-poller';
import { createBackgroundWork } from '../../../bot/teams/background-wiring';
import type { PostedMessage } from '../../../bot/teams/request-messenger';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';

const U = DEMO_USERS;
const MARKETING = DEMO_GROUPS.marketing;

describe('bot/history/history-poller: background fallback', function () {
  this.timeout(120_000);
  let emu: TestEmulator;
  let store: Store;
  let signedIn: Set<string>;
  let posts: { conversationId: string; text: string }[];
  let now: Date;
  let deps: PollerDeps;

  before(async () => {
    emu = await startTestEmulator();
  });
  after(async () => {
    await closeGraphConnections();
    await emu?.stop();
  });
  beforeEach(async () => {
    store = await openStore({ memory: true });
    signedIn = new Set();
    posts = [];
    now = new Date();
    const upnOf = new Map(Object.values(U).map((u) => [u.id.toLowerCase(), u.upn]));
    const tokenForUser = async (id: string): Promise<string | undefined> => {
      const upn = upnOf.get(id.toLowerCase());
      if (!upn || !signedIn.has(id.toLowerCase())) return undefined;
      // Valid for an hour of the test's clock, which runs a day ahead of the real one at the end.
      const lifetimeSeconds = Math.ceil((now.getTime() - Date.now()) / 1000) + 3600;
      return emu.emulator.issueToken(upn, { lifetimeSeconds });
    };
    const log = createLogger('error', () => undefined);
    const graph = { baseUrl: emu.baseUrl, caPem: emu.emulator.caPem };
    const background = createBackgroundWork({
      store,
      graph,
      tokenForUser,
      messenger: {
        post: async (conversationId: string, activity: Partial<Activity>): Promise<PostedMessage | undefined> => {
          posts.push({ conversationId, text: activity.text ?? '' });
          return { conversationId, activityId: `m${posts.length}` };
        },
        personalConversationOf: async (userId: string) => `a:${userId.toLowerCase()}`,
      },
      log,
      maxFailures: 2,
      clock: () => now,
    });
    deps = { store, graph, log, everySeconds: 1, tokenForUser, background, clock: () => now };
    // Lee watches Marketing (owned by Olga and Megan).
    await store.history.watch(
      { groupId: MARKETING.id, groupName: 'Marketing', watcherId: U.lee.id, watcherName: U.lee.displayName },
      now,
    );
  });
  afterEach(async () => {
    await store.close();
  });

  const later = (seconds: number): void => {
    now = new Date(now.getTime() + seconds * 1000);
  };

  it("polls with an owner's token when the watcher's is gone", async () => {
    signedIn.add(U.lee.id.toLowerCase());
    assert.equal((await pollDue(deps)).polled, 1, "the first round, with Lee's token");
    const first = (await store.history.cursor(MARKETING.id))?.polledAt;
    signedIn.clear();
    signedIn.add(U.megan.id.toLowerCase());
    later(2);
    const report = await pollDue(deps);
    assert.deepEqual([report.polled, report.failed], [1, 0], 'Megan, an owner the history recorded, polled it');
    const cursor = await store.history.cursor(MARKETING.id);
    assert.ok(cursor?.polledAt && first && cursor.polledAt > first, 'the round was stored');
  });

  it('counts failed rounds, tells the watcher and owners once, waits a day, and clears after a success', async () => {
    // First a round with Lee's token, so that the owners are known; then nobody is signed in.
    signedIn.add(U.lee.id.toLowerCase());
    assert.equal((await pollDue(deps)).polled, 1);
    signedIn.clear();
    for (let n = 1; n <= 2; n++) {
      later(2);
      const r = await pollDue(deps);
      assert.equal(r.failed, 1, `round ${n} failed`);
    }
    const told = posts.filter((p) => p.text.includes("I could not check 'Marketing'"));
    assert.deepEqual(
      told.map((p) => p.conversationId).sort(),
      [U.lee.id, U.megan.id, U.olga.id].map((id) => `a:${id.toLowerCase()}`).sort(),
    );
    later(2);
    const waiting = await pollDue(deps);
    assert.deepEqual([waiting.paused, waiting.failed], [1, 0], 'no round before the daily try');

    signedIn.add(U.olga.id.toLowerCase());
    later(25 * 3600);
    const back = await pollDue(deps);
    assert.equal(back.polled, 1);
    assert.equal(await deps.background?.failures.get('poll', MARKETING.id), undefined, 'cleared');
    assert.equal(posts.filter((p) => p.text.includes("I could not check 'Marketing'")).length, 3, 'told once');
  });
});
