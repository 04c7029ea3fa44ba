/** Journal rows → the journal card's view model ("history of G"). Pure. */
import type { JournalEntry as CardEntry, JournalOperation } from '../../cards/view-models';
import type { JournalEntry } from '../store/types';
import { whenText } from './undo-plan';

const OPERATIONS: Record<string, JournalOperation> = {
  'member.add': 'addMember',
  'member.remove': 'removeMember',
  'owner.add': 'addOwner',
  'owner.remove': 'removeOwner',
  'group.create': 'createGroup',
  'group.rename': 'renameGroup',
  'group.update': 'updateGroup',
  'group.delete': 'deleteGroup',
  'group.restore': 'restoreGroup',
  'rule.set': 'setRule',
  'license.assign': 'assignLicense',
  'license.remove': 'removeLicense',
  'group.renew': 'renewGroup',
};

/** The name of whoever's token made the call: one of the people on the entry, else their id. */
function tokenOwner(e: JournalEntry): { id: string; displayName: string } {
  const id = e.tokenOfId ?? e.actor.id;
  const known = [e.actor, e.approvedBy, e.requestedBy].find((p) => p?.id === id);
  return { id, displayName: known?.name ?? id };
}

/**
 * One journal row as the card shows it, or undefined for rows that are not changes of the group (a denied or
 * cancelled request, which the requests cards show). Never throws.
 */
export function toCardEntry(e: JournalEntry): CardEntry | undefined {
  const operation = Object.prototype.hasOwnProperty.call(OPERATIONS, e.action) ? OPERATIONS[e.action] : undefined;
  if (!operation || !e.group) return undefined;
  const details = [
    e.detail ?? '',
    e.result === 'no-op' ? 'nothing changed' : '',
    e.undoneBy ? `undone by ${e.undoneBy.name}` : '',
  ].filter(Boolean);
  return {
    journalId: e.id,
    at: e.at.toISOString(),
    operation,
    group: { id: e.group.id, displayName: e.group.name },
    ...(e.target ? { target: { displayName: e.target.name } } : {}),
    askedBy: { id: (e.requestedBy ?? e.actor).id, displayName: (e.requestedBy ?? e.actor).name },
    ...(e.approvedBy ? { approvedBy: { id: e.approvedBy.id, displayName: e.approvedBy.name } } : {}),
    tokenOf: tokenOwner(e),
    result: e.result === 'failed' ? 'failed' : 'succeeded',
    ...(details.length ? { detail: details.join('; ') } : {}),
    undoable: e.result === 'succeeded' && e.undo !== null,
    ...(e.undoneAt ? { undoneAt: e.undoneAt.toISOString() } : {}),
  };
}

/** One line of the text reply: "2025-03-14 14:02 UTC: Added Bob Kelly to Marketing, asked by Megan (undone)". */
export function historyLine(e: CardEntry, describe: (e: CardEntry) => string): string {
  const parts = [`asked by ${e.askedBy.displayName}`];
  if (e.approvedBy) parts.push(`approved by ${e.approvedBy.displayName}`);
  if (e.tokenOf.id !== e.askedBy.id) parts.push(`with ${e.tokenOf.displayName}'s permissions`);
  const state =
    e.result === 'failed'
      ? ` (failed${e.detail ? `: ${e.detail}` : ''})`
      : `${e.detail ? ` (${e.detail})` : ''}${e.undoneAt ? ' (undone)' : ''}`;
  return `${whenText(new Date(e.at))}: ${describe(e)}, ${parts.join(', ')}${state}`;
}
