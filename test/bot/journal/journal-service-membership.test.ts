/**
 * Undoing an approved time-bound membership add (a journal entry written by the request flow) also ends its
 * scheduled removal, so neither the expiry notice nor the removal sweep acts on it later. Against the Graph
 * emulator (the add and the undo are real Graph calls with the approver's token) and an in-memory store.
 */
import { strict as assert } from 'node:assert';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator';
import { startHarness, allText, buttonData, type Harness } from '../commands/command-harness';
import { continuePending } from '../../../bot/commands/dispatch';
import { runCardAction } from '../../../bot/commands/card-action-run';
import type { CommandContext, Outcome } from '../../../bot/commands/context';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { AccessRequestService } from '../../../bot/requests/access-request-service';
import { openStore, type Store } from '../../../bot/store';
import { JournalService } from '../../../bot/journal';

const DAY = 24 * 3_600_000;
const FINANCE = DEMO_GROUPS.financeReaders;
const ANA = DEMO_USERS.ana;
const OLGA = DEMO_USERS.olga;
const DIEGO = DEMO_USERS.diego;

describe('bot/journal: undo of an approved time-bound add ends its scheduled removal (emulator)', function () {
  this.timeout(180_000);
  let h: Harness;
  let store: Store;
  let olga: CommandContext;

  /** Files a request for `requester` with a duration and has Olga (owner) approve it, adding through Graph. */
  async function approvedFor(
    requester: { id: string; upn: string; displayName: string },
    days: number,
    journal: JournalService,
  ) {
    const service = new AccessRequestService({
      store,
      addMember: async () => ({ outcome: 'retry-later', message: 'no sweeper here' }),
    });
    const filed = await service.file({
      requester: { id: requester.id, name: requester.displayName, upn: requester.upn },
      group: { id: FINANCE.id, name: FINANCE.displayName },
      durationDays: days,
    });
    const approved = await service.approve(filed.request.id, {
      id: OLGA.id,
      name: OLGA.displayName,
      mayDecide: async () => true,
      addMember: async (job) => {
        await olga.graph.post(`/groups/${job.group.id}/members/$ref`, {
          '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${job.user.id}`,
        });
        return { outcome: 'added', status: 204 };
      },
    });
    assert.ok(approved.ok, 'approved');
    assert.ok(approved.membership, 'a time-bound membership was granted');
    assert.ok(approved.journal?.undo, 'the journal entry can be undone');
    assert.equal(approved.journal.requestId, filed.request.id);
    return { membership: approved.membership, entry: approved.journal, ctx: { ...olga, journal } };
  }

  async function undo(ctx: CommandContext, journalId: string): Promise<Outcome> {
    const ask = await (runCardAction({ verb: 'undo', journalId }, ctx) as Promise<Outcome>);
    const pendingId = ask.replies
      .map((r) => buttonData(r, 'confirm')?.['pendingId'])
      .find((x) => typeof x === 'string');
    assert.ok(typeof pendingId === 'string', `a confirmation: ${allText(ask)}`);
    return continuePending(pendingId, { confirmed: true }, ctx);
  }

  async function memberIds(): Promise<string[]> {
    return (
      await olga.graph.get<{ value: { id: string }[] }>(`/groups/${FINANCE.id}/members?$select=id&$top=999`)
    ).value.map((m) => m.id);
  }

  before(async () => {
    h = await startHarness();
    store = await openStore({ memory: true });
    olga = await h.ctx(OLGA.upn);
  });
  after(async () => {
    await store.close();
    await h.stop();
    await closeGraphConnections();
  });

  it('Undo removes the member and ends the membership: no notice, no removal sweep later', async () => {
    const journal = new JournalService(store.journal, store.keyValue, {
      memberships: store.memberships,
      onError: (err) => {
        throw err;
      },
    });
    const { membership, entry, ctx } = await approvedFor(ANA, 30, journal);
    assert.ok((await memberIds()).includes(ANA.id));
    assert.equal((await store.memberships.listActiveForGroup(FINANCE.id)).filter((m) => m.userId === ANA.id).length, 1);

    const done = await undo(ctx, entry.id);
    assert.match(allText(done), /Undone: I removed Ana Silva from 'Finance Readers'/);
    assert.ok(!(await memberIds()).includes(ANA.id), 'Ana was removed by the undo');
    const ended = await store.memberships.get(membership.id);
    assert.ok(ended?.removedAt, 'the time-bound membership is ended');
    assert.deepEqual(
      (await store.memberships.listActiveForGroup(FINANCE.id)).filter((m) => m.userId === ANA.id),
      [],
    );

    // Past the expiry: the sweeper finds nothing of it to announce or remove.
    const later = new Date(Date.now() + 31 * DAY);
    assert.ok(!(await store.memberships.claimDueNotices(later, later)).some((m) => m.id === membership.id));
    // A control: another time-bound membership (never undone) that the same sweep must pick up.
    const control = await store.memberships.grant({
      id: 'control-membership',
      groupId: FINANCE.id,
      groupName: FINANCE.displayName,
      userId: DEMO_USERS.pradeep.id,
      userName: DEMO_USERS.pradeep.displayName,
      requestId: null,
      grantedBy: null,
      expiresAt: new Date(Date.now() + DAY),
      createdAt: new Date(),
    });
    const sweeper = new AccessRequestService({
      store,
      clock: () => later,
      addMember: async () => ({ outcome: 'retry-later', message: 'not used' }),
    });
    const removals: string[] = [];
    await sweeper.removeExpiredMemberships(async (job) => {
      removals.push(job.membershipId);
      return { outcome: 'not-member' };
    });
    assert.ok(removals.includes(control.id), 'the sweep ran and acted on the control');
    assert.ok(!removals.includes(membership.id), 'the sweep does not act on the undone one');
    assert.ok(
      !(await store.memberships.claimDueRemovals(later, new Date(later.getTime() + DAY))).some(
        (m) => m.id === membership.id,
      ),
    );
  });

  it('a journal without the membership repository leaves the schedule alone (the wiring is what ends it)', async () => {
    const journal = new JournalService(store.journal, store.keyValue, {
      onError: (err) => {
        throw err;
      },
    });
    const { membership, entry, ctx } = await approvedFor(DIEGO, 7, journal);
    const done = await undo(ctx, entry.id);
    assert.match(allText(done), /Undone/);
    assert.equal((await store.memberships.get(membership.id))?.removedAt, null);
    // Tidy: end it through the repository method itself, which reports what it ended once.
    assert.equal((await store.memberships.endEarly(FINANCE.id, DIEGO.id, new Date()))?.id, membership.id);
    assert.equal(await store.memberships.endEarly(FINANCE.id, DIEGO.id, new Date()), undefined);
  });
});
