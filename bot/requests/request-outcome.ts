import type { AccessRequest, RequestState } from '../store/types';
import { formatTime } from '../../cards/card-time';
import { isFinal } from './request-decision';

/** What every copy of the card and the requester's message show for a request's current state. */
export interface RequestOutcomeView {
  requestId: string;
  state: RequestState;
  final: boolean;
  /** One line for the card, e.g. "Approved by Olga Owner, 14:02". */
  headline: string;
  /** The deny reason or failure message, when there is one. */
  reason: string | null;
  /** The message to send the requester; null while nothing changed for them (pending, approving). */
  requesterMessage: string | null;
  decidedByName: string | null;
  /** ISO 8601, for cards that format times themselves. */
  decidedAt: string | null;
}

/**
 * The view of `request` for cards and notices (pure). Times are written the one card way (cards/card-time.ts) in
 * `timeZone` (UTC when it is not a known zone); `now` is not needed for that and kept for the callers. Never throws.
 */
export function describeOutcome(request: AccessRequest, now: Date, timeZone = 'UTC'): RequestOutcomeView {
  const who = request.decidedByName ?? 'someone';
  const when = (d: Date | null): string => formatTime(d ?? request.updatedAt, timeZone);
  const group = `"${request.groupName}"`;
  let headline: string;
  let requesterMessage: string | null = null;
  switch (request.state) {
    case 'pending':
      headline = 'Waiting for an owner to decide';
      break;
    case 'approving':
      headline = `Approved by ${who}, adding…`;
      break;
    case 'approved':
      headline = `Approved by ${who}, ${when(request.decidedAt)}`;
      requesterMessage =
        `${who} approved your request: you are now a member of ${group}` +
        (request.durationDays ? ` for ${request.durationDays} day${request.durationDays === 1 ? '' : 's'}.` : '.');
      break;
    case 'denied':
      headline = `Denied by ${who}, ${when(request.decidedAt)}`;
      requesterMessage =
        `${who} denied your request to join ${group}` + (request.reason ? `: "${request.reason}".` : '.');
      break;
    case 'cancelled':
      headline = `Cancelled by ${request.requesterName}, ${when(request.updatedAt)}`;
      requesterMessage = `You cancelled your request to join ${group}.`;
      break;
    case 'expired':
      headline = `Expired, ${when(request.expiresAt)}`;
      requesterMessage = `Your request to join ${group} expired without a decision. You can ask again.`;
      break;
    case 'failed':
      headline = `Approved by ${who}, but adding failed`;
      requesterMessage =
        `${who} approved your request to join ${group}, but adding you failed` +
        (request.reason ? `: ${request.reason.replace(/\.$/, '')}.` : '.') +
        ' Please ask again or contact the group owners.';
      break;
  }
  return {
    requestId: request.id,
    state: request.state,
    final: isFinal(request.state),
    headline,
    reason: request.reason,
    requesterMessage,
    decidedByName: request.decidedByName,
    decidedAt: request.decidedAt ? request.decidedAt.toISOString() : null,
  };
}
