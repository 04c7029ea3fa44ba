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
import type { Intent, IntentName } from './intent';
import { makeIntent } from './intent-build';
import { foldName } from './name-fold';
import { cleanGroup, usersSlot } from './slot-clean';
import { roleOf, type WordRole } from './verb-lexicon';

interface Word {
  start: number;
  end: number;
  raw: string;
  folded: string;
  role: WordRole | 'group' | 'address' | 'join' | undefined;
}

/** Phrases that act as one word ("look after" → manage), and what the reader leaves to the patterns. */
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\blook(?:s|ing)?\s+after\b/gi, 'manage'],
  [/\b(?:in\s+charge\s+of|take\s+over|takes\s+over|taking\s+over)\b/gi, 'manage'],
  [/\bget(?:ting)?\s+rid\s+of\b/gi, 'remove'],
  [/\bpart\s+of\b/gi, 'into'],
  [/\bout\s+of\b/gi, 'from'],
  [/\b(?:tell|show|let)\s+me(?:\s+know)?\b/gi, 'tell'],
  [/\bcheck\s+(?:if|whether)\b/gi, 'check'],
  [/\bhow\s+come\b/gi, 'why'],
  [/\bhow\s+many\s+(?:members|people|users|persons)\b/gi, 'who'],
  // A reason or a duration is not a name: "… because I'm the new controller", "… for 30 days".
  [
    /\s*,?\s*\b(?:because|as\s+(?:I|she|he|they)|so\s+(?:that\s+)?(?:I|she|he|they)|since\s+(?:I|she|he|they))\b.*$/gis,
    '',
  ],
  [/\bfor\s+(?:the\s+next\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|ten)\s+(?:days?|weeks?|months?)\b/gi, ''],
];

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[&,;]/gu;

/** The message with multi-word verbs rewritten to one word of the same length class (offsets change). */
export function rewritePhrases(text: string): string {
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
        out.push({
          start: span.start,
          end: span.end,
          raw: span.text,
          folded: '',
          role: span.kind === 'email' ? 'address' : 'group',
        });
      continue;
    }
    const folded = foldName(m[0]).replace(/ /g, '');
    const join = m[0] === '&' || m[0] === ',' || folded === 'and';
    out.push({ start: at, end: at + m[0].length, raw: m[0], folded, role: join ? 'join' : roleOf(folded) });
  }
  return out;
}

type Run = { first: number; last: number };

const nameLike = (w: Word) => w.role === undefined || w.role === 'address' || w.role === 'self';
const written = (w: Word) => w.role === 'address' || w.role === 'self' || /^\p{Lu}/u.test(w.raw);

/** A run with capitalised words keeps only them: "set Chen" → Chen, "Grace Taylor starts" → Grace Taylor. */
function trimToNames(words: readonly Word[], run: Run): Run {
  let first = run.first;
  let last = run.last;
  const inRun = words.slice(first, last + 1).filter(nameLike);
  if (!inRun.some(written) || inRun.every(written)) return run;
  while (first < last && !(nameLike(words[first] as Word) && written(words[first] as Word))) first += 1;
  while (last > first && !(nameLike(words[last] as Word) && written(words[last] as Word))) last -= 1;
  return { first, last };
}

/** Runs of words that may be a person's name: words of no role, joined by "and", "&" or commas. */
function personRuns(words: readonly Word[]): Run[] {
  const runs: Run[] = [];
  let open: Run | undefined;
  words.forEach((w, i) => {
    const name = nameLike(w);
    if (name && open) open.last = i;
    else if (name) runs.push((open = { first: i, last: i }));
    else if (w.role !== 'join' || !open) open = undefined;
  });
  return runs.map((r) => trimToNames(words, r));
}

/** Among runs before the verb, the closest one written with a capital (a name), else the closest. */
function subjectRun(words: readonly Word[], runs: Run[]): Run | undefined {
  return [...runs].reverse().find((r) => written(words[r.first] as Word)) ?? runs[runs.length - 1];
}

/** The run that plays the person: the one between the verb and the group, else the subject, else the first. */
function personOf(text: string, words: readonly Word[], verb: number, group: number): string | undefined {
  const runs = personRuns(words);
  const lo = Math.min(verb, group);
  const hi = Math.max(verb, group);
  const between = runs.find((r) => r.first > lo && r.last < hi);
  const before = subjectRun(
    words,
    runs.filter((r) => r.last < lo),
  );
  const run = between ?? before ?? runs[0];
  if (run === undefined) return undefined;
  return runText(text, words, run);
}

/** The words of a run as written: "I"/"I'd" as "me", quotes or brackets around it kept for the slot cleaner. */
function runText(text: string, words: readonly Word[], run: Run): string {
  let start = (words[run.first] as Word).start;
  let end = (words[run.last] as Word).end;
  if (/["'“‘]/.test(text[start - 1] ?? '') && /["'”’]/.test(text[end] ?? '')) [start, end] = [start - 1, end + 1];
  else if (/[>)\]]/.test(text[end] ?? '')) end += 1;
  let out = '';
  let at = start;
  for (const w of words.slice(run.first, run.last + 1)) {
    if (w.role !== 'self') continue;
    out += text.slice(at, w.start) + 'me';
    at = w.end;
  }
  return (out + text.slice(at, end)).replace(/['’]s$/i, '');
}

const ACTING: ReadonlySet<string> = new Set(['add', 'remove', 'own', 'access', 'join']);

/** Roles present outside the names, and where the first acting word is. */
function rolesOf(words: readonly Word[]): { has: Set<string>; verb: number } {
  const has = new Set<string>();
  let verb = -1;
  words.forEach((w, i) => {
    if (w.role === undefined || w.role === 'filler' || w.role === 'join') return;
    has.add(w.role);
    if (verb < 0 && ACTING.has(w.role)) verb = i;
  });
  return { has, verb };
}

/** "who owns G", "who's in G": a question about the group; "who added …" is history, not read here. */
function whoQuestion(has: ReadonlySet<string>): IntentName | undefined {
  if (has.has('add') || has.has('remove')) return undefined;
  if (has.has('own')) return 'listOwners';
  return has.has('towards') || has.has('be') ? 'listMembers' : undefined;
}

/** "the list of members of G", "show G's owners": a listing of the group. */
function listing(has: ReadonlySet<string>): IntentName | undefined {
  if (has.has('own')) return 'listOwners';
  return has.has('towards') ? 'listMembers' : undefined;
}

/** A yes/no or why question about one person: "is Lee in Legal", "does Ana own Sales", "why is Bob in Legal". */
function personQuestion(has: ReadonlySet<string>): IntentName | undefined {
  if (has.has('own')) return 'listOwners';
  return has.has('towards') || has.has('access') || has.has('be') ? 'checkMembership' : undefined;
}

/** A request about one person: add, remove, make owner, or (for oneself) ask for access. */
function personRequest(has: ReadonlySet<string>, self: boolean): IntentName | undefined {
  const negated = has.has('negation');
  if (has.has('own')) return negated || has.has('remove') ? 'removeOwners' : 'addOwners';
  if (has.has('remove')) return negated ? undefined : 'removeMembers';
  if (self && (has.has('join') || has.has('access'))) return negated ? undefined : 'requestAccess';
  if (has.has('add') || has.has('access') || has.has('join')) return negated ? undefined : 'addMembers';
  if (has.has('be') && has.has('towards')) return negated ? 'removeMembers' : 'addMembers';
  return undefined;
}

/** The intent the roles ask for, given whether a person is named and whether the message asks a question. */
function intentOf(
  has: ReadonlySet<string>,
  person: boolean,
  self: boolean,
  question: boolean,
  mayI: boolean,
): IntentName | undefined {
  if (has.has('other')) return undefined;
  if (has.has('who')) return whoQuestion(has);
  // "the list of members of G" lists; "let Pradeep manage the finance alerts list" is about Pradeep.
  if (has.has('list') && !has.has('add') && !has.has('remove') && (!person || self)) return listing(has);
  if (!person)
    return has.has('own') ? (has.has('add') ? 'addOwners' : has.has('remove') ? undefined : 'listOwners') : undefined;
  if (self && (has.has('join') || has.has('access') || mayI) && !has.has('negation')) return 'requestAccess';
  return question ? personQuestion(has) : personRequest(has, self);
}

const YES_NO = /^\s*(?:is|are|am|was|were|does|do|did|has|have|isn['’]?t|aren['’]?t|doesn['’]?t)\b/i;
const MAY_I = /^\s*(?:can|could|may)\s+i\b/i;
const CAN_SOMEONE = /^\s*(?:can|could|may)\s+(?!(?:you|u|ya|i|me|we)\b)\S/i;

/**
 * True when the message asks about a fact rather than for a change ("is Lee in Legal", "can Liam see Sales",
 * "why is Bob in Legal"); "could Bob be added to …" and "is possible to put …" ask for a change.
 */
function isQuestionText(text: string, has: ReadonlySet<string>): boolean {
  if (has.has('check') || has.has('explain')) return true;
  if (has.has('add') || has.has('remove') || has.has('join')) return false;
  return YES_NO.test(text) || CAN_SOMEONE.test(text);
}

/** "get Pat out of Legal", "throw Pat out of Legal": an adding verb with "from" before the group removes. */
function awayFromGroup(words: readonly Word[], group: number): boolean {
  for (let i = group - 1; i >= 0; i -= 1) {
    const role = (words[i] as Word).role;
    if (role === 'filler') continue;
    return role === 'away';
  }
  return false;
}

/** The group span as written, with the quotes around it when it was quoted ("add Ana to 'Legal Team'"). */
function groupPhrase(text: string, span: EntitySpan): string {
  const before = text[span.start - 1] ?? '';
  const after = text[span.end] ?? '';
  const quoted = /["'“‘«`]/.test(before) && /["'”’»`]/.test(after);
  const phrase = quoted ? text.slice(span.start - 1, span.end + 1) : span.text.replace(/\s+grps?$/i, '');
  return phrase.replace(/['’]s$/i, '');
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
  if (has.has('add') && !has.has('remove') && awayFromGroup(words, group)) has.add('remove');
  const person = personOf(rewritten, words, verb < 0 ? group : verb, group);
  const users = usersSlot(person);
  const self = users?.length === 1 && users[0] === 'me';
  const question = isQuestionText(rewritten, has);
  const name = intentOf(has, users !== undefined, self, question, MAY_I.test(rewritten));
  const groupSlot = cleanGroup(groupPhrase(rewritten, groups[0] as EntitySpan));
  if (name === undefined || groupSlot === undefined) return undefined;
  const aboutGroup = has.has('who') || (has.has('list') && (users === undefined || self));
  if (name === 'listMembers' || name === 'requestAccess' || (name === 'listOwners' && !users) || aboutGroup)
    return makeIntent(name, { groups: [groupSlot] });
  if (users === undefined) return name === 'addOwners' ? makeIntent(name, { groups: [groupSlot] }) : undefined;
  const explain = name === 'checkMembership' && has.has('explain') ? { explain: true } : {};
  return makeIntent(name, { users, groups: [groupSlot], ...explain });
}
