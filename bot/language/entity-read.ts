/**
 * Entities first (issue 23.2): a message read from what it names. The directory's group names are found first
 * (entity-spot.ts against the tenant's gazetteer), then the action from the words around them (verb-lexicon.ts,
 * typos allowed), then who plays which role from the prepositions and the word order: "get Lee onto the phoenix
 * project team", "let Johanna look after Vendor Portal Access", "For Design Team please to add the user Ana",
 * "Grace want to be owner in Finance Alerts". Slot values stay the user's words, as the pattern parse gives them;
 * the directory pass spells them as the directory does. Pure and deterministic; undefined when the message does
 * not read as one request about one named group.
 */
import type { Gazetteer } from './entity-gazetteer';
import { spotEntities, type EntitySpan } from './entity-spot';
import type { Intent } from './intent';
import { makeIntent } from './intent-build';
import { foldName } from './name-fold';
import { cleanGroup, usersSlot } from './slot-clean';
import { roleOf, type WordRole } from './verb-lexicon';

interface Word {
  start: number;
  end: number;
  folded: string;
  role: WordRole | 'group' | 'address' | 'join' | undefined;
}

/** Phrases that act as one word: "look after" → manage, "get rid of" → remove. */
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\blook(?:s|ing)?\s+after\b/gi, 'manage'],
  [/\b(?:in\s+charge\s+of|take\s+over|takes\s+over|taking\s+over)\b/gi, 'manage'],
  [/\bget(?:ting)?\s+rid\s+of\b/gi, 'remove'],
  [/\bpart\s+of\b/gi, 'into'],
  [/\bout\s+of\b/gi, 'from'],
  [/\b(?:tell|show|let)\s+me(?:\s+know)?\b/gi, 'tell'],
];

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[&,;]/gu;

/** The message with multi-word verbs rewritten to one word of the same length class (offsets change). */
function rewritePhrases(text: string): string {
  return PHRASES.reduce((t, [re, word]) => t.replace(re, word), text);
}

/** The words of `text`, each group span one word and each e-mail address one word. */
function wordsOf(text: string, spans: readonly EntitySpan[]): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const at = m.index;
    const span = spans.find((s) => at >= s.start && at < s.end);
    if (span) {
      if (out[out.length - 1]?.start !== span.start)
        out.push({ start: span.start, end: span.end, folded: '', role: span.kind === 'email' ? 'address' : 'group' });
      continue;
    }
    const folded = foldName(m[0]).replace(/ /g, '');
    const join = m[0] === '&' || m[0] === ',' || folded === 'and';
    out.push({ start: at, end: at + m[0].length, folded, role: join ? 'join' : roleOf(folded) });
  }
  return out;
}

/** Runs of words that may be a person's name: words of no role, joined by "and", "&" or commas. */
function personRuns(words: readonly Word[]): Array<{ first: number; last: number }> {
  const runs: Array<{ first: number; last: number }> = [];
  let open: { first: number; last: number } | undefined;
  words.forEach((w, i) => {
    const name = w.role === undefined || w.role === 'address';
    if (name && open) open.last = i;
    else if (name) runs.push((open = { first: i, last: i }));
    else if (w.role !== 'join' || !open) open = undefined;
  });
  return runs;
}

/** The run that plays the person: the one between the verb and the group, else the subject, else the first. */
function personOf(text: string, words: readonly Word[], verb: number, group: number): string | undefined {
  const runs = personRuns(words);
  const lo = Math.min(verb, group);
  const hi = Math.max(verb, group);
  const between = runs.find((r) => r.first > lo && r.last < hi);
  const before = runs.find((r) => r.last < lo);
  const run = between ?? before ?? runs[0];
  if (run === undefined)
    return words.some((w) => w.role === 'self' && (w.folded === 'me' || w.folded === 'i')) ? 'me' : undefined;
  return text.slice((words[run.first] as Word).start, (words[run.last] as Word).end);
}

/** Roles present outside the names, and where the first acting word is. */
function rolesOf(words: readonly Word[]): { has: Set<string>; verb: number } {
  const has = new Set<string>();
  let verb = -1;
  words.forEach((w, i) => {
    if (w.role === undefined || w.role === 'filler' || w.role === 'join') return;
    has.add(w.role);
    if (verb < 0 && (w.role === 'add' || w.role === 'remove' || w.role === 'own' || w.role === 'access')) verb = i;
  });
  return { has, verb };
}

/** "who owns G", "who's in G": a question about the group; "who added …" is history, not read here. */
function whoQuestion(has: Set<string>): Intent['intent'] | undefined {
  if (has.has('add') || has.has('remove')) return undefined;
  if (has.has('own')) return 'listOwners';
  return has.has('towards') || has.has('be') ? 'listMembers' : undefined;
}

/** The intent the roles ask for, given whether a person is named. */
function intentOf(has: Set<string>, person: boolean, question: boolean): Intent['intent'] | undefined {
  const negated = has.has('negation');
  if (has.has('who')) return whoQuestion(has);
  if (has.has('own')) {
    if (!person) return has.has('add') || has.has('remove') ? undefined : 'listOwners';
    if (question && !has.has('add')) return 'listOwners';
    return negated || has.has('remove') ? 'removeOwners' : 'addOwners';
  }
  if (!person) return has.has('who') && has.has('towards') ? 'listMembers' : undefined;
  if (has.has('remove')) return negated ? undefined : 'removeMembers';
  if (has.has('add') || has.has('access')) return negated ? undefined : 'addMembers';
  if (has.has('be') && has.has('towards'))
    return question ? 'checkMembership' : negated ? 'removeMembers' : 'addMembers';
  return undefined;
}

/** True when the message is a yes/no or wh- question ("is Lee in Legal?", "does Grace own Sales"). */
function isQuestionText(text: string): boolean {
  return /\?\s*$/.test(text) || /^\s*(?:is|are|does|do|who|whos|who's)\b/i.test(text);
}

/**
 * Reads `text` as one request about the one group it names (see the module comment). Returns undefined when no
 * known group, two different groups, no action word, or no clear person is found. Never throws.
 */
export function readByEntities(text: string, gazetteer: Gazetteer): Intent | undefined {
  const rewritten = rewritePhrases(text);
  const spans = spotEntities(rewritten, gazetteer).filter((s) => s.kind !== 'person');
  const groups = spans.filter((s) => s.kind === 'group');
  if (groups.length !== 1) return undefined;
  const words = wordsOf(rewritten, spans);
  const group = words.findIndex((w) => w.role === 'group');
  const { has, verb } = rolesOf(words);
  const person = personOf(rewritten, words, verb < 0 ? group : verb, group);
  const question = isQuestionText(rewritten);
  const name = intentOf(has, person !== undefined, question);
  const groupSlot = cleanGroup((groups[0] as EntitySpan).text.replace(/\s+grps?$/i, ''));
  if (name === undefined || groupSlot === undefined) return undefined;
  if (name === 'listMembers' || (name === 'listOwners' && (person === undefined || has.has('who'))))
    return makeIntent(name, { groups: [groupSlot] });
  const users = usersSlot(person);
  if (users === undefined) return undefined;
  if (name === 'addMembers' && users.length === 1 && users[0] === 'me' && has.has('access'))
    return makeIntent('requestAccess', { groups: [groupSlot] });
  return makeIntent(name, { users, groups: [groupSlot] });
}
