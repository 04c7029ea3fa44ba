import type { SqlClient, SqlExecutor, SqlRow } from './sql-client';
import type { AccessRequest, NewAccessRequest, RequestState, RequestTransition } from './types';
import type { JournalEntry, NewJournalEntry, NewTimeBoundMembership, TimeBoundMembership } from './types';
import { appendJournal } from './journal-repository';
import { date, dateOrNull, int, intOrNull, text, textOrNull } from './row-values';
import { grantMembership } from './membership-repository';

/** Access requests: filing (with merge), conditional state changes, and the due lists of the sweepers. */
export interface AccessRequestRepository {
  /**
   * Files a request, or merges it into the open (pending or approving) request of the same requester for the same
   * group: then the existing row is returned with `merged: true` and its merge count raised (its justification is
   * kept, or filled in when it was empty). Race-free: a unique partial index decides. Throws on database errors.
   */
  fileOrMerge(request: NewAccessRequest): Promise<{ request: AccessRequest; merged: boolean }>;
  /** The request, or undefined. Throws on database errors. */
  get(id: string): Promise<AccessRequest | undefined>;
  /**
   * Applies `t` atomically (`UPDATE ... WHERE id = $1 AND state IN (from) ... RETURNING`): returns the updated
   * row, or undefined when the row is missing or no longer qualifies (someone else changed it first). Of several
   * racing callers exactly one gets the row. `journal`, when given, builds an entry from the updated row that is
   * appended in the same transaction. Throws on database errors (then nothing changed).
   */
  transition(
    t: RequestTransition,
    journal?: (updated: AccessRequest) => NewJournalEntry,
  ): Promise<{ request: AccessRequest; journal?: JournalEntry } | undefined>;
  /**
   * approving → approved, and, in the same transaction, records the time-bound membership
   * (when `membership` returns one for the approved row) and appends the journal entry (when `journal` is given).
   * Undefined when the row is not approving. Throws on database errors (then nothing changed).
   */
  completeApproval(
    id: string,
    at: Date,
    extras?: {
      /** Lease for sending the outcome notices (see claimUnnotifiedOutcomes); null/absent = none. */
      claimUntil?: Date | null;
      membership?: (approved: AccessRequest) => NewTimeBoundMembership | undefined;
      journal?: (approved: AccessRequest) => NewJournalEntry;
    },
  ): Promise<{ request: AccessRequest; membership?: TimeBoundMembership; journal?: JournalEntry } | undefined>;
  /** The requester's requests, newest first, optionally only in `states`. Throws on database errors. */
  listByRequester(
    requesterId: string,
    options?: { states?: readonly RequestState[]; limit?: number },
  ): Promise<AccessRequest[]>;
  /** Pending requests for any of `groupIds` (the groups an owner owns), oldest first. Throws on database errors. */
  listPendingForGroups(groupIds: readonly string[], options?: { limit?: number }): Promise<AccessRequest[]>;
  /** Every pending request, oldest first (an administrator's "pending approvals"). Throws on database errors. */
  listPending(options?: { limit?: number }): Promise<AccessRequest[]>;
  /**
   * Claims pending requests not reminded (nor filed) since `remindedBefore`: sets reminded_at = `now` and returns
   * them. Each due reminder is claimed by exactly one caller even across processes. Throws on database errors.
   */
  claimDueReminders(now: Date, remindedBefore: Date, limit?: number): Promise<AccessRequest[]>;
  /**
   * Expires pending requests whose expires_at has passed; returns them (each to exactly one caller), leased until
   * `claimUntil` so the caller can tell the requester. Throws on database errors.
   */
  expireDue(now: Date, claimUntil: Date, limit?: number): Promise<AccessRequest[]>;
  /**
   * Claims `approving` requests whose lease has run out (their process died between decision and Graph add):
   * leases them until `claimUntil`, counts an attempt, returns them. Throws on database errors.
   */
  claimStuckApprovals(now: Date, claimUntil: Date, limit?: number): Promise<AccessRequest[]>;
  /**
   * Claims decided requests whose outcome notices were never confirmed and whose lease has run out; leases them
   * until `claimUntil`. Throws on database errors.
   */
  claimUnnotifiedOutcomes(now: Date, claimUntil: Date, limit?: number): Promise<AccessRequest[]>;
  /** Records that the outcome was announced everywhere; false when already recorded. Throws on database errors. */
  markOutcomeNotified(id: string, at: Date): Promise<boolean>;
}

const FINAL_STATES: readonly RequestState[] = ['approved', 'denied', 'cancelled', 'expired', 'failed'];

/** Maps an access_requests row. Throws StoreRowError on a malformed row. */
export function toAccessRequest(row: SqlRow): AccessRequest {
  return {
    id: text(row, 'id'),
    requesterId: text(row, 'requester_id'),
    requesterUpn: text(row, 'requester_upn'),
    requesterName: text(row, 'requester_name'),
    groupId: text(row, 'group_id'),
    groupName: text(row, 'group_name'),
    justification: text(row, 'justification'),
    durationDays: intOrNull(row, 'duration_days'),
    state: text(row, 'state') as RequestState,
    decidedById: textOrNull(row, 'decided_by_id'),
    decidedByName: textOrNull(row, 'decided_by_name'),
    decidedAt: dateOrNull(row, 'decided_at'),
    reason: textOrNull(row, 'reason'),
    createdAt: date(row, 'created_at'),
    updatedAt: date(row, 'updated_at'),
    expiresAt: date(row, 'expires_at'),
    remindedAt: dateOrNull(row, 'reminded_at'),
    reminderCount: int(row, 'reminder_count'),
    mergedCount: int(row, 'merged_count'),
    claimedUntil: dateOrNull(row, 'claimed_until'),
    attempts: int(row, 'attempts'),
    outcomeNotifiedAt: dateOrNull(row, 'outcome_notified_at'),
    version: int(row, 'version'),
  };
}

async function transitionOn(db: SqlExecutor, t: RequestTransition): Promise<AccessRequest | undefined> {
  const sets = ['state = $3', 'updated_at = $4', 'version = version + 1'];
  const params: unknown[] = [t.id, [...t.from], t.to, t.at];
  const where = ['id = $1', 'state = ANY($2::text[])'];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (t.decidedBy) {
    sets.push(
      `decided_by_id = ${param(t.decidedBy.id)}`,
      `decided_by_name = ${param(t.decidedBy.name)}`,
      'decided_at = $4',
    );
  }
  if (t.reason !== undefined) sets.push(`reason = ${param(t.reason)}`);
  if (t.claimUntil !== undefined) sets.push(`claimed_until = ${param(t.claimUntil)}`);
  if (t.countAttempt) sets.push('attempts = attempts + 1');
  if (t.notExpiredAt) where.push(`expires_at > ${param(t.notExpiredAt)}`);
  if (t.expectedVersion !== undefined) where.push(`version = ${param(t.expectedVersion)}`);
  const rows = await db.query(
    `UPDATE access_requests SET ${sets.join(', ')} WHERE ${where.join(' AND ')} RETURNING *`,
    params,
  );
  return rows[0] ? toAccessRequest(rows[0]) : undefined;
}

function limitOf(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? 100, 1000));
}

/** The access-request repository on `db`. */
export function accessRequestRepository(db: SqlClient): AccessRequestRepository {
  return {
    async fileOrMerge(r) {
      const rows = await db.query(
        `INSERT INTO access_requests (id, requester_id, requester_upn, requester_name, group_id, group_name,
           justification, duration_days, state, created_at, updated_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $9, $10)
         ON CONFLICT (requester_id, group_id) WHERE state IN ('pending', 'approving') DO UPDATE SET
           merged_count = access_requests.merged_count + 1,
           justification = CASE WHEN access_requests.justification = '' THEN EXCLUDED.justification
                                ELSE access_requests.justification END,
           updated_at = EXCLUDED.updated_at,
           version = access_requests.version + 1
         RETURNING *`,
        [
          r.id,
          r.requesterId,
          r.requesterUpn,
          r.requesterName,
          r.groupId,
          r.groupName,
          r.justification,
          r.durationDays,
          r.createdAt,
          r.expiresAt,
        ],
      );
      const row = rows[0];
      if (!row) throw new Error('INSERT ... RETURNING returned no row');
      const request = toAccessRequest(row);
      return { request, merged: request.id !== r.id };
    },

    async get(id) {
      const rows = await db.query('SELECT * FROM access_requests WHERE id = $1', [id]);
      return rows[0] ? toAccessRequest(rows[0]) : undefined;
    },

    async transition(t, journal) {
      if (!journal) {
        const request = await transitionOn(db, t);
        return request ? { request } : undefined;
      }
      return db.transaction(async (tx) => {
        const request = await transitionOn(tx, t);
        if (!request) return undefined;
        return { request, journal: await appendJournal(tx, journal(request)) };
      });
    },

    async completeApproval(id, at, extras) {
      return db.transaction(async (tx) => {
        const rows = await tx.query(
          `UPDATE access_requests SET state = 'approved', updated_at = $2, claimed_until = $3, version = version + 1
           WHERE id = $1 AND state = 'approving' RETURNING *`,
          [id, at, extras?.claimUntil ?? null],
        );
        if (!rows[0]) return undefined;
        const request = toAccessRequest(rows[0]);
        const grant = extras?.membership?.(request);
        const membership = grant ? await grantMembership(tx, grant) : undefined;
        const entry = extras?.journal ? await appendJournal(tx, extras.journal(request)) : undefined;
        return { request, ...(membership ? { membership } : {}), ...(entry ? { journal: entry } : {}) };
      });
    },

    async listByRequester(requesterId, options) {
      const states = options?.states ?? null;
      const rows = await db.query(
        `SELECT * FROM access_requests WHERE requester_id = $1 AND ($2::text[] IS NULL OR state = ANY($2::text[]))
         ORDER BY created_at DESC, id LIMIT $3`,
        [requesterId, states ? [...states] : null, limitOf(options?.limit)],
      );
      return rows.map(toAccessRequest);
    },

    async listPendingForGroups(groupIds, options) {
      if (groupIds.length === 0) return [];
      const rows = await db.query(
        `SELECT * FROM access_requests WHERE state = 'pending' AND group_id = ANY($1::text[])
         ORDER BY created_at, id LIMIT $2`,
        [[...groupIds], limitOf(options?.limit)],
      );
      return rows.map(toAccessRequest);
    },

    async listPending(options) {
      const rows = await db.query(
        `SELECT * FROM access_requests WHERE state = 'pending' ORDER BY created_at, id LIMIT $1`,
        [limitOf(options?.limit)],
      );
      return rows.map(toAccessRequest);
    },

    async claimDueReminders(now, remindedBefore, limit) {
      const rows = await db.query(
        `UPDATE access_requests SET reminded_at = $1, reminder_count = reminder_count + 1, updated_at = $1,
           version = version + 1
         WHERE id IN (SELECT id FROM access_requests
                      WHERE state = 'pending' AND COALESCE(reminded_at, created_at) <= $2 AND expires_at > $1
                      ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED)
           AND state = 'pending' AND COALESCE(reminded_at, created_at) <= $2
         RETURNING *`,
        [now, remindedBefore, limitOf(limit)],
      );
      return rows.map(toAccessRequest);
    },

    async expireDue(now, claimUntil, limit) {
      const rows = await db.query(
        `UPDATE access_requests SET state = 'expired', updated_at = $1, claimed_until = $2, version = version + 1
         WHERE id IN (SELECT id FROM access_requests WHERE state = 'pending' AND expires_at <= $1
                      ORDER BY expires_at LIMIT $3 FOR UPDATE SKIP LOCKED)
           AND state = 'pending' AND expires_at <= $1
         RETURNING *`,
        [now, claimUntil, limitOf(limit)],
      );
      return rows.map(toAccessRequest);
    },

    async claimStuckApprovals(now, claimUntil, limit) {
      const rows = await db.query(
        `UPDATE access_requests SET claimed_until = $2, attempts = attempts + 1, updated_at = $1,
           version = version + 1
         WHERE id IN (SELECT id FROM access_requests
                      WHERE state = 'approving' AND (claimed_until IS NULL OR claimed_until <= $1)
                      ORDER BY updated_at LIMIT $3 FOR UPDATE SKIP LOCKED)
           AND state = 'approving' AND (claimed_until IS NULL OR claimed_until <= $1)
         RETURNING *`,
        [now, claimUntil, limitOf(limit)],
      );
      return rows.map(toAccessRequest);
    },

    async claimUnnotifiedOutcomes(now, claimUntil, limit) {
      const rows = await db.query(
        `UPDATE access_requests SET claimed_until = $2
         WHERE id IN (SELECT id FROM access_requests
                      WHERE state = ANY($3::text[]) AND outcome_notified_at IS NULL
                        AND (claimed_until IS NULL OR claimed_until <= $1)
                      ORDER BY updated_at LIMIT $4 FOR UPDATE SKIP LOCKED)
           AND outcome_notified_at IS NULL AND (claimed_until IS NULL OR claimed_until <= $1)
         RETURNING *`,
        [now, claimUntil, [...FINAL_STATES], limitOf(limit)],
      );
      return rows.map(toAccessRequest);
    },

    async markOutcomeNotified(id, at) {
      const rows = await db.query(
        `UPDATE access_requests SET outcome_notified_at = $2, claimed_until = NULL
         WHERE id = $1 AND outcome_notified_at IS NULL AND state = ANY($3::text[]) RETURNING id`,
        [id, at, [...FINAL_STATES]],
      );
      return rows.length === 1;
    },
  };
}
