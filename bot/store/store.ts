import type { AccessRequestRepository } from './request-repository';
import type { RequestCardRepository } from './card-reference-repository';
import type { ConversationReferenceRepository } from './conversation-reference-repository';
import type { TimeBoundMembershipRepository } from './membership-repository';
import type { JournalRepository } from './journal-repository';
import type { KeyValueRepository } from './key-value-repository';
import type { BotStorage } from './bot-storage';
import type { HistoryRepository } from './history-repository';

/** groupbot's durable state: one SQL schema on embedded PGlite or on PostgreSQL. */
export interface Store {
  /** Which engine holds the data. */
  readonly kind: 'pglite' | 'postgres';
  /** Access requests and their state changes. */
  readonly requests: AccessRequestRepository;
  /** Where each copy of a request card was posted. */
  readonly requestCards: RequestCardRepository;
  /** Serialized ConversationReferences for proactive messages. */
  readonly conversations: ConversationReferenceRepository;
  /** Memberships granted for a limited time. */
  readonly memberships: TimeBoundMembershipRepository;
  /** Every change the bot made. */
  readonly journal: JournalRepository;
  /** Watched groups and their membership history (bot/history). */
  readonly history: HistoryRepository;
  /** Small JSON values by key, with eTags. */
  readonly keyValue: KeyValueRepository;
  /** A botbuilder-compatible Storage on the key/value table, for teams-ai TurnState. */
  readonly botStorage: BotStorage;
  /** The schema versions this store has applied (all of them after open). Throws on database errors. */
  schemaVersions(): Promise<number[]>;
  /** Closes the database (PGlite) or the connection pool (PostgreSQL). Safe to call twice. */
  close(): Promise<void>;
}
