/**
 * Reading a whole message: sentences and clauses, chatter dropped, pronouns resolved to the people and groups
 * the message names, the asking clause chosen, and a second request kept as a second step.
 */
import type { Intent, IntentName } from './intent';
import { makeIntent } from './intent-build';
import { isQuestion } from './intent-table';
import { maskQuotes } from './quote-mask';
import { cleanGroup, usersSlot } from './slot-clean';
import {
  continuesRequest,
  dropParentheticals,
  GROUP_PRONOUN,
  isAsking,
  isChatter,
  namedThings,
  PERSON_PRONOUN,
  splitClauses,
  splitSentences,
} from './message-text';

interface Segment {
  text: string;
  sentence: number;
  joint: 'start' | 'comma' | 'and' | 'then' | 'semicolon' | 'remark';
  asking: boolean;
  intent: Intent;
}

const NOT_ACTIONABLE = new Set<IntentName>(['unknown', 'smallTalk', 'help', 'cancel']);
const TAKES_USERS = new Set<IntentName>([
  'addMembers',
  'removeMembers',
  'addOwners',
  'removeOwners',
  'checkMembership',
  'listUserGroups',
]);
const TAKES_GROUPS = new Set<IntentName>([
  'addMembers',
  'removeMembers',
  'addOwners',
  'removeOwners',
  'checkMembership',
  'listMembers',
  'listOwners',
  'renameGroup',
  'updateGroup',
  'deleteGroup',
  'restoreGroup',
  'showGroup',
  'showRule',
  'assignLicense',
  'removeLicense',
  'listLicenses',
  'requestAccess',
  'showHistory',
  'watchGroup',
  'unwatchGroup',
  'membersAt',
  'restoreMembers',
]);

/** The messages' clauses in order, chatter left out. */
function segmentsOf(text: string): Array<Omit<Segment, 'intent'>> {
  const sentences = splitSentences(dropParentheticals(text));
  const out: Array<Omit<Segment, 'intent'>> = [];
  sentences.forEach((sentence, s) => {
    if (isChatter(sentence, s, sentences.length)) return;
    const clauses = splitClauses(sentence);
    clauses.forEach((clause, c) => {
      if (isChatter(clause.text, c === 0 ? s : 1, c === 0 ? sentences.length : 0)) return;
      const asking =
        clause.joint === 'remark'
          ? false
          : c === 0 || clause.joint === 'start'
            ? isAsking(clause.text) || (c === 0 && /\?\s*$/.test(sentence))
            : true;
      out.push({ text: clause.text, sentence: s, joint: clause.joint, asking });
    });
  });
  return out;
}

function firstPerson(parsed: Segment[], all: Array<Omit<Segment, 'intent'>>, self: number): string | undefined {
  for (let i = parsed.length - 1; i >= 0; i -= 1) {
    const users = parsed[i]?.intent.users?.filter((u) => u !== 'me');
    if (users && users.length > 0) return users.join(' and ');
  }
  for (let i = 0; i < all.length; i += 1) {
    if (i === self) continue;
    const person = namedThings(all[i]?.text ?? '').find((t) => !t.group);
    if (person) return person.text;
  }
  return undefined;
}

function firstGroup(parsed: Segment[], all: Array<Omit<Segment, 'intent'>>, self: number): string | undefined {
  for (let i = parsed.length - 1; i >= 0; i -= 1) {
    const g = parsed[i]?.intent.groups?.[0];
    if (g !== undefined) return g;
  }
  for (let i = 0; i < all.length; i += 1) {
    if (i === self) continue;
    const group = namedThings(all[i]?.text ?? '').find((t) => t.group);
    if (group) return group.text;
  }
  return undefined;
}

/** "her groups", "his own memberships": a possessive that stays as written ("remove her from all her groups"). */
const POSSESSIVE = /^(?:his|her|their)\s+(?:own\s+)?(?:groups|memberships|teams|access)\b/i;

/** Replaces "her"/"him"/"it" in a clause with the person or group named elsewhere in the message. */
function resolvePronouns(text: string, parsed: Segment[], all: Array<Omit<Segment, 'intent'>>, self: number): string {
  let out = text;
  PERSON_PRONOUN.lastIndex = 0;
  if (PERSON_PRONOUN.test(out)) {
    const person = firstPerson(parsed, all, self);
    if (person !== undefined)
      out = out.replace(PERSON_PRONOUN, (m: string, at: number) => (POSSESSIVE.test(out.slice(at)) ? m : person));
  }
  GROUP_PRONOUN.lastIndex = 0;
  if (GROUP_PRONOUN.test(out)) {
    const group = firstGroup(parsed, all, self);
    if (group !== undefined) out = out.replace(GROUP_PRONOUN, (_m, prep: string) => `${prep} ${group}`);
  }
  return out;
}

function fillFrom(intent: Intent, sources: Intent[]): Intent {
  let users = intent.users;
  let groups = intent.groups;
  for (const s of sources) {
    if (
      users === undefined &&
      TAKES_USERS.has(intent.intent) &&
      s.users &&
      TAKES_USERS.has(s.intent) &&
      s.intent !== 'listUserGroups'
    )
      users = s.users;
    if (groups === undefined && TAKES_GROUPS.has(intent.intent) && s.groups) groups = s.groups;
  }
  if (users === intent.users && groups === intent.groups) return intent;
  const { intent: name, ...slots } = intent;
  return makeIntent(name, { ...slots, users, groups });
}

/** Fills a still missing group or person from the names other clauses mention ("Ana still shows in Design Team"). */
function fillFromNames(intent: Intent, all: Array<Omit<Segment, 'intent'>>, self: number): Intent {
  const needsGroup = intent.groups === undefined && TAKES_GROUPS.has(intent.intent);
  const needsUser = intent.users === undefined && TAKES_USERS.has(intent.intent) && intent.intent !== 'listUserGroups';
  if (!needsGroup && !needsUser) return intent;
  const names = all.flatMap((seg, i) => (i === self ? [] : namedThings(seg.text)));
  const found = needsGroup ? names.find((n) => n.group)?.text : undefined;
  const group = found === undefined ? undefined : cleanGroup(found);
  const user = needsUser ? names.find((n) => !n.group)?.text : undefined;
  if (group === undefined && user === undefined) return intent;
  const { intent: name, ...slots } = intent;
  return makeIntent(name, {
    ...slots,
    ...(group !== undefined ? { groups: [group] } : {}),
    ...(user !== undefined ? { users: [user] } : {}),
  });
}

const ELLIPTICAL_PERSON = /^(?:and\s+|or\s+)?(?:is|was)\s+(?<u>[^?\s][^?]*?)(?:\s+(?:too|as\s+well))?\s*\??$/i;

/**
 * An elliptical second question that repeats the previous one for another person ("is Nestor in Sales? and is
 * Raul?"): the previous membership check with the new person, or undefined.
 */
function elliptical(text: string, previous: Intent | undefined): Intent | undefined {
  if (previous?.intent !== 'checkMembership' || previous.groups === undefined) return undefined;
  const users = usersSlot(ELLIPTICAL_PERSON.exec(text.trim())?.groups?.['u']);
  return users ? makeIntent('checkMembership', { users, groups: previous.groups }) : undefined;
}

/** "the falcon project — who's in it?", "Finance Readers: when does it expire": a topic, then a question about it. */
const TOPIC_FIRST =
  /^(?<topic>[^\n—–:?!.]{2,80}?)\s*(?:[—–:]|\s-)\s+(?<rest>(?:who|whom|whose|what|which|when|where|how|is|are|was|were|does|do|did|has|have|can|could|will)\b[^\n]*?\b(?:it|its)\b[^\n]*)$/i;
const IT_WORD = /\b(?:it|its)\b(?!['’])/gi;

/**
 * The question with "it" replaced by the topic written before it, or undefined when the text does not open with a
 * topic (the part before the dash or colon must not be a request of its own).
 */
function topicFirst(text: string, parse: (clause: string) => Intent): string | undefined {
  if (!/[—–:]|\s-\s/.test(text)) return undefined;
  const m = TOPIC_FIRST.exec(maskQuotes(text));
  const topic = m?.groups?.['topic']?.trim();
  const rest = m?.groups?.['rest'];
  if (topic === undefined || rest === undefined || parse(topic).intent !== 'unknown') return undefined;
  const original = text.slice(text.length - rest.length);
  return original.replace(IT_WORD, (w) => (/s$/i.test(w) ? `${topic}'s` : topic));
}

function sameIntent(a: Intent, b: Intent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Reads a normalised message: returns the asking clause's intent (pronouns and missing people or groups
 * filled from the rest of the message), or `multi` with the steps when it asks for several things.
 * `parse` reads one clause; `single` is the whole text's intent when it is already known.
 */
export function readSegments(message: string, parse: (clause: string) => Intent, whole?: Intent): Intent {
  const topical = topicFirst(message, parse);
  const text = topical ?? message;
  const single = topical === undefined ? whole : undefined;
  const raw = segmentsOf(text);
  if (raw.length === 0) return single ?? parse(text);
  if (raw.length === 1 && single !== undefined && raw[0]?.text === text) return single;
  const parsed: Segment[] = [];
  raw.forEach((seg, i) => {
    const resolved = resolvePronouns(seg.text, parsed, raw, i);
    const intent = parse(resolved);
    const previous = parsed[parsed.length - 1]?.intent;
    parsed.push({ ...seg, intent: intent.intent === 'unknown' ? (elliptical(resolved, previous) ?? intent) : intent });
  });
  const actionable = parsed.filter((p) => !NOT_ACTIONABLE.has(p.intent.intent));
  if (actionable.length === 0)
    return parsed.find((p) => p.intent.intent !== 'unknown')?.intent ?? makeIntent('unknown');
  const primary = actionable.find((p) => p.asking) ?? (actionable[0] as Segment);
  const chosen: Segment[] = [primary];
  for (const p of actionable) {
    if (parsed.indexOf(p) <= parsed.indexOf(chosen[chosen.length - 1] as Segment) || !p.asking) continue;
    const sameSentence = p.sentence === (chosen[chosen.length - 1] as Segment).sentence && p.joint !== 'remark';
    const bothQuestions = isQuestion(primary.intent.intent) && isQuestion(p.intent.intent);
    if (sameSentence || bothQuestions || continuesRequest(p.text)) chosen.push(p);
    else break;
  }
  const context = actionable.filter((p) => !chosen.includes(p)).map((p) => p.intent);
  const steps: Intent[] = [];
  chosen.forEach((seg, i) => {
    const expanded = seg.intent.intent === 'multi' ? (seg.intent.steps ?? []) : [seg.intent];
    for (const step of expanded) {
      const neighbours = [
        ...steps.slice().reverse(),
        ...chosen.slice(i + 1).flatMap((c) => (c.intent.intent === 'multi' ? (c.intent.steps ?? []) : [c.intent])),
        ...context,
      ];
      const filled = fillFromNames(fillFrom(step, neighbours), raw, parsed.indexOf(seg));
      if (!steps.some((s) => sameIntent(s, filled))) steps.push(filled);
    }
  });
  if (steps.length === 1) return steps[0] as Intent;
  return makeIntent('multi', { steps });
}
