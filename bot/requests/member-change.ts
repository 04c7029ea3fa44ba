import type { PersonRef } from '../store/types';

/** What the caller's Graph code must add: the requester to the group, with the approver's delegated token. */
export interface MemberAddJob {
  requestId: string;
  group: PersonRef;
  user: PersonRef;
  approver: PersonRef;
  /**
   * The approver's token from the current turn, or undefined when the sweeper retries an interrupted approval:
   * then fetch the approver's token from the token service, or answer `retry-later` when there is none now.
   * Never stored.
   */
  token: string | undefined;
  /** 1 for the first try, higher for retries. */
  attempt: number;
}

/** What happened when the caller ran the Graph add. */
export type MemberAddResult =
  /** Added now; `tokenOf` when someone else's token than the approver's made the add (background fallback). */
  | { outcome: 'added'; status?: number; tokenOf?: PersonRef }
  /** The user was a member already (Graph 400 "added object references already exist"): nothing to undo. */
  | { outcome: 'already-member'; status?: number }
  /** Refused for good (403, group gone, user gone): the request ends `failed` with `message`. */
  | { outcome: 'failed'; message: string; status?: number }
  /** Transient (throttled, no token right now): the request stays `approving` and the sweeper retries later. */
  | { outcome: 'retry-later'; message: string };

/** Runs the Graph add. Should not throw; if it does, the attempt counts as `retry-later`. */
export type MemberAdder = (job: MemberAddJob) => Promise<MemberAddResult>;

/** What the caller's Graph code must remove when a time-bound membership ends. */
export interface MemberRemoveJob {
  membershipId: string;
  group: PersonRef;
  user: PersonRef;
  /** Who granted the membership (whose token to use, fetched from the token service); null when unknown. */
  grantedBy: PersonRef | null;
}

/** What happened when the caller ran the Graph removal. */
export type MemberRemoveResult =
  | { outcome: 'removed'; tokenOf: PersonRef; status?: number }
  /** Not a member any more (someone removed them): nothing to do. */
  | { outcome: 'not-member' }
  /** Could not remove now (no token, throttled, forbidden): retried after the lease. */
  | { outcome: 'retry-later'; message: string };

/** Runs the Graph removal. Should not throw; if it does, the attempt counts as `retry-later`. */
export type MemberRemover = (job: MemberRemoveJob) => Promise<MemberRemoveResult>;
