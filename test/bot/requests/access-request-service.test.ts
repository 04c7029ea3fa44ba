import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { openStore } from '../../../bot/store/open-store';
import type { Store } from '../../../bot/store/store';
import type { AccessRequest, PersonRef } from '../../../bot/store/types';
import {
  AccessRequestService,
  RequestInputError,
  type AccessRequestServiceDeps,
  type Decider,
} from '../../../bot/requests/access-request-service';
import type { MemberAddJob, MemberAddResult, MemberRemoveJob } from '../../../bot/requests/member-change';
import { dropSchemas, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const OLGA = { id: 'olga', name: 'Olga Owner' };
const BOB = { id: 'bob', name: 'Bob Owner' };
const MALLORY = { id: 'mallory', name: 'Mallory Member' };
const OWNERS = new Set([OLGA.id, BOB.id]);

let counter = 0;
const uniq = (p: string): string => `${p}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/** A service on `store` with a settable clock and a recording fake of the Graph add. */
function harness(store: Store, start = new Date('2025-03-03T14:02:00Z')) {
  let now = start;
  const adds: MemberAddJob[] = [];
  let next: (job: MemberAddJob) => Promise<MemberAddResult> = async () => ({ outcome: 'added', status: 204 });
  const deps: AccessRequestServiceDeps = {
    store,
    clock: () => now,
    addMember: async (job) => {
      adds.push(job);
      return next(job);
    },
    options: { leaseSeconds: 120, remindAfterHours: 48, expiryDays: 14 },
  };
  const service = new AccessRequestService(deps);
  /** The person deciding in one call: owners may decide; their add runs with `token` (recorded in the job). */
  const as = (p: PersonRef, token?: string): Decider => ({
    ...p,
    mayDecide: async (_r: AccessRequest) => OWNERS.has(p.id),
    addMember: (job) => deps.addMember({ ...job, token }),
  });
  // Directory ids are GUIDs: the journal reads back only well-formed Undo operations.
  const requester = () => ({ id: randomUUID(), upn: 'ana@contoso.test', name: 'Ana Asker' });
  const group = () => ({ id: randomUUID(), name: 'Marketing' });
  return {
    service,
    as,
    adds,
    requester,
    group,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    setAdder: (f: typeof next) => {
      next = f;
    },
  };
}

describe('AccessRequestService (PGlite)', function () {
  this.timeout(120_000);
  let store: Store;
  before(async () => {
    store = await openStore({ memory: true });
  });
  after(async () => {
    await store?.close();
  });

  it('files a request, and merges an identical second one', async () => {
    const h = harness(store);
    const ana = h.requester();
    const g = h.group();
    const first = await h.service.file({ requester: ana, group: g, justification: '  campaign  ', durationDays: 30 });
    assert.equal(first.kind, 'filed');
    assert.equal(first.request.justification, 'campaign');
    assert.equal(
      first.request.expiresAt.toISOString(),
      new Date(Date.parse('2025-03-03T14:02:00Z') + 14 * DAY).toISOString(),
    );
    const second = await h.service.file({ requester: ana, group: g });
    assert.equal(second.kind, 'merged');
    assert.equal(second.request.id, first.request.id);
  });

  it('rejects bad input with a sentence', async () => {
    const h = harness(store);
    await assert.rejects(
      h.service.file({ requester: h.requester(), group: h.group(), durationDays: 0 }),
      RequestInputError,
    );
    await assert.rejects(
      h.service.file({ requester: h.requester(), group: h.group(), durationDays: 1.5 }),
      /1 to 3650 whole days/,
    );
    await assert.rejects(
      h.service.file({ requester: h.requester(), group: h.group(), justification: 'x'.repeat(1001) }),
      /too long/,
    );
  });

  it("approves: adds with the approver's token, journals with undo, grants the time-bound membership", async () => {
    const h = harness(store);
    const filed = await h.service.file({ requester: h.requester(), group: h.group(), durationDays: 30 });
    await h.service.recordCard({
      requestId: filed.request.id,
      conversationId: 'c-olga',
      activityId: 'a1',
      userId: OLGA.id,
      role: 'approver',
    });
    await h.service.recordCard({
      requestId: filed.request.id,
      conversationId: 'c-ana',
      activityId: 'a2',
      userId: filed.request.requesterId,
      role: 'requester',
    });
    h.advance(MIN);
    const result = await h.service.approve(filed.request.id, h.as(OLGA, 'olga-token'));
    assert.ok(result.ok);
    assert.equal(result.request.state, 'approved');
    assert.equal(result.view.headline, 'Approved by Olga Owner, Mon 3 Mar 2025, 14:03 UTC');
    assert.equal(result.cards.length, 2, 'every copy of the card is returned for updating');
    assert.equal(h.adds.length, 1);
    assert.equal(h.adds[0]?.token, 'olga-token');
    assert.deepEqual(h.adds[0]?.approver, OLGA);
    assert.equal(result.journal?.action, 'member.add');
    assert.equal(result.journal?.tokenOfId, OLGA.id);
    assert.deepEqual(result.journal?.undo, {
      kind: 'removeMember',
      groupId: filed.request.groupId,
      principalId: filed.request.requesterId,
    });
    assert.equal(result.journal?.undoUntil?.getTime(), Date.parse('2025-03-03T14:03:00Z') + DAY);
    assert.equal(result.membership?.expiresAt.getTime(), Date.parse('2025-03-03T14:03:00Z') + 30 * DAY);
    assert.equal(JSON.stringify(result).includes('olga-token'), false, 'the token is never kept');
  });

  it('a second click or a second owner gets the first decision, and Graph is called once', async () => {
    const h = harness(store);
    const filed = await h.service.file({ requester: h.requester(), group: h.group() });
    const results = await Promise.all([
      h.service.approve(filed.request.id, h.as(OLGA, 't1')),
      h.service.approve(filed.request.id, h.as(OLGA, 't1')),
      h.service.approve(filed.request.id, h.as(BOB, 't2')),
    ]);
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.equal(h.adds.length, 1);
    const winner = results.find((r) => r.ok);
    for (const loser of results.filter((r) => !r.ok)) {
      assert.ok(!loser.ok);
      assert.ok(['already-decided', 'in-progress'].includes(loser.refusal.code), loser.refusal.code);
      assert.match(
        loser.refusal.message,
        new RegExp(`by ${winner?.request.decidedByName ?? '?'} at Mon 3 Mar 2025, 14:02 UTC`),
      );
    }
    const late = await h.service.deny(filed.request.id, h.as(BOB), 'no');
    assert.ok(!late.ok);
    assert.equal(
      late.refusal.message,
      `This request was already approved by ${winner?.request.decidedByName ?? '?'} at Mon 3 Mar 2025, 14:02 UTC.`,
    );
    assert.equal(late.view?.state, 'approved', 'the refusal carries the state to refresh a stale card');
  });

  it('refuses approvers who are not owners or admins (checked on the server)', async () => {
    const h = harness(store);
    const filed = await h.service.file({ requester: h.requester(), group: h.group() });
    const r = await h.service.approve(filed.request.id, h.as(MALLORY, 'm-token'));
    assert.ok(!r.ok);
    assert.equal(r.refusal.code, 'not-approver');
    assert.equal(h.adds.length, 0);
    assert.equal((await h.service.get(filed.request.id))?.request.state, 'pending');
  });

  it('denies with a reason, once, and journals it', async () => {
    const h = harness(store);
    const filed = await h.service.file({ requester: h.requester(), group: h.group() });
    const r = await h.service.deny(filed.request.id, h.as(BOB), 'use Marketing Readers');
    assert.ok(r.ok);
    assert.equal(r.request.state, 'denied');
    assert.equal(
      r.view.requesterMessage,
      'Bob Owner denied your request to join "Marketing": "use Marketing Readers".',
    );
    assert.equal(r.journal?.action, 'request.deny');
    await assert.rejects(h.service.deny(filed.request.id, h.as(BOB), 'x'.repeat(501)), RequestInputError);
  });

  it('lets the requester cancel, and nobody else', async () => {
    const h = harness(store);
    const ana = h.requester();
    const filed = await h.service.file({ requester: ana, group: h.group() });
    const byOlga = await h.service.cancel(filed.request.id, OLGA);
    assert.ok(!byOlga.ok);
    assert.equal(byOlga.refusal.code, 'not-requester');
    const byAna = await h.service.cancel(filed.request.id, ana);
    assert.ok(byAna.ok);
    assert.equal(byAna.request.state, 'cancelled');
  });

  it('answers not-found for an unknown request', async () => {
    const h = harness(store);
    const r = await h.service.approve('no-such-request', h.as(OLGA, 't'));
    assert.ok(!r.ok);
    assert.equal(r.refusal.code, 'not-found');
  });

  it('fails the request for good when Graph refuses the add', async () => {
    const h = harness(store);
    h.setAdder(async () => ({ outcome: 'failed', message: 'Insufficient privileges.', status: 403 }));
    const filed = await h.service.file({ requester: h.requester(), group: h.group() });
    const r = await h.service.approve(filed.request.id, h.as(OLGA, 't'));
    assert.ok(r.ok);
    assert.equal(r.request.state, 'failed');
    assert.equal(r.request.reason, 'Insufficient privileges.');
    assert.equal(r.journal?.result, 'failed');
    assert.equal(r.journal?.status, 403);
  });

  it('recovers an approval interrupted before the Graph add: the sweeper retries after the lease', async () => {
    const h = harness(store);
    const filed = await h.service.file({ requester: h.requester(), group: h.group() });
    // The first process approves, then "dies" inside the Graph call (the add never returns).
    h.setAdder(() => new Promise<MemberAddResult>(() => undefined));
    void h.service.approve(filed.request.id, h.as(OLGA, 'olga-token'));
    await waitFor(async () => (await h.service.get(filed.request.id))?.request.state === 'approving');
    // Another instance sweeps: nothing before the lease runs out, then the add is retried without a token.
    h.setAdder(async () => ({ outcome: 'already-member', status: 400 }));
    assert.deepEqual(await h.service.retryStuckApprovals(), []);
    h.advance(3 * MIN);
    const swept = await h.service.retryStuckApprovals();
    const mine = swept.find((r) => r.ok && r.request.id === filed.request.id);
    assert.ok(mine && mine.ok);
    assert.equal(mine.request.state, 'approved');
    assert.equal(mine.journal?.result, 'no-op', 'an add that went through before the crash is not undoable');
    const retry = h.adds[h.adds.length - 1];
    assert.equal(retry?.token, undefined);
    assert.equal(retry?.attempt, 2);
  });

  it('keeps a request approving on retry-later, and gives up after maxAttempts', async () => {
    const h = harness(store);
    h.setAdder(async () => ({ outcome: 'retry-later', message: 'throttled' }));
    const filed = await h.service.file({ requester: h.requester(), group: h.group() });
    const r = await h.service.approve(filed.request.id, h.as(OLGA, 't'));
    assert.ok(r.ok);
    assert.equal(r.request.state, 'approving');
    assert.equal(r.retryScheduled, 'throttled');
    h.setAdder(async () => {
      throw new Error('socket hang up');
    });
    for (let i = 0; i < 4; i++) {
      h.advance(3 * MIN);
      const swept = (await h.service.retryStuckApprovals()).find((x) => x.ok && x.request.id === filed.request.id);
      assert.ok(swept && swept.ok && swept.retryScheduled === 'socket hang up', `attempt ${i + 2}`);
    }
    h.advance(3 * MIN);
    const last = (await h.service.retryStuckApprovals()).find((x) => x.ok && x.request.id === filed.request.id);
    assert.ok(last && last.ok);
    assert.equal(last.request.state, 'failed');
    assert.equal(last.request.reason, 'gave up after 5 attempts');
  });

  it('hands decided outcomes back until announced', async () => {
    const h = harness(store, new Date('2030-01-01T00:00:00Z'));
    const filed = await h.service.file({ requester: h.requester(), group: h.group() });
    await h.service.deny(filed.request.id, h.as(OLGA));
    assert.ok(
      !(await h.service.outcomesToAnnounce()).some((s) => s.request.id === filed.request.id),
      'leased to the decider',
    );
    h.advance(3 * MIN);
    assert.ok((await h.service.outcomesToAnnounce()).some((s) => s.request.id === filed.request.id));
    assert.equal(await h.service.markAnnounced(filed.request.id), true);
    h.advance(3 * MIN);
    assert.ok(!(await h.service.outcomesToAnnounce()).some((s) => s.request.id === filed.request.id));
  });

  it('reminds after the configured time and expires after 14 days', async () => {
    const h = harness(store, new Date('2031-01-01T00:00:00Z'));
    const filed = await h.service.file({ requester: h.requester(), group: h.group() });
    h.advance(47 * 60 * MIN);
    assert.ok(!(await h.service.remindDue()).some((s) => s.request.id === filed.request.id));
    h.advance(2 * 60 * MIN);
    assert.ok((await h.service.remindDue()).some((s) => s.request.id === filed.request.id));
    h.advance(13 * DAY);
    const expired = (await h.service.expireDue()).find((s) => s.request.id === filed.request.id);
    assert.equal(expired?.request.state, 'expired');
    assert.equal(
      expired?.view.requesterMessage,
      'Your request to join "Marketing" expired without a decision. You can ask again.',
    );
    const late = await h.service.approve(filed.request.id, h.as(OLGA, 't'));
    assert.ok(!late.ok);
    assert.match(late.refusal.message, /expired/);
  });

  it('lists my requests and the pending approvals of an owner', async () => {
    const h = harness(store);
    const ana = h.requester();
    const g1 = h.group();
    const g2 = h.group();
    const a = await h.service.file({ requester: ana, group: g1 });
    const b = await h.service.file({ requester: ana, group: g2 });
    await h.service.cancel(b.request.id, ana);
    assert.deepEqual(
      (await h.service.listMine(ana.id)).map((s) => s.request.id),
      [a.request.id],
    );
    assert.equal((await h.service.listMine(ana.id, { includeClosed: true })).length, 2);
    assert.deepEqual(
      (await h.service.listPendingForOwner([g1.id, g2.id])).map((s) => s.request.id),
      [a.request.id],
    );
  });

  it('finds the pending requests whose route names an owner, with route and copies, through the service', async () => {
    const h = harness(store);
    const ana = h.requester();
    const owner = { id: uniq('Olga'), name: 'Olga Owner' };
    const routeFor = (owners: { id: string; name: string }[]) => ({
      askedIn: 'conv-1',
      mentionIds: {},
      requester: { id: ana.id, displayName: ana.name, userPrincipalName: ana.upn },
      owners,
    });
    const mine = await h.service.file({ requester: ana, group: h.group() });
    await h.service.saveRoute(mine.request.id, routeFor([BOB, owner]));
    await h.service.recordCard({
      requestId: mine.request.id,
      conversationId: 'conv-1',
      activityId: 'act-1',
      userId: null,
      role: 'approver',
    });
    const other = await h.service.file({ requester: ana, group: h.group() });
    await h.service.saveRoute(other.request.id, routeFor([BOB]));
    const closed = await h.service.file({ requester: ana, group: h.group() });
    await h.service.saveRoute(closed.request.id, routeFor([owner]));
    await h.service.cancel(closed.request.id, ana);
    await h.service.file({ requester: ana, group: h.group() }); // no route stored

    const found = await h.service.pendingRoutedTo(owner.id.toUpperCase());
    assert.deepEqual(
      found.map((f) => f.request.id),
      [mine.request.id],
    );
    assert.deepEqual(
      found[0]!.route.owners.map((o) => o.name),
      ['Bob Owner', 'Olga Owner'],
    );
    assert.deepEqual(
      found[0]!.copies.map((c) => c.activityId),
      ['act-1'],
    );
    assert.deepEqual(await h.service.pendingRoutedTo(ana.id), [], "the requester's own requests are left out");
  });

  it('notifies and removes ended time-bound memberships, journalling the removal', async () => {
    const h = harness(store, new Date('2032-01-01T00:00:00Z'));
    const filed = await h.service.file({ requester: h.requester(), group: h.group(), durationDays: 10 });
    const approved = await h.service.approve(filed.request.id, h.as(OLGA, 't'));
    assert.ok(approved.ok && approved.membership);
    h.advance(6 * DAY);
    assert.ok(!(await h.service.membershipNoticesDue()).some((m) => m.id === approved.membership?.id));
    h.advance(2 * DAY);
    assert.ok((await h.service.membershipNoticesDue()).some((m) => m.id === approved.membership?.id));
    const jobs: MemberRemoveJob[] = [];
    h.advance(3 * DAY);
    const handled = await h.service.removeExpiredMemberships(async (job) => {
      jobs.push(job);
      return { outcome: 'removed', tokenOf: OLGA, status: 204 };
    });
    assert.deepEqual(
      handled.filter((x) => x.membership.id === approved.membership?.id).map((x) => x.outcome),
      ['removed'],
    );
    assert.deepEqual(jobs.find((j) => j.membershipId === approved.membership?.id)?.grantedBy, OLGA);
    const history = await store.journal.historyOfGroup(filed.request.groupId);
    assert.deepEqual(
      history.map((e) => e.action),
      ['member.remove', 'member.add'],
    );
  });
});

describe('AccessRequestService on PostgreSQL: two instances', function () {
  this.timeout(600_000);
  let url: string;
  const schema = uniqueSchemaName('svc');
  let a: Store;
  let b: Store;
  before(async () => {
    url = await testDatabaseUrl();
    a = await openStore({ databaseUrl: url, schema });
    b = await openStore({ databaseUrl: url, schema });
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    if (url) await dropSchemas(url, [schema]);
  });

  it('a request filed on one instance and approved on both at once is added exactly once', async () => {
    const one = harness(a);
    const two = harness(b);
    const filed = await one.service.file({ requester: one.requester(), group: one.group() });
    const [r1, r2] = await Promise.all([
      one.service.approve(filed.request.id, one.as(OLGA, 'olga-token')),
      two.service.approve(filed.request.id, two.as(BOB, 'bob-token')),
    ]);
    assert.equal([r1, r2].filter((r) => r.ok).length, 1);
    assert.equal(one.adds.length + two.adds.length, 1);
    const final = await two.service.get(filed.request.id);
    assert.equal(final?.request.state, 'approved');
    assert.equal((await b.journal.historyOfGroup(filed.request.groupId)).length, 1);
  });
});

/** Polls `check` until true (no fixed sleeps: yields to the event loop between checks). Throws after 2000 polls. */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await check()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error('condition never became true');
}
