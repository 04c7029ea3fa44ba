import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Store } from '../../../bot/store/store';
import { CHECKPOINT_EVERY, type MembershipEvent } from '../../../bot/store/history-repository';
import type { NewAccessRequest, NewJournalEntry } from '../../../bot/store/types';
import { EtagConflictError } from '../../../bot/store/bot-storage';
import { JournalSecretError } from '../../../bot/store/journal-repository';
import { pendingOperationStore } from '../../../bot/store/pending-operation-store';
import type { SqlClient } from '../../../bot/store/sql-client';
import { applyMigrations } from '../../../bot/store/migrate';
import { MIGRATIONS } from '../../../bot/store/migrations';
import { storeOn } from '../../../bot/store/open-store';

/** One place a store lives (a PGlite directory, a PostgreSQL schema); open() may be called again after close. */
export interface StoreSite {
  open(): Promise<Store>;
  /** The site's database with no migration applied (the caller applies them), and the schema to apply them in. */
  raw(): Promise<{ client: SqlClient; schema?: string }>;
}

/** How the contract suite gets stores of one implementation. */
export interface StoreHarness {
  /** A new, empty site. */
  fresh(): Promise<StoreSite>;
  /** Removes every site made (called once after the suite). */
  cleanup(): Promise<void>;
}

const T0 = new Date('2025-03-03T14:02:00Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const at = (ms: number): Date => new Date(T0.getTime() + ms);
/** The Undo of the default journal entry (ids are GUIDs: the journal reads back only well-formed operations). */
const UNDO = {
  kind: 'removeMember' as const,
  groupId: 'a0e5bd3c-1c57-4c39-9a86-0d1c7a5b0001',
  principalId: 'a0e5bd3c-1c57-4c39-9a86-0d1c7a5b0002',
};

function newRequest(over: Partial<NewAccessRequest> = {}): NewAccessRequest {
  return {
    id: randomUUID(),
    requesterId: `user-${randomUUID()}`,
    requesterUpn: 'ana@contoso.test',
    requesterName: 'Ana Asker',
    groupId: `group-${randomUUID()}`,
    groupName: 'Marketing',
    justification: 'campaign work',
    durationDays: null,
    createdAt: T0,
    expiresAt: at(14 * DAY),
    ...over,
  };
}

function journalEntry(over: Partial<NewJournalEntry> = {}): NewJournalEntry {
  return {
    id: randomUUID(),
    at: T0,
    action: 'member.add',
    actor: { id: 'olga', name: 'Olga Owner' },
    requestedBy: { id: 'ana', name: 'Ana Asker' },
    approvedBy: { id: 'olga', name: 'Olga Owner' },
    tokenOfId: 'olga',
    group: { id: 'g-1', name: 'Marketing' },
    target: { id: 'ana', name: 'Ana Asker' },
    requestId: null,
    result: 'succeeded',
    status: 204,
    detail: null,
    undo: UNDO,
    undoUntil: at(DAY),
    ...over,
  };
}

/**
 * The store contract: every Store implementation must pass it (PGlite and PostgreSQL run the same cases).
 * `concurrentOpen`: two stores may be open on one site at once (PostgreSQL); PGlite allows one per directory, so
 * there the race tests use concurrent promises on one instance and the concurrent-open case does not apply.
 */
export function storeContract(
  name: string,
  options: { concurrentOpen: boolean },
  makeHarness: () => Promise<StoreHarness>,
): void {
  describe(`Store contract: ${name}`, function () {
    this.timeout(120_000);
    let harness: StoreHarness;
    let store: Store;
    /** A second store on the same site (PostgreSQL) or the same one (PGlite: concurrent promises on one instance). */
    let other: Store;

    before(async function () {
      this.timeout(600_000); // the first PostgreSQL run may install Debian's package
      harness = await makeHarness();
      const site = await harness.fresh();
      store = await site.open();
      other = options.concurrentOpen ? await site.open() : store;
    });

    after(async () => {
      if (other !== store) await other?.close();
      await store?.close();
      await harness?.cleanup();
    });

    describe('schema and migrations', () => {
      it('applies every migration on open, once', async () => {
        assert.deepEqual(await store.schemaVersions(), [1, 2, 3, 4, 5, 6, 7, 8]);
      });

      it('reopening an existing store applies nothing twice and keeps the data', async () => {
        const site = await harness.fresh();
        const first = await site.open();
        const filed = await first.requests.fileOrMerge(newRequest());
        await first.keyValue.set('kept', { n: 1 });
        await first.close();
        const second = await site.open();
        try {
          assert.deepEqual(await second.schemaVersions(), [1, 2, 3, 4, 5, 6, 7, 8]);
          assert.equal((await second.requests.get(filed.request.id))?.state, 'pending');
          assert.deepEqual((await second.keyValue.get('kept'))?.value, { n: 1 });
        } finally {
          await second.close();
        }
      });

      it('migration 8 drops the Graph-call Undo of old journal rows and the flag-bag pending operations', async () => {
        const { client, schema } = await (await harness.fresh()).raw();
        try {
          await applyMigrations(
            client,
            schema,
            MIGRATIONS.filter((m) => m.version < 8),
          );
          const old = storeOn(client);
          const g = '9fad3235-e6d7-4bc9-93fb-058d0748357d';
          const u = '5857c451-a528-4bcc-bdab-3ab6d7402e69';
          const group = { id: g, name: 'Old rows' };
          const call = { method: 'DELETE', path: `/groups/${g}/members/${u}/$ref` };
          const typed = { kind: 'removeMember' as const, groupId: g, principalId: u };
          const legacy = await old.journal.append(journalEntry({ group, at: at(0), undo: call as never }));
          const kept = await old.journal.append(journalEntry({ group, at: at(MIN), undo: typed }));
          await client.query('UPDATE journal SET graph_method = $1, graph_path = $2 WHERE id = $3', [
            call.method,
            call.path,
            legacy.id,
          ]);
          const until = at(DAY);
          const pending = { actorId: 'ana', intent: { intent: 'showHistory' }, kind: 'confirm', expiresAt: +until };
          await old.keyValue.putExpiring('pending-operation:flags', { ...pending, flags: { undo: 'chg-1' } }, until);
          const typedPending = { ...pending, continuation: { kind: 'undo', key: 'chg-1' } };
          await old.keyValue.putExpiring('pending-operation:typed', typedPending, until);
          await old.keyValue.set('other:flags', { flags: { any: 1 } });

          assert.ok((await applyMigrations(client, schema)).includes(8));

          const store8 = storeOn(client);
          const legacyNow = await store8.journal.get(legacy.id);
          assert.equal(legacyNow?.undo, null, 'the Graph-call Undo is dropped');
          assert.equal(legacyNow?.undoUntil, null);
          assert.equal(legacyNow?.action, 'member.add', 'the entry stays as history');
          assert.deepEqual((await store8.journal.get(kept.id))?.undo, typed);
          const columns = await client.query<{ column_name: string }>(
            `SELECT column_name FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = 'journal' AND column_name LIKE 'graph_%'`,
          );
          assert.deepEqual(columns, [], 'graph_method and graph_path are gone');
          assert.equal(await store8.keyValue.get('pending-operation:flags'), undefined, 'the flag-bag operation');
          assert.deepEqual((await store8.keyValue.get('pending-operation:typed'))?.value, typedPending);
          assert.deepEqual(
            (await store8.keyValue.get('other:flags'))?.value,
            { flags: { any: 1 } },
            'not a pending op',
          );
        } finally {
          await client.close();
        }
      });

      if (options.concurrentOpen) {
        it('two stores opening one empty database together both succeed (advisory lock)', async () => {
          const site = await harness.fresh();
          const [a, b] = await Promise.all([site.open(), site.open()]);
          try {
            assert.deepEqual(await a.schemaVersions(), [1, 2, 3, 4, 5, 6, 7, 8]);
            assert.deepEqual(await b.schemaVersions(), [1, 2, 3, 4, 5, 6, 7, 8]);
          } finally {
            await Promise.all([a.close(), b.close()]);
          }
        });
      }
    });

    describe('access requests', () => {
      it('files a pending request and reads it back with every field', async () => {
        const input = newRequest({ durationDays: 30, justification: 'quarterly planning' });
        const { request, merged } = await store.requests.fileOrMerge(input);
        assert.equal(merged, false);
        assert.equal(request.id, input.id);
        assert.equal(request.state, 'pending');
        assert.equal(request.durationDays, 30);
        assert.equal(request.justification, 'quarterly planning');
        assert.equal(request.createdAt.toISOString(), T0.toISOString());
        assert.equal(request.expiresAt.toISOString(), at(14 * DAY).toISOString());
        assert.equal(request.version, 1);
        assert.deepEqual(await store.requests.get(input.id), request);
        assert.equal(await store.requests.get('no-such-id'), undefined);
      });

      it('runs the approval lifecycle: pending → approving → approved, each step once', async () => {
        const { request } = await store.requests.fileOrMerge(newRequest({ durationDays: 7 }));
        const olga = { id: 'olga', name: 'Olga Owner' };
        const approving = await store.requests.transition({
          id: request.id,
          from: ['pending'],
          to: 'approving',
          at: at(MIN),
          decidedBy: olga,
          claimUntil: at(3 * MIN),
          countAttempt: true,
        });
        assert.equal(approving?.request.state, 'approving');
        assert.equal(approving?.request.decidedByName, 'Olga Owner');
        assert.equal(approving?.request.decidedAt?.toISOString(), at(MIN).toISOString());
        assert.equal(approving?.request.attempts, 1);
        assert.equal(approving?.request.version, 2);
        assert.equal(
          await store.requests.transition({ id: request.id, from: ['pending'], to: 'denied', at: at(MIN) }),
          undefined,
        );

        const done = await store.requests.completeApproval(request.id, at(2 * MIN), {
          membership: (r) => ({
            id: randomUUID(),
            groupId: r.groupId,
            groupName: r.groupName,
            userId: r.requesterId,
            userName: r.requesterName,
            requestId: r.id,
            grantedBy: olga,
            expiresAt: at(7 * DAY),
            createdAt: at(2 * MIN),
          }),
          journal: (r) => journalEntry({ requestId: r.id, group: { id: r.groupId, name: r.groupName } }),
        });
        assert.equal(done?.request.state, 'approved');
        assert.equal(done?.membership?.expiresAt.toISOString(), at(7 * DAY).toISOString());
        assert.equal(done?.journal?.requestId, request.id);
        assert.equal((await store.memberships.listActiveForGroup(request.groupId)).length, 1);
        assert.equal((await store.journal.historyOfGroup(request.groupId))[0]?.id, done?.journal?.id);
        assert.equal(await store.requests.completeApproval(request.id, at(3 * MIN)), undefined, 'completes only once');
      });

      it('refuses a decision on a request past its expiry (notExpiredAt) and honours expectedVersion', async () => {
        const { request } = await store.requests.fileOrMerge(newRequest({ expiresAt: at(DAY) }));
        assert.equal(
          await store.requests.transition({
            id: request.id,
            from: ['pending'],
            to: 'denied',
            at: at(2 * DAY),
            notExpiredAt: at(2 * DAY),
          }),
          undefined,
        );
        assert.equal(
          await store.requests.transition({
            id: request.id,
            from: ['pending'],
            to: 'denied',
            at: T0,
            expectedVersion: 7,
          }),
          undefined,
        );
        const ok = await store.requests.transition({
          id: request.id,
          from: ['pending'],
          to: 'denied',
          at: T0,
          expectedVersion: 1,
          reason: 'not now',
        });
        assert.equal(ok?.request.reason, 'not now');
      });

      it('appends the journal entry of a transition in the same transaction', async () => {
        const { request } = await store.requests.fileOrMerge(newRequest());
        const done = await store.requests.transition(
          { id: request.id, from: ['pending'], to: 'denied', at: T0, decidedBy: { id: 'olga', name: 'Olga Owner' } },
          (r) =>
            journalEntry({
              action: 'request.deny',
              requestId: r.id,
              group: { id: r.groupId, name: r.groupName },
              undo: null,
              tokenOfId: null,
            }),
        );
        assert.equal(done?.journal?.action, 'request.deny');
        assert.equal(done?.journal?.tokenOfId, null);
        const second = await store.requests.transition(
          { id: request.id, from: ['pending'], to: 'denied', at: T0 },
          (r) => journalEntry({ requestId: r.id, group: { id: r.groupId, name: r.groupName } }),
        );
        assert.equal(second, undefined);
        assert.equal((await store.journal.historyOfGroup(request.groupId)).length, 1, 'the loser journals nothing');
      });

      it('merges a second identical open request into the first', async () => {
        const first = newRequest({ justification: '' });
        await store.requests.fileOrMerge(first);
        const again = await store.requests.fileOrMerge({
          ...newRequest(),
          requesterId: first.requesterId,
          groupId: first.groupId,
          justification: 'now with a reason',
        });
        assert.equal(again.merged, true);
        assert.equal(again.request.id, first.id);
        assert.equal(again.request.mergedCount, 1);
        assert.equal(again.request.justification, 'now with a reason', 'an empty justification is filled in');
        const third = await store.requests.fileOrMerge({
          ...newRequest(),
          requesterId: first.requesterId,
          groupId: first.groupId,
          justification: 'other',
        });
        assert.equal(third.request.justification, 'now with a reason', 'an existing justification is kept');
        assert.equal(third.request.mergedCount, 2);
        const otherGroup = await store.requests.fileOrMerge({ ...newRequest(), requesterId: first.requesterId });
        assert.equal(otherGroup.merged, false);
      });

      it('files anew once the earlier request is closed', async () => {
        const first = newRequest();
        await store.requests.fileOrMerge(first);
        await store.requests.transition({ id: first.id, from: ['pending'], to: 'denied', at: T0 });
        const again = await store.requests.fileOrMerge({
          ...newRequest(),
          requesterId: first.requesterId,
          groupId: first.groupId,
        });
        assert.equal(again.merged, false);
        assert.notEqual(again.request.id, first.id);
      });

      it('merges concurrent identical filings into one request', async () => {
        const base = newRequest();
        const results = await Promise.all(
          [0, 1, 2, 3].map((i) =>
            (i % 2 ? other : store).requests.fileOrMerge({
              ...newRequest(),
              requesterId: base.requesterId,
              groupId: base.groupId,
            }),
          ),
        );
        assert.equal(new Set(results.map((r) => r.request.id)).size, 1);
        assert.equal(results.filter((r) => !r.merged).length, 1);
      });

      it('approves exactly once when approvals race (two instances / concurrent promises)', async () => {
        const { request } = await store.requests.fileOrMerge(newRequest());
        const approvers = Array.from({ length: 8 }, (_, i) => ({ id: `owner-${i}`, name: `Owner ${i}` }));
        const results = await Promise.all(
          approvers.map((who, i) =>
            (i % 2 ? other : store).requests.transition({
              id: request.id,
              from: ['pending'],
              to: 'approving',
              at: at(MIN),
              decidedBy: who,
            }),
          ),
        );
        const winners = results.filter((r) => r !== undefined);
        assert.equal(winners.length, 1);
        const stored = await store.requests.get(request.id);
        assert.equal(stored?.decidedById, winners[0]?.request.decidedById);
        assert.equal(stored?.version, 2);
      });

      it('a deny and an approve racing: exactly one wins', async () => {
        const { request } = await store.requests.fileOrMerge(newRequest());
        const [a, b] = await Promise.all([
          store.requests.transition({ id: request.id, from: ['pending'], to: 'approving', at: T0 }),
          other.requests.transition({ id: request.id, from: ['pending'], to: 'denied', at: T0 }),
        ]);
        assert.equal([a, b].filter((r) => r !== undefined).length, 1);
      });

      it("lists a requester's requests newest first, filtered by state", async () => {
        const who = `user-${randomUUID()}`;
        const older = await store.requests.fileOrMerge(newRequest({ requesterId: who, createdAt: T0 }));
        const newer = await store.requests.fileOrMerge(newRequest({ requesterId: who, createdAt: at(MIN) }));
        await store.requests.transition({ id: older.request.id, from: ['pending'], to: 'cancelled', at: at(MIN) });
        assert.deepEqual(
          (await store.requests.listByRequester(who)).map((r) => r.id),
          [newer.request.id, older.request.id],
        );
        assert.deepEqual(
          (await store.requests.listByRequester(who, { states: ['pending'] })).map((r) => r.id),
          [newer.request.id],
        );
        assert.deepEqual(await store.requests.listByRequester('nobody'), []);
      });

      it('lists pending approvals for the groups an owner owns', async () => {
        const g1 = `group-${randomUUID()}`;
        const g2 = `group-${randomUUID()}`;
        const a = await store.requests.fileOrMerge(newRequest({ groupId: g1, createdAt: T0 }));
        const b = await store.requests.fileOrMerge(newRequest({ groupId: g2, createdAt: at(MIN) }));
        const c = await store.requests.fileOrMerge(newRequest({ groupId: g2, createdAt: at(2 * MIN) }));
        await store.requests.fileOrMerge(newRequest());
        await store.requests.transition({ id: c.request.id, from: ['pending'], to: 'denied', at: at(3 * MIN) });
        assert.deepEqual(
          (await store.requests.listPendingForGroups([g1, g2])).map((r) => r.id),
          [a.request.id, b.request.id],
        );
        assert.deepEqual(await store.requests.listPendingForGroups([]), []);
      });
    });

    describe('due lists (each item to exactly one caller)', () => {
      // These tests use instants far in the future so rows from other tests never qualify.
      const FAR = new Date('2090-01-01T00:00:00Z');
      const far = (ms: number): Date => new Date(FAR.getTime() + ms);

      it('claims due reminders once per period', async () => {
        const due = await store.requests.fileOrMerge(newRequest({ createdAt: far(0), expiresAt: far(14 * DAY) }));
        const fresh = await store.requests.fileOrMerge(
          newRequest({ createdAt: far(DAY + MIN), expiresAt: far(14 * DAY) }),
        );
        const now = far(2 * DAY);
        const claims = await Promise.all([
          store.requests.claimDueReminders(now, far(DAY)),
          other.requests.claimDueReminders(now, far(DAY)),
        ]);
        const claimed = claims.flat().map((r) => r.id);
        assert.ok(claimed.includes(due.request.id));
        assert.equal(claimed.filter((id) => id === due.request.id).length, 1, 'claimed by one caller only');
        assert.ok(!claimed.includes(fresh.request.id));
        const row = await store.requests.get(due.request.id);
        assert.equal(row?.remindedAt?.toISOString(), now.toISOString());
        assert.equal(row?.reminderCount, 1);
        const soon = await store.requests.claimDueReminders(far(2 * DAY + MIN), far(DAY + MIN));
        assert.ok(!soon.some((r) => r.id === due.request.id), 'not again within the period');
        const later = await store.requests.claimDueReminders(far(3 * DAY + MIN), far(2 * DAY + MIN));
        assert.ok(
          later.some((r) => r.id === due.request.id),
          'again after the period',
        );
      });

      it('expires due pending requests exactly once', async () => {
        const base = new Date('2091-01-01T00:00:00Z').getTime();
        const due = await store.requests.fileOrMerge(
          newRequest({ createdAt: new Date(base), expiresAt: new Date(base + DAY) }),
        );
        const notYet = await store.requests.fileOrMerge(
          newRequest({ createdAt: new Date(base), expiresAt: new Date(base + 3 * DAY) }),
        );
        const now = new Date(base + 2 * DAY);
        const [a, b] = await Promise.all([
          store.requests.expireDue(now, new Date(base + 2 * DAY + MIN)),
          other.requests.expireDue(now, new Date(base + 2 * DAY + MIN)),
        ]);
        const expired = [...a, ...b].map((r) => r.id);
        assert.equal(expired.filter((id) => id === due.request.id).length, 1);
        assert.ok(!expired.includes(notYet.request.id));
        assert.equal((await store.requests.get(due.request.id))?.state, 'expired');
        assert.equal((await store.requests.get(notYet.request.id))?.state, 'pending');
      });

      it('hands stuck approvals to one sweeper after their lease runs out', async () => {
        const base = new Date('2092-01-01T00:00:00Z').getTime();
        const { request } = await store.requests.fileOrMerge(
          newRequest({ createdAt: new Date(base), expiresAt: new Date(base + 14 * DAY) }),
        );
        await store.requests.transition({
          id: request.id,
          from: ['pending'],
          to: 'approving',
          at: new Date(base),
          claimUntil: new Date(base + 2 * MIN),
          countAttempt: true,
        });
        assert.ok(
          !(await store.requests.claimStuckApprovals(new Date(base + MIN), new Date(base + 3 * MIN))).some(
            (r) => r.id === request.id,
          ),
          'leased',
        );
        const now = new Date(base + 5 * MIN);
        const [a, b] = await Promise.all([
          store.requests.claimStuckApprovals(now, new Date(base + 7 * MIN)),
          other.requests.claimStuckApprovals(now, new Date(base + 7 * MIN)),
        ]);
        const mine = [...a, ...b].filter((r) => r.id === request.id);
        assert.equal(mine.length, 1);
        assert.equal(mine[0]?.attempts, 2);
        assert.equal(mine[0]?.claimedUntil?.toISOString(), new Date(base + 7 * MIN).toISOString());
      });

      it('hands unannounced outcomes back until they are marked announced', async () => {
        const base = new Date('2093-01-01T00:00:00Z').getTime();
        const { request } = await store.requests.fileOrMerge(
          newRequest({ createdAt: new Date(base), expiresAt: new Date(base + DAY) }),
        );
        await store.requests.transition({
          id: request.id,
          from: ['pending'],
          to: 'denied',
          at: new Date(base),
          claimUntil: new Date(base + 2 * MIN),
        });
        assert.ok(
          !(await store.requests.claimUnnotifiedOutcomes(new Date(base + MIN), new Date(base + 3 * MIN))).some(
            (r) => r.id === request.id,
          ),
        );
        const claimed = await store.requests.claimUnnotifiedOutcomes(
          new Date(base + 3 * MIN),
          new Date(base + 5 * MIN),
        );
        assert.ok(claimed.some((r) => r.id === request.id));
        assert.equal(await store.requests.markOutcomeNotified(request.id, new Date(base + 4 * MIN)), true);
        assert.equal(await store.requests.markOutcomeNotified(request.id, new Date(base + 4 * MIN)), false);
        assert.ok(
          !(await store.requests.claimUnnotifiedOutcomes(new Date(base + 10 * MIN), new Date(base + 11 * MIN))).some(
            (r) => r.id === request.id,
          ),
        );
      });
    });

    describe('time-bound memberships', () => {
      const base = new Date('2094-01-01T00:00:00Z').getTime();
      const grant = (expiresIn: number, over: { groupId?: string; userId?: string } = {}) => ({
        id: randomUUID(),
        groupId: over.groupId ?? `group-${randomUUID()}`,
        groupName: 'Marketing',
        userId: over.userId ?? `user-${randomUUID()}`,
        userName: 'Ana Asker',
        requestId: null,
        grantedBy: { id: 'olga', name: 'Olga Owner' },
        expiresAt: new Date(base + expiresIn),
        createdAt: new Date(base),
      });

      it('grants, and re-granting extends the active membership', async () => {
        const first = await store.memberships.grant(grant(10 * DAY));
        const again = await store.memberships.grant(grant(20 * DAY, { groupId: first.groupId, userId: first.userId }));
        assert.equal(again.id, first.id);
        assert.equal(again.expiresAt.toISOString(), new Date(base + 20 * DAY).toISOString());
        assert.equal((await store.memberships.listActiveForGroup(first.groupId)).length, 1);
        assert.equal((await store.memberships.get(first.id))?.grantedByName, 'Olga Owner');
      });

      it('claims notices before expiry once, and removals after expiry with a lease', async () => {
        const ending = await store.memberships.grant(grant(2 * DAY));
        const later = await store.memberships.grant(grant(30 * DAY));
        const now = new Date(base);
        const notices = [
          ...(await store.memberships.claimDueNotices(now, new Date(base + 3 * DAY))),
          ...(await other.memberships.claimDueNotices(now, new Date(base + 3 * DAY))),
        ].map((m) => m.id);
        assert.equal(notices.filter((id) => id === ending.id).length, 1);
        assert.ok(!notices.includes(later.id));

        assert.ok(
          !(await store.memberships.claimDueRemovals(new Date(base + DAY), new Date(base + DAY + MIN))).some(
            (m) => m.id === ending.id,
          ),
        );
        const after = new Date(base + 3 * DAY);
        const [a, b] = await Promise.all([
          store.memberships.claimDueRemovals(after, new Date(base + 3 * DAY + 2 * MIN)),
          other.memberships.claimDueRemovals(after, new Date(base + 3 * DAY + 2 * MIN)),
        ]);
        assert.equal([...a, ...b].filter((m) => m.id === ending.id).length, 1);
        await store.memberships.recordRemovalFailure(ending.id, 'throttled');
        assert.equal((await store.memberships.get(ending.id))?.lastError, 'throttled');
        assert.ok(
          !(await store.memberships.claimDueRemovals(new Date(base + 3 * DAY + MIN), new Date(base + 4 * DAY))).some(
            (m) => m.id === ending.id,
          ),
          'leased',
        );
        assert.equal(await store.memberships.markRemoved(ending.id, after), true);
        assert.equal(await store.memberships.markRemoved(ending.id, after), false);
        assert.ok(
          !(await store.memberships.claimDueRemovals(new Date(base + 9 * DAY), new Date(base + 10 * DAY))).some(
            (m) => m.id === ending.id,
          ),
        );
        assert.equal((await store.memberships.listActiveForGroup(ending.groupId)).length, 0);
      });
    });

    describe('membership history', () => {
      const gid = (): string => randomUUID();
      const ev = (
        memberId: string,
        change: 'added' | 'removed',
        ms: number,
        over: Partial<MembershipEvent> = {},
      ): MembershipEvent => ({
        memberId,
        change,
        relation: 'member',
        at: at(ms),
        actorId: null,
        source: 'delta',
        ...over,
      });

      it('watches once per person, lists watchers and watched groups, and unwatches', async () => {
        const g = gid();
        const w = { groupId: g, groupName: 'Marketing', watcherId: `u-${randomUUID()}`, watcherName: 'Megan Bowen' };
        assert.equal(await store.history.watch(w, at(0)), true);
        assert.equal(await store.history.watch(w, at(MIN)), false);
        assert.deepEqual(
          (await store.history.watchesOf(w.watcherId)).map((x) => [x.groupId, x.groupName, +x.since]),
          [[g, 'Marketing', +at(0)]],
        );
        assert.equal((await store.history.watchersOf(g)).length, 1);
        assert.equal(await store.history.unwatch(g, w.watcherId), true);
        assert.equal(await store.history.unwatch(g, w.watcherId), false);
        assert.deepEqual(await store.history.watchesOf(w.watcherId), []);
      });

      it('hands a due group to one poller at a time, again after the interval', async () => {
        const g = gid();
        await store.history.watch({ groupId: g, groupName: 'Due', watcherId: 'u-due', watcherName: 'Due' }, at(0));
        const now = at(10 * DAY);
        const [a, b] = await Promise.all([
          store.history.claimDue(now, 5 * MIN, MIN, 1000),
          other.history.claimDue(now, 5 * MIN, MIN, 1000),
        ]);
        assert.equal([...(a ?? []), ...(b ?? [])].filter((c) => c.groupId === g).length, 1);
        await store.history.recordRound(g, {
          events: [],
          deltaLink: 'https://graph/v1.0/groups/delta?$deltatoken=x',
          polledAt: now,
        });
        assert.equal(
          (await store.history.claimDue(at(10 * DAY + MIN), 5 * MIN, MIN, 1000)).filter((c) => c.groupId === g).length,
          0,
        );
        assert.equal(
          (await store.history.claimDue(at(10 * DAY + 6 * MIN), 5 * MIN, MIN, 1000)).filter((c) => c.groupId === g)
            .length,
          1,
        );
        const cur = await store.history.cursor(g);
        assert.equal(cur?.deltaLink, 'https://graph/v1.0/groups/delta?$deltatoken=x');
        assert.equal(+(cur?.historyFrom ?? 0), +now);
      });

      it('answers membership at a time from the baseline, checkpoints and events, and lists changes newest first', async () => {
        const g = gid();
        await store.history.watch({ groupId: g, groupName: 'Legal', watcherId: 'u-legal', watcherName: 'Olga' }, at(0));
        const [ana, bob, cai, owner, actor] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
        await store.history.recordRound(g, {
          events: [
            ev(ana, 'added', 0, { baseline: true }),
            ev(bob, 'added', 0, { baseline: true }),
            ev(owner, 'added', 0, { baseline: true, relation: 'owner' }),
          ],
          deltaLink: 'd1',
          polledAt: at(0),
        });
        await store.history.recordRound(g, {
          events: [
            ev(bob, 'removed', 10 * MIN, { actorId: actor }),
            ev(cai, 'added', 12 * MIN, { source: 'groupbot', actorId: actor }),
          ],
          deltaLink: 'd2',
          polledAt: at(15 * MIN),
          names: { [actor]: 'Megan Bowen', [bob]: 'Bob' },
        });
        // A change reported earlier than the last stored one is kept at that time, never before it.
        await store.history.recordRound(g, {
          events: [ev(ana, 'removed', 5 * MIN)],
          deltaLink: 'd3',
          polledAt: at(20 * MIN),
        });
        assert.equal(await store.history.membershipAt(g, at(-MIN)), undefined);
        assert.deepEqual(await store.history.membershipAt(g, at(MIN)), { members: [ana, bob].sort(), owners: [owner] });
        assert.deepEqual((await store.history.membershipAt(g, at(11 * MIN)))?.members, [ana]);
        assert.deepEqual((await store.history.membershipAt(g, at(13 * MIN)))?.members, [cai]);
        assert.deepEqual((await store.history.membershipAt(g, at(30 * MIN)))?.members, [cai]);
        const changes = await store.history.events(g);
        assert.deepEqual(
          changes.map((c) => [c.memberId, c.change, c.source, +c.at]),
          [
            [ana, 'removed', 'delta', +at(12 * MIN)],
            [cai, 'added', 'groupbot', +at(12 * MIN)],
            [bob, 'removed', 'delta', +at(10 * MIN)],
          ],
        );
        assert.deepEqual(
          [changes[2]?.actorName, changes[2]?.memberName, changes[2]?.actorId],
          ['Megan Bowen', 'Bob', actor],
        );
        assert.deepEqual(
          (await store.history.events(g, { memberIds: [bob] })).map((c) => c.change),
          ['removed'],
        );
        assert.deepEqual((await store.history.events(g, { from: at(11 * MIN), to: at(12 * MIN) })).length, 2);
      });

      it('writes checkpoints on long histories and still answers exactly', async () => {
        const g = gid();
        await store.history.watch({ groupId: g, groupName: 'Big', watcherId: 'u-big', watcherName: 'Big' }, at(0));
        const people = Array.from({ length: 50 }, () => randomUUID());
        const expected = new Set<string>();
        const events: MembershipEvent[] = [];
        for (let i = 0; i < CHECKPOINT_EVERY + 500; i++) {
          const p = people[i % people.length] as string;
          const change = expected.has(p) ? 'removed' : 'added';
          if (change === 'added') expected.add(p);
          else expected.delete(p);
          events.push(ev(p, change, i * 1000));
          if (i === 999) {
            await store.history.recordRound(g, { events: events.splice(0), deltaLink: 'a', polledAt: at(0) });
          }
        }
        const midway = new Set<string>();
        for (const e of events.slice(0, 1500)) {
          if (e.change === 'added') midway.add(e.memberId);
          else midway.delete(e.memberId);
        }
        await store.history.recordRound(g, { events, deltaLink: 'b', polledAt: at(DAY) });
        assert.deepEqual((await store.history.membershipAt(g, at(DAY)))?.members, [...expected].sort());
        const replayed = await store.history.membershipAt(g, at(2499 * 1000));
        assert.deepEqual(replayed?.members, [...expected].sort());
      });
    });

    describe('journal', () => {
      it("records entries and lists a group's history newest first, with paging", async () => {
        const group = { id: `group-${randomUUID()}`, name: 'Finance Readers' };
        const ids: string[] = [];
        for (let i = 0; i < 3; i++)
          ids.push(
            (
              await store.journal.append(
                journalEntry({
                  group,
                  at: at(i * MIN),
                  before: { displayName: `n${i}` },
                  after: { displayName: `n${i + 1}` },
                }),
              )
            ).id,
          );
        const history = await store.journal.historyOfGroup(group.id);
        assert.deepEqual(
          history.map((e) => e.id),
          [...ids].reverse(),
        );
        assert.deepEqual([history[0]?.before, history[0]?.after], [{ displayName: 'n2' }, { displayName: 'n3' }]);
        assert.deepEqual(history[0]?.undo, UNDO);
        assert.equal(history[0]?.approvedBy?.name, 'Olga Owner');
        const page = await store.journal.historyOfGroup(group.id, { limit: 1, beforeSeq: history[0]?.seq });
        assert.deepEqual(
          page.map((e) => e.id),
          [ids[1]],
        );
      });

      it("lists one person's entries across groups, newest first, within a time span and by page", async () => {
        const me = { id: `user-${randomUUID()}`, name: 'Megan Bowen' };
        const other = { id: `user-${randomUUID()}`, name: 'Bob Kelly' };
        const early = await store.journal.append(
          journalEntry({ actor: me, at: at(-DAY), group: { id: 'g-a', name: 'A' } }),
        );
        const mid = await store.journal.append(
          journalEntry({ actor: me, at: at(MIN), group: { id: 'g-b', name: 'B' } }),
        );
        await store.journal.append(journalEntry({ actor: other, at: at(2 * MIN) }));
        const late = await store.journal.append(
          journalEntry({ actor: me, at: at(3 * MIN), group: { id: 'g-a', name: 'A' } }),
        );
        const ids = async (o?: Parameters<typeof store.journal.byActor>[1]): Promise<string[]> =>
          (await store.journal.byActor(me.id, o)).map((e) => e.id);
        assert.deepEqual(await ids(), [late.id, mid.id, early.id]);
        assert.deepEqual(await ids({ from: at(0), to: at(3 * MIN) }), [mid.id], 'from inclusive, to exclusive');
        assert.deepEqual(await ids({ limit: 1, beforeSeq: late.seq }), [mid.id]);
      });

      it('lists undoable entries within the window and undoes each once', async () => {
        const actor = { id: `user-${randomUUID()}`, name: 'Olga Owner' };
        const open = await store.journal.append(journalEntry({ actor, undoUntil: at(DAY) }));
        await store.journal.append(journalEntry({ actor, undo: null }));
        await store.journal.append(journalEntry({ actor, result: 'failed' }));
        assert.deepEqual(
          (await store.journal.undoableFor(actor.id, at(MIN))).map((e) => e.id),
          [open.id],
        );
        assert.deepEqual(await store.journal.undoableFor(actor.id, at(DAY + MIN)), [], 'window closed');
        assert.equal(await store.journal.markUndone(open.id, actor, at(DAY + MIN)), undefined, 'too late');
        const undone = await store.journal.markUndone(open.id, actor, at(2 * MIN));
        assert.equal(undone?.undoneBy?.id, actor.id);
        assert.equal(await store.journal.markUndone(open.id, actor, at(3 * MIN)), undefined, 'only once');
        assert.deepEqual(await store.journal.undoableFor(actor.id, at(4 * MIN)), []);
      });

      it('refuses to store anything that looks like a token', async () => {
        await assert.rejects(
          store.journal.append(journalEntry({ detail: 'Authorization: Bearer abc.def' })),
          JournalSecretError,
        );
        await assert.rejects(
          store.journal.append(journalEntry({ before: { description: '/me?access_token=x' } })),
          JournalSecretError,
        );
      });

      it('reads an entry whose stored Undo is not a well-formed operation as having none', async () => {
        const g = '9fad3235-e6d7-4bc9-93fb-058d0748357d';
        const group = { id: g, name: 'Damaged' };
        const typed = { kind: 'deleteGroup' as const, groupId: g };
        await store.journal.append(journalEntry({ group, at: at(0), undo: typed }));
        await store.journal.append(
          journalEntry({ group, at: at(MIN), undo: { kind: 'deleteUser', groupId: g } as never }),
        );
        await store.journal.append(
          journalEntry({ group, at: at(2 * MIN), undo: { method: 'DELETE', path: `/groups/${g}` } as never }),
        );
        const read = (await store.journal.historyOfGroup(g)).reverse().map((e) => e.undo);
        assert.deepEqual(read, [typed, null, null]);
      });
    });

    describe('card and conversation references', () => {
      it('remembers every copy of a request card once', async () => {
        const { request } = await store.requests.fileOrMerge(newRequest());
        const ref = {
          requestId: request.id,
          conversationId: 'conv-1',
          activityId: 'act-1',
          userId: 'olga',
          role: 'approver' as const,
          createdAt: T0,
        };
        await store.requestCards.add(ref);
        await store.requestCards.add(ref);
        await store.requestCards.add({
          ...ref,
          conversationId: 'conv-2',
          activityId: 'act-2',
          userId: null,
          role: 'requester',
          createdAt: at(MIN),
        });
        const cards = await store.requestCards.listForRequest(request.id);
        assert.deepEqual(
          cards.map((c) => [c.conversationId, c.userId, c.role]),
          [
            ['conv-1', 'olga', 'approver'],
            ['conv-2', null, 'requester'],
          ],
        );
        await assert.rejects(store.requestCards.add({ ...ref, requestId: 'missing' }));
      });

      it("stores, replaces and deletes a user's conversation reference", async () => {
        const user = `user-${randomUUID()}`;
        await store.conversations.put(user, { conversation: { id: 'a' }, serviceUrl: 'https://x' }, T0);
        await store.conversations.put(user, { conversation: { id: 'b' }, serviceUrl: 'https://x' }, at(MIN));
        const got = await other.conversations.get(user);
        assert.deepEqual(got?.reference, { conversation: { id: 'b' }, serviceUrl: 'https://x' });
        assert.equal(got?.updatedAt.toISOString(), at(MIN).toISOString());
        assert.equal(await store.conversations.delete(user), true);
        assert.equal(await store.conversations.get(user), undefined);
        assert.equal(await store.conversations.delete(user), false);
      });
    });

    describe('key/value and botbuilder Storage', () => {
      it('writes without eTag unconditionally and reads items back with an eTag', async () => {
        const key = `conv/${randomUUID()}`;
        await store.botStorage.write({ [key]: { topic: 'a', nested: { n: 1 } } });
        const items = await store.botStorage.read([key, 'missing-key']);
        const item = items[key] as { topic: string; nested: { n: number }; eTag: string };
        assert.equal(item.topic, 'a');
        assert.deepEqual(item.nested, { n: 1 });
        assert.equal(typeof item.eTag, 'string');
        assert.ok(!('missing-key' in items));
      });

      it('accepts the current eTag, rejects a stale one with an eTag conflict, and writes nothing then', async () => {
        const key = `conv/${randomUUID()}`;
        const side = `conv/${randomUUID()}`;
        await store.botStorage.write({ [key]: { v: 1 } });
        const first = (await store.botStorage.read([key]))[key] as { v: number; eTag: string };
        await store.botStorage.write({ [key]: { ...first, v: 2 } });
        const second = (await store.botStorage.read([key]))[key] as { v: number; eTag: string };
        assert.notEqual(second.eTag, first.eTag);
        await assert.rejects(
          other.botStorage.write({ [side]: { v: 'side' }, [key]: { ...first, v: 3 } }),
          (err: unknown) => err instanceof EtagConflictError && /eTag conflict/.test(err.message) && err.key === key,
        );
        assert.equal(((await store.botStorage.read([key]))[key] as { v: number }).v, 2);
        assert.deepEqual(await store.botStorage.read([side]), {}, 'the whole write was rolled back');
      });

      it('writes with eTag "*" unconditionally', async () => {
        const key = `conv/${randomUUID()}`;
        await store.botStorage.write({ [key]: { v: 1 } });
        await store.botStorage.write({ [key]: { v: 9, eTag: '*' } });
        assert.equal(((await store.botStorage.read([key]))[key] as { v: number }).v, 9);
      });

      it('deletes keys; an eTag on a key that does not exist (deleted, or never written) inserts it', async () => {
        const key = `conv/${randomUUID()}`;
        await store.botStorage.write({ [key]: { v: 1 } });
        const item = (await store.botStorage.read([key]))[key] as { eTag: string };
        await store.botStorage.delete([key, 'never-existed']);
        assert.deepEqual(await store.botStorage.read([key]), {});
        // As botbuilder's MemoryStorage: Teams SSO dedupe writes {eTag: <exchange id>} to a new key.
        await store.botStorage.write({ [key]: { v: 2, eTag: item.eTag } });
        assert.equal(((await store.botStorage.read([key]))[key] as { v: number }).v, 2);
        const fresh = `sso/${randomUUID()}`;
        await store.botStorage.write({ [fresh]: { eTag: 'exchange-1' } });
        await assert.rejects(
          other.botStorage.write({ [fresh]: { eTag: 'exchange-1' } }),
          (err: unknown) => err instanceof EtagConflictError && /etag conflict/i.test(err.message),
          'a second writer with the same eTag on the now existing key conflicts',
        );
      });

      it('of two writers holding the same eTag exactly one wins', async () => {
        const key = `conv/${randomUUID()}`;
        await store.botStorage.write({ [key]: { v: 0 } });
        const read = (await store.botStorage.read([key]))[key] as { eTag: string };
        const outcomes = await Promise.allSettled([
          store.botStorage.write({ [key]: { v: 'a', eTag: read.eTag } }),
          other.botStorage.write({ [key]: { v: 'b', eTag: read.eTag } }),
        ]);
        assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
        const rejected = outcomes.find((o) => o.status === 'rejected');
        assert.ok(rejected && rejected.status === 'rejected' && rejected.reason instanceof EtagConflictError);
      });

      it('expiring values vanish at their expiry and are taken exactly once', async () => {
        const key = `pending/${randomUUID()}`;
        await store.keyValue.putExpiring(key, { step: 1 }, at(10 * MIN));
        assert.deepEqual(await store.keyValue.getUnexpired(key, at(MIN)), { step: 1 });
        assert.equal(await store.keyValue.getUnexpired(key, at(10 * MIN)), undefined);
        const takes = await Promise.all([store.keyValue.take(key, at(MIN)), other.keyValue.take(key, at(MIN))]);
        assert.deepEqual(
          takes.filter((t) => t !== undefined),
          [{ step: 1 }],
        );
        await store.keyValue.putExpiring(key, 'late', at(MIN));
        assert.equal(await store.keyValue.take(key, at(2 * MIN)), undefined, 'an expired value is not handed out');
        const gone = `pending/${randomUUID()}`;
        await store.keyValue.putExpiring(gone, 'x', new Date('1999-01-01T00:00:00Z'));
        assert.ok((await store.keyValue.purgeExpired(new Date('2000-01-01T00:00:00Z'))) >= 1);
        assert.equal(await store.keyValue.get(gone), undefined);
      });

      it("pending operations: put/get/take/finish with expiry, as bot/commands' PendingStore", async () => {
        let clock = T0.getTime();
        type Op = { id: string; actorId: string; expiresAt: number; usedAt?: string; done?: Record<string, string> };
        const pending = pendingOperationStore<Op>(store, () => clock);
        const op = await pending.put({ actorId: 'ana', expiresAt: T0.getTime() + 5 * MIN });
        assert.equal(typeof op.id, 'string');
        assert.deepEqual(await pending.get(op.id), op);
        const otherPending = pendingOperationStore<Op>(other, () => clock);
        const [x, y] = await Promise.all([pending.take(op.id), otherPending.take(op.id)]);
        assert.equal([x, y].filter((t) => t !== undefined).length, 1, 'a confirmation is used once');
        const used = await pending.get(op.id);
        assert.equal(used?.usedAt, T0.toISOString(), 'a used operation stays readable, marked used');
        assert.equal(await pending.take(op.id), undefined, 'and is not handed out again');
        const done = { at: T0.toISOString(), how: 'done', summary: 'Ana Silva was added.' };
        await otherPending.finish(op.id, done, T0.getTime() + 60 * MIN);
        clock += 10 * MIN;
        assert.deepEqual((await pending.get(op.id))?.done, done, 'what its use did is kept past the first expiry');
        clock -= 10 * MIN;
        const stale = await pending.put({ actorId: 'ana', expiresAt: T0.getTime() + MIN });
        clock += 2 * MIN;
        assert.equal(await pending.get(stale.id), undefined);
        assert.equal(await pending.take(stale.id), undefined);
      });

      it('keyValue get/set/setIf/delete', async () => {
        const key = `state/${randomUUID()}`;
        assert.equal(await store.keyValue.get(key), undefined);
        const e1 = await store.keyValue.set(key, [1, 2]);
        assert.deepEqual(await store.keyValue.get(key), { value: [1, 2], eTag: e1 });
        const e2 = await store.keyValue.setIf(key, 'next', e1);
        assert.equal(typeof e2, 'string');
        assert.equal(await store.keyValue.setIf(key, 'stale', e1), undefined);
        assert.equal((await store.keyValue.get(key))?.value, 'next');
        assert.equal(await store.keyValue.delete(key), true);
        assert.equal(await store.keyValue.delete(key), false);
        await assert.rejects(store.keyValue.set(key, undefined), TypeError);
      });
    });
  });
}
