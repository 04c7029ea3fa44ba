import type { Intent } from '../language';
import { resolveNames, type GroupResolution } from '../directory/resolve-names';
import { resolveUserList } from '../directory/users-bulk-resolve';
import { isGuid } from '../directory/odata';
import type { Resolution } from '../directory/name-match';
import type { DirectoryGroup, DirectoryUser } from '../directory/types';
import type { Principal } from '../directory/members-write';
import { buildChoiceCard } from '../../cards/choice-card';
import { buildNotFoundCard } from '../../cards/not-found-card';
import { buildBulkResolutionCard } from '../../cards/bulk-resolution-card';
import type { BulkRow, Candidate } from '../../cards/view-models';
import type { CommandContext, Outcome } from './context';
import { saveChoice } from './pending-ops';
import { outcome, reply } from './reply';
import type { Snapshot } from './snapshot';
import { resolved, snapshotOf } from './continuation';
import { toGroupSummary, toPerson } from './views';
import { errorText, isForbidden } from './error-text';
import { namesakeOwners } from './namesake-owners';
import { groupButtonTitles } from '../../cards/describe';
import { recentGroupNamed, recentGroupsFor } from './recent-groups';
import { offerDeletedGroup } from './deleted-group-offer';

/** Person slots of an Intent that hold names to resolve. */
export type PersonSlot = 'users' | 'owners' | 'members';

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

type Entry<T> = { known: T } | { res: Resolution<T> & { parts?: Resolution<T>[] } };

const CHOICE_LIMIT = 10;

function principalOf(u: DirectoryUser): Principal {
  return { id: u.id, displayName: u.displayName, type: 'user' };
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
  const personSlots = opts.people ?? [];
  const wantGroups = opts.groups ?? true;
  snapshot.users[ctx.actor.id] ??= {
    id: ctx.actor.id,
    displayName: ctx.actor.displayName,
    ...(ctx.actor.userPrincipalName ? { userPrincipalName: ctx.actor.userPrincipalName } : {}),
  };

  // 1. What is already known, and what must be asked of Graph.
  const userQueries: string[] = [];
  const userEntries: Record<PersonSlot, (Entry<DirectoryUser> | number)[]> = { users: [], owners: [], members: [] };
  for (const slot of personSlots) {
    for (const raw of intent[slot] ?? []) {
      const name = raw.trim();
      if (name.toLowerCase() === 'me') userEntries[slot].push({ known: snapshot.users[ctx.actor.id] as DirectoryUser });
      else if (isGuid(name) && snapshot.users[name.toLowerCase()])
        userEntries[slot].push({ known: snapshot.users[name.toLowerCase()] as DirectoryUser });
      else userEntries[slot].push(userQueries.push(name) - 1);
    }
  }
  const groupQueries: string[] = [];
  const groupEntries: (Entry<DirectoryGroup> | number)[] = [];
  if (wantGroups) {
    const recent = await recentGroupsFor(ctx, intent.groups ?? []);
    for (const raw of intent.groups ?? []) {
      const name = raw.trim();
      // A group this user just created is known by its id: name look-ups may not find it yet (replication).
      const known = isGuid(name) ? snapshot.groups[name.toLowerCase()] : recentGroupNamed(name, recent);
      if (known && !isGuid(name)) snapshot.groups[known.id] = known;
      groupEntries.push(known ? { known } : groupQueries.push(name) - 1);
    }
  }
  // A pasted list goes through the list resolver (15 names per lookup, batches in parallel); short lists and
  // group phrases keep the one-$batch resolver with its closest-name suggestions.
  const listMode = !!opts.bulk && userQueries.length > opts.bulk.threshold;
  const lookupFailures = new Map<number, string>();
  const answers =
    userQueries.length || groupQueries.length
      ? listMode
        ? await Promise.all([
            resolveUserList(ctx.graph, userQueries),
            resolveNames(ctx.graph, { groups: groupQueries }),
          ]).then(([list, named]) => {
            for (const [i, why] of list.failed) lookupFailures.set(i, why);
            return { users: list.resolutions, groups: named.groups };
          })
        : await resolveNames(ctx.graph, { users: userQueries, groups: groupQueries })
      : { users: [], groups: [] };
  const fill = <T>(e: Entry<T> | number, list: (Resolution<T> | GroupResolution)[]): Entry<T> =>
    typeof e === 'number' ? { res: list[e] as Resolution<T> & { parts?: Resolution<T>[] } } : e;

  // 2. Groups: resolved (maybe by splitting on "and"), or the first problem becomes a choice.
  const groups: DirectoryGroup[] = [];
  const groupSlot: string[] = [];
  const groupProblems: { position: number; res: Resolution<DirectoryGroup> }[] = [];
  for (const raw of groupEntries) {
    const e = fill<DirectoryGroup>(raw, answers.groups);
    if ('known' in e) {
      groups.push(e.known);
      groupSlot.push(e.known.id);
      continue;
    }
    const r = e.res;
    if (r.status === 'resolved') {
      snapshot.groups[r.item.id] = r.item;
      groups.push(r.item);
      groupSlot.push(r.item.id);
    } else if (
      r.status === 'notFound' &&
      r.parts &&
      r.parts.length > 1 &&
      r.parts.every((p) => p.status === 'resolved')
    ) {
      for (const p of r.parts)
        if (p.status === 'resolved') {
          snapshot.groups[p.item.id] = p.item;
          groups.push(p.item);
          groupSlot.push(p.item.id);
        }
    } else {
      groupProblems.push({ position: groupSlot.length, res: r });
      groupSlot.push(r.query);
    }
  }

  // 3. People, slot by slot.
  const people: Record<PersonSlot, Principal[]> = { users: [], owners: [], members: [] };
  const personSlotValues: Partial<Record<PersonSlot, string[]>> = {};
  const personProblems: { slot: PersonSlot; position: number; res: Resolution<DirectoryUser>; failed?: string }[] = [];
  for (const slot of personSlots) {
    const values: string[] = [];
    for (const raw of userEntries[slot]) {
      const failed = typeof raw === 'number' ? lookupFailures.get(raw) : undefined;
      const e = fill<DirectoryUser>(raw, answers.users);
      if ('known' in e) {
        people[slot].push(principalOf(e.known));
        values.push(e.known.id);
        continue;
      }
      const r = e.res;
      if (r.status === 'resolved') {
        snapshot.users[r.item.id] = r.item;
        people[slot].push(principalOf(r.item));
        values.push(r.item.id);
      } else {
        personProblems.push({ slot, position: values.length, res: r, ...(failed ? { failed } : {}) });
        values.push(r.query);
      }
    }
    personSlotValues[slot] = values;
  }

  const rewritten: Intent = {
    ...intent,
    ...(wantGroups && intent.groups ? { groups: groupSlot } : {}),
    ...personSlotValues,
  };

  // 4. A group problem first: one question at a time.
  const gp = groupProblems[0];
  const deleted = gp?.res.status === 'notFound' ? await offerDeletedGroup(ctx, gp.res.query) : undefined;
  if (deleted) return { ok: false, outcome: deleted };
  if (gp) return { ok: false, outcome: await askGroup(ctx, rewritten, snapshot, gp.position, gp.res, opts.purpose) };

  // 5. Lists: one table of every row before anything is written, for long lists always, and for any list of
  // two or more names with a name to pick or not found (one unknown name never ends the whole request).
  const bulk = opts.bulk;
  // Bulk tables are skipped once the user has been through one (the re-run after the table) and when confirmed.
  const bulkDone = ctx.continuation?.kind === 'resolve' && ctx.continuation.bulkDone === true;
  const listed = intent.users?.length ?? 0;
  const userProblems = personProblems.filter((p) => p.slot === 'users');
  if (
    bulk &&
    !bulkDone &&
    ctx.confirmed !== true &&
    groups[0] &&
    (listed > bulk.threshold || (listed >= 2 && userProblems.length > 0))
  ) {
    const problems = new Map(
      userProblems.map((p) => [p.position, { res: p.res, ...(p.failed ? { failed: p.failed } : {}) }]),
    );
    return {
      ok: false,
      outcome: await bulkTable(ctx, rewritten, snapshot, groups[0], bulk.operation, problems, intent.users ?? []),
    };
  }

  const pp = personProblems[0];
  if (pp)
    return {
      ok: false,
      outcome: await askPerson(ctx, rewritten, snapshot, pp.slot, pp.position, pp.res, opts.purpose),
    };
  return { ok: true, value: { intent: rewritten, snapshot, people, groups } };
}

async function askGroup(
  ctx: CommandContext,
  intent: Intent,
  snapshot: Snapshot,
  position: number,
  r: Resolution<DirectoryGroup>,
  purpose?: string,
): Promise<Outcome> {
  const list =
    r.status === 'ambiguous'
      ? r.candidates.slice(0, CHOICE_LIMIT)
      : r.status === 'notFound'
        ? r.suggestions.slice(0, 5)
        : [];
  for (const g of list) snapshot.groups[g.id] = g;
  const owners = await namesakeOwners(ctx, list);
  const candidates: Candidate[] = list.map((g) => ({ kind: 'group', group: toGroupSummary(g, owners(g.id)) }));
  if (r.status === 'notFound' && list.length === 0) {
    return outcome(
      reply(`I couldn't find a group called '${r.query}'. Check the spelling, or try its full name or email address.`),
    );
  }
  const op = await saveChoice(
    ctx,
    intent,
    resolved(snapshot),
    'groups',
    position,
    list.map((g) => g.id),
  );
  const slot = `groups.${position}`;
  if (r.status === 'ambiguous') {
    const titles = groupButtonTitles(candidates.flatMap((c) => (c.kind === 'group' ? [c.group] : [])));
    const text = `Several groups match '${r.query}': ${titles.join('; ')}. Which one did you mean?`;
    return outcome(
      reply(
        text,
        buildChoiceCard({ pendingId: op.id, slot, searchedName: r.query, candidates, ...(purpose ? { purpose } : {}) }),
      ),
    );
  }
  const text = `I couldn't find a group called '${r.query}'. Did you mean: ${list.map((g) => g.displayName).join(', ')}?`;
  return outcome(
    reply(
      text,
      buildNotFoundCard({ pendingId: op.id, slot, searchedName: r.query, objectType: 'group', closest: candidates }),
    ),
  );
}

async function askPerson(
  ctx: CommandContext,
  intent: Intent,
  snapshot: Snapshot,
  slotName: PersonSlot,
  position: number,
  r: Resolution<DirectoryUser>,
  purpose?: string,
): Promise<Outcome> {
  const list =
    r.status === 'ambiguous'
      ? r.candidates.slice(0, CHOICE_LIMIT)
      : r.status === 'notFound'
        ? r.suggestions.slice(0, 5)
        : [];
  for (const u of list) snapshot.users[u.id] = u;
  const candidates: Candidate[] = list.map((u) => ({ kind: 'person', person: toPerson(u) }));
  if (r.status === 'notFound' && list.length === 0) {
    return outcome(
      reply(`I couldn't find anyone named '${r.query}'. Check the spelling, or try their full name or email address.`),
    );
  }
  const op = await saveChoice(
    ctx,
    intent,
    resolved(snapshot),
    slotName,
    position,
    list.map((u) => u.id),
  );
  const slot = `${slotName}.${position}`;
  const line = (u: DirectoryUser): string => `${u.displayName} (${u.mail ?? u.userPrincipalName ?? u.id})`;
  if (r.status === 'ambiguous') {
    const text = `Several people match '${r.query}': ${list.map(line).join('; ')}. Which one did you mean?`;
    return outcome(
      reply(
        text,
        buildChoiceCard({ pendingId: op.id, slot, searchedName: r.query, candidates, ...(purpose ? { purpose } : {}) }),
      ),
    );
  }
  const text = `I couldn't find anyone named '${r.query}'. Did you mean: ${list.map(line).join('; ')}?`;
  return outcome(
    reply(
      text,
      buildNotFoundCard({ pendingId: op.id, slot, searchedName: r.query, objectType: 'user', closest: candidates }),
    ),
  );
}

/**
 * The table of a pasted list: resolved rows, ambiguous rows with a pick, rows not found (skipped). Stores a
 * choice whose `bulkTable` continuation lists, per ambiguous position, the ids that may be picked.
 */
async function bulkTable(
  ctx: CommandContext,
  intent: Intent,
  snapshot: Snapshot,
  group: DirectoryGroup,
  operation: 'addMembers' | 'addOwners',
  answers: Map<number, { res: Resolution<DirectoryUser>; failed?: string }>,
  typed: readonly string[],
): Promise<Outcome> {
  const values = intent.users ?? [];
  const rows: BulkRow[] = [];
  const table: Record<string, string[]> = {};
  values.forEach((v, index) => {
    const known = isGuid(v) ? snapshot.users[v.toLowerCase()] : undefined;
    const input = typed[index] ?? v;
    if (known) {
      rows.push({ index, input, status: 'resolved', person: toPerson(known) });
      return;
    }
    const a = answers.get(index);
    const r = a?.res;
    if (r?.status === 'ambiguous') {
      const c = r.candidates.slice(0, CHOICE_LIMIT);
      for (const u of c) snapshot.users[u.id] = u;
      table[String(index)] = c.map((u) => u.id);
      rows.push({ index, input, status: 'ambiguous', candidates: c.map(toPerson) });
    } else if (a?.failed) {
      rows.push({
        index,
        input,
        status: 'notFound',
        reason: 'Could not be looked up this time (Microsoft Graph was busy); send this name again.',
      });
    } else {
      rows.push({ index, input, status: 'notFound', reason: 'No one in the directory has this name or address.' });
    }
  });
  const op = await saveChoice(
    ctx,
    intent,
    { kind: 'bulkTable', snapshot, table },
    'users',
    -1,
    Object.values(table).flat(),
  );
  const resolved = rows.filter((r) => r.status === 'resolved').length;
  const ambiguous = rows.filter((r) => r.status === 'ambiguous').length;
  const missing = rows.length - resolved - ambiguous;
  const text = `Of the ${rows.length} names for '${group.displayName}': ${resolved} found, ${ambiguous} need a pick, ${missing} not found. Nothing has been changed yet.`;
  return outcome(
    reply(
      text,
      buildBulkResolutionCard({
        batchId: op.id,
        group: { id: group.id, displayName: group.displayName },
        operation,
        rows,
      }),
    ),
  );
}
