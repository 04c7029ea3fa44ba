import { executeButton } from './actions';
import type { AdaptiveCard, CardButton, CardElement } from './card-types';
import { personLine, plural } from './describe';
import { adaptiveCard, container, heading, subtle, textBlock } from './elements';
import { md, plain } from './markdown';
import { PREVIEW_SAMPLE_SHOWN, previewMatchSection, warningsSection } from './rule-preview-section';
import type { PersonSummary, RulePreviewCardModel } from './view-models';
import { notesBlock } from './notes-block';

function changeSection(title: string, change: { count: number; sample: PersonSummary[] }): CardElement[] {
  const items: CardElement[] = [textBlock(plain(`${title}: ${change.count}`), { weight: 'Bolder' })];
  for (const p of change.sample.slice(0, PREVIEW_SAMPLE_SHOWN))
    items.push(textBlock(personLine(p), { spacing: 'None' }));
  const shown = Math.min(change.sample.length, PREVIEW_SAMPLE_SHOWN);
  if (change.count > shown) items.push(subtle(md`and ${change.count - shown} more`));
  return [container(items, { spacing: 'Medium' })];
}

/**
 * Who a rule would match: count, sample, people added and removed compared with the group's current
 * members, warnings, notes (how it was counted, not in the warning style) and the "as of" time. With `applyPendingId`: Apply rule (confirm) and Cancel.
 * Never throws.
 */
export function buildRulePreviewCard(model: RulePreviewCardModel): AdaptiveCard {
  const body: CardElement[] = [
    heading(model.group ? md`Rule preview for ${model.group.displayName}` : md`Rule preview`),
    textBlock(plain(model.rule), { fontType: 'Monospace' }),
    ...previewMatchSection(model.matchCount, model.sample, model.asOf),
  ];
  if (model.added) body.push(...changeSection('Would be added', model.added));
  if (model.removed) body.push(...changeSection('Would be removed', model.removed));
  body.push(...warningsSection(model.warnings));
  const notes = notesBlock(model.notes ?? []);
  if (notes) body.push(notes);
  const actions: CardButton[] = model.applyPendingId
    ? [
        executeButton('Apply rule', { verb: 'confirm', pendingId: model.applyPendingId }, { style: 'positive' }),
        executeButton('Cancel', { verb: 'cancel', pendingId: model.applyPendingId }),
      ]
    : [];
  const changes = [
    model.added ? `${model.added.count} added` : '',
    model.removed ? `${model.removed.count} removed` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return adaptiveCard({
    fallbackText: `${plural(model.matchCount, 'person', 'people')} would match ${model.rule}${changes ? ` (${changes})` : ''}.${model.warnings.length ? ` Warnings: ${model.warnings.join(' ')}` : ''}${model.notes?.length ? ` ${model.notes.join(' ')}` : ''}`,
    body,
    actions,
  });
}
