/**
 * groupbot's store: access requests, card copies, conversation references, time-bound memberships, the journal,
 * key/value bot state and a botbuilder-compatible Storage, on embedded PGlite or PostgreSQL.
 */
export { openStore } from './open-store';
export type { Store } from './store';
export type { ConversationReferenceRepository } from './conversation-reference-repository';
export { type HistoryRepository, type HistoryCursor, type StoredMembershipEvent } from './history-repository';
export type { KeyValueRepository } from './key-value-repository';
export { pendingOperationStore } from './pending-operation-store';
export { DirectoryLockedError } from '../../common/directory-lock';
export * from './types';
