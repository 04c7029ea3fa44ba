import { executeButton } from './actions';
import type { AdaptiveCard, CardButton, CardElement } from './card-types';
import { cardTime } from './card-time';
import { actionSet, adaptiveCard, container, heading, subtle, textBlock } from './elements';
import { Markdown, md, plain } from './markdown';
import type { JournalCardModel, JournalEntry } from './view-models';

/** How long a change can be undone. */
export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

/** True while an entry's Undo is offered: undoable, not undone, succeeded, and less than 24 h old. */
export function canUndo(e: JournalEntry, now: string): boolean {
  const age = Date.parse(now) - Date.parse(e.at);
  return (
    e.undoable && !e.undoneAt && e.result === 'succeeded' && Number.isFinite(age) && age >= 0 && age < UNDO_WINDOW_MS
  );
}

/** "Added Ana Lopez to Marketing" for one entry (plain text). */
export function describeJournalEntry(e: JournalEntry): string {
  const t = e.target?.displayName ?? 'someone';
  const g = e.group.displayName;
  switch (e.operation) {
    case 'addMember':
      return `Added ${t} to ${g}`;
    case 'removeMember':
      return `Removed ${t} from ${g}`;
    case 'addOwner':
      return `Made ${t} an owner of ${g}`;
    case 'removeOwner':
      return `Removed ${t} as owner of ${g}`;
    case 'createGroup':
      return `Created ${g}`;
    case 'updateGroup':
      return `Updated ${g}`;
    case 'renameGroup':
      return `Renamed ${g}`;
    case 'deleteGroup':
      return `Deleted ${g}`;
    case 'restoreGroup':
      return `Restored ${g}`;
    case 'setRule':
      return `Changed the membership rule of ${g}`;
    case 'assignLicense':
      return `Assigned ${e.target?.displayName ?? 'a licence'} to ${g}`;
    case 'removeLicense':
      return `Removed ${e.target?.displayName ?? 'a licence'} from ${g}`;
    case 'renewGroup':
      return `Renewed ${g}`;
  }
}

function who(e: JournalEntry): Markdown {
  const parts = [cardTime(e.at), md`asked by ${e.askedBy.displayName}`];
  if (e.approvedBy) parts.push(md`approved by ${e.approvedBy.displayName}`);
  parts.push(md`done with ${e.tokenOf.displayName}'s permissions`);
  return Markdown.join(parts, ' · ');
}

/**
 * History of changes ("History of Marketing"): what, when, who asked, who approved, whose token, the
 * result; Undo (undo) on entries less than 24 h old; More (listMore, list journal). Never throws.
 */
export function buildJournalCard(model: JournalCardModel): AdaptiveCard {
  const body: CardElement[] = [heading(plain(model.title))];
  if (model.entries.length === 0) body.push(textBlock(md`No changes made through groupbot.`));
  for (const e of model.entries) {
    const items: CardElement[] = [
      textBlock(plain(describeJournalEntry(e)), {
        weight: 'Bolder',
        ...(e.result === 'failed' ? { color: 'Attention' as const } : {}),
      }),
      subtle(who(e)),
    ];
    if (e.result === 'failed')
      items.push(textBlock(md`Failed${e.detail ? `: ${e.detail}` : '.'}`, { spacing: 'Small', color: 'Attention' }));
    else if (e.detail) items.push(subtle(plain(e.detail)));
    if (e.undoneAt) items.push(subtle(md`Undone ${cardTime(e.undoneAt)}`));
    if (canUndo(e, model.now)) items.push(actionSet([executeButton('Undo', { verb: 'undo', journalId: e.journalId })]));
    body.push(container(items, { separator: true, spacing: 'Medium' }));
  }
  const actions: CardButton[] = model.nextCursor
    ? [
        executeButton('More', {
          verb: 'listMore',
          list: 'journal',
          cursor: model.nextCursor,
          ...(model.subject ? { subjectId: model.subject.id } : {}),
        }),
      ]
    : [];
  return adaptiveCard({
    fallbackText: `${model.title}: ${model.entries.slice(0, 10).map(describeJournalEntry).join('; ') || 'no changes'}.`,
    body,
    actions,
  });
}
