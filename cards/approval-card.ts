import { executeButton } from './actions';
import { INPUT_IDS, LIMITS } from './card-verbs';
import type { AdaptiveCard, CardElement } from './card-types';
import { cardTime, plainTime } from './card-time';
import { personAddress, plural } from './describe';
import { adaptiveCard, container, factSet, heading, inputText, subtle, textBlock } from './elements';
import { Markdown, md, plain } from './markdown';
import type { ApprovalCardModel, PersonSummary } from './view-models';

/** The facts both the pending and the final approval card show. */
export function requestFacts(
  requester: PersonSummary,
  durationDays: number | undefined,
  requestedAt: string | undefined,
) {
  return factSet([
    [Markdown.trusted('Requester'), plain(requester.displayName)],
    [Markdown.trusted('Email'), personAddress(requester) ? plain(personAddress(requester) ?? '') : undefined],
    [Markdown.trusted('Department'), requester.department ? plain(requester.department) : undefined],
    [Markdown.trusted('Job title'), requester.jobTitle ? plain(requester.jobTitle) : undefined],
    [Markdown.trusted('Duration'), plain(durationDays ? plural(durationDays, 'day') : 'No end date')],
    [Markdown.trusted('Requested'), requestedAt ? cardTime(requestedAt) : undefined],
  ]);
}

/** How a card is shown: to its reader alone, or as the copy everyone in a shared chat sees. */
export interface CardAudience {
  /** A copy everyone in a group chat or channel sees: the requester's justification is left out. */
  shared?: boolean;
}

/** Stands where the justification would be on a shared copy. */
export const JUSTIFICATION_KEPT_PRIVATE = 'The reason is shown only to the requester and to the people who can decide.';

/**
 * The justification, quoted in an emphasis container; on a shared copy (`shared`) only a line saying who sees it
 * (docs/cards-and-conversation.md, Who sees a card).
 */
export function justificationBlock(justification: string, audience: CardAudience = {}): CardElement {
  if (audience.shared) return subtle(plain(JUSTIFICATION_KEPT_PRIVATE));
  return container(
    [
      textBlock(md`Justification`, { weight: 'Bolder' }),
      textBlock(Markdown.plain(justification, { multiline: true }), { spacing: 'Small' }),
    ],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

/**
 * The owners' approval card: requester, department, justification, team-mates already in the group,
 * requested duration; Approve (approvalApprove) and Deny (approvalDeny, with the `reason` input), both
 * Action.Execute so the bot learns who clicked. A `shared` copy (a group chat) leaves the justification out; the
 * deciders see it in their own view (Universal Actions refresh) or their 1:1 chat. Never throws.
 */
export function buildApprovalCard(model: ApprovalCardModel, audience: CardAudience = {}): AdaptiveCard {
  const r = model.requester;
  const body: CardElement[] = [
    heading(md`${r.displayName} asks to join ${model.group.displayName}`),
    requestFacts(r, model.durationDays, model.requestedAt),
    justificationBlock(model.justification, audience),
  ];
  if (model.teammates) {
    const t = model.teammates;
    const basis =
      t.basis === 'department'
        ? `in ${r.department ? `the ${r.department} department` : 'their department'}`
        : 'with the same manager';
    body.push(
      textBlock(plain(`${t.members} of ${plural(t.total, 'person', 'people')} ${basis} are already members.`), {
        spacing: 'Medium',
      }),
    );
  }
  if (model.expiresAt) body.push(subtle(md`This request expires ${cardTime(model.expiresAt)}.`));
  body.push(
    inputText(INPUT_IDS.reason, 'Reason (sent to the requester if you deny)', {
      maxLength: LIMITS.string,
      placeholder: 'Optional',
    }),
  );
  return adaptiveCard({
    fallbackText: `${r.displayName} asks to join ${model.group.displayName} (requested ${plainTime(model.requestedAt)})${audience.shared ? '' : `: "${model.justification}"`}. Approve or deny in Teams.`,
    speak: `${r.displayName} asks to join ${model.group.displayName}.`,
    body,
    actions: [
      executeButton(
        'Approve',
        { verb: 'approvalApprove', requestId: model.requestId },
        { style: 'positive', ignoreInputs: true },
      ),
      executeButton('Deny', { verb: 'approvalDeny', requestId: model.requestId }, { style: 'destructive' }),
    ],
  });
}
