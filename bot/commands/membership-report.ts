/**
 * Step 6 of a membership change: the outcome card and summary (one row per person and group), "retry the failed
 * ones", Undo, and a sentence for each group refused or failed as a whole ("ask the owners" for "add me").
 */
import { principalSlots } from './member-groups-resolve';
import type { ChangeOutcome } from '../directory/members-write';
import type { DirectoryGroup } from '../directory/types';
import { buildMemberOutcomeCard, outcomeSentence } from '../../cards/member-outcome-card';
import type { MemberOutcome } from '../../cards/view-models';
import { askOwnersReply } from './ask-owners';
import type { CommandContext, Outcome, Reply } from './context';
import { resolved } from './continuation';
import { saveConfirm } from './pending-ops';
import { outcome, reply } from './reply';
import { undoOption } from './undo-reply';
import { groupRef, nameList, toPerson } from './views';
import type { ResolvedChange } from './membership-resolve';
import { OUTCOME_STATUS, wordsOf, type ChangeSpec } from './membership-spec';
import type { Written } from './membership-write';

/** Per-person rows and sentences of the groups written, and who failed (for "retry the failed ones"). */
interface Tally {
  rows: MemberOutcome[];
  lines: string[];
  failedIds: Set<string>;
  failedGroups: Set<string>;
  /** Sentences for groups refused or failed as a whole. */
  extra: Reply[];
}

/**
 * The answer to a written change: `refusals` first, then the outcome card with its summary, then the sentences
 * of groups that failed as a whole. Throws what the pending store throws (saving "retry the failed ones").
 */
export async function reportChange(
  ctx: CommandContext,
  change: ResolvedChange,
  spec: ChangeSpec,
  refusals: Reply[],
  written: Written,
): Promise<Outcome> {
  const tally = tallyOf(change, spec, written);
  const replies: Reply[] = [...refusals];
  if (tally.rows.length) replies.push(await outcomeReply(ctx, change, spec, written, tally));
  replies.push(...tally.extra);
  return outcome(...replies);
}

function tallyOf(change: ResolvedChange, spec: ChangeSpec, written: Written): Tally {
  const tally: Tally = { rows: [], lines: [], failedIds: new Set(), failedGroups: new Set(), extra: [] };
  const several = written.groups.length > 1;
  for (const w of written.groups) {
    if ('failure' in w) tally.extra.push(reply(w.failure));
    else if (refusedAsAWhole(w.results)) tally.extra.push(forbiddenReply(change, spec, w.group));
    else for (const r of w.results) addRow(tally, change, spec, w.group, r, several);
  }
  return tally;
}

function addRow(
  tally: Tally,
  change: ResolvedChange,
  spec: ChangeSpec,
  g: DirectoryGroup,
  r: ChangeOutcome,
  several: boolean,
): void {
  const status = OUTCOME_STATUS[r.result];
  tally.rows.push({
    input: r.principal.displayName,
    person: toPerson(change.snapshot.users[r.principal.id] ?? r.principal),
    ...(several ? { group: groupRef(g) } : {}),
    status,
    ...(r.reason
      ? { reason: r.reason }
      : r.result === 'lastOwner'
        ? { reason: 'A group must keep at least one owner.' }
        : {}),
  });
  tally.lines.push(outcomeSentence(r.principal.displayName, status, spec.operation, g.displayName, r.reason));
  if (r.result === 'failed') {
    tally.failedIds.add(r.principal.id);
    tally.failedGroups.add(g.id);
  }
}

/** Graph said 403 for every person: the actor cannot change this group at all. */
function refusedAsAWhole(results: ChangeOutcome[]): boolean {
  return results.length > 0 && results.every((r) => r.result === 'refused' && r.kind === 'forbidden');
}

function forbiddenReply(change: ResolvedChange, spec: ChangeSpec, g: DirectoryGroup): Reply {
  // "Ask the owners" starts a request for the actor to join, so it only fits "add me".
  if (change.youOnly && spec.op === 'add' && spec.relation === 'members')
    return askOwnersReply(`You can't add yourself to '${g.displayName}'. Shall I ask its owners?`, groupRef(g));
  return reply(
    `You can't ${wordsOf(spec).forbidden} '${g.displayName}': only its owners or an administrator can. Ask one of its owners to do it.`,
  );
}

/** The outcome card and its summary; when some failed, a stored "retry the failed ones" it offers. */
async function outcomeReply(
  ctx: CommandContext,
  change: ResolvedChange,
  spec: ChangeSpec,
  written: Written,
  tally: Tally,
): Promise<Reply> {
  const groups = written.groups.map((w) => w.group);
  const operationId = tally.failedIds.size ? await saveRetry(ctx, change, tally) : undefined;
  const card = buildMemberOutcomeCard({
    operation: spec.operation,
    groups: groups.map(groupRef),
    outcomes: tally.rows,
    ...(operationId ? { operationId } : {}),
    ...undoOption(written.recorded, ctx.now()),
  });
  return reply(summaryOf(spec, groups, tally, !!written.recorded?.undo), card);
}

async function saveRetry(ctx: CommandContext, change: ResolvedChange, tally: Tally): Promise<string> {
  const failed = change.people.filter((p) => tally.failedIds.has(p.id));
  const intent = { ...change.intent, ...principalSlots(failed), groups: [...tally.failedGroups] };
  const retry = await saveConfirm(ctx, intent, resolved(change.snapshot));
  return retry.id;
}

/** "Adding members to 'X':" and a line per outcome (50 at most), what failed, and whether it can be undone. */
function summaryOf(spec: ChangeSpec, groups: DirectoryGroup[], tally: Tally, undoable: boolean): string {
  const w = wordsOf(spec);
  const where = nameList(groups.map((g) => `'${g.displayName}'`));
  const { lines, failedIds } = tally;
  const shown = lines.length > 50 ? [...lines.slice(0, 50), `…and ${lines.length - 50} more (see the card).`] : lines;
  const heading = `${w.verb === 'Add' ? 'Adding' : 'Removing'} ${spec.relation === 'members' ? 'members' : 'owners'} ${w.prep} ${where}:`;
  const failed = failedIds.size ? `\n${failedIds.size} failed; choose "Retry the failed ones" to try them again.` : '';
  const undo = undoable ? '\nYou can undo this for 24 hours.' : '';
  return `${heading}\n${shown.map((l) => `- ${l}`).join('\n')}${failed}${undo}`;
}
