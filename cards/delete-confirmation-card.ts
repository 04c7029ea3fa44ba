import { executeButton } from './actions';
import type { AdaptiveCard } from './card-types';
import { kindTitle, plural } from './describe';
import { adaptiveCard, factSet, heading, textBlock } from './elements';
import { Markdown, md, plain } from './markdown';
import type { DeleteConfirmationCardModel } from './view-models';

/** What deleting this group takes away, one sentence per item (plain text). */
export function deletionLosses(model: DeleteConfirmationCardModel): string[] {
  const g = model.group;
  const lost: string[] = [];
  if (g.memberCount !== undefined)
    lost.push(`${plural(g.memberCount, 'member')} lose the access this group gives them.`);
  if (g.owners && g.owners.length > 0) lost.push(`Owners: ${g.owners.map((o) => o.displayName).join(', ')}.`);
  else if (g.ownerCount !== undefined) lost.push(`${plural(g.ownerCount, 'owner')} lose ownership.`);
  if (g.mail) lost.push(`Mail to ${g.mail} stops being delivered.`);
  if (g.kind === 'microsoft365') {
    lost.push(
      model.hasTeam === true
        ? 'Its Microsoft Teams team, SharePoint site, mailbox, calendar and Planner plans go with it.'
        : model.hasTeam === false
          ? 'Its SharePoint site, mailbox, calendar and Planner plans go with it.'
          : 'Its SharePoint site, mailbox, calendar, Planner plans and any Microsoft Teams team go with it.',
    );
  }
  if (g.dynamic) lost.push('Its dynamic membership rule is removed with it.');
  return lost;
}

/**
 * "Delete Marketing?": kind, counts, what is lost, whether and how long it can be restored; Delete
 * (groupDelete, destructive) and Cancel. Never throws.
 */
export function buildDeleteConfirmationCard(model: DeleteConfirmationCardModel): AdaptiveCard {
  const g = model.group;
  const days = model.restoreWindowDays ?? 30;
  const restore =
    days > 0
      ? `You can restore it, with its members and owners, for ${days} days.`
      : 'It cannot be restored afterwards.';
  const lost = deletionLosses(model);
  return adaptiveCard({
    fallbackText: `Delete ${g.displayName}? ${lost.join(' ')} ${restore}`,
    speak: `Delete ${g.displayName}? ${restore}`,
    body: [
      heading(md`Delete ${g.displayName}?`),
      factSet([
        [Markdown.trusted('Kind'), plain(kindTitle(g.kind, g.dynamic))],
        [Markdown.trusted('Mail'), g.mail ? plain(g.mail) : undefined],
        [Markdown.trusted('Members'), g.memberCount !== undefined ? plain(String(g.memberCount)) : undefined],
        [
          Markdown.trusted('Owners'),
          g.ownerCount !== undefined
            ? plain(String(g.ownerCount))
            : g.owners
              ? plain(String(g.owners.length))
              : undefined,
        ],
      ]),
      textBlock(Markdown.trusted('What is lost'), { weight: 'Bolder', spacing: 'Medium' }),
      ...lost.map((l) => textBlock(plain(l), { spacing: 'Small' })),
      textBlock(plain(restore), { spacing: 'Medium', color: days > 0 ? 'Default' : 'Attention' }),
    ],
    actions: [
      executeButton('Delete', { verb: 'groupDelete', groupId: g.id }, { style: 'destructive' }),
      executeButton('Cancel', { verb: 'cancel' }),
    ],
  });
}
