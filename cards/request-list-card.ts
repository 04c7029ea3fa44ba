import { executeButton } from './actions';
import type { AdaptiveCard, CardButton, CardElement } from './card-types';
import { cardTime } from './card-time';
import { personLine, plural } from './describe';
import { actionSet, adaptiveCard, container, heading, subtle, textBlock } from './elements';
import { Markdown, md, plain } from './markdown';
import type { RequestListCardModel, RequestState, RequestSummary } from './view-models';

const STATE_TEXT: Record<RequestState, string> = {
  pending: 'waiting for approval',
  approved: 'approved',
  denied: 'denied',
  cancelled: 'cancelled',
  expired: 'expired',
  failed: 'failed',
};

function requestItem(r: RequestSummary, view: RequestListCardModel['view']): CardElement {
  const items: CardElement[] = [
    textBlock(md`**${r.group.displayName}** · ${STATE_TEXT[r.state]}`),
    subtle(md`asked ${cardTime(r.requestedAt)}${r.durationDays ? ` · for ${plural(r.durationDays, 'day')}` : ''}`),
  ];
  if (view === 'pending') items.push(textBlock(personLine(r.requester), { spacing: 'Small' }));
  items.push(textBlock(md`"${Markdown.plain(r.justification)}"`, { spacing: 'Small', maxLines: 3 }));
  if (r.decidedBy && r.decidedAt)
    items.push(subtle(md`${STATE_TEXT[r.state]} by ${r.decidedBy.displayName}, ${cardTime(r.decidedAt)}`));
  if (r.reason) items.push(subtle(md`Reason: ${r.reason}`));
  const buttons: CardButton[] = [];
  if (r.state === 'pending' && view === 'mine')
    buttons.push(executeButton('Cancel request', { verb: 'requestCancel', requestId: r.requestId }));
  if (r.state === 'pending' && view === 'pending') {
    buttons.push(executeButton('Approve', { verb: 'approvalApprove', requestId: r.requestId }, { style: 'positive' }));
    buttons.push(executeButton('Review or deny', { verb: 'approvalOpen', requestId: r.requestId }));
  }
  if (buttons.length > 0) items.push(actionSet(buttons));
  return container(items, { separator: true, spacing: 'Medium' });
}

/**
 * "My requests" (Cancel request on pending ones) or "Pending approvals" (Approve, Review or deny), with
 * "More" (listMore, list myRequests / pendingApprovals) when there is another page. Never throws.
 */
export function buildRequestListCard(model: RequestListCardModel): AdaptiveCard {
  const title = model.view === 'mine' ? 'Your access requests' : 'Requests waiting for your approval';
  const body: CardElement[] = [heading(plain(title))];
  if (model.requests.length === 0)
    body.push(textBlock(plain(model.view === 'mine' ? 'You have no requests.' : 'Nothing is waiting for you.')));
  for (const r of model.requests) body.push(requestItem(r, model.view));
  const actions: CardButton[] = model.nextCursor
    ? [
        executeButton('More', {
          verb: 'listMore',
          list: model.view === 'mine' ? 'myRequests' : 'pendingApprovals',
          cursor: model.nextCursor,
        }),
      ]
    : [];
  const lines = model.requests.map(
    (r) =>
      `${r.group.displayName} (${STATE_TEXT[r.state]}${model.view === 'pending' ? `, from ${r.requester.displayName}` : ''})`,
  );
  return adaptiveCard({ fallbackText: `${title}: ${lines.join('; ') || 'none'}.`, body, actions });
}
