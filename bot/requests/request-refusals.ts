/**
 * Every sentence with which the access-request workflow refuses an action or a bad input, in one place, so that
 * the state machine, the service, the workflow and the card routing say the same thing the same way. Pure.
 */

/** The refusals and input errors of access requests. Each entry is a sentence or builds one; none throws. */
export const REFUSALS = {
  notFound: 'This request no longer exists.',
  changedMeanwhile: 'This request changed at the same moment; please try again.',
  notApprover: (groupName: string): string =>
    `Only an owner of "${groupName}" or a Groups or Global Administrator can decide this request.`,
  notRequester: (requesterName: string): string => `Only ${requesterName}, who asked, can cancel this request.`,
  /** A second click while the approved add runs (any instance): what stands, from the stored row. */
  approving: (decidedBy: string, requesterName: string): string => `Approved by ${decidedBy}; adding ${requesterName}…`,
  approved: (decidedBy: string): string => `This request was already approved by ${decidedBy}.`,
  denied: (decidedBy: string): string => `This request was already denied by ${decidedBy}.`,
  cancelled: (requesterName: string, at: string): string => `This request was cancelled by ${requesterName} at ${at}.`,
  expired: (at: string): string => `This request expired at ${at}.`,
  failed: (decidedBy: string, reason: string | null): string =>
    `This request was approved by ${decidedBy}, but adding the member failed${reason ? `: ${reason}` : '.'}`,
  stillPending: 'This request is still waiting for a decision.',
  notBeingApproved: (state: string): string => `This request is ${state}, not being approved.`,
  notDueYet: (at: string): string => `This request does not expire before ${at}.`,
  noDecider: (groupName: string): string =>
    `'${groupName}' has no other owner who could approve a request, and I found no Groups Administrator to ask. Ask your IT department to add you.`,
  justificationTooLong: (length: number, max: number): string =>
    `The justification is too long (${length} characters; at most ${max}).`,
  reasonTooLong: (length: number, max: number): string =>
    `The reason is too long (${length} characters; at most ${max}).`,
  badDuration: (given: string): string => `A membership can last 1 to 3650 whole days, not "${given}".`,
} as const;
