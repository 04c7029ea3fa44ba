/**
 * "remove the guests" with no group named, said by a Groups Administrator or Global Administrator: every group in
 * the directory with guests (or disabled accounts) among its direct members. Looked ahead from the people (the
 * tenant's guests, then each one's groups), so the confirmation can give the count of groups and people before
 * anything is written; capped at MAX_PEOPLE people and MAX_GROUPS groups, and the card says what was left out.
 */
import type { MemberKind } from '../directory/members-by-kind-read';
import { directGroupsOf, usersOfKind, type GroupWithPeople } from '../directory/users-by-kind-read';
import { addToWrite, cannotChange, type ChangePlan } from './change-plan';
import type { CommandContext } from './context';

/** The most people of the kind one request covers. */
const MAX_PEOPLE = 200;
/** The most groups one request changes. */
const MAX_GROUPS = 100;

/** What the directory-wide look-ahead found. */
export interface DirectoryScope {
  found: GroupWithPeople[];
  /** People of the kind read, and how many there are in the tenant. */
  people: number;
  peopleTotal: number;
  /** People whose groups could not be read. */
  unread: number;
}

/** Reads the tenant's people of the kind (at most `maxPeople`) and their groups. Throws DomainError. */
export async function readDirectoryScope(
  ctx: CommandContext,
  kind: MemberKind,
  maxPeople = MAX_PEOPLE,
): Promise<DirectoryScope> {
  const { people, total } = await usersOfKind(ctx.graph, kind, maxPeople);
  const { groups, unread } = await directGroupsOf(ctx.graph, people);
  return { found: groups, people: people.length, peopleTotal: total, unread };
}

/** "guests" / "disabled accounts" with a count. Pure. */
function counted(n: number, kind: MemberKind): string {
  const [one, many] = kind === 'guests' ? ['guest', 'guests'] : ['disabled account', 'disabled accounts'];
  return `${n} ${n === 1 ? one : many}`;
}

/** The sentences that say what the cap left out. Pure. */
function capFlags(scope: DirectoryScope, kind: MemberKind, changeable: number, maxGroups: number): string[] {
  const flags: string[] = [];
  if (scope.peopleTotal > scope.people)
    flags.push(
      `There are ${counted(scope.peopleTotal, kind)} in the directory; this covers the first ${scope.people}. Ask again afterwards for the rest.`,
    );
  if (changeable > maxGroups)
    flags.push(
      `They are in ${changeable} groups; this covers the first ${maxGroups}. Ask again afterwards for the others.`,
    );
  if (scope.unread) flags.push(`I couldn't read the groups of ${counted(scope.unread, kind)}; they are left out.`);
  return flags;
}

/**
 * The plan of a directory-wide removal: one write per changeable group (the first `maxGroups`), groups that
 * cannot be changed here listed, and what the caps left out flagged. Pure.
 */
export function planDirectoryRemoval(scope: DirectoryScope, kind: MemberKind, maxGroups = MAX_GROUPS): ChangePlan {
  const plan: ChangePlan = { writes: [], untouchable: [], flags: [] };
  const changeable = scope.found.filter((f) => {
    const why = cannotChange(f.group, 'members');
    if (why) plan.untouchable.push({ group: f.group, why });
    return !why;
  });
  for (const f of changeable.slice(0, maxGroups)) addToWrite(plan.writes, f.group, 'members', 'remove', f.people);
  plan.flags.push(...capFlags(scope, kind, changeable.length, maxGroups));
  return plan;
}

/** The sentence that says what "no group" was read as, with the counts. Pure. */
export function directoryScopeSentence(plan: ChangePlan, kind: MemberKind): string {
  const people = new Set(plan.writes.flatMap((w) => w.people.map((p) => p.id))).size;
  const groups = plan.writes.length;
  return (
    `You named no group and you are an administrator, so this covers every group in the directory with ` +
    `${kind === 'guests' ? 'guests' : 'disabled accounts'} among its direct members: ` +
    `${counted(people, kind)} in ${groups} group${groups === 1 ? '' : 's'}.`
  );
}
