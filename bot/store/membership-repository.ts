import type { SqlClient, SqlExecutor, SqlRow } from './sql-client';
import type { NewTimeBoundMembership, TimeBoundMembership } from './types';
import { date, dateOrNull, int, text, textOrNull } from './row-values';

/** Time-bound memberships ("for 30 days"): granted on approval, announced before expiry, removed after. */
export interface TimeBoundMembershipRepository {
  /**
   * Records a time-bound membership. When the user already has an active one in the group, its expiry is replaced
   * by the new one (and the notice is re-armed); the returned row is then the existing one. Throws on database errors.
   */
  grant(membership: NewTimeBoundMembership): Promise<TimeBoundMembership>;
  /** The membership, or undefined. Throws on database errors. */
  get(id: string): Promise<TimeBoundMembership | undefined>;
  /** Active (not removed) time-bound memberships of a group, soonest expiry first. Throws on database errors. */
  listActiveForGroup(groupId: string): Promise<TimeBoundMembership[]>;
  /**
   * Claims active memberships expiring at or before `noticeBy` whose member was not yet told: sets notified_at =
   * `now` and returns them, each to exactly one caller. Throws on database errors.
   */
  claimDueNotices(now: Date, noticeBy: Date, limit?: number): Promise<TimeBoundMembership[]>;
  /**
   * Claims active memberships whose expiry has passed and whose lease has run out, leasing them until `claimUntil`
   * and counting an attempt, for the caller to remove the member. Throws on database errors.
   */
  claimDueRemovals(now: Date, claimUntil: Date, limit?: number): Promise<TimeBoundMembership[]>;
  /** Marks the membership removed; false when it already was. Throws on database errors. */
  markRemoved(id: string, at: Date): Promise<boolean>;
  /** Records why a removal failed; the lease still delays the next attempt. Throws on database errors. */
  recordRemovalFailure(id: string, error: string): Promise<void>;
  /**
   * Ends a user's active time-bound membership of a group ahead of time, because the member was taken out by
   * other means (an Undo of the approved add): marks it removed at `at`, so neither the expiry notice nor the
   * removal sweep acts on it later. Resolves to the ended membership, or undefined when none was active.
   * Throws on database errors.
   */
  endEarly(groupId: string, userId: string, at: Date): Promise<TimeBoundMembership | undefined>;
}

/** Maps a timebound_memberships row. Throws StoreRowError on a malformed row. */
export function toMembership(row: SqlRow): TimeBoundMembership {
  return {
    id: text(row, 'id'),
    groupId: text(row, 'group_id'),
    groupName: text(row, 'group_name'),
    userId: text(row, 'user_id'),
    userName: text(row, 'user_name'),
    requestId: textOrNull(row, 'request_id'),
    grantedById: textOrNull(row, 'granted_by_id'),
    grantedByName: textOrNull(row, 'granted_by_name'),
    expiresAt: date(row, 'expires_at'),
    notifiedAt: dateOrNull(row, 'notified_at'),
    removedAt: dateOrNull(row, 'removed_at'),
    claimedUntil: dateOrNull(row, 'claimed_until'),
    attempts: int(row, 'attempts'),
    lastError: textOrNull(row, 'last_error'),
    createdAt: date(row, 'created_at'),
  };
}

/** Inserts or extends a time-bound membership on `db` (usable inside a transaction). Throws on database errors. */
export async function grantMembership(db: SqlExecutor, m: NewTimeBoundMembership): Promise<TimeBoundMembership> {
  const rows = await db.query(
    `INSERT INTO timebound_memberships (id, group_id, group_name, user_id, user_name, request_id, granted_by_id,
       granted_by_name, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (group_id, user_id) WHERE removed_at IS NULL DO UPDATE SET
       expires_at = EXCLUDED.expires_at, notified_at = NULL, request_id = EXCLUDED.request_id,
       granted_by_id = EXCLUDED.granted_by_id, granted_by_name = EXCLUDED.granted_by_name
     RETURNING *`,
    [
      m.id,
      m.groupId,
      m.groupName,
      m.userId,
      m.userName,
      m.requestId,
      m.grantedBy?.id ?? null,
      m.grantedBy?.name ?? null,
      m.expiresAt,
      m.createdAt,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('INSERT ... RETURNING returned no row');
  return toMembership(row);
}

function limitOf(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? 100, 1000));
}

/** The time-bound membership repository on `db`. */
export function timeBoundMembershipRepository(db: SqlClient): TimeBoundMembershipRepository {
  return {
    grant: (m) => grantMembership(db, m),

    async get(id) {
      const rows = await db.query('SELECT * FROM timebound_memberships WHERE id = $1', [id]);
      return rows[0] ? toMembership(rows[0]) : undefined;
    },

    async listActiveForGroup(groupId) {
      const rows = await db.query(
        'SELECT * FROM timebound_memberships WHERE group_id = $1 AND removed_at IS NULL ORDER BY expires_at, id',
        [groupId],
      );
      return rows.map(toMembership);
    },

    async claimDueNotices(now, noticeBy, limit) {
      const rows = await db.query(
        `UPDATE timebound_memberships SET notified_at = $1
         WHERE id IN (SELECT id FROM timebound_memberships
                      WHERE removed_at IS NULL AND notified_at IS NULL AND expires_at <= $2
                      ORDER BY expires_at LIMIT $3 FOR UPDATE SKIP LOCKED)
           AND removed_at IS NULL AND notified_at IS NULL
         RETURNING *`,
        [now, noticeBy, limitOf(limit)],
      );
      return rows.map(toMembership);
    },

    async claimDueRemovals(now, claimUntil, limit) {
      const rows = await db.query(
        `UPDATE timebound_memberships SET claimed_until = $2, attempts = attempts + 1
         WHERE id IN (SELECT id FROM timebound_memberships
                      WHERE removed_at IS NULL AND expires_at <= $1
                        AND (claimed_until IS NULL OR claimed_until <= $1)
                      ORDER BY expires_at LIMIT $3 FOR UPDATE SKIP LOCKED)
           AND removed_at IS NULL AND (claimed_until IS NULL OR claimed_until <= $1)
         RETURNING *`,
        [now, claimUntil, limitOf(limit)],
      );
      return rows.map(toMembership);
    },

    async markRemoved(id, at) {
      const rows = await db.query(
        `UPDATE timebound_memberships SET removed_at = $2, claimed_until = NULL, last_error = NULL
         WHERE id = $1 AND removed_at IS NULL RETURNING id`,
        [id, at],
      );
      return rows.length === 1;
    },

    async recordRemovalFailure(id, error) {
      await db.query('UPDATE timebound_memberships SET last_error = $2 WHERE id = $1', [id, error]);
    },

    async endEarly(groupId, userId, at) {
      const rows = await db.query(
        `UPDATE timebound_memberships SET removed_at = $3, claimed_until = NULL
         WHERE group_id = $1 AND user_id = $2 AND removed_at IS NULL RETURNING *`,
        [groupId, userId, at],
      );
      return rows[0] ? toMembership(rows[0]) : undefined;
    },
  };
}
