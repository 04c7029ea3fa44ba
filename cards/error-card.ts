import { executeButton } from './actions';
import type { AdaptiveCard, CardButton, CardElement } from './card-types';
import { adaptiveCard, subtle, textBlock } from './elements';
import { md, plain } from './markdown';
import type { ErrorCardModel } from './view-models';

/**
 * One clear sentence about what went wrong, an optional hint, and for a refusal on a group an
 * "Ask the owners" button (requestStart) that opens an access request. Never throws.
 */
export function buildErrorCard(model: ErrorCardModel): AdaptiveCard {
  const body: CardElement[] = [textBlock(plain(model.message), { weight: 'Bolder', color: 'Attention' })];
  if (model.hint) body.push(textBlock(plain(model.hint), { spacing: 'Small' }));
  if (model.askOwners)
    body.push(textBlock(md`Shall I ask the owners of ${model.askOwners.displayName}?`, { spacing: 'Small' }));
  if (model.correlationId) body.push(subtle(md`Reference: ${model.correlationId}`));
  const actions: CardButton[] = model.askOwners
    ? [executeButton('Ask the owners', { verb: 'requestStart', groupId: model.askOwners.id }, { style: 'positive' })]
    : [];
  return adaptiveCard({
    fallbackText: `${model.message}${model.hint ? ` ${model.hint}` : ''}`,
    speak: model.message,
    body,
    actions,
  });
}
