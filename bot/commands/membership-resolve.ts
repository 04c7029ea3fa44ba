/**
 * Step 1 of a membership change: ask for what the request leaves out, then resolve its people and groups to
 * directory objects (one `$batch`, a choice card or a bulk table when a name needs a pick).
 */
import type { Intent } from '../language';
import type { Principal } from '../directory/members-write';
import type { DirectoryGroup } from '../directory/types';
import type { CommandContext, Outcome } from './context';
import { say } from './reply';
import { resolveMemberGroups } from './member-groups-resolve';
import { resolveIntent, type ResolveOptions } from './resolve-step';
import type { Snapshot } from './snapshot';
import { nameList } from './views';
import { BULK_THRESHOLD, wordsOf, type ChangeSpec } from './membership-spec';

/** A change whose people and groups are all known. */
export interface ResolvedChange {
  /** The intent with ids in place of names (what a confirmation stores). */
  intent: Intent;
  snapshot: Snapshot;
  groups: DirectoryGroup[];
  /** Each person once. */
  people: Principal[];
  /** The actor alone ("add me"): the sentences say "you". */
  youOnly: boolean;
}

type ResolveChangeStep = { ok: true; change: ResolvedChange } | { ok: false; outcome: Outcome };

/**
 * Resolves the change, or answers with the question, choice card or table that must come first. Never throws:
 * Graph failures come back as an outcome (see resolveIntent).
 */
export async function resolveChange(intent: Intent, ctx: CommandContext, spec: ChangeSpec): Promise<ResolveChangeStep> {
  const question = whatIsMissing(intent, spec);
  if (question) return { ok: false, outcome: say(question) };
  const nested = await resolveMemberGroups(intent, ctx);
  if (!nested.ok) return nested;
  const step = await resolveIntent(nested.intent, ctx, resolveOptionsOf(spec));
  if (!step.ok) return step;
  const people = dedupe([...step.value.people.users, ...nested.principals]);
  if (people.length === 0)
    return { ok: false, outcome: say('None of those names could be resolved, so there is nothing to do.') };
  const { intent: rewritten, snapshot, groups } = step.value;
  const youOnly = people.length === 1 && people[0]?.id === ctx.actor.id;
  return { ok: true, change: { intent: rewritten, snapshot, groups, people, youOnly } };
}

/** The question to ask when the request names no one, no group, or a list that arrived on one line; else null. */
function whatIsMissing(intent: Intent, spec: ChangeSpec): string | null {
  const { verb, prep } = wordsOf(spec);
  const v = verb.toLowerCase();
  // A group named as the member (nesting) counts as someone to add.
  const users = [...(intent.users ?? []), ...(intent.memberGroups ?? [])];
  const groups = intent.groups ?? [];
  if (!users.length && !groups.length)
    return `Who should I ${v}, and which group? For example: "${v} Ana ${prep} Marketing".`;
  if (!users.length)
    return `Who should I ${v} ${prep} '${groups.join("', '")}'? For example: "${v} Ana ${prep} ${groups[0] ?? 'Marketing'}".`;
  if (!groups.length)
    return `Which group should I ${v} ${nameList(users)} ${prep}? For example: "${v} ${users[0]} ${prep} Marketing".`;
  if (intent.listOnOneLine)
    return (
      `Your list arrived on one line ("${users[0]}"), so I cannot tell where one name ends and the next ` +
      `begins. Separate them with commas, e.g. "${v} these ${prep} ${groups[0]}: ` +
      `Ana Silva, Bob Kelly" (the Agents Playground joins pasted lines into one). Nothing has been changed.`
    );
  return null;
}

/** Resolve the `users` slot; a list of more than BULK_THRESHOLD names to add goes through the bulk table. */
function resolveOptionsOf(spec: ChangeSpec): ResolveOptions {
  const { verb, prep } = wordsOf(spec);
  const purpose = `to ${verb.toLowerCase()} ${prep} a group`;
  if (spec.op !== 'add') return { people: ['users'], purpose };
  const operation = spec.operation === 'addOwners' ? 'addOwners' : 'addMembers';
  return { people: ['users'], purpose, bulk: { operation, threshold: BULK_THRESHOLD } };
}

function dedupe(list: Principal[]): Principal[] {
  const seen = new Set<string>();
  return list.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}
