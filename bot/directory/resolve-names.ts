import { GraphSession, stepError, type BatchStep, type BatchResult } from './graph-session';
import { literal, isGuid, looksLikeEmail, searchTerm } from './odata';
import { rankCandidates, closest, longestNameInside, type Resolution } from './name-match';
import { mapGraphError } from './errors';
import { foldName } from '../language/name-fold';
import { formalNames } from '../language/nicknames';
import { GROUP_SELECT, USER_SELECT, type DirectoryGroup, type DirectoryUser } from './types';
import { eventual, step } from './resources/request';
import { getUser, listUsers } from './resources/users';
import { getGroup, listGroups } from './resources/groups';

/** A group phrase, resolved whole or, when the whole phrase names nothing, split on "and" (docs/cards-and-conversation.md, Intents). */
export type GroupResolution = Resolution<DirectoryGroup> & { parts?: Resolution<DirectoryGroup>[] };

export interface ResolveResult {
  users: Resolution<DirectoryUser>[];
  groups: GroupResolution[];
}

const CANDIDATES = 25;

/** "she", "him": a pronoun the message did not tie to a name is nobody's name ("she" is not Joni Sherman). */
function isPronoun(name: string): boolean {
  return /^(?:he|she|him|her|they|them|his|hers|their)$/i.test(name.trim());
}

function userStep(id: string, name: string): BatchStep {
  if (name === 'me' || isGuid(name)) return step(id, getUser(name, { $select: USER_SELECT }));
  const filter = looksLikeEmail(name)
    ? `userPrincipalName eq ${literal(name)} or mail eq ${literal(name)}`
    : [
        ...['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'].map(
          (p) => `startsWith(${p},${literal(name)})`,
        ),
        ...nicknameClauses(name),
      ].join(' or ');
  return step(id, listUsers({ $filter: filter, $select: USER_SELECT, $top: CANDIDATES }));
}

function groupStep(id: string, phrase: string): BatchStep {
  if (isGuid(phrase)) return step(id, getGroup(phrase, { $select: GROUP_SELECT }));
  const filter = looksLikeEmail(phrase)
    ? `mail eq ${literal(phrase)}`
    : `startsWith(displayName,${literal(phrase)}) or mailNickname eq ${literal(phrase)}`;
  return step(id, listGroups({ $filter: filter, $select: GROUP_SELECT, $top: CANDIDATES }));
}

/**
 * A nickname alone ("Patty", "Izzy", "Bob") also looks for the given names it stands for (Patricia, Patti;
 * Isaiah; Robert), in the same query: no extra round trip.
 */
function nicknameClauses(name: string): string[] {
  const word = foldName(name);
  if (word.includes(' ')) return [];
  return formalNames(word)
    .filter((formal) => !formal.startsWith(word))
    .map((formal) => `startsWith(givenName,${literal(formal)})`);
}

/** Words that never start a name: left out of the look-up for names inside a phrase. */
const NOT_NAME_WORDS = new Set([
  'the',
  'a',
  'an',
  'to',
  'in',
  'of',
  'and',
  'or',
  'for',
  'on',
  'at',
  'by',
  'with',
  'please',
  'pls',
  'group',
  'team',
  'i',
  'im',
  "i'm",
  'me',
  'my',
  'is',
  'she',
  'he',
  'they',
  'it',
  'as',
  'well',
  'too',
  'asap',
  'thanks',
  'now',
]);

/** Up to four words of a phrase to look names up by, capitalised words first ("Legal, I'm helping" → Legal, helping). */
function lookupWords(text: string): string[] {
  const words = text.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 1 && !NOT_NAME_WORDS.has(w.toLowerCase()));
  const ordered = [...words.filter((w) => /^\p{Lu}/u.test(w)), ...words.filter((w) => !/^\p{Lu}/u.test(w))];
  const unique = [...new Set(ordered.map((w) => w.slice(0, 4)))];
  return unique.length > 0 ? unique.slice(0, 4) : [text.slice(0, 4)];
}

function searchStep(id: string, collection: 'users' | 'groups', text: string): BatchStep {
  const terms = lookupWords(text)
    .map((w) => searchTerm('displayName', w))
    .join(' OR ');
  const list = collection === 'users' ? listUsers : listGroups;
  const select = collection === 'users' ? USER_SELECT : GROUP_SELECT;
  return step(id, eventual(list({ $search: terms, $select: select, $top: CANDIDATES })));
}

/** The objects a step returned: one object for a by-id GET, the `value` list for a query; [] for a 404. */
function itemsOf<T>(r: BatchResult): T[] {
  if (r.status === 404) return [];
  if (r.status >= 400) throw mapGraphError(stepError(r), { operation: 'read' });
  const body = r.body as { value?: T[] } & T;
  return Array.isArray(body?.value) ? body.value : body ? [body as T] : [];
}

/**
 * Resolves user names and group phrases against the directory with server-side queries only, in as few round
 * trips as Graph allows: one $batch for every name (chunks of 20), one more only for names that matched
 * nothing (closest-name suggestions) or group phrases that must be split on "and".
 * Throws DomainError when Graph refuses the lookups themselves (forbidden, throttled beyond retries...).
 */
export async function resolveNames(
  session: GraphSession,
  req: { users?: string[]; groups?: string[] },
): Promise<ResolveResult> {
  const users = req.users ?? [];
  const groups = req.groups ?? [];
  const steps: BatchStep[] = [
    ...users.flatMap((u, i) => (isPronoun(u) ? [] : [userStep(`u${i}`, u)])),
    ...groups.map((g, i) => groupStep(`g${i}`, g)),
  ];
  const results = steps.length ? await session.batch(steps) : [];
  const byId = new Map(results.map((r) => [r.id, r]));

  const userRes: Resolution<DirectoryUser>[] = users.map((u, i) =>
    isPronoun(u)
      ? { status: 'notFound', query: u, suggestions: [] }
      : rankCandidates(u, itemsOf<DirectoryUser>(byId.get(`u${i}`) as BatchResult)),
  );
  const groupRes: GroupResolution[] = groups.map((g, i) =>
    rankCandidates(g, itemsOf<DirectoryGroup>(byId.get(`g${i}`) as BatchResult)),
  );

  // Second round trip, only when needed: split unresolved group phrases on "and", and look for close names.
  const follow: BatchStep[] = [];
  groupRes.forEach((r, i) => {
    if (r.status !== 'notFound') return;
    const parts = splitOnAnd(r.query);
    if (parts.length > 1) parts.forEach((p, j) => follow.push(groupStep(`g${i}p${j}`, p)));
    follow.push(searchStep(`g${i}s`, 'groups', r.query));
  });
  userRes.forEach((r, i) => {
    if (r.status === 'notFound' && r.query !== 'me' && !isGuid(r.query) && !isPronoun(r.query))
      follow.push(searchStep(`u${i}s`, 'users', r.query));
  });
  if (follow.length === 0) return { users: userRes, groups: groupRes };

  const more = new Map((await session.batch(follow)).map((r) => [r.id, r]));
  userRes.forEach((r, i) => {
    const s = more.get(`u${i}s`);
    if (r.status !== 'notFound' || !s || s.status >= 400) return;
    const found = itemsOf<DirectoryUser>(s);
    const inside = longestNameInside(r.query, found);
    if (inside) userRes[i] = inside;
    else r.suggestions = closest(r.query, found);
  });
  groupRes.forEach((r, i) => {
    if (r.status !== 'notFound') return;
    const s = more.get(`g${i}s`);
    const found = s && s.status < 400 ? itemsOf<DirectoryGroup>(s) : [];
    const parts = splitOnAnd(r.query);
    const partRes =
      parts.length > 1
        ? parts.map((p, j) => rankCandidates(p, itemsOf<DirectoryGroup>(more.get(`g${i}p${j}`) as BatchResult)))
        : [];
    const inside = longestNameInside(r.query, found);
    if (inside && !(partRes.length > 0 && partRes.every((p) => p.status === 'resolved'))) {
      groupRes[i] = inside;
      return;
    }
    r.suggestions = closest(r.query, found);
    if (partRes.length > 0) r.parts = partRes;
  });
  return { users: userRes, groups: groupRes };
}

/** "Sales and Marketing" → ["Sales", "Marketing"]; "Research & Development, Legal" → three parts. */
export function splitOnAnd(phrase: string): string[] {
  return phrase
    .split(/\s*(?:,|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}
