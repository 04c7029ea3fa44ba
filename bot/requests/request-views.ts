/**
 * The cards of the access-request flow, built from stored rows only (never from card data), so that every bot
 * instance renders the same card for the same request state: the owners' approval card, the requester's status
 * card, the final-state card every copy is updated to, and list summaries.
 */
import type { AccessRequest } from '../store/types';
import type { RequestOutcomeView } from './request-outcome';
import {
  buildApprovalCard,
  buildApprovalResultCard,
  executeButton,
  refreshAction,
  type AdaptiveCard,
  type PersonSummary,
  type RequestSummary,
} from '../../cards';
import { adaptiveCard, container, heading, subtle, textBlock } from '../../cards/elements';
import { justificationBlock, requestFacts, type CardAudience } from '../../cards/approval-card';
import { md, plain } from '../../cards/markdown';
import type { Reply } from '../shared/types';

/** What filing learned about the requester and the group, kept with the request for reminders and re-posts. */
export interface RequestProfile {
  requester: PersonSummary;
  teammates?: { members: number; total: number };
  owners: { id: string; name: string }[];
}

/** The requester as cards show them when only the stored row is known. */
export function requesterOf(r: AccessRequest, profile?: RequestProfile): PersonSummary {
  return profile?.requester ?? { id: r.requesterId, displayName: r.requesterName, userPrincipalName: r.requesterUpn };
}

/**
 * The owners' card while the request is pending: Approve / Deny (Action.Execute). A `shared` copy (everyone in a
 * group chat sees it) leaves the justification out. Never throws.
 */
export function approvalCardOf(r: AccessRequest, profile?: RequestProfile, audience: CardAudience = {}): AdaptiveCard {
  return buildApprovalCard(
    {
      requestId: r.id,
      group: { id: r.groupId, displayName: r.groupName },
      requester: requesterOf(r, profile),
      justification: r.justification || '(no justification given)',
      ...(profile?.teammates && profile.teammates.total > 0
        ? { teammates: { ...profile.teammates, basis: 'department' as const } }
        : {}),
      ...(r.durationDays ? { durationDays: r.durationDays } : {}),
      requestedAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
    },
    audience,
  );
}

/** The requester's copy while pending: who was asked, and Cancel request (`shared`: without the justification). Never throws. */
export function requesterCardOf(
  r: AccessRequest,
  ownerNames: readonly string[],
  merged = false,
  audience: CardAudience = {},
): AdaptiveCard {
  const who = ownerNames.length ? ownerNames.join(', ') : "the group's owners";
  return adaptiveCard({
    fallbackText: `Your request to join ${r.groupName} is waiting for ${who}.`,
    body: [
      heading(md`Your request to join ${r.groupName}`),
      container([textBlock(md`Waiting for a decision from ${who}`, { weight: 'Bolder' })], { style: 'emphasis' }),
      ...(merged
        ? [
            subtle(
              plain('You had already asked for this; I added this to your open request instead of filing a new one.'),
            ),
          ]
        : []),
      requestFacts(requesterOf(r), r.durationDays ?? undefined, r.createdAt.toISOString()),
      justificationBlock(r.justification || '(no justification given)', audience),
    ],
    actions: [executeButton('Cancel request', { verb: 'requestCancel', requestId: r.id })],
  });
}

/**
 * What someone who may not decide sees of a pending request (a refresh in a shared chat): who asks, who is asked,
 * no buttons and no justification. Never throws.
 */
export function waitingCardOf(r: AccessRequest, ownerNames: readonly string[]): AdaptiveCard {
  const who = ownerNames.length ? ownerNames.join(', ') : "the group's owners";
  return adaptiveCard({
    fallbackText: `${r.requesterName}'s request to join ${r.groupName} is waiting for ${who}.`,
    body: [
      heading(md`${r.requesterName} asks to join ${r.groupName}`),
      container([textBlock(md`Waiting for ${who}`, { weight: 'Bolder' })], { style: 'emphasis' }),
      requestFacts(requesterOf(r), r.durationDays ?? undefined, r.createdAt.toISOString()),
      justificationBlock(r.justification || '(no justification given)', { shared: true }),
    ],
  });
}

/** The copy while the approved add is still running or being retried. Never throws. */
export function approvingCardOf(r: AccessRequest, view: RequestOutcomeView): AdaptiveCard {
  return adaptiveCard({
    fallbackText: `${r.requesterName}'s request to join ${r.groupName}: ${view.headline}`,
    body: [
      heading(md`${r.requesterName} asked to join ${r.groupName}`),
      container([textBlock(plain(view.headline), { weight: 'Bolder' })], { style: 'good' }),
      requestFacts(requesterOf(r), r.durationDays ?? undefined, r.createdAt.toISOString()),
    ],
  });
}

/**
 * The final state every copy shows ("Approved by Olga Owner, 14:02"), or undefined while not final; a `shared` copy
 * without the justification.
 */
export function finalCardOf(
  r: AccessRequest,
  membershipEndsAt?: Date,
  audience: CardAudience = {},
): AdaptiveCard | undefined {
  if (r.state === 'pending' || r.state === 'approving') return undefined;
  const decidedBy =
    r.state === 'cancelled'
      ? { id: r.requesterId, displayName: r.requesterName }
      : r.decidedByName
        ? { ...(r.decidedById ? { id: r.decidedById } : {}), displayName: r.decidedByName }
        : undefined;
  const decidedAt = (
    r.state === 'expired' ? r.expiresAt : r.state === 'cancelled' ? r.updatedAt : (r.decidedAt ?? r.updatedAt)
  ).toISOString();
  return buildApprovalResultCard(
    {
      requestId: r.id,
      group: { id: r.groupId, displayName: r.groupName },
      requester: requesterOf(r),
      justification: r.justification || '(no justification given)',
      requestedAt: r.createdAt.toISOString(),
      state: r.state,
      ...(decidedBy ? { decidedBy } : {}),
      decidedAt,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.durationDays ? { durationDays: r.durationDays } : {}),
      ...(membershipEndsAt ? { membershipEndsAt: membershipEndsAt.toISOString() } : {}),
    },
    audience,
  );
}

/** The card a copy should show now: final, approving, or undefined (pending: leave it). */
export function currentCardOf(
  r: AccessRequest,
  view: RequestOutcomeView,
  audience: CardAudience = {},
): AdaptiveCard | undefined {
  if (r.state === 'approving') return approvingCardOf(r, view);
  return finalCardOf(r, undefined, audience);
}

/** A reply carrying a card (the card's fallback text as the message text). */
export function cardReply(text: string, card: AdaptiveCard): Reply {
  return { text, card: card as unknown as Record<string, unknown> };
}

/**
 * The card with `sentence` as its first line: the answer to one clicker whose click lost (e.g. "This request was
 * already approved by Olga Owner at 14:02."). A new card; `card` and the copies others see are left as they are.
 * Never throws.
 */
export function withNotice(card: AdaptiveCard, sentence: string): AdaptiveCard {
  return { ...card, body: [textBlock(plain(sentence), { weight: 'Bolder' }), ...card.body] };
}

/** A request as a list row. */
export function summaryOf(r: AccessRequest): RequestSummary {
  const state = r.state === 'approving' ? 'pending' : r.state;
  return {
    requestId: r.id,
    group: { id: r.groupId, displayName: r.groupName },
    requester: requesterOf(r),
    justification: r.justification,
    state,
    requestedAt: r.createdAt.toISOString(),
    ...(r.decidedByName ? { decidedBy: { displayName: r.decidedByName } } : {}),
    ...(r.decidedAt ? { decidedAt: r.decidedAt.toISOString() } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.durationDays ? { durationDays: r.durationDays } : {}),
  };
}

/** Teams refreshes a card automatically for at most this many listed users. */
export const REFRESH_USER_LIMIT = 60;

/** An Entra object id: a bare GUID, never a chat user id (Teams MRIs look like `29:…`). */
const ENTRA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The card with a Universal Actions `refresh` (verb requestRefresh): Teams asks the bot for the view of each
 * listed user when they see it (their own view: Approve/Deny for owners, Cancel for the requester, the outcome
 * once decided). `userIds` are chat user ids (MRIs): Entra object ids are left out, since Teams ignores them (the
 * messenger logs whom it found no chat id for). At most REFRESH_USER_LIMIT users are listed, as Teams refreshes
 * no more automatically. Never throws.
 */
export function withRefresh(card: AdaptiveCard, requestId: string, userIds: readonly string[]): AdaptiveCard {
  const ids = [...new Set(userIds)].filter((id) => id && !ENTRA_ID.test(id)).slice(0, REFRESH_USER_LIMIT);
  if (ids.length === 0) return card;
  const refresh = {
    action: refreshAction({ verb: 'requestRefresh', requestId }),
    userIds: ids,
  };
  return Object.assign({}, card, { refresh });
}
