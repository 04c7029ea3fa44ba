import type { AdaptiveCard } from './card-types';
import { adaptiveCard, heading, subtle, textBlock } from './elements';
import { md, plain } from './markdown';
import type { MemberOperation, ProgressCardModel } from './view-models';

const VERB: Record<MemberOperation, [string, string]> = {
  addMembers: ['Added', 'to'],
  removeMembers: ['Removed', 'from'],
  addOwners: ['Made owner', 'of'],
  removeOwners: ['Removed as owner', 'from'],
};

/** A text progress bar of `width` cells, e.g. "■■■■□□□□□□ 40%". */
export function progressBar(done: number, total: number, width = 20): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const full = Math.round(ratio * width);
  return `${'■'.repeat(full)}${'□'.repeat(width - full)} ${Math.round(ratio * 100)}%`;
}

/** "Added 40 of 200…": sent first and updated in place while bulk work runs. Never throws. */
export function buildProgressCard(model: ProgressCardModel): AdaptiveCard {
  const [verb, prep] = VERB[model.operation];
  const line = `${verb} ${model.done} of ${model.total} ${prep} ${model.group.displayName}…`;
  const body = [
    heading(plain(line)),
    textBlock(plain(progressBar(model.done, model.total)), { fontType: 'Monospace' }),
  ];
  if (model.note) body.push(textBlock(plain(model.note)));
  if (model.failed) body.push(subtle(md`${model.failed} failed so far; you can retry them at the end.`));
  body.push(subtle(md`This card updates as the work goes on.`));
  return adaptiveCard({ fallbackText: line, body });
}
