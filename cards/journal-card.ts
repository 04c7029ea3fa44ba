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

/** What an entry did as a verb phrase, past ("added Ana Lopez to Marketing") or to do ("add Ana Lopez to Marketing"). */
function changePhrase(e: JournalEntry, form: 'done' | 'to do'): string {
  const t = e.target?.displayName ?? 'someone';
  const licence = e.target?.displayName ?? 'a licence';
  const g = e.group.displayName;
  const [done, todo]: [string, string] = ((): [string, string] => {
    switch (e.operation) {
      case 'addMember':
        return [`added ${t} to ${g}`, `add ${t} to ${g}`];
      case 'removeMember':
        return [`removed ${t} from ${g}`, `remove ${t} from ${g}`];
      case 'addOwner':
        return [`made ${t} an owner of ${g}`, `make ${t} an owner of ${g}`];
      case 'removeOwner':
        return [`removed ${t} as owner of ${g}`, `remove ${t} as owner of ${g}`];
      case 'createGroup':
        return [`created ${g}`, `create ${g}`];
      case 'updateGroup':
        return [`updated ${g}`, `update ${g}`];
      case 'renameGroup':
        return [`renamed ${g}`, `rename ${g}`];
      case 'deleteGroup':
        return [`deleted ${g}`, `delete ${g}`];
      case 'restoreGroup':
        return [`restored ${g}`, `restore ${g}`];
      case 'setRule':
        return [`changed the membership rule of ${g}`, `change the membership rule of ${g}`];
      case 'assignLicense':
        return [`assigned ${licence} to ${g}`, `assign ${licence} to ${g}`];
      case 'removeLicense':
        return [`removed ${licence} from ${g}`, `remove ${licence} from ${g}`];
      case 'renewGroup':
        return [`renewed ${g}`, `renew ${g}`];
    }
  })();
  return form === 'done' ? done : todo;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * One entry's title (plain text): "Added Ana Lopez to Marketing"; a failed one says so ("Could not add Ana Lopez
 * to Marketing"), and an undo says it was one ("Undo: removed Nestor Wilke from Marketing", "Could not undo:
 * remove Nestor Wilke from Marketing").
 */
export function describeJournalEntry(e: JournalEntry): string {
  if (e.isUndo)
    return e.result === 'failed' ? `Could not undo: ${changePhrase(e, 'to do')}` : `Undo: ${changePhrase(e, 'done')}`;
  return e.result === 'failed' ? `Could not ${changePhrase(e, 'to do')}` : capital(changePhrase(e, 'done'));
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
      items.push(textBlock(plain(e.detail ?? 'Microsoft Graph refused it.'), { spacing: 'Small', color: 'Attention' }));
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
