/**
 * Step 5 of a membership change (once confirmed): write it group by group in `$batch` chunks of 20, journalled
 * as the outcomes land, with progress updates for long lists and a note while a new group is still replicating.
 */
import { FAILED_RESULTS, type ChangeOutcome } from '../directory/members-write';
import { writeMembership, type BulkWriteOptions } from '../directory/members-bulk-write';
import { DomainError } from '../directory/errors';
import type { DirectoryGroup } from '../directory/types';
import { replicationWaitSentence } from '../directory/replication-retry';
import type { RecordedChanges } from '../journal/journal-sink';
import { logOf } from '../log';
import { buildProgressCard } from '../../cards/progress-card';
import type { CommandContext } from './context';
import { errorText } from './error-text';
import { startMembershipJournal, type MembershipJournal } from './membership-journal';
import type { ResolvedChange } from './membership-resolve';
import { PROGRESS_THRESHOLD, wordsOf, type ChangeSpec } from './membership-spec';
import { startPacer, type Pacer } from './progress-pacer';
import { recentGroupsFor } from './recent-groups';
import { reply } from './reply';
import { groupRef } from './views';

/** What the write did in one group: per-person outcomes, or the sentence of a failure of the whole group. */
type GroupWrite = { group: DirectoryGroup; results: ChangeOutcome[] } | { group: DirectoryGroup; failure: string };

/** What the whole write did. */
export interface Written {
  /** One entry per group, in the order written. */
  groups: GroupWrite[];
  /** The journal's record of it (with the Undo key), when anything was recorded. */
  recorded: RecordedChanges | undefined;
}

/**
 * Writes the change in each of `groups`, one after the other. `present` (from the look-ahead, on the
 * continuation) lists per group who is already there and needs no write. Never throws: a group that fails as a
 * whole comes back as its errorText sentence.
 */
export async function writeChange(
  ctx: CommandContext,
  change: ResolvedChange,
  groups: DirectoryGroup[],
  spec: ChangeSpec,
): Promise<Written> {
  const journal = await startMembershipJournal(ctx, spec.relation, spec.op, groups, change.people);
  const newIds = new Set((await recentGroupsFor(ctx)).map((g) => g.id.toLowerCase()));
  const written: GroupWrite[] = [];
  for (const group of groups) {
    written.push(await writeGroup(ctx, change, group, spec, { journal, isNew: newIds.has(group.id.toLowerCase()) }));
  }
  return { groups: written, recorded: await journal.finish() };
}

async function writeGroup(
  ctx: CommandContext,
  change: ResolvedChange,
  group: DirectoryGroup,
  spec: ChangeSpec,
  how: { journal: MembershipJournal; isNew: boolean },
): Promise<GroupWrite> {
  const { people } = change;
  const failedSoFar = { count: 0 };
  const pacer = pacerFor(ctx, spec, group, people.length, failedSoFar);
  try {
    const results = await writeMembership(ctx.graph, group, spec.relation, spec.op, people, {
      present: new Set(presentOf(ctx)[group.id] ?? []),
      onLanded: (landed) => how.journal.landed(group, landed),
      replication: {
        groupIsNew: how.isNew,
        onWait: (attempt: number, of: number) => replicationProgress(ctx, spec, group, people.length, attempt, of),
      },
      ...progressOption(pacer, failedSoFar),
    });
    const failed = results.filter((r) => FAILED_RESULTS.has(r.result)).length;
    failedSoFar.count = failed;
    await pacer?.finish(people.length - failed, people.length);
    return { group, results };
  } catch (err) {
    await pacer?.finish(0, people.length);
    const sentence = errorText(err, {
      groupName: group.displayName,
      rule: group.membershipRule ?? null,
      action: wordsOf(spec).forbidden,
    });
    const status = err instanceof DomainError ? (err.graph?.status ?? null) : null;
    await how.journal.failed(group, people, status, sentence);
    return { group, failure: sentence };
  }
}

/** Who the look-ahead found already there, per group id (on the confirmed re-run's continuation). */
function presentOf(ctx: CommandContext): Record<string, string[]> {
  return ctx.continuation?.kind === 'membershipChange' ? ctx.continuation.present : {};
}

function progressOption(pacer: Pacer | undefined, failedSoFar: { count: number }): Partial<BulkWriteOptions> {
  if (!pacer) return {};
  return {
    onProgress: (done: number, total: number, failed: number) => {
      failedSoFar.count = failed;
      return pacer.report(done, total);
    },
  };
}

/** A pacer of progress cards for a list longer than PROGRESS_THRESHOLD, when the turn can send updates. */
function pacerFor(
  ctx: CommandContext,
  spec: ChangeSpec,
  group: DirectoryGroup,
  total: number,
  failedSoFar: { count: number },
): Pacer | undefined {
  const progress = ctx.progress;
  if (total <= PROGRESS_THRESHOLD || !progress) return undefined;
  const doing = wordsOf(spec).verb === 'Add' ? 'Adding' : 'Removing';
  return startPacer(
    async (done: number, of: number): Promise<void> => {
      const failed = failedSoFar.count;
      await progress(
        reply(
          `${doing}: ${done} of ${of} done${failed ? `, ${failed} failed` : ''} for '${group.displayName}'.`,
          buildProgressCard({
            operation: spec.operation,
            group: groupRef(group),
            done,
            total: of,
            ...(failed ? { failed } : {}),
          }),
        ),
      );
    },
    (err) => logOf(ctx).warn('membership.progress.failed', { error: err }),
  );
}

/**
 * Tells the user the write is waiting on replication ("Entra is still setting up Finance Readers; trying again
 * (2 of 6)…") on the progress card. A failed update is warned about. Never throws.
 */
async function replicationProgress(
  ctx: CommandContext,
  spec: ChangeSpec,
  g: DirectoryGroup,
  total: number,
  attempt: number,
  of: number,
): Promise<void> {
  if (!ctx.progress) return;
  const note = replicationWaitSentence(g.displayName, attempt, of);
  try {
    await ctx.progress(
      reply(note, buildProgressCard({ operation: spec.operation, group: groupRef(g), done: 0, total, note })),
    );
  } catch (err) {
    logOf(ctx).warn('membership.progress.failed', { error: err });
  }
}
