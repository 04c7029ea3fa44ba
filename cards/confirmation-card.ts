import { executeButton } from './actions';
import type { AdaptiveCard } from './card-types';
import { adaptiveCard, factSet, heading, textBlock } from './elements';
import { Markdown, plain } from './markdown';
import type { ConfirmationCardModel } from './view-models';

/**
 * A generic "are you sure?": title, facts, what will happen, Confirm (confirm) and Cancel (cancel), both
 * keyed by the pending operation. Never throws.
 */
export function buildConfirmationCard(model: ConfirmationCardModel): AdaptiveCard {
  return adaptiveCard({
    fallbackText: `${model.title}. ${model.consequence} Reply "yes" to confirm or "cancel".`,
    body: [
      heading(plain(model.title)),
      factSet(model.facts.map((f) => [plain(f.title), plain(f.value)] as const)),
      textBlock(Markdown.plain(model.consequence, { multiline: true }), { spacing: 'Medium', ...(model.destructive ? { color: 'Attention' as const } : {}) }),
    ],
    actions: [
      executeButton(model.confirmLabel ?? 'Confirm', { verb: 'confirm', pendingId: model.pendingId }, { style: model.destructive ? 'destructive' : 'positive' }),
      executeButton(model.cancelLabel ?? 'Cancel', { verb: 'cancel', pendingId: model.pendingId }),
    ],
  });
}
