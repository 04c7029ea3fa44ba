import type { SqlClient } from './sql-client';
import type { StoredConversationReference } from './types';
import { date, objectOrNull, text } from './row-values';

/** Serialized ConversationReferences by user id, for proactive messages (one 1:1 conversation per user). */
export interface ConversationReferenceRepository {
  /** Stores (or replaces) the user's reference. Throws on database errors. */
  put(userId: string, reference: Record<string, unknown>, at: Date): Promise<void>;
  /** The user's reference, or undefined. Throws on database errors. */
  get(userId: string): Promise<StoredConversationReference | undefined>;
  /** Forgets the user's reference (for example after the bot was uninstalled); false when none. */
  delete(userId: string): Promise<boolean>;
}

/** The conversation-reference repository on `db`. */
export function conversationReferenceRepository(db: SqlClient): ConversationReferenceRepository {
  return {
    async put(userId, reference, at) {
      await db.query(
        `INSERT INTO conversation_references (user_id, reference, updated_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (user_id) DO UPDATE SET reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at`,
        [userId, JSON.stringify(reference), at],
      );
    },
    async get(userId) {
      const rows = await db.query('SELECT * FROM conversation_references WHERE user_id = $1', [userId]);
      const row = rows[0];
      if (!row) return undefined;
      return {
        userId: text(row, 'user_id'),
        reference: objectOrNull(row, 'reference') ?? {},
        updatedAt: date(row, 'updated_at'),
      };
    },
    async delete(userId) {
      const rows = await db.query('DELETE FROM conversation_references WHERE user_id = $1 RETURNING user_id', [userId]);
      return rows.length === 1;
    },
  };
}
