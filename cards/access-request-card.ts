import { executeButton } from './actions';
import { INPUT_IDS, LIMITS } from './card-verbs';
import type { AdaptiveCard, CardElement } from './card-types';
import { plural } from './describe';
import { adaptiveCard, heading, inputText, subtle, textBlock } from './elements';
import { Markdown, md, plain } from './markdown';
import type { AccessRequestCardModel } from './view-models';

/**
 * "Ask to join Marketing": who will be asked, the requested duration, a justification input and
 * Submit request (requestSubmit) / Cancel. `pendingId` names the card's owner on the server (only they can
 * submit or cancel it). Never throws.
 */
export function buildAccessRequestCard(model: AccessRequestCardModel & { pendingId?: string }): AdaptiveCard {
  const g = model.group;
  const body: CardElement[] = [heading(md`Ask to join ${g.displayName}`)];
  if (model.context) body.push(textBlock(plain(model.context)));
  if (g.description) body.push(subtle(Markdown.plain(g.description)));
  const owners = model.owners ?? [];
  body.push(
    textBlock(
      owners.length > 0
        ? md`Your request goes to the ${plural(owners.length, 'owner')}: ${owners.map((o) => o.displayName).join(', ')}.`
        : md`Your request goes to the group's owners.`,
    ),
  );
  body.push(
    textBlock(
      model.durationDays
        ? md`You ask for access for ${plural(model.durationDays, 'day')}.`
        : md`You ask for access with no end date.`,
      { spacing: 'Small' },
    ),
  );
  body.push(
    inputText(INPUT_IDS.justification, 'Why do you need access?', {
      isMultiline: true,
      maxLength: LIMITS.justification,
      isRequired: true,
      errorMessage: 'Please say why you need access; the owners see it.',
      placeholder: 'For example: I am joining the campaign team next week.',
      ...(model.justification ? { value: model.justification.slice(0, LIMITS.justification) } : {}),
    }),
  );
  const data = {
    verb: 'requestSubmit' as const,
    groupId: g.id,
    ...(model.durationDays ? { durationDays: model.durationDays } : {}),
    ...(model.pendingId ? { pendingId: model.pendingId } : {}),
  };
  return adaptiveCard({
    fallbackText: `Ask to join ${g.displayName}: reply with why you need access.`,
    body,
    actions: [
      executeButton('Submit request', data, { style: 'positive' }),
      executeButton(
        'Cancel',
        { verb: 'cancel', ...(model.pendingId ? { pendingId: model.pendingId } : {}) },
        {
          ignoreInputs: true,
        },
      ),
    ],
  });
}
