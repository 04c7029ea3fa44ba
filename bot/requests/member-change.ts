import type { PersonRef } from '../store/types';
import type { MemberAddResult, MemberRemoveResult } from '../directory/request-directory-port';

export type { MemberAddResult, MemberRemoveResult } from '../directory/request-directory-port';

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

/** Runs the Graph removal. Should not throw; if it does, the attempt counts as `retry-later`. */
export type MemberRemover = (job: MemberRemoveJob) => Promise<MemberRemoveResult>;
