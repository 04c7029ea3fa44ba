/**
 * Background work end to end in-process: the real requests sweeper over the real store (PGlite in memory), the
 * real Graph emulator (demo tenant: Marketing is owned by Olga and Megan), the background parts as runtime.ts
 * builds them, a recording messenger instead of a channel, and the digest sweep. Tokens are minted as local mode
 * does; the token service's cache is played by `signedIn` (only those users have a cached token).
 */
import { strict as assert } from 'node:assert';
import type { Activity, TurnContext } from 'botbuilder';
import { openStore, type Store } from '../../../bot/store';
import { createLogger } from '../../../bot/log';
import { RequestCoordinator } from '../../../bot/teams/request-coordinator';
import { submit } from './request-clicks';
import type { PostedMessage, RequestPoster } from '../../../bot/teams/request-messenger';
import { sweepRequests } from '../../../bot/teams/request-sweeper';
import { createBackgroundWork, type BackgroundParts } from '../../../bot/teams/background-wiring';
import { backgroundSectionOf } from '../../../bot/teams/digest-wiring';
import { sweepDigests } from '../../../bot/hygiene/digest-sweep';
import { DigestStore } from '../../../bot/hygiene/digest-store';
import { DEFAULT_HYGIENE_SETTINGS } from '../../../bot/hygiene/hygiene-settings';
import { hygieneReply } from '../../../bot/commands/hygiene-show';
import { openGraphSession } from '../../../bot/directory/graph-session';
import type { CommandContext } from '../../../bot/commands/context';
import type { Reply } from '../../../bot/shared/types';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startHarness, type Harness } from '../commands/command-harness';

type Who = keyof typeof DEMO_USERS;
const MARKETING = DEMO_GROUPS.marketing;
const ANA = DEMO_USERS.ana;
const LEASE_MS = 121_000;

class RecordingPoster implements RequestPoster {
  posts: { conversationId: string; text: string }[] = [];
  personal = new Map<string, string>();
  private n = 0;
  async post(conversationId: string, activity: Partial<Activity>): Promise<PostedMessage | undefined> {
    this.posts.push({ conversationId, text: activity.text ?? JSON.stringify(activity.attachments ?? []) });
    return { conversationId, activityId: `m${++this.n}` };
  }
  async updateCard(): Promise<boolean> {
    return true;
  }
  async personalConversationOf(userId: string): Promise<string | undefined> {
    return this.personal.get(userId.toLowerCase());
  }
}

describe('bot/teams/background-wiring', function () {
  this.timeout(60000);
  let harness: Harness;
  let store: Store;
  let poster: RecordingPoster;
  let now: Date;
  let signedIn: Set<string>;
  let coordinator: RequestCoordinator;
  let background: BackgroundParts;
  let megan: CommandContext;
  const log = createLogger('error', () => undefined);

  before(async () => {
    harness = await startHarness();
    megan = await harness.ctx(DEMO_USERS.megan.upn);
  });
  after(async () => {
    await harness?.stop();
  });
  beforeEach(async () => {
    store = await openStore({ memory: true });
    poster = new RecordingPoster();
    for (const who of ['olga', 'megan'] as const) poster.personal.set(DEMO_USERS[who].id.toLowerCase(), `a:${who}`);
    now = new Date();
    signedIn = new Set();
    const tokenForUser = async (objectId: string): Promise<string | undefined> => {
      const user = Object.values(DEMO_USERS).find((u) => u.id.toLowerCase() === objectId.toLowerCase());
      if (!user || !signedIn.has(user.id.toLowerCase())) return undefined;
      // Valid for an hour of the test's clock, which runs days ahead of the real one.
      const lifetimeSeconds = Math.ceil((now.getTime() - Date.now()) / 1000) + 3600;
      return harness.emulator.issueToken(user.upn, { lifetimeSeconds });
    };
    const graph = { baseUrl: harness.emulator.baseUrl, caPem: harness.emulator.caPem };
    coordinator = new RequestCoordinator({
      store,
      messenger: poster,
      graph,
      log,
      settings: {
        sweepSeconds: 0,
        remindHours: 48,
        expiryDays: 14,
        leaseSeconds: 120,
        membershipNoticeDays: 3,
        timeZone: 'UTC',
      },
      clock: () => now,
      tokenForUser,
    });
    background = createBackgroundWork({
      store,
      graph,
      tokenForUser,
      messenger: poster,
      log,
      maxFailures: 3,
      clock: () => now,
    });
    if (!(await memberIds()).includes(ANA.id))
      await megan.graph.post(`/groups/${MARKETING.id}/members/$ref`, {
        '@odata.id': megan.graph.directoryObjectUrl(ANA.id),
      });
  });
  afterEach(async () => {
    await store.close();
    if ((await memberIds()).includes(ANA.id))
      await megan.graph.delete(`/groups/${MARKETING.id}/members/${ANA.id}/$ref`);
  });

  function signIn(...who: Who[]): void {
    for (const w of who) signedIn.add(DEMO_USERS[w].id.toLowerCase());
  }

  async function memberIds(): Promise<string[]> {
    const body = await megan.graph.get<{ value: { id: string }[] }>(
      `/groups/${MARKETING.id}/members?$select=id&$top=999`,
    );
    return body.value.map((m) => m.id);
  }

  /** Ana's membership of Marketing, granted by Olga for a time that has just ended. */
  async function endedMembership(): Promise<string> {
    const m = await store.memberships.grant({
      id: 'tb-1',
      groupId: MARKETING.id,
      groupName: MARKETING.displayName,
      userId: ANA.id,
      userName: ANA.displayName,
      requestId: null,
      grantedBy: { id: DEMO_USERS.olga.id, name: DEMO_USERS.olga.displayName },
      expiresAt: new Date(now.getTime() - 60_000),
      createdAt: new Date(now.getTime() - 86_400_000),
    });
    return m.id;
  }

  const sweep = () => sweepRequests(coordinator, log, undefined, undefined, { background });

  it("removes an ended membership with another owner's token when the granter's is gone", async () => {
    await endedMembership();
    signIn('ana', 'megan'); // Olga, who granted it, has no cached token
    const report = await sweep();
    assert.equal(report.removed, 1);
    assert.ok(!(await memberIds()).includes(ANA.id), 'Ana was removed');
    const [entry] = await store.journal.historyOfGroup(MARKETING.id, { limit: 5 });
    assert.equal(entry?.action, 'member.remove');
    assert.equal(entry?.tokenOfId?.toLowerCase(), DEMO_USERS.megan.id.toLowerCase(), "made with Megan's token");
    assert.equal(await background.failures.get('removal', 'tb-1'), undefined, 'nothing counted');
  });

  it('after N failures tells the owners once, stops the regular retries, shows it in the digest, and clears on success', async () => {
    const id = await endedMembership();
    signIn('ana'); // Ana can read the owners but may not remove herself; no owner or administrator is signed in
    for (let n = 1; n <= 3; n++) {
      const report = await sweep();
      assert.equal(report.backgroundFailures, 1, `failure ${n} counted`);
      assert.equal((await background.failures.get('removal', id))?.failures, n);
      now = new Date(now.getTime() + LEASE_MS);
    }
    const told = poster.posts.filter((p) => p.text.includes('I could not remove Ana'));
    assert.deepEqual(told.map((p) => p.conversationId).sort(), ['a:megan', 'a:olga']);
    assert.match(told[0]?.text ?? '', /Marketing.*nobody with a current sign-in could do it \(3 tries\)/);

    // Given up: no attempt before the daily try, and the owners are not told again.
    const paused = await sweep();
    assert.equal(paused.backgroundFailures, 0);
    now = new Date(now.getTime() + 25 * 3_600_000);
    const daily = await sweep();
    assert.equal(daily.backgroundFailures, 1, 'the daily try ran');
    assert.equal(poster.posts.filter((p) => p.text.includes('I could not remove Ana')).length, 2, 'told once');

    // The digest of an owner who was told shows it as its own section.
    const digests = new DigestStore(store.keyValue);
    await digests.put({
      conversationId: 'digest-chat',
      kind: 'personal',
      ownerId: DEMO_USERS.megan.id,
      ownerName: DEMO_USERS.megan.displayName,
      createdAt: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
    });
    const posted: Reply[] = [];
    await sweepDigests({
      store: digests,
      settings: DEFAULT_HYGIENE_SETTINGS,
      clock: () => now,
      log,
      tokenFor: async () => harness.emulator.issueToken(DEMO_USERS.megan.upn),
      sessionFor: (token) =>
        openGraphSession({ baseUrl: harness.emulator.baseUrl, caPem: harness.emulator.caPem }, async () => token),
      post: async (_c, reply) => {
        posted.push(reply);
        return true;
      },
      render: (report) => hygieneReply(report, 'Weekly group hygiene digest'),
      background: backgroundSectionOf(background.failures, DEFAULT_HYGIENE_SETTINGS, log),
    });
    const digest = JSON.stringify(posted[0]?.card ?? {});
    assert.match(digest, /Background work failing \(1\)/);
    assert.match(digest, /could not remove Ana Silva/);

    // Someone signs in: the next daily try removes Ana and clears the count.
    signIn('megan');
    now = new Date(now.getTime() + 25 * 3_600_000);
    const done = await sweep();
    assert.equal(done.removed, 1);
    assert.equal(await background.failures.get('removal', id), undefined);
    assert.deepEqual(await background.failures.givenUp(), []);
  });

  it("completes an interrupted approval with another owner's token when the approver's is gone", async () => {
    await megan.graph.delete(`/groups/${MARKETING.id}/members/${ANA.id}/$ref`);
    const ana = await harness.ctx(ANA.upn);
    await submit(
      coordinator,
      ana,
      { activity: { conversation: { id: 'chat-1' }, replyToId: 'ask-1' } } as unknown as TurnContext,
      MARKETING.id,
      'Campaign',
    );
    const requestId = (await store.requests.listByRequester(ANA.id))[0]?.id ?? '';
    // What a crash leaves: approving by Olga, no add made; the lease ran out. Olga's token is gone since.
    await store.requests.transition({
      id: requestId,
      from: ['pending'],
      to: 'approving',
      at: now,
      decidedBy: { id: DEMO_USERS.olga.id, name: DEMO_USERS.olga.displayName },
      claimUntil: new Date(now.getTime() + 120_000),
      countAttempt: true,
    });
    now = new Date(now.getTime() + LEASE_MS);
    signIn('ana', 'megan');
    const report = await sweep();
    assert.equal(report.completed, 1);
    assert.equal((await store.requests.get(requestId))?.state, 'approved');
    assert.ok((await memberIds()).includes(ANA.id));
    const [entry] = await store.journal.historyOfGroup(MARKETING.id, { limit: 5 });
    assert.equal(entry?.tokenOfId?.toLowerCase(), DEMO_USERS.megan.id.toLowerCase());
  });
});
