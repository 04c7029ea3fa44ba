/**
 * groupbot's store: access requests, card copies, conversation references, time-bound memberships, the journal,
 * key/value bot state and a botbuilder-compatible Storage, on embedded PGlite or PostgreSQL.
 */
export { openStore, storeOn, pgliteDirectory, StoreOpenError, type StoreLocation } from './open-store';
export type { Store } from './store';
export type { AccessRequestRepository } from './request-repository';
export type { RequestCardRepository } from './card-reference-repository';
export type { ConversationReferenceRepository } from './conversation-reference-repository';
export type { TimeBoundMembershipRepository } from './membership-repository';
export { JournalSecretError, type JournalRepository } from './journal-repository';
export {
  CHECKPOINT_EVERY,
  type HistoryRepository,
  type HistoryCursor,
  type MembershipEvent,
  type MembershipState,
  type StoredMembershipEvent,
  type WatchedGroup,
} from './history-repository';
export type { KeyValueRepository, VersionedValue } from './key-value-repository';
export { pendingOperationStore, type DurablePendingStore, type ExpiringItem } from './pending-operation-store';
export { DirectoryLockedError } from '../../common/directory-lock';
export { EtagConflictError, type BotStorage, type StoreItems } from './bot-storage';
export { SchemaTooNewError, applyMigrations } from './migrate';
export { MIGRATIONS, type Migration } from './migrations';
export { StoreRowError } from './row-values';
export * from './types';
