import type { SqlClient, SqlRow } from './sql-client';
import type { RequestCardRef } from './types';
import { date, text, textOrNull } from './row-values';

/** Where the copies of each request card are, so every copy can be updated to the final state. */
export interface RequestCardRepository {
  /** Remembers one copy; recording the same copy twice is harmless. Throws on database errors (unknown request). */
  add(ref: RequestCardRef): Promise<void>;
  /** Every copy of the request's card, oldest first. Throws on database errors. */
  listForRequest(requestId: string): Promise<RequestCardRef[]>;
}

function toCardRef(row: SqlRow): RequestCardRef {
  return {
    requestId: text(row, 'request_id'),
    conversationId: text(row, 'conversation_id'),
    activityId: text(row, 'activity_id'),
    userId: textOrNull(row, 'user_id'),
    role: text(row, 'role') as RequestCardRef['role'],
    createdAt: date(row, 'created_at'),
  };
}

/** The card-reference repository on `db`. */
export function requestCardRepository(db: SqlClient): RequestCardRepository {
  return {
    async add(ref) {
      await db.query(
        `INSERT INTO request_cards (request_id, conversation_id, activity_id, user_id, role, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_id, conversation_id, activity_id) DO NOTHING`,
        [ref.requestId, ref.conversationId, ref.activityId, ref.userId, ref.role, ref.createdAt],
      );
    },
    async listForRequest(requestId) {
      const rows = await db.query(
        'SELECT * FROM request_cards WHERE request_id = $1 ORDER BY created_at, conversation_id, activity_id',
        [requestId],
      );
      return rows.map(toCardRef);
    },
  };
}
