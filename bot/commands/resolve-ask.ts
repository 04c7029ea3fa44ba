/**
 * The question a resolution asks when a name needs a pick: a choice card for a name several match, a
 * closest-names card for a name nothing matches (or a sentence when nothing comes close). The same path for
 * groups and people; only their words and candidates differ.
 */
import type { Intent } from '../language';
import type { Resolution } from '../directory/name-match';
import type { DirectoryGroup, DirectoryUser } from '../directory/types';
import { buildChoiceCard } from '../../cards/choice-card';
import { groupButtonTitles } from '../../cards/describe';
import { buildNotFoundCard } from '../../cards/not-found-card';
import type { Candidate } from '../../cards/view-models';
import type { CommandContext, Outcome } from './context';
import { resolved } from './continuation';
import { namesakeOwners } from './namesake-owners';
import { saveChoice } from './pending-ops';
import { outcome, reply } from './reply';
import type { Snapshot } from './snapshot';
import { toGroupSummary, toPerson } from './views';

/** Person slots of an Intent that hold names to resolve. */
export type PersonSlot = 'users' | 'owners' | 'members';

/** Most candidates a choice card offers. */
export const CHOICE_LIMIT = 10;

/** Where the question is about: the intent as rewritten so far, its snapshot, and the slot position to fill. */
interface AskAt {
  intent: Intent;
  snapshot: Snapshot;
  position: number;
  /** Shown on choice cards: "to add to Marketing". */
  purpose?: string | undefined;
}

/** What differs between asking about a group and about a person. */
interface PickKind<T extends { id: string }> {
  slot: 'groups' | PersonSlot;
  objectType: 'group' | 'user';
  /** "groups", "people" (in "Several … match"). */
  plural: string;
  /** "its", "their" (in "try … full name"). */
  whose: string;
  notFound(query: string): string;
  remember(snapshot: Snapshot, item: T): void;
  candidates(ctx: CommandContext, list: T[]): Promise<Candidate[]>;
  /** The candidates as the sentence of an ambiguous name lists them. */
  listed(list: T[], candidates: Candidate[]): string;
  /** The suggestions as the sentence of a name not found lists them. */
  closest(list: T[], candidates: Candidate[]): string;
}

const GROUP: PickKind<DirectoryGroup> = {
  slot: 'groups',
  objectType: 'group',
  plural: 'groups',
  whose: 'its',
  notFound: (query) => `I couldn't find a group called '${query}'.`,
  remember: (snapshot, g) => {
    snapshot.groups[g.id] = g;
  },
  candidates: async (ctx, list) => {
    const owners = await namesakeOwners(ctx, list);
    return list.map((g) => ({ kind: 'group', group: toGroupSummary(g, owners(g.id)) }));
  },
  listed: (_list, candidates) =>
    groupButtonTitles(candidates.flatMap((c) => (c.kind === 'group' ? [c.group] : []))).join('; '),
  // Namesakes told apart by kind ("Project Falcon (Microsoft 365 group), Project Falcon (Security group)").
  closest: (_list, candidates) =>
    groupButtonTitles(candidates.flatMap((c) => (c.kind === 'group' ? [c.group] : []))).join(', '),
};

const personLine = (u: DirectoryUser): string => `${u.displayName} (${u.mail ?? u.userPrincipalName ?? u.id})`;

function personKind(slot: PersonSlot): PickKind<DirectoryUser> {
  return {
    slot,
    objectType: 'user',
    plural: 'people',
    whose: 'their',
    notFound: (query) => `I couldn't find anyone named '${query}'.`,
    remember: (snapshot, u) => {
      snapshot.users[u.id] = u;
    },
    candidates: (_ctx, list) => Promise.resolve(list.map((u) => ({ kind: 'person', person: toPerson(u) }))),
    listed: (list) => list.map(personLine).join('; '),
    closest: (list) => list.map(personLine).join('; '),
  };
}

/** Asks which group `r` meant (stores a choice). Throws what the pending store throws. */
export function askGroup(ctx: CommandContext, at: AskAt, r: Resolution<DirectoryGroup>): Promise<Outcome> {
  return askToPick(ctx, at, r, GROUP);
}

/** Asks which person `r` meant in `slot` (stores a choice). Throws what the pending store throws. */
export function askPerson(
  ctx: CommandContext,
  at: AskAt,
  slot: PersonSlot,
  r: Resolution<DirectoryUser>,
): Promise<Outcome> {
  return askToPick(ctx, at, r, personKind(slot));
}

async function askToPick<T extends { id: string }>(
  ctx: CommandContext,
  at: AskAt,
  r: Resolution<T>,
  kind: PickKind<T>,
): Promise<Outcome> {
  const list = choicesOf(r);
  for (const item of list) kind.remember(at.snapshot, item);
  const candidates = await kind.candidates(ctx, list);
  if (r.status === 'notFound' && list.length === 0) {
    return outcome(
      reply(`${kind.notFound(r.query)} Check the spelling, or try ${kind.whose} full name or email address.`),
    );
  }
  const ids = list.map((item) => item.id);
  const op = await saveChoice(ctx, at.intent, resolved(at.snapshot), kind.slot, at.position, ids);
  const card = { pendingId: op.id, slot: `${kind.slot}.${at.position}`, searchedName: r.query };
  if (r.status === 'ambiguous') {
    const text = `Several ${kind.plural} match '${r.query}': ${kind.listed(list, candidates)}. Which one did you mean?`;
    const purpose = at.purpose ? { purpose: at.purpose } : {};
    return outcome(reply(text, buildChoiceCard({ ...card, candidates, ...purpose })));
  }
  const text = `${kind.notFound(r.query)} Did you mean: ${kind.closest(list, candidates)}?`;
  return outcome(reply(text, buildNotFoundCard({ ...card, objectType: kind.objectType, closest: candidates })));
}

/** The candidates of an ambiguous name, or the suggestions for a name not found. */
function choicesOf<T>(r: Resolution<T>): T[] {
  if (r.status === 'ambiguous') return r.candidates.slice(0, CHOICE_LIMIT);
  if (r.status === 'notFound') return r.suggestions.slice(0, 5);
  return [];
}
