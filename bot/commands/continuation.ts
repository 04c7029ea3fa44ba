/**
 * The state a pending operation carries into its next run, one typed shape per kind of step. It lives on the
 * server (a card carries only the pending operation's id), so nothing in it was echoed back by a client.
 */
import type { PersonRef } from '../store/types';
import type { StoredPlan } from './change-plan-store';
import { emptySnapshot, readSnapshot, type Snapshot } from './snapshot';

export type Continuation =
  /** A choice or confirmation: the names resolved so far (`bulkDone` right after a bulk table was answered). */
  | { kind: 'resolve'; snapshot: Snapshot; bulkDone?: true }
  /** A bulk resolution table: per row position, the ids the user may pick. */
  | { kind: 'bulkTable'; snapshot: Snapshot; table: Record<string, string[]> }
  /** "More" on a paged list: Graph's next link (checked by bot/directory before it is followed) and the items shown. */
  | { kind: 'page'; snapshot?: Snapshot; next: string; offset: number }
  /** The create-group form (`submitted` once it was sent) and the confirmation after it. */
  | { kind: 'groupForm'; snapshot?: Snapshot; submitted: boolean; mailNickname?: string }
  /** "More" on a group's history: older entries than `beforeSeq`, filtered by `users` when any. */
  | { kind: 'historyPage'; group: PersonRef; users: PersonRef[]; beforeSeq: number }
  /** A confirmed Undo of the journal entries behind `key`. */
  | { kind: 'undo'; key: string }
  /** The confirmation that invites unknown addresses as guests, then adds them with the names resolved so far. */
  | { kind: 'inviteGuests'; snapshot: Snapshot }
  /** A confirmed membership change: per group id, the people the look-ahead saw already there (written one by one). */
  | { kind: 'membershipChange'; snapshot: Snapshot; present: Record<string, string[]> }
  /** A confirmed group deletion; `permanent` when the look-ahead found no way to restore the group afterwards. */
  | { kind: 'groupDelete'; snapshot: Snapshot; permanent: boolean }
  /** A confirmed change plan (offboarding, copying membership, removing by kind): the list the card showed. */
  | { kind: 'changePlan'; snapshot: Snapshot; plan: StoredPlan };

/** The continuation that carries resolved names. */
export function resolved(snapshot: Snapshot): Continuation {
  return { kind: 'resolve', snapshot };
}

/** The names a continued run already resolved (validated; empty when none or damaged). Never throws. */
export function snapshotOf(ctx: { continuation?: Continuation }): Snapshot {
  const c = ctx.continuation;
  return c && 'snapshot' in c && c.snapshot ? readSnapshot(c.snapshot) : emptySnapshot();
}

/** The context of a run that continues nothing (a new message, or a button that starts an intent afresh). */
export function freshRun<T extends { continuation?: Continuation; confirmed?: boolean; text?: string }>(ctx: T): T {
  const { continuation: _c, confirmed: _confirmed, text: _text, ...rest } = ctx;
  return rest as T;
}
