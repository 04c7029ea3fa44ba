import type { CommandContext, Outcome } from './context';
import { askToConfirm } from './confirm-step';
import { errorText } from './error-text';
import { clickerOnly, say } from './reply';
import type { JournalEntry } from '../store/types';
import { changedWhere, planUndo, undoDonePhrase, undoPhrase } from './undo-plan';
import { runUndo, type UndoResult } from './undo-run';

/**
 * The `undo {journalId}` card action (and "undo that"): loads the entry (or the change it stands for) from the
 * journal, never from the card; refuses when it is already undone, too old (24 h) or not undoable; otherwise asks
 * for confirmation (saying plainly when undoing deletes a group). From a card (`clicked`), the card it sits on (an
 * outcome, the history) stays as it is: a refusal is for the clicker only, and the confirmation comes as a new
 * message. Never throws.
 */
export async function startUndo(key: string, ctx: CommandContext, opts: { clicked?: boolean } = {}): Promise<Outcome> {
  const refuse = (text: string): Outcome => (opts.clicked ? clickerOnly(text) : say(text));
  try {
    const entries = await ctx.journal.undoTargets(key, ctx.now());
    const planned = planUndo(entries, ctx.now());
    if (!planned.ok) return refuse(planned.message);
    const p = planned.plan;
    const ask = await askToConfirm(ctx, { intent: 'showHistory' }, undefined, {
      title: p.title,
      facts: p.facts,
      consequence: p.consequence,
      confirmLabel: 'Undo',
      ...(p.destructive ? { destructive: true } : {}),
      continuation: { kind: 'undo', key },
    });
    return opts.clicked
      ? clickerOnly('Nothing is undone yet: please confirm in the new message below.', ...ask.replies)
      : ask;
  } catch (err) {
    return refuse(errorText(err));
  }
}

function failureSentence(r: UndoResult): string {
  const group = r.entry.group?.name ?? 'the group';
  if (r.error?.kind === 'forbidden') {
    return `You can't undo that: you don't have the rights to change '${group}', so Microsoft Graph refused. One of its owners or an administrator can undo it.`;
  }
  return `I couldn't ${undoPhrase(r.entry)}: ${errorText(r.error, { groupName: group, action: 'change' })}`;
}

/**
 * The confirmed undo: loads the entries again (the window and "not yet undone" are checked at this moment),
 * runs the inverse calls with the clicker's own token, marks and journals them, and answers with the outcome.
 * Never throws.
 */
export async function confirmUndo(key: string, ctx: CommandContext): Promise<Outcome> {
  try {
    const entries = await ctx.journal.undoTargets(key, ctx.now());
    const planned = planUndo(entries, ctx.now());
    if (!planned.ok) return say(planned.message);
    const results = await runUndo(ctx, ctx.journal, planned.plan.entries);
    return say(summary(results, planned.plan.entries));
  } catch (err) {
    return say(errorText(err));
  }
}

/** Per-item lines of an Undo of several changes shown at most. */
const SHOWN_ITEMS = 50;

/** One item's line: "done: made Lee Gu an owner of 'X' again", "failed: …: why", "not tried: …". Pure. */
function itemLine(r: UndoResult): string {
  switch (r.outcome) {
    case 'done':
      return `done: ${undoDonePhrase(r.entry)}`;
    case 'moot':
      return `already so: ${undoPhrase(r.entry)}`;
    case 'raced':
      return `undone meanwhile by someone else: ${undoPhrase(r.entry)}`;
    case 'notTried':
      return `not tried: ${undoPhrase(r.entry)}, because ${r.after ? undoPhrase(r.after) : 'the change before it'} failed first`;
    case 'failed':
      return `failed: ${failureSentence(r).replace(/^I couldn't /, '')}`;
  }
}

/** The answer to an Undo of several changes: the count, then one line per item. Pure. */
function manySummary(results: UndoResult[], entries: JournalEntry[]): string {
  const done = results.filter((r) => r.outcome === 'done' || r.outcome === 'moot');
  const lines = results.map((r) => `- ${itemLine(r)}`);
  const shown =
    lines.length > SHOWN_ITEMS ? [...lines.slice(0, SHOWN_ITEMS), `…and ${lines.length - SHOWN_ITEMS} more.`] : lines;
  return [`Undone ${done.length} of ${results.length} changes to ${changedWhere(entries)}.`, ...shown].join('\n');
}

function summary(results: UndoResult[], entries: JournalEntry[]): string {
  if (results.length !== 1) return manySummary(results, entries);
  const r = results[0] as UndoResult;
  if (r.outcome === 'done') return `Undone: I ${undoDonePhrase(r.entry)}.`;
  if (r.outcome === 'moot') return `Undone: nothing was left to change (${undoPhrase(r.entry)} was already the case).`;
  if (r.outcome === 'raced')
    return 'That change was undone at the same moment by someone else, so nothing more was done.';
  return failureSentence(r);
}
