import type { AdaptiveCard, ContainerStyle } from './card-types';
import { cardTime, plainTime } from './card-time';
import { adaptiveCard, container, heading, subtle, textBlock } from './elements';
import { type Markdown, md } from './markdown';
import { justificationBlock, requestFacts, type CardAudience } from './approval-card';
import type { ApprovalResultCardModel } from './view-models';

const STYLE: Record<ApprovalResultCardModel['state'], ContainerStyle> = {
  approved: 'good',
  denied: 'attention',
  cancelled: 'default',
  expired: 'default',
  failed: 'warning',
};

/** "Approved by Olga Owner, Thu 26 Nov 2026, 14:02 UTC" (the Teams shell shows it in the reader's zone). */
export function decisionLine(model: ApprovalResultCardModel): { card: Markdown; text: string } {
  const by = model.decidedBy?.displayName;
  const t = cardTime(model.decidedAt);
  const pt = plainTime(model.decidedAt);
  switch (model.state) {
    case 'approved':
      return by
        ? { card: md`Approved by ${by}, ${t}`, text: `Approved by ${by}, ${pt}` }
        : { card: md`Approved, ${t}`, text: `Approved, ${pt}` };
    case 'denied':
      return by
        ? { card: md`Denied by ${by}, ${t}`, text: `Denied by ${by}, ${pt}` }
        : { card: md`Denied, ${t}`, text: `Denied, ${pt}` };
    case 'cancelled':
      return by
        ? { card: md`Cancelled by ${by}, ${t}`, text: `Cancelled by ${by}, ${pt}` }
        : { card: md`Cancelled, ${t}`, text: `Cancelled, ${pt}` };
    case 'expired':
      return { card: md`Expired without a decision, ${t}`, text: `Expired without a decision, ${pt}` };
    case 'failed':
      return by
        ? { card: md`Approved by ${by}, but adding failed, ${t}`, text: `Approved by ${by}, but adding failed, ${pt}` }
        : { card: md`Adding failed, ${t}`, text: `Adding failed, ${pt}` };
  }
}

/**
 * The final state every copy of an approval card is updated to: approved / denied with reason /
 * cancelled / expired / failed; no buttons. A `shared` copy leaves the justification out. Never throws.
 */
export function buildApprovalResultCard(model: ApprovalResultCardModel, audience: CardAudience = {}): AdaptiveCard {
  const line = decisionLine(model);
  const status = [textBlock(line.card, { weight: 'Bolder' })];
  if (model.reason) status.push(textBlock(md`Reason: ${model.reason}`, { spacing: 'Small' }));
  if (model.state === 'approved' && model.membershipEndsAt)
    status.push(subtle(md`Membership ends ${cardTime(model.membershipEndsAt)}.`));
  return adaptiveCard({
    fallbackText: `${model.requester.displayName}'s request to join ${model.group.displayName}: ${line.text}${model.reason ? `. Reason: ${model.reason}` : ''}.`,
    speak: line.text,
    body: [
      heading(md`${model.requester.displayName} asked to join ${model.group.displayName}`),
      container(status, { style: STYLE[model.state] }),
      requestFacts(model.requester, model.durationDays, model.requestedAt),
      justificationBlock(model.justification, audience),
    ],
  });
}
