/**
 * Resolution of an intent's names in five steps: what is already known and what to look up → the lookups (one
 * `$batch`, or the list resolver for a pasted list) → each slot position placed (resolved, or a problem) → the
 * intent rewritten with ids → the first question a problem asks (resolve-ask.ts, resolve-bulk-table.ts).
 */
import type { Intent } from '../language';
import { resolveNames, type GroupResolution } from '../directory/resolve-names';
import { resolveUserList } from '../directory/users-bulk-resolve';
import { isGuid } from '../directory/odata';
import type { Resolution } from '../directory/name-match';
import type { DirectoryGroup, DirectoryUser } from '../directory/types';
import type { Principal } from '../directory/members-write';
import type { CommandContext, Outcome } from './context';
import { outcome, reply } from './reply';
import type { Snapshot } from './snapshot';
import { snapshotOf } from './continuation';
import { errorText, isForbidden } from './error-text';
import { recentGroupNamed, recentGroupsFor } from './recent-groups';
import { askGroup, askPerson, type PersonSlot } from './resolve-ask';
import { offerDeletedGroup } from './deleted-group-offer';
import { bulkTable, type Placed } from './resolve-bulk-table';

export interface Resolved {
  /** The intent with every resolved name replaced by its id (what a pending operation stores). */
  intent: Intent;
  snapshot: Snapshot;
  people: Record<PersonSlot, Principal[]>;
  groups: DirectoryGroup[];
}

export type ResolveStep = { ok: true; value: Resolved } | { ok: false; outcome: Outcome };

export interface ResolveOptions {
  /** Person slots to resolve (default none). */
  people?: PersonSlot[];
  /** Resolve `groups` (default true). */
  groups?: boolean;
  /** Shown on choice cards: "to add to Marketing". */
  purpose?: string;
  /** More users than this in `users` → a bulk resolution table (a pending 'choice' continuing as `bulkTable`) first. */
  bulk?: { operation: 'addMembers' | 'addOwners'; threshold: number };
}

/** A slot position before the lookups: known already, or the index of its query. */
type Wanted<T> = { known: T } | number;

interface Lookups {
  userQueries: string[];
  users: Partial<Record<PersonSlot, Wanted<DirectoryUser>[]>>;
  groupQueries: string[];
  groups: Wanted<DirectoryGroup>[];
}

interface Answers {
  users: Resolution<DirectoryUser>[];
  groups: GroupResolution[];
  /** Query positions of a pasted list whose lookup failed (Graph busy), with why. */
  failures: Map<number, string>;
}

interface Placement {
  groups: Placed<DirectoryGroup>[];
  people: Partial<Record<PersonSlot, Placed<DirectoryUser>[]>>;
}

/**
 * Resolves the people and group names of an intent in one `$batch` (plus one only for names that matched
 * nothing), reusing what a previous step stored in the snapshot, so a confirmation never repeats the lookups.
 * On ambiguity or no match it stores a choice and returns the choice (or closest-names) card as `outcome`.
 * Never throws: Graph failures come back as an outcome with errorText's sentence.
 */
export async function resolveIntent(intent: Intent, ctx: CommandContext, opts: ResolveOptions): Promise<ResolveStep> {
  try {
    return await resolveInner(intent, ctx, opts);
  } catch (err) {
    const text = isForbidden(err)
      ? "You don't have permission to look up people and groups in this directory (guests often can't), so I can't do that for you."
      : errorText(err);
    return { ok: false, outcome: outcome(reply(text)) };
  }
}

async function resolveInner(intent: Intent, ctx: CommandContext, opts: ResolveOptions): Promise<ResolveStep> {
  const snapshot = snapshotOf(ctx);
  rememberActor(ctx, snapshot);
  const lookups = await whatToLookUp(intent, ctx, snapshot, opts);
  const answers = await lookUp(ctx, lookups, opts);
  const placed: Placement = {
    groups: placeGroups(lookups.groups, answers, snapshot),
    people: placePeople(lookups.users, answers, snapshot),
  };
  const rewritten = rewrite(intent, opts, placed);
  const question = await firstQuestion(
    ctx,
    intent,
    { intent: rewritten, snapshot, purpose: opts.purpose },
    placed,
    opts,
  );
  if (question) return { ok: false, outcome: question };
  return {
    ok: true,
    value: { intent: rewritten, snapshot, people: principalsOf(placed), groups: itemsOf(placed.groups) },
  };
}

/** "me" always resolves to the actor, from the snapshot. */
function rememberActor(ctx: CommandContext, snapshot: Snapshot): void {
  snapshot.users[ctx.actor.id] ??= {
    id: ctx.actor.id,
    displayName: ctx.actor.displayName,
    ...(ctx.actor.userPrincipalName ? { userPrincipalName: ctx.actor.userPrincipalName } : {}),
  };
}

/** Step 1: what is already known (the actor, ids in the snapshot, groups just created) and what to ask Graph. */
async function whatToLookUp(
  intent: Intent,
  ctx: CommandContext,
  snapshot: Snapshot,
  opts: ResolveOptions,
): Promise<Lookups> {
  const lookups: Lookups = { userQueries: [], users: {}, groupQueries: [], groups: [] };
  for (const slot of opts.people ?? []) {
    lookups.users[slot] = (intent[slot] ?? []).map((raw) => wantedUser(raw.trim(), ctx, snapshot, lookups.userQueries));
  }
  if (opts.groups ?? true) {
    const recent = await recentGroupsFor(ctx, intent.groups ?? []);
    for (const raw of intent.groups ?? []) {
      const name = raw.trim();
      // A group this user just created is known by its id: name look-ups may not find it yet (replication).
      const known = isGuid(name) ? snapshot.groups[name.toLowerCase()] : recentGroupNamed(name, recent);
      if (known && !isGuid(name)) snapshot.groups[known.id] = known;
      lookups.groups.push(known ? { known } : lookups.groupQueries.push(name) - 1);
    }
  }
  return lookups;
}

function wantedUser(name: string, ctx: CommandContext, snapshot: Snapshot, queries: string[]): Wanted<DirectoryUser> {
  if (name.toLowerCase() === 'me') return { known: snapshot.users[ctx.actor.id] as DirectoryUser };
  const known = isGuid(name) ? snapshot.users[name.toLowerCase()] : undefined;
  return known ? { known } : queries.push(name) - 1;
}

/**
 * Step 2: the lookups. A pasted list goes through the list resolver (15 names per lookup, batches in parallel);
 * short lists and group phrases keep the one-$batch resolver with its closest-name suggestions.
 */
async function lookUp(ctx: CommandContext, lookups: Lookups, opts: ResolveOptions): Promise<Answers> {
  const { userQueries, groupQueries } = lookups;
  if (!userQueries.length && !groupQueries.length) return { users: [], groups: [], failures: new Map() };
  if (!opts.bulk || userQueries.length <= opts.bulk.threshold) {
    const named = await resolveNames(ctx.graph, { users: userQueries, groups: groupQueries });
    return { ...named, failures: new Map() };
  }
  const [list, named] = await Promise.all([
    resolveUserList(ctx.graph, userQueries),
    resolveNames(ctx.graph, { groups: groupQueries }),
  ]);
  return { users: list.resolutions, groups: named.groups, failures: new Map(list.failed) };
}

/** Step 3a: groups, each resolved (maybe by splitting on "and" into several) or a problem. */
function placeGroups(wanted: Wanted<DirectoryGroup>[], answers: Answers, snapshot: Snapshot): Placed<DirectoryGroup>[] {
  return wanted.flatMap((w): Placed<DirectoryGroup>[] => {
    if (typeof w !== 'number') return [{ item: w.known }];
    const r = answers.groups[w] as GroupResolution;
    const parts = r.status === 'notFound' && r.parts && r.parts.length > 1 ? resolvedItems(r.parts) : undefined;
    const found = r.status === 'resolved' ? [r.item] : parts;
    if (!found) return [{ problem: r }];
    for (const g of found) snapshot.groups[g.id] = g;
    return found.map((item) => ({ item }));
  });
}

/** The items of `parts` when every one of them resolved, else undefined. */
function resolvedItems<T>(parts: Resolution<T>[]): T[] | undefined {
  const items = parts.flatMap((p) => (p.status === 'resolved' ? [p.item] : []));
  return items.length === parts.length ? items : undefined;
}

/** Step 3b: people, slot by slot, each resolved or a problem (with why its lookup failed, if it did). */
function placePeople(
  wanted: Lookups['users'],
  answers: Answers,
  snapshot: Snapshot,
): Partial<Record<PersonSlot, Placed<DirectoryUser>[]>> {
  const placed: Partial<Record<PersonSlot, Placed<DirectoryUser>[]>> = {};
  for (const [slot, list] of Object.entries(wanted) as [PersonSlot, Wanted<DirectoryUser>[]][]) {
    placed[slot] = list.map((w): Placed<DirectoryUser> => {
      if (typeof w !== 'number') return { item: w.known };
      const r = answers.users[w] as Resolution<DirectoryUser>;
      if (r.status === 'resolved') {
        snapshot.users[r.item.id] = r.item;
        return { item: r.item };
      }
      const failed = answers.failures.get(w);
      return { problem: r, ...(failed ? { failed } : {}) };
    });
  }
  return placed;
}

/** Step 4: the intent with ids where names resolved (a problem keeps the name typed). */
function rewrite(intent: Intent, opts: ResolveOptions, placed: Placement): Intent {
  const people = Object.fromEntries(
    Object.entries(placed.people).map(([slot, list]) => [slot, list.map(valueOf)]),
  ) as Partial<Record<PersonSlot, string[]>>;
  const wantGroups = opts.groups ?? true;
  return { ...intent, ...(wantGroups && intent.groups ? { groups: placed.groups.map(valueOf) } : {}), ...people };
}

function valueOf<T extends { id: string }>(p: Placed<T>): string {
  return 'item' in p ? p.item.id : p.problem.query;
}

/**
 * Step 5: the first question, or undefined when everything resolved. A group problem first (one question at a
 * time); then a list's table: for long lists always, and for any list of two or more names with a name to pick or
 * not found (one unknown name never ends the whole request); then a person problem.
 */
async function firstQuestion(
  ctx: CommandContext,
  typed: Intent,
  at: { intent: Intent; snapshot: Snapshot; purpose: string | undefined },
  placed: Placement,
  opts: ResolveOptions,
): Promise<Outcome | undefined> {
  const groupProblem = firstProblem(placed.groups);
  const deleted =
    groupProblem?.problem.status === 'notFound' ? await offerDeletedGroup(ctx, groupProblem.problem.query) : undefined;
  if (deleted) return deleted;
  if (groupProblem) return askGroup(ctx, { ...at, position: groupProblem.position }, groupProblem.problem);
  const group = itemsOf(placed.groups)[0];
  const users = placed.people.users ?? [];
  if (opts.bulk && group && wantsTable(ctx, typed, users, opts.bulk.threshold)) {
    const tableAt = { intent: at.intent, snapshot: at.snapshot, group, operation: opts.bulk.operation };
    return bulkTable(ctx, tableAt, users, typed.users ?? []);
  }
  for (const [slot, list] of Object.entries(placed.people) as [PersonSlot, Placed<DirectoryUser>[]][]) {
    const p = firstProblem(list);
    if (p) return askPerson(ctx, { ...at, position: p.position }, slot, p.problem);
  }
  return undefined;
}

/** A list gets its table unless the user has been through one (the re-run after it) or this run is confirmed. */
function wantsTable(ctx: CommandContext, typed: Intent, users: Placed<DirectoryUser>[], threshold: number): boolean {
  const bulkDone = ctx.continuation?.kind === 'resolve' && ctx.continuation.bulkDone === true;
  if (bulkDone || ctx.confirmed === true) return false;
  const listed = typed.users?.length ?? 0;
  return listed > threshold || (listed >= 2 && users.some((u) => 'problem' in u));
}

function firstProblem<T>(list: Placed<T>[]): { position: number; problem: Resolution<T> } | undefined {
  const position = list.findIndex((p) => 'problem' in p);
  const p = list[position];
  return p && 'problem' in p ? { position, problem: p.problem } : undefined;
}

function itemsOf<T>(list: Placed<T>[]): T[] {
  return list.flatMap((p) => ('item' in p ? [p.item] : []));
}

function principalsOf(placed: Placement): Record<PersonSlot, Principal[]> {
  const principal = (u: DirectoryUser): Principal => ({ id: u.id, displayName: u.displayName, type: 'user' });
  return {
    users: itemsOf(placed.people.users ?? []).map(principal),
    owners: itemsOf(placed.people.owners ?? []).map(principal),
    members: itemsOf(placed.people.members ?? []).map(principal),
  };
}
