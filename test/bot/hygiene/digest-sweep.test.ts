/**
 * The weekly digest scheduler with a real store and the emulator: due digests are claimed once, scanned with the
 * subscriber's token and posted, and marked sent only once delivered; a failed scan or post leaves the digest due
 * (retried after a wait); those not due, or whose subscriber has no token now, wait.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, type Harness } from '../commands/command-harness';
import { closeGraphConnections, createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { openStore, type Store } from '../../../bot/store';
import { DigestStore, digestRetryMs, isDigestDue, type DigestSubscription } from '../../../bot/hygiene/digest-store';
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
    assert.deepEqual(report, { due: 2, sent: 1, skipped: 1, failed: 0, claimedElsewhere: 0 });
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

  it('does not mark a digest sent when its post fails, and retries it after the wait', async () => {
    await digests.put(sub('flaky', DEMO_USERS.megan.id, 8));
    const before = (await digests.get('flaky'))?.lastSentAt;
    let deliver = false;
    const post = async (conversationId: string, reply: Reply): Promise<boolean> => {
      if (!deliver) return false;
      posts.push({ conversationId, reply });
      return true;
    };
    const first = await sweepDigests(deps({ post }));
    assert.equal(first.failed, 1);
    const stored = await digests.get('flaky');
    assert.equal(stored?.lastSentAt, before, 'not marked sent');
    assert.equal(stored?.failures, 1);
    assert.equal(stored?.claimedUntil, undefined, 'claim released');
    assert.equal(stored?.retryAt, new Date(NOW.getTime() + digestRetryMs(1)).toISOString());
    assert.equal((await sweepDigests(deps({ post }))).due, 0, 'waits before retrying');
    deliver = true;
    const later = new Date(NOW.getTime() + digestRetryMs(1));
    const retried = await sweepDigests(deps({ post, clock: () => later }));
    assert.deepEqual({ due: retried.due, sent: retried.sent }, { due: 1, sent: 1 });
    const done = await digests.get('flaky');
    assert.equal(done?.lastSentAt, later.toISOString());
    assert.equal(done?.failures, undefined, 'failures forgotten once delivered');
    assert.equal(posts.length, 1);
  });

  it('does not mark a digest sent when its scan fails (Graph down), nor when the post throws', async () => {
    await digests.put(sub('scan-fails', DEMO_USERS.megan.id, 9));
    const broken = deps({
      sessionFor: (token) =>
        new GraphSession(
          createGraphClient({ baseUrl: 'https://127.0.0.1:9', caPem: h.emulator.caPem }, async () => token),
          { baseUrl: 'https://127.0.0.1:9' },
        ),
    });
    const report = await sweepDigests(broken);
    assert.equal(report.failed, 1);
    assert.equal(posts.length, 0);
    const stored = await digests.get('scan-fails');
    assert.equal(stored?.lastSentAt, new Date(NOW.getTime() - 9 * DAY).toISOString());
    assert.equal(stored?.failures, 1);
    const after = new Date(NOW.getTime() + digestRetryMs(1));
    const throwing = deps({
      clock: () => after,
      post: async () => {
        throw new Error('connector down');
      },
    });
    assert.equal((await sweepDigests(throwing)).failed, 1);
    const twice = await digests.get('scan-fails');
    assert.equal(twice?.failures, 2);
    assert.equal(twice?.retryAt, new Date(after.getTime() + digestRetryMs(2)).toISOString(), 'the wait doubles');
    assert.equal(twice?.lastSentAt, stored?.lastSentAt);
  });

  it('never posts from an instance whose claim was taken over while it scanned', async () => {
    await digests.put(sub('slow', DEMO_USERS.megan.id, 7));
    const listed = (await digests.list(NOW)).find((x) => x.sub.conversationId === 'slow');
    assert.ok(listed);
    // Another instance claimed it and its claim lapsed; this sweep then takes over and sends.
    const claim = await digests.claim(listed.sub, listed.eTag, NOW, 1);
    assert.ok(claim);
    const held = await digests.get('slow');
    assert.ok(held && !isDigestDue(held, NOW, 7), 'a claimed digest is not due while the claim holds');
    const later = new Date(NOW.getTime() + 1000);
    const report = await sweepDigests(deps({ clock: () => later }));
    assert.equal(report.sent, 1);
    // The first instance comes back after its scan: its renew fails, so it does not post.
    assert.equal(await digests.renew(listed.sub, claim, later), undefined);
    assert.equal(await digests.markSent(listed.sub, claim, later), false);
    assert.equal(posts.length, 1);
  });

  it('starts nothing for 0 seconds, and stops cleanly', async () => {
    const stopNone = startDigestSweeper(deps(), 0);
    await stopNone();
    const stop = startDigestSweeper(deps(), 3600);
    await stop();
    assert.equal(posts.length, 0);
  });
});
