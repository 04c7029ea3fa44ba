import { executeButton } from './actions';
import type { AdaptiveCard, CardElement } from './card-types';
import { candidateId, candidateLine, candidateTitles } from './choice-card';
import { actionSets, adaptiveCard, container, heading, textBlock } from './elements';
import { md } from './markdown';
import type { NotFoundCardModel } from './view-models';

/**
 * "I could not find a group called X": the closest names as `choose` buttons, and "None of these". Never throws.
 */
export function buildNotFoundCard(model: NotFoundCardModel): AdaptiveCard {
  const noun = model.objectType === 'group' ? 'a group' : 'anyone';
  const called = model.objectType === 'group' ? 'called' : 'named';
  const slot = model.slot !== undefined ? { slot: model.slot } : {};
  const body: CardElement[] = [heading(md`I could not find ${noun} ${called} "${model.searchedName}".`)];
  if (model.closest.length === 0) {
    body.push(textBlock(md`Nothing close either. Check the spelling, or try the full name or email address.`));
    return adaptiveCard({ fallbackText: `I could not find ${noun} ${called} "${model.searchedName}".`, body });
  }
  body.push(textBlock(md`Did you mean one of these?`));
  for (const c of model.closest)
    body.push(container([textBlock(candidateLine(c))], { separator: true, spacing: 'Small' }));
  const titles = candidateTitles(model.closest);
  body.push(
    ...actionSets(
      model.closest.map((c, i) =>
        executeButton(titles[i] as string, {
          verb: 'choose',
          pendingId: model.pendingId,
          objectId: candidateId(c),
          ...slot,
        }),
      ),
    ),
  );
  return adaptiveCard({
    fallbackText: `I could not find ${noun} ${called} "${model.searchedName}". Closest: ${titles.join(', ')}.`,
    body,
    actions: [executeButton('None of these', { verb: 'chooseNone', pendingId: model.pendingId, ...slot })],
  });
}
