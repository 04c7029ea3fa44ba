/**
 * Undo planning, pure: which entries an Undo can still revert at a given time (each entry's inverse operation is
 * checked by bot/directory, so a damaged row can never become an arbitrary Graph call), and how the confirmation
 * describes them.
 */
import { isDirectoryOperation } from '../directory/directory-operation';
import { formatTime } from '../../cards/card-time';
import type { JournalEntry } from '../store/types';
import { describeJournalEntry } from '../../cards/journal-card';
import { toCardEntry } from './history-view';

/** "Fri 14 Mar 2025, 14:02 UTC": the cards' one way of writing a time (cards/card-time.ts). */
export function whenText(d: Date): string {
  return formatTime(d);
}

function q(name: string | undefined | null): string {
  return `'${name ?? 'the group'}'`;
}

/** What undoing one entry does, as a verb phrase: "remove Bob Kelly from 'Marketing'". */
export function undoPhrase(e: JournalEntry): string {
  const t = e.target?.name ?? 'someone';
  const g = q(e.group?.name);
  const undo = e.undo;
  const set: Record<string, unknown> = undo?.kind === 'updateGroup' ? undo.set : {};
  const removesLicense = undo?.kind === 'setLicense' && undo.assign === null;
  switch (e.action) {
    case 'member.add':
      return `remove ${t} from ${g}`;
    case 'member.remove':
      return `add ${t} back to ${g}`;
    case 'owner.add':
      return `remove ${t} as owner of ${g}`;
    case 'owner.remove':
      return `make ${t} an owner of ${g} again`;
    case 'group.create':
      return `delete the group ${g}`;
    case 'group.delete':
      return `restore the group ${g}`;
    case 'group.restore':
      return `delete the group ${g} again`;
    case 'group.rename':
      return `rename ${g} back to '${String(set['displayName'] ?? '')}'`;
    case 'group.update':
      return `put back the previous ${Object.keys(set).join(' and ')} of ${g}`;
    case 'rule.set':
      return 'groupTypes' in set ? `make ${g} a static group again` : `put back the previous membership rule of ${g}`;
    case 'license.assign':
      return `${removesLicense ? 'remove' : 'restore the previous settings of'} ${e.target?.name ?? 'the licence'} ${removesLicense ? 'from' : 'on'} ${g}`;
    case 'license.remove':
      return `assign ${e.target?.name ?? 'the licence'} to ${g} again`;
    default:
      return `revert '${e.action}' on ${g}`;
  }
}

const PAST: Record<string, string> = {
  remove: 'removed',
  add: 'added',
  make: 'made',
  delete: 'deleted',
  restore: 'restored',
  rename: 'renamed',
  put: 'put',
  assign: 'assigned',
  revert: 'reverted',
};

/** What undoing one entry did, in the past tense: "removed Bob Kelly from 'Marketing'", "deleted the group 'X'". */
export function undoDonePhrase(e: JournalEntry): string {
  const phrase = undoPhrase(e);
  const verb = phrase.split(' ', 1)[0] ?? '';
  return PAST[verb] ? `${PAST[verb]}${phrase.slice(verb.length)}` : phrase;
}

/** Why an entry can't be undone at `now`, or null when it can. */
export function whyNotUndoable(e: JournalEntry, now: Date): string | null {
  if (e.undoneAt)
    return `That change was already undone${e.undoneBy ? ` by ${e.undoneBy.name}` : ''} at ${whenText(e.undoneAt)}.`;
  if (e.result !== 'succeeded' || !e.undo) return "That change can't be undone.";
  if (!isDirectoryOperation(e.undo))
    return "That change can't be undone: its journal entry does not describe a change I know how to revert.";
  if (!e.undoUntil || e.undoUntil.getTime() <= now.getTime()) {
    return `Changes can only be undone within 24 hours, and that one was made at ${whenText(e.at)}. Make the opposite change yourself instead.`;
  }
  return null;
}

export interface UndoPlan {
  /** The entries that will be undone, with their (validated) inverse operations. */
  entries: JournalEntry[];
  /** How many entries behind the key were left out (already undone, too old, not undoable). */
  skipped: number;
  title: string;
  facts: { title: string; value: string }[];
  consequence: string;
  destructive: boolean;
}

const DESTRUCTIVE = new Set(['group.create', 'group.restore', 'member.add', 'owner.add', 'license.assign']);

/**
 * Plans the undo of `entries` (what one Undo button stands for) at `now`. Refuses with a sentence when none
 * can be undone. Never throws.
 */
export function planUndo(
  entries: JournalEntry[],
  now: Date,
): { ok: true; plan: UndoPlan } | { ok: false; message: string } {
  if (entries.length === 0)
    return { ok: false, message: "I couldn't find that change in the journal, so nothing was undone." };
  const open = entries.filter((e) => whyNotUndoable(e, now) === null);
  if (open.length === 0)
    return { ok: false, message: whyNotUndoable(entries[0] as JournalEntry, now) ?? "That change can't be undone." };
  const first = open[0] as JournalEntry;
  const group = first.group?.name ?? 'the group';
  const where = changedWhere(open);
  const title = open.length === 1 ? `Undo: ${capital(undoPhrase(first))}` : `Undo ${open.length} changes to ${where}`;
  const facts = [
    {
      title: 'Change',
      value:
        open.length === 1
          ? `${changeTitle(first)}, by ${first.actor.name}`
          : `${open.length} changes to ${where}, by ${first.actor.name}`,
    },
    { title: 'Made', value: whenText(first.at) },
    { title: 'Undo possible until', value: first.undoUntil ? whenText(first.undoUntil) : '' },
  ];
  if (open.length > 1)
    facts.push({
      title: 'Will',
      value: open.slice(0, 10).map(undoPhrase).join('; ') + (open.length > 10 ? `; and ${open.length - 10} more` : ''),
    });
  const notes: string[] = [];
  if (open.some((e) => e.action === 'group.create')) {
    notes.push(
      `Undoing the creation deletes '${group}': its members lose access to everything it grants. This is only offered within 24 hours of creating it, and the deleted group can still be restored for 30 days.`,
    );
  }
  if (open.some((e) => e.action === 'group.restore'))
    notes.push(`'${group}' will be deleted again; it can be restored for 30 days.`);
  if (open.some((e) => e.action === 'rule.set'))
    notes.push(
      "Entra works the members out again from the group's previous settings; for a group that was static, the members it had before the rule are not added back.",
    );
  if (entries.length > open.length)
    notes.push(`${entries.length - open.length} of the changes can no longer be undone and are left as they are.`);
  notes.push('It runs with your own permissions.');
  return {
    ok: true,
    plan: {
      entries: open,
      skipped: entries.length - open.length,
      title,
      facts,
      consequence: notes.join(' '),
      destructive: open.some((e) => DESTRUCTIVE.has(e.action)),
    },
  };
}

/** Where the entries changed things: "'Marketing'", or "5 groups" when they span several (an offboarding). Pure. */
export function changedWhere(entries: JournalEntry[]): string {
  const ids = new Set(entries.map((e) => e.group?.id ?? ''));
  return ids.size > 1 ? `${ids.size} groups` : `'${entries[0]?.group?.name ?? 'the group'}'`;
}

/** The change an entry made, in words: "Added Nestor Wilke to Legal" (the history card's title for it). */
function changeTitle(e: JournalEntry): string {
  const entry = toCardEntry(e);
  return entry ? describeJournalEntry(entry) : 'A change made through groupbot';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The action an undo of `e` is journalled as (the inverse of `e.action`). */
export function inverseAction(e: JournalEntry): string {
  switch (e.action) {
    case 'member.add':
      return 'member.remove';
    case 'member.remove':
      return 'member.add';
    case 'owner.add':
      return 'owner.remove';
    case 'owner.remove':
      return 'owner.add';
    case 'group.create':
      return 'group.delete';
    case 'group.delete':
      return 'group.restore';
    case 'group.restore':
      return 'group.delete';
    case 'license.assign':
      return e.undo?.kind === 'setLicense' && e.undo.assign === null ? 'license.remove' : 'license.assign';
    case 'license.remove':
      return 'license.assign';
    default:
      return e.action;
  }
}
