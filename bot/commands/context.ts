import type { GraphSession } from '../directory/graph-session';
import type { Intent } from '../language';
import type { JournalSink } from '../journal/journal-sink';
import type { FileSink } from '../exports/file-sink';
import type { HistoryService } from '../history/history-service';

import type { Actor, Reply } from '../shared/types';
import type { Continuation } from './continuation';
import type { DigestPort } from '../hygiene/digest-port';
import type { LicenceCheckPort } from '../licences/license-check-store';
import type { RecentGroups } from './recent-groups';
import { type Logger } from '../log';
import type { RequestsPort } from './requests-port';

export type { Actor, Reply } from '../shared/types';

/**
 * A multi-step operation waiting for the user: a choice between candidates, or a confirmation. Stored on the
 * server; a card action carries only its id and the user's choice, so nothing echoed back is trusted.
 */
export interface PendingOperation {
  id: string;
  /** Only this user may continue it. */
  actorId: string;
  /** Their display name, to tell anyone else who clicks whose card it is (absent on operations stored before). */
  actorName?: string;
  /** The intent to run again once the choice or confirmation is made; resolved names are replaced by ids. */
  intent: Intent;
  kind: 'choice' | 'confirm';
  /** For a choice: which slot and position the choice fills, and the ids offered. */
  slot?: 'users' | 'groups' | 'owners' | 'members' | 'license';
  position?: number;
  candidateIds?: string[];
  /** What the next run continues with (resolved names, a page cursor, a form, an Undo key). */
  continuation?: Continuation;
  expiresAt: number;
  /** When its button was used (ISO time): the operation stays stored, so a later click can say what happened. */
  usedAt?: string;
  /** What that use did, once it finished. */
  done?: PendingDone;
}

/** What the use of a pending operation did, kept for PENDING_DONE_TTL_MS after it (bot/commands/pending-ops.ts). */
export interface PendingDone {
  /** When it finished (ISO time). */
  at: string;
  /** done: a confirmation went ahead; cancelled: Cancel; answered: a choice or form led to the next step. */
  how: 'done' | 'cancelled' | 'answered';
  /** The sentence its answer began with ("Ana Silva was added to 'OutlookGroup101'."). */
  summary: string;
}

/** Server-side storage of pending operations. Implementations: memory (tests, chat) and bot/store. */
export interface PendingStore {
  put(op: Omit<PendingOperation, 'id'>): Promise<PendingOperation>;
  /** The operation unless missing or expired, used ones included (with `usedAt`, and `done` once finished). */
  get(id: string): Promise<PendingOperation | undefined>;
  /**
   * Marks it used and returns it: of concurrent takers exactly one gets it (a double click runs once); undefined
   * when missing, expired or already used. The used operation stays readable through `get`.
   */
  take(id: string): Promise<PendingOperation | undefined>;
  /** Records what the use did and keeps the operation (for `get`) until `keepUntil` (epoch ms) at least. */
  finish(id: string, done: PendingDone, keepUntil: number): Promise<void>;
}

export interface Outcome {
  replies: Reply[];
}

/**
 * Everything a command may use. Commands never see Teams types. Every port is present in every run (groupbot
 * always runs with a store: PGlite in memory for the terminal chat and the tests when nothing else is given); only
 * the facts of one turn (continuation, confirmation, the words, the conversation) may be absent.
 */
export interface CommandContext {
  actor: Actor;
  /** The actor's own Graph connection. */
  graph: GraphSession;
  pending: PendingStore;
  now: () => Date;
  /** The state of the pending operation this run continues; absent on a new message or a fresh button. */
  continuation?: Continuation;
  /** True on the confirmed re-run of a confirmation. */
  confirmed?: boolean;
  /** The words of the message, for the commands that read them ("my requests" or "pending approvals"). */
  text?: string;
  /** Reports progress on long operations by updating the card the user sees (Teams: updateActivity). */
  progress: (reply: Reply) => Promise<void>;
  /** Where writes are journalled ("history of G", Undo). */
  journal: JournalSink;
  /** Watched groups and their recorded membership history. */
  history: HistoryService;
  /** Where files for the user go (exports): the user's own OneDrive. */
  files: FileSink;
  /** The conversation of this turn: "post the digest here" subscribes it; absent when the activity names none. */
  conversation?: { id: string; kind: 'personal' | 'channel' | 'groupChat' };
  /** Weekly hygiene digest subscriptions. */
  digests: DigestPort;
  /** Delayed licence-error checks after a group licence assignment. */
  licenceChecks: LicenceCheckPort;
  /** The groups this user just created, resolved by id (replication delay). */
  recentGroups: RecentGroups;
  /** The bot's logger (LOG_LEVEL). */
  log: Logger;
  /** The requests layer bound to this turn (access requests, "my requests", approvals). */
  requests: RequestsPort;
}
