import type { AccessRequest, PersonRef, RequestState } from '../store/types';
import { formatTime, isKnownTimeZone } from '../../cards/card-time';
import { REFUSALS } from './request-refusals';

/**
 * What can happen to a request. approve/deny come from an approver (authority checked by the caller), cancel from
 * the requester, expire/remind/complete/fail from the bot itself.
 */
export type RequestAction = 'approve' | 'deny' | 'cancel' | 'expire' | 'remind' | 'complete' | 'fail';

/** Why an action was refused. */
export type RefusalCode =
  /** The request reached a final state already (approved, denied, cancelled, expired, failed). */
  | 'already-decided'
  /** Someone approved it and the add is under way. */
  | 'in-progress'
  /** Only the requester may cancel. */
  | 'not-requester'
  /** Past its expiry time (even if the sweeper has not marked it yet). */
  | 'expired'
  /** Expire/remind before it is due, or complete/fail on a request that is not being approved. */
  | 'not-applicable'
  /** (service) No such request. */
  | 'not-found'
  /** (service) The actor is neither a current owner of the group nor a Groups or Global Administrator. */
  | 'not-approver';

/** A refusal with the sentence to show the user. */
export interface Refusal {
  code: RefusalCode;
  message: string;
  state: RequestState;
}

/** The outcome of `decide`. */
export type Decision =
  { allowed: true; action: RequestAction; from: RequestState; to: RequestState } | { allowed: false; refusal: Refusal };

/** The fields of a request the state machine looks at. */
export type RequestFacts = Pick<
  AccessRequest,
  | 'state'
  | 'requesterId'
  | 'requesterName'
  | 'groupName'
  | 'decidedByName'
  | 'decidedAt'
  | 'expiresAt'
  | 'updatedAt'
  | 'reason'
>;

/** Where each action may start, and where it leads. */
export const TRANSITIONS: Readonly<Record<RequestAction, { from: readonly RequestState[]; to: RequestState }>> = {
  approve: { from: ['pending'], to: 'approving' },
  deny: { from: ['pending'], to: 'denied' },
  cancel: { from: ['pending'], to: 'cancelled' },
  expire: { from: ['pending'], to: 'expired' },
  remind: { from: ['pending'], to: 'pending' },
  complete: { from: ['approving'], to: 'approved' },
  fail: { from: ['approving'], to: 'failed' },
};

/** True for states a request never leaves. */
export function isFinal(state: RequestState): boolean {
  return (
    state === 'approved' || state === 'denied' || state === 'cancelled' || state === 'expired' || state === 'failed'
  );
}

function whoAndWhen(r: RequestFacts, timeZone: string): string {
  const who = r.decidedByName ?? 'someone';
  return r.decidedAt ? `${who} at ${formatTime(r.decidedAt, timeZone)}` : who;
}

/** The sentence that explains why a request in state `r.state` cannot take a user's action. */
function closedMessage(r: RequestFacts, timeZone: string): { code: RefusalCode; message: string } {
  switch (r.state) {
    case 'approving':
      return { code: 'in-progress', message: REFUSALS.approving(whoAndWhen(r, timeZone), r.requesterName) };
    case 'approved':
      return { code: 'already-decided', message: REFUSALS.approved(whoAndWhen(r, timeZone)) };
    case 'denied':
      return { code: 'already-decided', message: REFUSALS.denied(whoAndWhen(r, timeZone)) };
    case 'cancelled':
      return {
        code: 'already-decided',
        message: REFUSALS.cancelled(r.requesterName, formatTime(r.updatedAt, timeZone)),
      };
    case 'expired':
      return { code: 'already-decided', message: REFUSALS.expired(formatTime(r.expiresAt, timeZone)) };
    case 'failed':
      return { code: 'already-decided', message: REFUSALS.failed(whoAndWhen(r, timeZone), r.reason) };
    case 'pending':
      return { code: 'not-applicable', message: REFUSALS.stillPending };
  }
}

/**
 * Decides whether `actor` may apply `action` to the request at `now`, purely from the request's facts.
 * Approver authority (owner or administrator) is not judged here: the caller checks it against the directory.
 * Never throws (an invalid `timeZone` falls back to UTC).
 */
export function decide(
  request: RequestFacts,
  action: RequestAction,
  actor: PersonRef,
  now: Date,
  timeZone = 'UTC',
): Decision {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const rule = TRANSITIONS[action];
  const refuse = (code: RefusalCode, message: string): Decision => ({
    allowed: false,
    refusal: { code, message, state: request.state },
  });

  if (!rule.from.includes(request.state)) {
    if (action === 'complete' || action === 'fail') {
      return refuse('not-applicable', REFUSALS.notBeingApproved(request.state));
    }
    return { allowed: false, refusal: { ...closedMessage(request, zone), state: request.state } };
  }
  const pastExpiry = request.expiresAt.getTime() <= now.getTime();
  switch (action) {
    case 'approve':
    case 'deny':
    case 'cancel':
      if (pastExpiry) return refuse('expired', REFUSALS.expired(formatTime(request.expiresAt, zone)));
      if (action === 'cancel' && actor.id !== request.requesterId) {
        return refuse('not-requester', REFUSALS.notRequester(request.requesterName));
      }
      break;
    case 'expire':
      if (!pastExpiry) return refuse('not-applicable', REFUSALS.notDueYet(formatTime(request.expiresAt, zone)));
      break;
    case 'remind':
      if (pastExpiry) return refuse('expired', REFUSALS.expired(formatTime(request.expiresAt, zone)));
      break;
    case 'complete':
    case 'fail':
      break;
  }
  return { allowed: true, action, from: request.state, to: rule.to };
}
