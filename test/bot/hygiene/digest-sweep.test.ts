/**
 * The weekly digest scheduler with a real store and the emulator: due digests are claimed once, scanned with the
 * subscriber's token and posted; those not due, or whose subscriber has no token now, wait.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, type Harness } from '../commands/command-harness';
import { closeGraphConnections, createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { openStore, type Store } from '../../../bot/store';
import { DigestStore, type DigestSubscription } from '../../../bot/hygiene/digest-store';
import { sweepDigests, startDigestSweeper, type DigestSweepDeps } from '../../../bot/hygiene/digest-sweep';
import { hygieneReply } from '../../../bot/commands/hygiene-show';
import { DEFAULT_HYGIENE_SETTINGS } from '../../../bot/hygiene/hygiene-settings';
import type { Reply } from '../../../bot/shared/types';
import { createLogger } from '../../../bot/log';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';

const NOW = new Date('2026-12-08T09:00:00Z');
const DAY = 86_400_000;

describe('bot/hygiene digest sweep (emulator, store)', function () {
  this.timeout(120_000);
  let h: Harness;
  let store: Store;
  let digests: DigestStore;
  let posts: { conversationId: string; reply: Reply }[];

  function deps(overrides: Partial<DigestSweepDeps> = {}): DigestSweepDeps {
    return {
      store: digests,
      settings: DEFAULT_HYGIENE_SETTINGS,
      clock: () => NOW,
      log: createLogger('error', () => undefined),
      tokenFor: async (userId) => (userId === DEMO_USERS.megan.id ? h.emulator.issueToken(UPN.megan) : undefined),
      sessionFor: (token) =>
        new GraphSession(
          createGraphClient({ baseUrl: h.emulator.baseUrl, caPem: h.emulator.caPem }, async () => token),
          { baseUrl: h.emulator.baseUrl },
        ),
      post: async (conversationId, reply) => {
        posts.push({ conversationId, reply });
        return true;
      },
      render: (report) => hygieneReply(report, 'Weekly group hygiene digest'),
      ...overrides,
    };
  }
  const sub = (conversationId: string, ownerId: string, lastSentDaysAgo?: number): DigestSubscription => ({
    conversationId,
    kind: 'channel',
    ownerId,
    ownerName: 'x',
    createdAt: '2026-01-01T00:00:00Z',
    ...(lastSentDaysAgo !== undefined
      ? { lastSentAt: new Date(NOW.getTime() - lastSentDaysAgo * DAY).toISOString() }
      : {}),
  });

  before(async () => {
    h = await startHarness();
    store = await openStore({ memory: true });
    digests = new DigestStore(store.keyValue);
  });
  beforeEach(async () => {
    posts = [];
    for (const { sub: s } of await digests.list(NOW)) await digests.remove(s.conversationId);
  });
  after(async () => {
    await store.close();
    await h.stop();
    await closeGraphConnections();
  });

  it("posts the due digests with the subscriber's token, once", async () => {
    await digests.put(sub('due', DEMO_USERS.megan.id, 7));
    await digests.put(sub('fresh', DEMO_USERS.megan.id, 6));
    await digests.put(sub('no-token', DEMO_USERS.ana.id));
    const report = await sweepDigests(deps());
    assert.deepEqual(report, { due: 2, sent: 1, skipped: 1, failed: 0 });
    assert.deepEqual(
      posts.map((p) => p.conversationId),
      ['due'],
    );
    assert.match(posts[0]?.reply.text ?? '', /^Group hygiene \(every group\)/);
    assert.match(JSON.stringify(posts[0]?.reply.card), /Weekly group hygiene digest/);
    assert.equal((await digests.get('due'))?.lastSentAt, NOW.toISOString());
    const again = await sweepDigests(deps());
    assert.equal(again.sent, 0, 'sent once a period');
    assert.equal(posts.length, 1);
  });

  it('lets only one of two instances send the same digest', async () => {
    await digests.put(sub('shared', DEMO_USERS.megan.id));
    const [a, b] = await Promise.all([sweepDigests(deps()), sweepDigests(deps())]);
    assert.equal(a.sent + b.sent, 1);
    assert.equal(posts.length, 1);
  });

  it('counts a failed post or scan and goes on with the next', async () => {
    await digests.put(sub('gone', DEMO_USERS.megan.id));
    await digests.put(sub('also', DEMO_USERS.megan.id));
    const post = async (conversationId: string): Promise<boolean> => {
      if (conversationId === 'gone') return false;
      posts.push({ conversationId, reply: { text: '' } });
      return true;
    };
    const report = await sweepDigests(deps({ post }));
    assert.deepEqual({ sent: report.sent, failed: report.failed }, { sent: 1, failed: 1 });
  });

  it('starts nothing for 0 seconds, and stops cleanly', async () => {
    const stopNone = startDigestSweeper(deps(), 0);
    await stopNone();
    const stop = startDigestSweeper(deps(), 3600);
    await stop();
    assert.equal(posts.length, 0);
  });
});
