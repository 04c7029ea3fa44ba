import type { DirectoryOperation } from '../directory/directory-operation';
import type { PersonRef } from '../shared/types';

/** The states of an access request. `approving` means "decided, Graph add not yet confirmed" (see bot/requests). */
export type RequestState = 'pending' | 'approving' | 'approved' | 'denied' | 'cancelled' | 'expired' | 'failed';

export type { PersonRef };

/** One self-service access request, as stored. */
export interface AccessRequest {
  id: string;
  requesterId: string;
  requesterUpn: string;
  requesterName: string;
  groupId: string;
  groupName: string;
  justification: string;
  /** Time-bound membership length asked for ("for 30 days"); null = permanent. */
  durationDays: number | null;
  state: RequestState;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  /** Deny reason, failure message, or cancel note. */
  reason: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** When a still-pending request expires. */
  expiresAt: Date;
  remindedAt: Date | null;
  reminderCount: number;
  /** How many identical requests were merged into this one. */
  mergedCount: number;
  /** Lease: until then one process owns the pending Graph add or the outcome notices. */
  claimedUntil: Date | null;
  /** Graph add attempts made for this request. */
  attempts: number;
  /** When the requester and every card copy were told the final outcome; null = still to do. */
  outcomeNotifiedAt: Date | null;
  /** Incremented by every change. */
  version: number;
}

/** What filing a request needs. */
export type NewAccessRequest = Pick<
  AccessRequest,
  | 'id'
  | 'requesterId'
  | 'requesterUpn'
  | 'requesterName'
  | 'groupId'
  | 'groupName'
  | 'justification'
  | 'durationDays'
  | 'createdAt'
  | 'expiresAt'
>;

/** A conditional state change: applied only when the row is in one of `from` (and the extra conditions hold). */
export interface RequestTransition {
  id: string;
  from: readonly RequestState[];
  to: RequestState;
  at: Date;
  /** Sets decided_by / decided_at when given. */
  decidedBy?: PersonRef;
  /** Sets reason when given (null clears it). */
  reason?: string | null;
  /** Sets the lease (claimed_until) when given. */
  claimUntil?: Date | null;
  /** Applies only if expires_at is later than this instant (refuses decisions on requests past expiry). */
  notExpiredAt?: Date;
  /** Applies only if the row still has this version. */
  expectedVersion?: number;
  /** Counts a Graph add attempt. */
  countAttempt?: boolean;
}

/** Which copy of a request card is shown where, so that every copy can be updated. */
export interface RequestCardRef {
  requestId: string;
  conversationId: string;
  activityId: string;
  /** The user this copy is for (an owner's 1:1 chat, the requester); null for a shared group-chat copy. */
  userId: string | null;
  role: 'requester' | 'approver';
  createdAt: Date;
}

/** A serialized botbuilder ConversationReference for proactive messages to one user. */
export interface StoredConversationReference {
  userId: string;
  reference: Record<string, unknown>;
  updatedAt: Date;
}

/** A membership granted for a limited time; removed when it expires. */
export interface TimeBoundMembership {
  id: string;
  groupId: string;
  groupName: string;
  userId: string;
  userName: string;
  requestId: string | null;
  grantedById: string | null;
  grantedByName: string | null;
  expiresAt: Date;
  notifiedAt: Date | null;
  removedAt: Date | null;
  claimedUntil: Date | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

/** What granting a time-bound membership needs. */
export type NewTimeBoundMembership = Pick<
  TimeBoundMembership,
  'id' | 'groupId' | 'groupName' | 'userId' | 'userName' | 'requestId' | 'expiresAt' | 'createdAt'
> & { grantedBy: PersonRef | null };

/** One change the bot made, for "history of G" and Undo. */
export interface JournalEntry {
  id: string;
  /** Insertion order; later entries have larger numbers. */
  seq: number;
  at: Date;
  /** e.g. `member.add`, `member.remove`, `request.deny`. */
  action: string;
  /** Who made the bot do it. */
  actor: PersonRef;
  requestedBy: PersonRef | null;
  approvedBy: PersonRef | null;
  /** Whose delegated token made the Graph call; null when no Graph call was made (e.g. a denial). */
  tokenOfId: string | null;
  group: PersonRef | null;
  target: PersonRef | null;
  requestId: string | null;
  result: 'succeeded' | 'failed' | 'no-op';
  /** HTTP status Graph answered, when a call was made. */
  status: number | null;
  detail: string | null;
  /** The values the change replaced and the values it set (names, visibility, a rule, a licence's plans); null when none. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /**
   * The operation that undoes this change (produced by bot/directory from the values before it); null when it
   * cannot be undone.
   */
  undo: DirectoryOperation | null;
  undoUntil: Date | null;
  undoneAt: Date | null;
  undoneBy: PersonRef | null;
}

/** What appending to the journal needs (seq and undone fields are set by the store). */
export type NewJournalEntry = Omit<JournalEntry, 'seq' | 'undoneAt' | 'undoneBy' | 'before' | 'after'> &
  Partial<Pick<JournalEntry, 'before' | 'after'>>;
