import type { GraphSession } from '../directory/graph-session';
import type { Intent } from '../language';
import type { JournalSink } from '../journal/journal-sink';
import type { FileSink } from './file-sink';
import type { HistoryService } from '../history/history-service';

import type { Actor, Reply } from '../shared/types';
import type { Continuation } from './continuation';
import type { DigestPort } from '../hygiene/digest-port';
import { type Logger } from '../log';

export type { Actor, Reply } from '../shared/types';

/**
 * A multi-step operation waiting for the user: a choice between candidates, or a confirmation. Stored on the
 * server; a card action carries only its id and the user's choice, so nothing echoed back is trusted.
 */
export interface PendingOperation {
  id: string;
  /** Only this user may continue it. */
  actorId: string;
  /** The intent to run again once the choice or confirmation is made; resolved names are replaced by ids. */
  intent: Intent;
  kind: 'choice' | 'confirm';
  /** For a choice: which slot and position the choice fills, and the ids offered. */
  slot?: 'users' | 'groups' | 'owners' | 'members' | 'license';
  position?: number;
  candidateIds?: string[];
  /** What the next run continues with (resolved names, a page cursor, a form, an Undo key). */
  continuation?: Continuation;
  /**
   * Operations stored before continuations were typed carried a string-keyed bag instead; read only by
   * continuationOf (./continuation.ts), never written.
   */
  flags?: Record<string, string | number | boolean>;
  expiresAt: number;
}

/** Server-side storage of pending operations. Implementations: memory (tests, chat) and bot/store. */
export interface PendingStore {
  put(op: Omit<PendingOperation, 'id'>): Promise<PendingOperation>;
  get(id: string): Promise<PendingOperation | undefined>;
  /** Deletes and returns it: a confirmation can be used once only (double clicks do nothing the second time). */
  take(id: string): Promise<PendingOperation | undefined>;
}

export interface Outcome {
  replies: Reply[];
}

/** Everything a command may use. Commands never see Teams types. */
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
  progress?: (reply: Reply) => Promise<void>;
  /** Where writes are journalled ("history of G", Undo); absent where no store is configured. */
  journal?: JournalSink;
  /** Watched groups and their recorded membership history; absent where no store is configured. */
  history?: HistoryService;
  /** Where files for the user go (exports); absent where none can be delivered (terminal chat). */
  files?: FileSink;
  /** The conversation of this turn: "post the digest here" subscribes it. */
  conversation?: { id: string; kind: 'personal' | 'channel' | 'groupChat' };
  /** Weekly hygiene digest subscriptions; absent where no store is configured. */
  digests?: DigestPort;
  /** The bot's logger (LOG_LEVEL); absent in some tests, where logOf(ctx) falls back to the process's logger. */
  log?: Logger;
}
