import { executeButton } from './actions';
import type { AdaptiveCard } from './card-types';
import type { CardElement } from './card-types';
import { adaptiveCard, factSet, heading, plainTitle, textBlock } from './elements';
import { Markdown, plain } from './markdown';
import type { ConfirmationCardModel } from './view-models';
import { warningsBlock } from './warnings-block';

/** Most names listed per skipped reason; the rest are counted. */
const SKIPPED_NAMES = 10;

function skippedLine(s: { reason: string; names: string[] }): string {
  const shown = s.names.slice(0, SKIPPED_NAMES).join(', ');
  const more = s.names.length > SKIPPED_NAMES ? ` and ${s.names.length - SKIPPED_NAMES} more` : '';
  return `${s.reason}, so left as is: ${shown}${more}.`;
}

/** Everything the card says, as plain sentences (for the fallback text and the chat reply). Never throws. */
export function confirmationSentences(
  model: Pick<ConfirmationCardModel, 'consequence' | 'skipped' | 'notes' | 'warnings'>,
): string[] {
  return [
    model.consequence,
    ...(model.skipped ?? []).map(skippedLine),
    ...(model.notes ?? []),
    ...(model.warnings ?? []).map((w) => `Warning: ${w}`),
  ];
}

/**
 * A generic "are you sure?": title, facts, what will happen, who is left as is, further consequences, a
 * Warnings block, then Confirm (confirm) and Cancel (cancel), both keyed by the pending operation, and a Show button
 * (groupShow) for each group the reader may want to look at first.
 * Never throws.
 */
export function buildConfirmationCard(model: ConfirmationCardModel): AdaptiveCard {
  const body: CardElement[] = [
    heading(plain(model.title)),
    factSet(model.facts.map((f) => [plain(f.title), plain(f.value)] as const)),
    textBlock(Markdown.plain(model.consequence, { multiline: true }), {
      spacing: 'Medium',
      ...(model.destructive ? { weight: 'Bolder' as const } : {}),
    }),
  ];
  for (const s of model.skipped ?? [])
    if (s.names.length > 0) body.push(textBlock(plain(skippedLine(s)), { spacing: 'Small' }));
  for (const n of model.notes ?? []) body.push(textBlock(plain(n), { spacing: 'Small' }));
  const warnings = warningsBlock(model.warnings ?? []);
  if (warnings) body.push(warnings);
  return adaptiveCard({
    fallbackText: `${model.title}. ${confirmationSentences(model).join(' ')} Reply "yes" to confirm or "cancel".`,
    body,
    actions: [
      executeButton(
        model.confirmLabel ?? 'Confirm',
        { verb: 'confirm', pendingId: model.pendingId },
        { style: model.destructive ? 'destructive' : 'positive' },
      ),
      executeButton(model.cancelLabel ?? 'Cancel', { verb: 'cancel', pendingId: model.pendingId }),
      ...(model.showGroups ?? []).map((g) =>
        executeButton(plainTitle(`Show the existing '${g.displayName}'`, 80), { verb: 'groupShow', groupId: g.id }),
      ),
    ],
  });
}
