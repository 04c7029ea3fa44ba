import type { CommandContext } from './context';
import { DomainError } from '../directory/errors';
import type { DirectoryOperation } from '../directory/directory-operation';
import { runOperations, type OperationResult } from '../directory/operation-run';
import type { JournalEntry, PersonRef } from '../store/types';
import type { JournalChange, JournalSink } from '../journal/journal-sink';
import { failedPrerequisite, undoWaves } from './undo-order';
import { inverseAction, undoPhrase } from './undo-plan';
import { errorText } from './error-text';

/** What happened to one entry's undo. */
export interface UndoResult {
  entry: JournalEntry;
  /**
   * done: reverted now; moot: nothing left to revert (Graph said it is already so); failed: Graph refused;
   * raced: undone meanwhile by someone else; notTried: an undo it must follow (`after`) failed, so it was not sent.
   */
  outcome: 'done' | 'moot' | 'failed' | 'raced' | 'notTried';
  status: number | null;
  error?: DomainError;
  after?: JournalEntry;
}

/** A result of an entry not sent because the undo it must follow failed. */
type NotTried = { notTried: JournalEntry };

/**
 * Runs the inverse operations with the clicker's own token (bot/directory turns them into Graph calls), wave after
 * wave (undo-order.ts): each wave is sent once the previous one answered, and an entry whose prerequisite failed
 * is not sent. Throws only when a whole batch fails.
 */
async function runInverses(ctx: CommandContext, entries: JournalEntry[]): Promise<(OperationResult | NotTried)[]> {
  const waves = undoWaves(entries);
  const results: (OperationResult | NotTried)[] = [];
  const failed = (j: number): boolean => {
    const r = results[j];
    return !!r && ('notTried' in r || (!!r.error && !isMoot(entries[j] as JournalEntry, r.error)));
  };
  for (let wave = 0; wave <= Math.max(0, ...waves); wave++) {
    const due = entries.map((_, i) => i).filter((i) => waves[i] === wave);
    const send: number[] = [];
    for (const i of due) {
      const blocker = failedPrerequisite(entries, waves, i, failed);
      if (blocker) results[i] = { notTried: blocker };
      else send.push(i);
    }
    if (send.length === 0) continue;
    const answers = await runOperations(
      ctx.graph,
      send.map((i) => (entries[i] as JournalEntry).undo as DirectoryOperation),
    );
    send.forEach((i, k) => (results[i] = answers[k] ?? { status: null, error: noResult() }));
  }
  return results;
}

function noResult(): DomainError {
  return new DomainError('unexpected', 'No result for this step.');
}

/** Why an undo failed, in plain words (bot/commands/error-text.ts), for the journal. */
function undoFailureReason(e: JournalEntry, err: DomainError): string {
  return errorText(err, {
    groupName: e.group?.name ?? 'the group',
    ...(e.target?.name && err.kind !== 'forbidden' ? { objectName: e.target.name } : {}),
    action: 'change',
    offerOwners: false,
  });
}

/** A failure that means "it is already the way the undo would make it". */
function isMoot(e: JournalEntry, err: DomainError): boolean {
  if (err.kind === 'notPresent' || err.kind === 'alreadyPresent') return true;
  return err.kind === 'notFound' && (e.action === 'member.add' || e.action === 'owner.add');
}

/**
 * Undoes `entries` (already planned: open window, known undo calls) as the context's actor, with their token:
 * runs the inverse operations, marks each entry undone (atomic: of two concurrent undos only one marks it; the other
 * reports `raced` unless its own call changed Graph), and journals every undo that reached Graph, without
 * Undo data (an undo is not itself undoable). A refused undo leaves the entry undoable for someone with the rights.
 * Throws only on a failed whole batch or database errors.
 */
export async function runUndo(
  ctx: CommandContext,
  journal: JournalSink,
  entries: JournalEntry[],
): Promise<UndoResult[]> {
  const calls = await runInverses(ctx, entries);
  const by: PersonRef = { id: ctx.actor.id, name: ctx.actor.displayName };
  const results: UndoResult[] = [];
  const records: JournalChange[] = [];
  for (const [i, e] of entries.entries()) {
    const call = calls[i] ?? { status: null, error: noResult() };
    if ('notTried' in call) {
      results.push({ entry: e, outcome: 'notTried', status: null, after: call.notTried });
      continue;
    }
    const r = call;
    const graphOutcome: UndoResult['outcome'] = r.error ? (isMoot(e, r.error) ? 'moot' : 'failed') : 'done';
    const marked = graphOutcome !== 'failed' && (await journal.markUndone(e.id, by, ctx.now())) !== undefined;
    // A concurrent undo marked it first: our call still changed Graph when it succeeded, so that is journalled too.
    const outcome: UndoResult['outcome'] =
      graphOutcome === 'failed' || marked || graphOutcome === 'done' ? graphOutcome : 'raced';
    results.push({ entry: e, outcome, status: r.status, ...(r.error ? { error: r.error } : {}) });
    if (outcome === 'raced') continue;
    records.push({
      action: inverseAction(e) as JournalChange['action'],
      group: e.group ?? { id: '', name: '' },
      target: e.target,
      result: outcome === 'done' ? 'succeeded' : outcome === 'moot' ? 'no-op' : 'failed',
      status: r.status,
      // "undo of <entry> (<what>)" marks the row as an undo (bot/commands/history-view.ts); the reason is a sentence.
      detail: `undo of ${e.id} (${undoPhrase(e)})${r.error ? `: ${undoFailureReason(e, r.error)}` : ''}`,
      undo: null,
    });
  }
  if (records.length) await journal.record(ctx.actor, records, ctx.now());
  return results;
}
