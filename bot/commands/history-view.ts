/** Journal rows → the journal card's view model ("history of G"). Pure. */
import type { JournalEntry as CardEntry, JournalOperation } from '../../cards/view-models';
import type { JournalEntry } from '../store/types';
import { formatTime } from '../../cards/card-time';
import { plainReason } from './error-text';

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
 * How bot/commands/undo-run.ts marks the row of an undo: "undo of <entry id> (<what it did>)", then ": <why it
 * failed>" when it failed (a sentence; older rows have Graph's own message there). The reason is group 1.
 */
const UNDO_DETAIL = /^undo of \S+ \([^]*?\)(?:: ([^]*))?$/;

/**
 * One journal row as the card shows it, in plain words (no object ids, no Graph messages: errorText rewrites old
 * raw reasons), or undefined for rows that are not changes of the group (a denied or
 * cancelled request, which the requests cards show). Never throws.
 */
export function toCardEntry(e: JournalEntry): CardEntry | undefined {
  const operation = Object.prototype.hasOwnProperty.call(OPERATIONS, e.action) ? OPERATIONS[e.action] : undefined;
  if (!operation || !e.group) return undefined;
  const undo = UNDO_DETAIL.exec(e.detail ?? '');
  const stated = undo ? (undo[1] ?? '') : (e.detail ?? '');
  const about = {
    groupName: e.group.name,
    ...(e.target?.name && e.status !== 403 ? { objectName: e.target.name } : {}),
    action: 'change',
    offerOwners: false as const,
  };
  const details = [
    stated ? plainReason(stated, e.status, about) : '',
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
    ...(undo ? { isUndo: true } : {}),
    ...(details.length ? { detail: details.join('; ') } : {}),
    undoable: e.result === 'succeeded' && e.undo !== null,
    ...(e.undoneAt ? { undoneAt: e.undoneAt.toISOString() } : {}),
  };
}

/** One line of the text reply: "Fri 14 Mar 2025, 14:02 UTC: Added Bob Kelly to Marketing, asked by Megan (undone)". */
export function historyLine(e: CardEntry, describe: (e: CardEntry) => string): string {
  const parts = [`asked by ${e.askedBy.displayName}`];
  if (e.approvedBy) parts.push(`approved by ${e.approvedBy.displayName}`);
  if (e.tokenOf.id !== e.askedBy.id) parts.push(`with ${e.tokenOf.displayName}'s permissions`);
  const state =
    e.result === 'failed'
      ? ` (${e.detail ?? 'Microsoft Graph refused it.'})`
      : `${e.detail ? ` (${e.detail})` : ''}${e.undoneAt ? ' (undone)' : ''}`;
  return `${formatTime(new Date(e.at))}: ${describe(e)}, ${parts.join(', ')}${state}`;
}
