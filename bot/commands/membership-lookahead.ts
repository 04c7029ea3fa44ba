/**
 * Step 3 of a membership change (before it is confirmed): read what the change will do in each group, so the
 * confirmation can say who is already there, what else changes, and refuse what the reads show cannot be done.
 */
import type { Principal } from '../directory/members-write';
import { readChangeFacts, type ChangeFacts } from '../directory/change-lookahead';
import type { DirectoryGroup } from '../directory/types';
import { logOf } from '../log';
import type { CommandContext, Reply } from './context';
import { previewChange, type ChangePreview } from './change-preview';
import { snapshotOf } from './continuation';
import { reply } from './reply';
import type { ChangeSpec } from './membership-spec';

/** What the look-ahead found. */
export interface LookAhead {
  /** The groups the change can still go ahead in, in the order given. */
  ready: DirectoryGroup[];
  /** A preview per group id; a group whose reads failed has none. */
  previews: Map<string, ChangePreview>;
  /** One refusal per group the reads showed cannot be changed. */
  refusals: Reply[];
}

/**
 * Reads what the change will do, per group (one `$batch` each, run side by side), and works out the preview.
 * A look-ahead that fails leaves that group without a preview (the card then says less). Never throws.
 */
export async function lookAhead(
  ctx: CommandContext,
  groups: DirectoryGroup[],
  people: Principal[],
  spec: ChangeSpec,
): Promise<LookAhead> {
  const previews = new Map<string, ChangePreview>();
  const knownGuests = readSnapshotGuests(ctx, people);
  await Promise.all(
    groups.map(async (group) => {
      let facts: ChangeFacts;
      try {
        facts = await readChangeFacts(ctx.graph, group.id, spec.relation, people);
      } catch (err) {
        logOf(ctx).warn('membership.lookahead.failed', { error: err });
        return;
      }
      previews.set(
        group.id,
        previewChange({ group, relation: spec.relation, op: spec.op, people, facts, knownGuests }),
      );
    }),
  );
  const refusals: Reply[] = [];
  for (const p of previews.values()) if (p.refusal) refusals.push(reply(p.refusal));
  const ready = groups.filter((g) => !previews.get(g.id)?.refusal);
  return { ready, previews, refusals };
}

function readSnapshotGuests(ctx: CommandContext, people: Principal[]): Set<string> {
  const users = snapshotOf(ctx).users;
  return new Set(people.filter((p) => users[p.id]?.userType === 'Guest').map((p) => p.id));
}
