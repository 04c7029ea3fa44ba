/**
 * How a membership change is journalled. One person in one group: recorded once it is done. Anything larger is a
 * bulk run: stored before the first write and journalled chunk by chunk as the outcomes land, so a crash mid-way
 * leaves the changes already made in history and the run to be reported after the restart ("retry the rest").
 */
import type { ChangeOutcome, Principal } from '../directory/members-write';
import type { DirectoryGroup } from '../directory/types';
import { groupOf, membershipRecords } from '../journal/change-records';
import type { BulkRun, JournalChange, RecordedChanges } from '../journal/journal-sink';
import { principalResults } from '../journal/membership-results';
import type { CommandContext } from './context';
import { logOf } from '../log';

export interface MembershipJournal {
  /** One round trip's outcomes for `group`, as they land. Never throws. */
  landed(group: DirectoryGroup, outcomes: ChangeOutcome[]): Promise<void>;
  /** A whole-group failure: every person of `group` whose outcome has not landed failed with `sentence`. Never throws. */
  failed(group: DirectoryGroup, people: Principal[], status: number | null, sentence: string): Promise<void>;
  /** Ends the change: the one Undo key for all of it, when anything can be undone. Never throws. */
  finish(): Promise<RecordedChanges | undefined>;
}

/**
 * Starts journalling a confirmed change of `people` in `groups`. Never throws: when the run cannot be stored the
 * change is journalled at its end, as for one person.
 */
export async function startMembershipJournal(
  ctx: CommandContext,
  relation: 'members' | 'owners',
  op: 'add' | 'remove',
  groups: DirectoryGroup[],
  people: Principal[],
): Promise<MembershipJournal> {
  const journal = ctx.journal;
  const landedIds = new Set<string>();
  const held: JournalChange[] = [];
  let run: BulkRun | undefined;
  if (groups.length * people.length > 1) {
    try {
      run = await journal.beginRun(
        ctx.actor,
        {
          action: `${relation === 'members' ? 'member' : 'owner'}.${op}`,
          groups: groups.map(groupOf),
          people: people.map((p) => ({ id: p.id, name: p.displayName })),
        },
        ctx.now(),
      );
    } catch (err) {
      // It is journalled at its end instead.
      logOf(ctx).warn('journal.run.notStarted', { error: err });
    }
  }
  const keep = async (changes: JournalChange[]): Promise<void> => {
    if (run) await run.landed(changes, ctx.now());
    else held.push(...changes);
  };
  return {
    async landed(group, outcomes) {
      for (const o of outcomes) landedIds.add(`${group.id}/${o.principal.id}`);
      await keep(membershipRecords(group, relation, op, principalResults(outcomes, relation)));
    },
    async failed(group, all, status, sentence) {
      const open = all.filter((p) => !landedIds.has(`${group.id}/${p.id}`));
      await keep(
        membershipRecords(
          group,
          relation,
          op,
          open.map((p) => ({
            principal: { id: p.id, name: p.displayName },
            result: 'failed' as const,
            status,
            detail: sentence,
          })),
        ),
      );
    },
    async finish() {
      if (run) return run.finish(ctx.now());
      return held.length ? journal.record(ctx.actor, held, ctx.now()) : undefined;
    },
  };
}
