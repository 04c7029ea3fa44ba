import { executeButton } from './actions';
import type { AdaptiveCard } from './card-types';
import { adaptiveCard, factSet, heading, textBlock } from './elements';
import { Markdown, md, plain } from './markdown';
import type { RuleCardModel } from './view-models';

/** A dynamic group's membership rule, with "Preview who matches" (rulePreview). Never throws. */
export function buildRuleCard(model: RuleCardModel): AdaptiveCard {
  return adaptiveCard({
    fallbackText: `Membership rule of ${model.group.displayName}: ${model.rule}`,
    body: [
      heading(md`Membership rule of ${model.group.displayName}`),
      textBlock(plain(model.rule), { fontType: 'Monospace' }),
      factSet([[Markdown.trusted('Processing'), model.processingState ? plain(model.processingState) : undefined]]),
    ],
    actions: [executeButton('Preview who matches', { verb: 'rulePreview', groupId: model.group.id })],
  });
}
