import { executeButton } from './actions';
import type { AdaptiveCard, CardButton } from './card-types';
import { cardTime, plainTime } from './card-time';
import { kindTitle } from './describe';
import { adaptiveCard, heading, subtle, textBlock } from './elements';
import { md } from './markdown';
import type { GroupDeletedCardModel } from './view-models';

/** "Marketing was deleted", with Restore (groupRestore) while it can still be restored. Never throws. */
export function buildGroupDeletedCard(model: GroupDeletedCardModel): AdaptiveCard {
  const g = model.group;
  const body = [
    heading(md`${g.displayName} was deleted.`),
    subtle(md`${kindTitle(g.kind, g.dynamic)} · deleted ${cardTime(model.deletedAt)}`),
    textBlock(
      model.restorableUntil
        ? md`You can restore it until ${cardTime(model.restorableUntil)}.`
        : md`It cannot be restored.`,
    ),
  ];
  const actions: CardButton[] = model.restorableUntil
    ? [executeButton('Restore', { verb: 'groupRestore', groupId: g.id }, { style: 'positive' })]
    : [];
  return adaptiveCard({
    fallbackText: `${g.displayName} was deleted. ${model.restorableUntil ? `You can restore it until ${plainTime(model.restorableUntil)}.` : 'It cannot be restored.'}`,
    body,
    actions,
  });
}
