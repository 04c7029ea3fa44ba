/**
 * Where the directory's known names enter the parse (`parseIntent(text, { gazetteer })`, issue 23.2). The pattern
 * reading is kept when it names a group the directory knows; otherwise the message is read entities first
 * (entity-read.ts), sentence by sentence, and that reading wins when it names a known group. A reading that lacks
 * the group it needs gets the one the message names. Slot values stay the user's words. Pure.
 */
import type { Gazetteer } from './entity-gazetteer';
import { readByEntities, rewritePhrases } from './entity-read';
import { spotEntities } from './entity-spot';
import type { Intent, IntentName } from './intent';
import { makeIntent } from './intent-build';
import { isChatter, namedThings, splitSentences } from './message-text';
import { foldName, GENERIC_WORDS } from './name-fold';
import { cleanGroup } from './slot-clean';
import { normalizeUtterance } from './text-normalize';
import { roleOf } from './verb-lexicon';

/** Intents about named groups and people that the entity reading can give or complete. */
const ABOUT_GROUPS = new Set<IntentName>([
  'addMembers',
  'removeMembers',
  'addOwners',
  'removeOwners',
  'listMembers',
  'listOwners',
  'checkMembership',
  'requestAccess',
  'showGroup',
]);

const JOINS = new Set(['and', 'or', '&']);

/**
 * True when `phrase` is made of known groups' names ("Engineering Platform and Engineering All"), give or take
 * generic words around them.
 */
export function namesKnownGroup(phrase: string, gazetteer: Gazetteer): boolean {
  const spans = spotEntities(phrase, gazetteer).filter((s) => s.kind === 'group');
  if (spans.length === 0) return false;
  let rest = '';
  let at = 0;
  for (const s of spans) {
    rest += ' ' + phrase.slice(at, s.start);
    at = s.end;
  }
  const words = foldName(rest + ' ' + phrase.slice(at)).split(' ');
  return words.every((w) => w.length === 0 || GENERIC_WORDS.has(w) || JOINS.has(w));
}

const PRONOUN = /\b(?:him|her|them|he|she|they)\b/i;

/** "Pradeep is covering … Can you add him …": the pronoun read as the first person an earlier sentence names. */
function withAntecedent(sentence: string, earlier: readonly string[]): string {
  if (!PRONOUN.test(sentence)) return sentence;
  const person = earlier.flatMap((e) => namedThings(e)).find((t) => !t.group);
  return person ? sentence.replace(PRONOUN, person.text) : sentence;
}

/** The one entity reading of the message's asking sentences, or undefined when none or several read. */
function entityReading(text: string, gazetteer: Gazetteer): Intent | undefined {
  const sentences = splitSentences(text);
  const readings = sentences.flatMap((s, i) => {
    if (isChatter(s, i, sentences.length)) return [];
    const read = readByEntities(withAntecedent(s, sentences.slice(0, i)), gazetteer);
    return read ? [read] : [];
  });
  if (readings.length === 1) return readings[0];
  return readings.length === 0 && sentences.length > 1 ? readByEntities(text, gazetteer) : undefined;
}

/** True when the pattern reading already names a group the directory knows (or needs none). */
function patternHolds(intent: Intent, gazetteer: Gazetteer): boolean {
  if (intent.intent === 'unknown') return false;
  if (!ABOUT_GROUPS.has(intent.intent)) return true;
  const groups = intent.groups ?? [];
  if (groups.length === 0) return false;
  return groups.some((g) => namesKnownGroup(g, gazetteer));
}

/** The single group a message names (one span, one candidate), as the user wrote it. */
function onlyGroupPhrase(text: string, gazetteer: Gazetteer): string | undefined {
  const spans = spotEntities(text, gazetteer).filter((s) => s.kind === 'group');
  const names = new Set(spans.map((s) => s.candidates.map((c) => c.id).join('|')));
  return names.size === 1 && spans[0] !== undefined ? cleanGroup(spans[0].text) : undefined;
}

/** Fills a missing `groups` slot of an intent about groups from the one group the message names. */
function withMissingGroup(intent: Intent, text: string, gazetteer: Gazetteer): Intent {
  if (!ABOUT_GROUPS.has(intent.intent) || intent.groups !== undefined) return intent;
  const group = onlyGroupPhrase(text, gazetteer);
  if (group === undefined) return intent;
  const { intent: name, ...slots } = intent;
  return makeIntent(name, { ...slots, groups: [group] });
}

/**
 * The reading of the message `raw` (as typed: Teams markup, a pasted ticket or e-mail) through the directory's
 * names, given the pattern reading `intent` (see the module comment). Returns `intent` itself when the directory
 * adds nothing. Never throws.
 */
export function withDirectoryNames(intent: Intent, raw: string, gazetteer: Gazetteer): Intent {
  if (intent.intent === 'multi') return intent;
  if (patternHolds(intent, gazetteer)) {
    const complete = !ABOUT_GROUPS.has(intent.intent) || intent.groups !== undefined;
    return complete ? intent : withMissingGroup(intent, normalizeUtterance(raw), gazetteer);
  }
  const text = normalizeUtterance(raw);
  const read = entityReading(text, gazetteer);
  if (read === undefined || namesMore(intent, read)) return withMissingGroup(intent, text, gazetteer);
  return read;
}

/**
 * True when the pattern's group phrase holds the entity reading's group plus words that may name another group
 * ("Sales EMEA" is not Sales): the resolver then says it is not found and suggests the closest. Verbs and filler
 * around the name ("look after the portal access") do not count, nor lowercase words after a name the user wrote
 * with capitals ("Legal urgently"); a phrase typed all in lowercase ("sales emea") is taken as one name.
 */
function namesMore(pattern: Intent, read: Intent): boolean {
  const written = rewritePhrases(pattern.groups?.[0] ?? '');
  const phrase = foldName(written);
  const name = foldName(read.groups?.[0] ?? '');
  if (phrase.length === 0 || name.length === 0 || !phrase.includes(name)) return false;
  const lowercase = written === written.toLowerCase();
  const rest = written
    .split(/\s+/)
    .filter((w) => !name.split(' ').includes(foldName(w)))
    .filter((w) => foldName(w).length > 0 && !GENERIC_WORDS.has(foldName(w)) && roleOf(foldName(w)) === undefined);
  return rest.some((w) => lowercase || /[\p{Lu}\p{N}]/u.test(w));
}
