/**
 * Watched groups and their membership history (migration 6): who watches what, one delta cursor per group, and
 * compact membership events (object ids stored once in history_ids, 4-byte numbers in every row) with periodic
 * checkpoints, so that "members of G on D" reads one checkpoint and the events after it.
 */
import type { SqlClient, SqlExecutor, SqlRow } from './sql-client';
import { date, dateOrNull, int, text, textOrNull } from './row-values';

/** One person watching one group. */
export interface WatchedGroup {
  groupId: string;
  groupName: string;
  watcherId: string;
  watcherName: string;
  since: Date;
}

/** The polling state of a watched group. */
export interface HistoryCursor {
  groupId: string;
  /** Null until the first delta round ended. */
  deltaLink: string | null;
  /** When the recorded history begins (the first round's time); null until then. */
  historyFrom: Date | null;
  polledAt: Date | null;
  /** Time of the latest event stored: later events are never stored earlier than this. */
  lastAt: Date | null;
  lastError: string | null;
}

/** One change of membership or ownership. */
export interface MembershipEvent {
  memberId: string;
  change: 'added' | 'removed';
  relation: 'member' | 'owner';
  at: Date;
  /** Who made it, when known (the audit log, or groupbot's journal). */
  actorId: string | null;
  /** delta: seen by a delta round; groupbot: made through groupbot (its journal holds the richer record). */
  source: 'delta' | 'groupbot';
  /** Part of the state recorded when watching began, not a change. */
  baseline?: boolean;
}

/** A stored event with the names known for its ids. */
export interface StoredMembershipEvent extends MembershipEvent {
  memberName: string | null;
  actorName: string | null;
}

/** The membership of a group at one time. */
export interface MembershipState {
  members: string[];
  owners: string[];
}

export interface HistoryRepository {
  /** Starts `watcher` watching a group; false when they already did. Throws on database errors. */
  watch(w: Omit<WatchedGroup, 'since'>, at: Date): Promise<boolean>;
  /** Stops one watcher; the group's history stays. False when they were not watching. Throws on database errors. */
  unwatch(groupId: string, watcherId: string): Promise<boolean>;
  /** The groups `watcherId` watches, by name. Throws on database errors. */
  watchesOf(watcherId: string): Promise<WatchedGroup[]>;
  /** Who watches a group, longest first. Throws on database errors. */
  watchersOf(groupId: string): Promise<WatchedGroup[]>;
  /**
   * Claims up to `limit` watched groups not polled within `everyMs` (nor claimed by another instance) for
   * `leaseMs`; each group goes to one caller. Throws on database errors.
   */
  claimDue(now: Date, everyMs: number, leaseMs: number, limit: number): Promise<HistoryCursor[]>;
  /**
   * Claims one watched group for `leaseMs` unless another poller holds it or it was polled less than `minAgeMs`
   * ago; undefined when not claimed. Throws on database errors.
   */
  claim(groupId: string, now: Date, leaseMs: number, minAgeMs: number): Promise<HistoryCursor | undefined>;
  /** The cursor of a group, or undefined when nobody ever watched it. Throws on database errors. */
  cursor(groupId: string): Promise<HistoryCursor | undefined>;
  /**
   * Stores the events of one delta round and the new cursor in one transaction (events earlier than the last
   * stored one are stored at its time). Writes a checkpoint every `CHECKPOINT_EVERY` events. Throws on database
   * errors.
   */
  recordRound(
    groupId: string,
    round: { events: MembershipEvent[]; deltaLink: string; polledAt: Date; names?: Record<string, string> },
  ): Promise<void>;
  /** Records a failed round (the cursor keeps its delta link) and releases the claim. Throws on database errors. */
  roundFailed(groupId: string, error: string, at: Date): Promise<void>;
  /**
   * Events of a group, newest first: between `from` (exclusive) and `to` (inclusive), about `memberIds` when
   * given, at most `limit`, baseline rows left out. Throws on database errors.
   */
  events(
    groupId: string,
    opts?: { from?: Date; to?: Date; memberIds?: string[]; limit?: number },
  ): Promise<StoredMembershipEvent[]>;
  /** Members and owners right after every event up to `at`; undefined when history begins later. Throws on database errors. */
  membershipAt(groupId: string, at: Date): Promise<MembershipState | undefined>;
}

/** Events between checkpoints of one group. */
export const CHECKPOINT_EVERY = 1000;

const ADDED = 1;
const OWNER = 2;
const BASELINE = 4;
const GROUPBOT = 8;

function flagsOf(e: MembershipEvent): number {
  return (
    (e.change === 'added' ? ADDED : 0) |
    (e.relation === 'owner' ? OWNER : 0) |
    (e.baseline ? BASELINE : 0) |
    (e.source === 'groupbot' ? GROUPBOT : 0)
  );
}

function toWatch(row: SqlRow): WatchedGroup {
  return {
    groupId: text(row, 'group_id'),
    groupName: text(row, 'group_name'),
    watcherId: text(row, 'watcher_id'),
    watcherName: text(row, 'watcher_name'),
    since: date(row, 'since'),
  };
}

function toCursor(row: SqlRow): HistoryCursor {
  return {
    groupId: text(row, 'group_id'),
    deltaLink: textOrNull(row, 'delta_link'),
    historyFrom: dateOrNull(row, 'history_from'),
    polledAt: dateOrNull(row, 'polled_at'),
    lastAt: dateOrNull(row, 'last_at'),
    lastError: textOrNull(row, 'last_error'),
  };
}

function numbers(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => Number(v));
}

/** The numbers of object ids, created when missing; names stored when given. Throws on database errors. */
async function numbersOf(
  db: SqlExecutor,
  ids: readonly string[],
  names: Record<string, string> = {},
): Promise<Map<string, number>> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (unique.length === 0) return new Map();
  await db.query('INSERT INTO history_ids (object_id) SELECT unnest($1::text[]) ON CONFLICT (object_id) DO NOTHING', [
    unique,
  ]);
  const named = unique.filter((id) => names[id]);
  if (named.length) {
    await db.query(
      'UPDATE history_ids h SET name = v.name FROM (SELECT unnest($1::text[]) AS id, unnest($2::text[]) AS name) v WHERE h.object_id = v.id AND h.name IS DISTINCT FROM v.name',
      [named, named.map((id) => names[id])],
    );
  }
  const rows = await db.query('SELECT n, object_id FROM history_ids WHERE object_id = ANY($1::text[])', [unique]);
  return new Map(rows.map((r) => [text(r, 'object_id'), int(r, 'n')]));
}

/** Applies events (in order) to a state of numbers. Never throws. */
function replay(members: Set<number>, owners: Set<number>, rows: SqlRow[]): void {
  for (const r of rows) {
    const flags = int(r, 'flags');
    const set = flags & OWNER ? owners : members;
    if (flags & ADDED) set.add(int(r, 'member_n'));
    else set.delete(int(r, 'member_n'));
  }
}

/** The state after every event of a group up to `at` (or all), as numbers. Throws on database errors. */
async function stateAt(
  db: SqlExecutor,
  groupN: number,
  at: Date | null,
): Promise<{ members: Set<number>; owners: Set<number> }> {
  const cps = await db.query(
    `SELECT upto::text AS upto, members, owners FROM membership_checkpoints WHERE group_n = $1 ${at ? 'AND at <= $2' : ''} ORDER BY upto DESC LIMIT 1`,
    at ? [groupN, at] : [groupN],
  );
  const cp = cps[0];
  const members = new Set(cp ? numbers(cp['members']) : []);
  const owners = new Set(cp ? numbers(cp['owners']) : []);
  const rows = await db.query(
    `SELECT member_n, flags FROM membership_events WHERE group_n = $1 AND id > $2::bigint ${at ? 'AND at <= $3' : ''} ORDER BY id`,
    at ? [groupN, cp ? text(cp, 'upto') : '0', at] : [groupN, cp ? text(cp, 'upto') : '0'],
  );
  replay(members, owners, rows);
  return { members, owners };
}

/** The repository on a SQL client (PGlite or PostgreSQL). */
export function historyRepository(db: SqlClient): HistoryRepository {
  return {
    async watch(w, at) {
      const inserted = await db.transaction(async (tx) => {
        const rows = await tx.query(
          `INSERT INTO watched_groups (group_id, watcher_id, watcher_name, group_name, since) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (group_id, watcher_id) DO UPDATE SET group_name = EXCLUDED.group_name, watcher_name = EXCLUDED.watcher_name
           RETURNING (xmax = 0) AS inserted`,
          [w.groupId.toLowerCase(), w.watcherId, w.watcherName, w.groupName, at],
        );
        const gid = w.groupId.toLowerCase();
        const groupN = (await numbersOf(tx, [gid], { [gid]: w.groupName })).get(gid) as number;
        await tx.query(
          'INSERT INTO history_cursors (group_id, group_n) VALUES ($1, $2) ON CONFLICT (group_id) DO NOTHING',
          [w.groupId.toLowerCase(), groupN],
        );
        return rows[0]?.['inserted'] === true;
      });
      return inserted;
    },

    async unwatch(groupId, watcherId) {
      const rows = await db.query(
        'DELETE FROM watched_groups WHERE group_id = $1 AND watcher_id = $2 RETURNING group_id',
        [groupId.toLowerCase(), watcherId],
      );
      return rows.length > 0;
    },

    async watchesOf(watcherId) {
      return (
        await db.query('SELECT * FROM watched_groups WHERE watcher_id = $1 ORDER BY lower(group_name), group_id', [
          watcherId,
        ])
      ).map(toWatch);
    },

    async watchersOf(groupId) {
      return (
        await db.query('SELECT * FROM watched_groups WHERE group_id = $1 ORDER BY since, watcher_id', [
          groupId.toLowerCase(),
        ])
      ).map(toWatch);
    },

    async claimDue(now, everyMs, leaseMs, limit) {
      const rows = await db.query(
        `UPDATE history_cursors SET claimed_until = $2 WHERE group_id IN (
           SELECT c.group_id FROM history_cursors c
           WHERE EXISTS (SELECT 1 FROM watched_groups w WHERE w.group_id = c.group_id)
             AND (c.polled_at IS NULL OR c.polled_at <= $3) AND (c.claimed_until IS NULL OR c.claimed_until <= $1)
           ORDER BY c.polled_at NULLS FIRST, c.group_id LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [now, new Date(now.getTime() + leaseMs), new Date(now.getTime() - everyMs), limit],
      );
      return rows.map(toCursor);
    },

    async claim(groupId, now, leaseMs, minAgeMs) {
      const rows = await db.query(
        `UPDATE history_cursors SET claimed_until = $2 WHERE group_id = $1
           AND (claimed_until IS NULL OR claimed_until <= $3) AND (polled_at IS NULL OR polled_at <= $4) RETURNING *`,
        [groupId.toLowerCase(), new Date(now.getTime() + leaseMs), now, new Date(now.getTime() - minAgeMs)],
      );
      return rows[0] ? toCursor(rows[0]) : undefined;
    },

    async cursor(groupId) {
      const rows = await db.query('SELECT * FROM history_cursors WHERE group_id = $1', [groupId.toLowerCase()]);
      return rows[0] ? toCursor(rows[0]) : undefined;
    },

    async recordRound(groupId, round) {
      const gid = groupId.toLowerCase();
      await db.transaction(async (tx) => {
        const cur = (
          await tx.query(
            'SELECT group_n, last_at, history_from, since_checkpoint FROM history_cursors WHERE group_id = $1 FOR UPDATE',
            [gid],
          )
        )[0];
        if (!cur) throw new Error(`No history cursor for group ${gid}.`);
        const groupN = int(cur, 'group_n');
        const lastAt = dateOrNull(cur, 'last_at');
        const lowered: Record<string, string> = {};
        for (const [k, v] of Object.entries(round.names ?? {})) lowered[k.toLowerCase()] = v;
        const named = [
          ...round.events.map((e) => e.memberId),
          ...round.events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
        ];
        const ids = await numbersOf(tx, named, lowered);
        const sorted = [...round.events].sort((a, b) => a.at.getTime() - b.at.getTime());
        let latest = lastAt;
        const at: Date[] = [];
        for (const e of sorted) {
          const t = latest && e.at < latest ? latest : e.at;
          at.push(t);
          latest = t;
        }
        if (sorted.length) {
          await tx.query(
            `INSERT INTO membership_events (group_n, at, member_n, flags, actor_n)
             SELECT $1, unnest($2::timestamptz[]), unnest($3::integer[]), unnest($4::smallint[]), unnest($5::integer[])`,
            [
              groupN,
              at.map((d) => d.toISOString()),
              sorted.map((e) => ids.get(e.memberId.toLowerCase())),
              sorted.map(flagsOf),
              sorted.map((e) => (e.actorId ? (ids.get(e.actorId.toLowerCase()) ?? null) : null)),
            ],
          );
        }
        const pending = int(cur, 'since_checkpoint') + sorted.length;
        const checkpoint = pending >= CHECKPOINT_EVERY;
        if (checkpoint) {
          const state = await stateAt(tx, groupN, null);
          await tx.query(
            `INSERT INTO membership_checkpoints (group_n, at, upto, members, owners)
             SELECT $1, at, id, $2::integer[], $3::integer[] FROM membership_events WHERE group_n = $1 ORDER BY id DESC LIMIT 1`,
            [groupN, [...state.members], [...state.owners]],
          );
        }
        await tx.query(
          `UPDATE history_cursors SET delta_link = $2, polled_at = $3, last_at = $4, claimed_until = NULL, last_error = NULL,
             history_from = COALESCE(history_from, $3), since_checkpoint = $5 WHERE group_id = $1`,
          [gid, round.deltaLink, round.polledAt, latest, checkpoint ? 0 : pending],
        );
      });
    },

    async roundFailed(groupId, error, at) {
      await db.query(
        'UPDATE history_cursors SET last_error = $2, polled_at = $3, claimed_until = NULL WHERE group_id = $1',
        [groupId.toLowerCase(), error.slice(0, 500), at],
      );
    },

    async events(groupId, opts = {}) {
      const params: unknown[] = [groupId.toLowerCase()];
      const where: string[] = ['c.group_id = $1', `(e.flags & ${BASELINE}) = 0`];
      if (opts.from) {
        params.push(opts.from);
        where.push(`e.at > $${params.length}`);
      }
      if (opts.to) {
        params.push(opts.to);
        where.push(`e.at <= $${params.length}`);
      }
      if (opts.memberIds) {
        params.push(opts.memberIds.map((m) => m.toLowerCase()));
        where.push(`m.object_id = ANY($${params.length}::text[])`);
      }
      params.push(opts.limit ?? 100);
      const rows = await db.query(
        `SELECT e.at, e.flags, m.object_id AS member_id, m.name AS member_name, a.object_id AS actor_id, a.name AS actor_name
         FROM history_cursors c JOIN membership_events e ON e.group_n = c.group_n
         JOIN history_ids m ON m.n = e.member_n LEFT JOIN history_ids a ON a.n = e.actor_n
         WHERE ${where.join(' AND ')} ORDER BY e.id DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map((r): StoredMembershipEvent => {
        const flags = int(r, 'flags');
        return {
          memberId: text(r, 'member_id'),
          memberName: textOrNull(r, 'member_name'),
          change: flags & ADDED ? 'added' : 'removed',
          relation: flags & OWNER ? 'owner' : 'member',
          at: date(r, 'at'),
          actorId: textOrNull(r, 'actor_id'),
          actorName: textOrNull(r, 'actor_name'),
          source: flags & GROUPBOT ? 'groupbot' : 'delta',
        };
      });
    },

    async membershipAt(groupId, at) {
      const cur = (
        await db.query('SELECT group_n, history_from FROM history_cursors WHERE group_id = $1', [groupId.toLowerCase()])
      )[0];
      const from = cur ? dateOrNull(cur, 'history_from') : null;
      if (!cur || !from || at < from) return undefined;
      // The latest checkpoint at or before `at`, then the last event after it of each person and relation: all in SQL,
      // so only the answer's ids cross to JavaScript.
      const rows = await db.query(
        `WITH cp AS (
           SELECT upto, members, owners FROM membership_checkpoints WHERE group_n = $1 AND at <= $2 ORDER BY upto DESC LIMIT 1),
         last AS (
           SELECT DISTINCT ON (member_n, flags & ${OWNER}) member_n, flags & ${OWNER} AS owner, flags & ${ADDED} AS added
           FROM membership_events WHERE group_n = $1 AND at <= $2 AND id > COALESCE((SELECT upto FROM cp), 0)
           ORDER BY member_n, flags & ${OWNER}, id DESC),
         base AS (
           SELECT unnest(members) AS member_n, 0 AS owner FROM cp UNION ALL SELECT unnest(owners), ${OWNER} FROM cp),
         final AS (
           SELECT b.member_n, b.owner FROM base b
           WHERE NOT EXISTS (SELECT 1 FROM last l WHERE l.member_n = b.member_n AND l.owner = b.owner)
           UNION ALL SELECT member_n, owner FROM last WHERE added <> 0)
         SELECT h.object_id, f.owner FROM final f JOIN history_ids h ON h.n = f.member_n`,
        [int(cur, 'group_n'), at],
      );
      const members: string[] = [];
      const owners: string[] = [];
      for (const r of rows) (int(r, 'owner') ? owners : members).push(text(r, 'object_id'));
      return { members: members.sort(), owners: owners.sort() };
    },
  };
}
