import type { SqlClient, SqlExecutor, SqlRow } from './sql-client';
import { isDirectoryOperation, type DirectoryOperation } from '../directory/directory-operation';
import { processLogger } from '../log';
import type { JournalEntry, NewJournalEntry, PersonRef } from './types';
import { date, dateOrNull, int, intOrNull, objectOrNull, personOrNull, text, textOrNull } from './row-values';

/** Thrown when a journal entry would store something that looks like a credential. */
export class JournalSecretError extends Error {
  constructor(field: string) {
    super(`Journal field '${field}' looks like it contains a token; the journal never stores credentials.`);
    this.name = 'JournalSecretError';
  }
}

/** The record of every change the bot made: "history of G" and Undo. */
export interface JournalRepository {
  /** Appends an entry. Throws JournalSecretError when a field looks like a token, or on database errors. */
  append(entry: NewJournalEntry): Promise<JournalEntry>;
  /** The entry, or undefined. Throws on database errors. */
  get(id: string): Promise<JournalEntry | undefined>;
  /** Entries about a group, newest first; `beforeSeq` pages back. Throws on database errors. */
  historyOfGroup(groupId: string, options?: { limit?: number; beforeSeq?: number }): Promise<JournalEntry[]>;
  /**
   * Entries `actorId` made, across groups, newest first, at or after `from` and before `to` when given; `beforeSeq`
   * pages back. Throws on database errors.
   */
  byActor(
    actorId: string,
    options?: { from?: Date; to?: Date; beforeSeq?: number; limit?: number },
  ): Promise<JournalEntry[]>;
  /** Entries `userId` made that can still be undone at `now` (undo data, not undone, undo_until later). */
  undoableFor(userId: string, now: Date, options?: { limit?: number }): Promise<JournalEntry[]>;
  /**
   * Marks an entry undone, exactly once and only while its undo window is open: returns the updated entry, or
   * undefined when it was already undone, has no undo, or the window closed. Throws on database errors.
   */
  markUndone(id: string, by: PersonRef, at: Date): Promise<JournalEntry | undefined>;
}

const TOKEN_PATTERNS = [/bearer\s+\S/i, /access_token=/i, /eyJ[\w-]{8,}\.[\w-]{8,}\./];

function assertNoToken(field: string, value: unknown): void {
  if (value === null || value === undefined) return;
  const serialized = typeof value === 'string' ? value : JSON.stringify(value);
  if (TOKEN_PATTERNS.some((p) => p.test(serialized))) throw new JournalSecretError(field);
}

/**
 * The stored Undo, validated: a row whose undo is not a well-formed operation (damaged by hand; migration 8 cleared
 * the only other shape there ever was) reads as having none, and is logged. Never throws.
 */
function undoOf(row: SqlRow): DirectoryOperation | null {
  const raw = objectOrNull(row, 'undo');
  if (raw === null || isDirectoryOperation(raw)) return raw;
  processLogger().warn('journal.undo.unreadable', { entryId: text(row, 'id') });
  return null;
}

function toJournalEntry(row: SqlRow): JournalEntry {
  return {
    id: text(row, 'id'),
    seq: int(row, 'seq'),
    at: date(row, 'at'),
    action: text(row, 'action'),
    actor: { id: text(row, 'actor_id'), name: text(row, 'actor_name') },
    requestedBy: personOrNull(row, 'requested_by_id', 'requested_by_name'),
    approvedBy: personOrNull(row, 'approved_by_id', 'approved_by_name'),
    tokenOfId: textOrNull(row, 'token_of_id'),
    group: personOrNull(row, 'group_id', 'group_name'),
    target: personOrNull(row, 'target_id', 'target_name'),
    requestId: textOrNull(row, 'request_id'),
    result: text(row, 'result') as JournalEntry['result'],
    status: intOrNull(row, 'status'),
    detail: textOrNull(row, 'detail'),
    before: objectOrNull(row, 'before_values'),
    after: objectOrNull(row, 'after_values'),
    undo: undoOf(row),
    undoUntil: dateOrNull(row, 'undo_until'),
    undoneAt: dateOrNull(row, 'undone_at'),
    undoneBy: personOrNull(row, 'undone_by_id', 'undone_by_name'),
  };
}

/**
 * Appends a journal entry on `db` (usable inside a transaction). Throws JournalSecretError when a field looks like
 * a token, or on database errors.
 */
export async function appendJournal(db: SqlExecutor, e: NewJournalEntry): Promise<JournalEntry> {
  assertNoToken('undo', e.undo);
  assertNoToken('detail', e.detail);
  assertNoToken('before', e.before);
  assertNoToken('after', e.after);
  const rows = await db.query(
    `INSERT INTO journal (id, at, action, actor_id, actor_name, requested_by_id, requested_by_name,
       approved_by_id, approved_by_name, token_of_id, group_id, group_name, target_id, target_name, request_id,
       result, status, detail, undo, undo_until, before_values, after_values)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
       $19::jsonb, $20, $21::jsonb, $22::jsonb)
     RETURNING *`,
    [
      e.id,
      e.at,
      e.action,
      e.actor.id,
      e.actor.name,
      e.requestedBy?.id ?? null,
      e.requestedBy?.name ?? null,
      e.approvedBy?.id ?? null,
      e.approvedBy?.name ?? null,
      e.tokenOfId,
      e.group?.id ?? null,
      e.group?.name ?? null,
      e.target?.id ?? null,
      e.target?.name ?? null,
      e.requestId,
      e.result,
      e.status,
      e.detail,
      e.undo ? JSON.stringify(e.undo) : null,
      e.undo ? e.undoUntil : null,
      e.before ? JSON.stringify(e.before) : null,
      e.after ? JSON.stringify(e.after) : null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('INSERT ... RETURNING returned no row');
  return toJournalEntry(row);
}

function limitOf(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? 50, 1000));
}

/** The journal repository on `db`. */
export function journalRepository(db: SqlClient): JournalRepository {
  return {
    append: (e) => appendJournal(db, e),

    async get(id) {
      const rows = await db.query('SELECT * FROM journal WHERE id = $1', [id]);
      return rows[0] ? toJournalEntry(rows[0]) : undefined;
    },

    async historyOfGroup(groupId, options) {
      const rows = await db.query(
        `SELECT * FROM journal WHERE group_id = $1 AND ($2::integer IS NULL OR seq < $2)
         ORDER BY seq DESC LIMIT $3`,
        [groupId, options?.beforeSeq ?? null, limitOf(options?.limit)],
      );
      return rows.map(toJournalEntry);
    },

    async byActor(actorId, options) {
      const rows = await db.query(
        `SELECT * FROM journal
         WHERE actor_id = $1 AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
           AND ($4::integer IS NULL OR seq < $4)
         ORDER BY seq DESC LIMIT $5`,
        [actorId, options?.from ?? null, options?.to ?? null, options?.beforeSeq ?? null, limitOf(options?.limit)],
      );
      return rows.map(toJournalEntry);
    },

    async undoableFor(userId, now, options) {
      const rows = await db.query(
        `SELECT * FROM journal
         WHERE actor_id = $1 AND undo IS NOT NULL AND undone_at IS NULL AND undo_until > $2 AND result = 'succeeded'
         ORDER BY seq DESC LIMIT $3`,
        [userId, now, limitOf(options?.limit)],
      );
      return rows.map(toJournalEntry);
    },

    async markUndone(id, by, at) {
      const rows = await db.query(
        `UPDATE journal SET undone_at = $2, undone_by_id = $3, undone_by_name = $4
         WHERE id = $1 AND undo IS NOT NULL AND undone_at IS NULL AND undo_until > $2 RETURNING *`,
        [id, at, by.id, by.name],
      );
      return rows[0] ? toJournalEntry(rows[0]) : undefined;
    },
  };
}
