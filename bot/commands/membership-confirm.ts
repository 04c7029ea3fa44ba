/**
 * Step 4 of a membership change: the confirmation card, with the resolved names, who is already there (skipped),
 * what else changes, and the count that will change. Confirming re-runs the change with ids only.
 */
import { principalSlots } from './member-groups-resolve';
import type { Intent } from '../language';
import type { Principal } from '../directory/members-write';
import type { DirectoryGroup } from '../directory/types';
import type { ChangePreview } from './change-preview';
import { askToConfirm, type ConfirmSpec } from './confirm-step';
import type { CommandContext, Reply } from './context';
import { nameList } from './views';
import type { LookAhead } from './membership-lookahead';
import type { ResolvedChange } from './membership-resolve';
import { wordsOf, type ChangeSpec } from './membership-spec';

/**
 * Stores the change as a confirmation for the groups the look-ahead left ready, and answers with the card.
 * Throws what the pending store throws.
 */
export async function confirmChange(
  ctx: CommandContext,
  change: ResolvedChange,
  spec: ChangeSpec,
  ahead: LookAhead,
): Promise<Reply[]> {
  const { people, snapshot } = change;
  const ready = ahead.ready;
  const rewritten: Intent = { ...change.intent, groups: ready.map((g) => g.id), ...principalSlots(people) };
  const confirm = await askToConfirm(ctx, rewritten, snapshot, confirmSpecOf(change, spec, ahead));
  return confirm.replies;
}

function confirmSpecOf(change: ResolvedChange, spec: ChangeSpec, ahead: LookAhead): ConfirmSpec {
  const { people, youOnly, snapshot } = change;
  const ready = ahead.ready;
  const previews = ready.map((g) => ahead.previews.get(g.id)).filter((p): p is ChangePreview => !!p);
  const who = youOnly ? 'yourself' : nameList(people.map((p) => p.displayName));
  const where = nameList(ready.map((g) => `'${g.displayName}'`));
  const present = presentIds(ready, ahead, spec);
  return {
    title: titleOf(spec, who, where, people.length > 1),
    facts: [
      {
        title: people.length > 1 ? 'People' : 'Person',
        value: people.length > 10 ? `${people.length} people` : people.map((p) => p.displayName).join(', '),
      },
      { title: ready.length > 1 ? 'Groups' : 'Group', value: ready.map((g) => g.displayName).join(', ') },
    ],
    consequence: consequenceSentence(change, spec, previews, ready, where),
    skipped: mergeSkipped(previews, ready.length > 1 ? ready : []),
    notes: previews.flatMap((p) => p.notes),
    warnings: previews.flatMap((p) => p.warnings),
    confirmLabel: wordsOf(spec).verb,
    ...(spec.op === 'remove' ? { destructive: true } : {}),
    ...(Object.keys(present).length ? { continuation: { kind: 'membershipChange', snapshot, present } } : {}),
  };
}

/** Per group of an add, the ids the look-ahead found already there (the confirmed write skips them). */
function presentIds(ready: DirectoryGroup[], ahead: LookAhead, spec: ChangeSpec): Record<string, string[]> {
  const present: Record<string, string[]> = {};
  for (const g of ready) {
    const ids = ahead.previews.get(g.id)?.skipped.flatMap((x) => x.ids) ?? [];
    if (spec.op === 'add' && ids.length) present[g.id] = ids;
  }
  return present;
}

/** "They will become members of 'X'.", or what there is nothing to change. Never throws. */
function consequenceSentence(
  change: ResolvedChange,
  spec: ChangeSpec,
  previews: ChangePreview[],
  ready: DirectoryGroup[],
  where: string,
): string {
  const { people, youOnly } = change;
  const changing =
    previews.length === ready.length ? previews.reduce((n, p) => n + p.changing, 0) : people.length * ready.length;
  if (changing === 0)
    return `Nothing to change: ${nothingToChange(spec.op, people.length, youOnly)}. You can still confirm to check again.`;
  const subject =
    changing !== people.length
      ? changingSubject(people, previews, changing)
      : people.length > 1
        ? 'They'
        : youOnly
          ? 'You'
          : people[0]?.type === 'group'
            ? 'This group'
            : 'This person';
  return consequenceOf(spec, subject, changing > 1, where);
}

/** "This person will become a member of 'X'.", "They will no longer be owners of 'X'.". Never throws. */
export function consequenceOf(
  spec: Pick<ChangeSpec, 'relation' | 'op'>,
  subject: string,
  plural: boolean,
  where: string,
): string {
  const role = spec.relation === 'members' ? 'member' : 'owner';
  const noun = plural ? `${role}s` : `${role === 'owner' ? 'an' : 'a'} ${role}`;
  return spec.op === 'add'
    ? `${subject} will become ${noun} of ${where}.`
    : `${subject} will no longer be ${noun} of ${where}.`;
}

function titleOf(spec: ChangeSpec, who: string, where: string, plural: boolean): string {
  const owners = plural ? 'owners' : 'an owner';
  if (spec.relation === 'members') return spec.op === 'add' ? `Add ${who} to ${where}` : `Remove ${who} from ${where}`;
  return spec.op === 'add'
    ? `Make ${who} ${owners} of ${where}`
    : `Remove ${who} as ${plural ? 'owners' : 'owner'} of ${where}`;
}

function mergeSkipped(previews: ChangePreview[], groups: DirectoryGroup[]): { reason: string; names: string[] }[] {
  return previews.flatMap((p, i) =>
    p.skipped.map((s) => ({
      reason: groups[i] ? `${s.reason} of '${groups[i].displayName}'` : s.reason,
      names: s.names,
    })),
  );
}

/** Who will change when some are skipped: their names when few and one group, else "N of them". Never throws. */
function changingSubject(people: Principal[], previews: ChangePreview[], changing: number): string {
  const only = previews.length === 1 ? previews[0] : undefined;
  if (!only || changing > 5) return `${changing} of them`;
  const skipped = new Set(only.skipped.flatMap((x) => x.ids));
  return nameList(people.filter((p) => !skipped.has(p.id)).map((p) => p.displayName));
}

/** "all of them are already there", "none of them is there", "you are not there", … Pure. */
function nothingToChange(op: 'add' | 'remove', count: number, youOnly: boolean): string {
  if (count > 1) return op === 'add' ? 'all of them are already there' : 'none of them is there';
  const who = youOnly ? 'you are' : 'this person is';
  return op === 'add' ? `${who} already there` : `${who} not there`;
}
