/**
 * The gazetteer: the names the directory knows (groups' display names and mail nicknames, people's display and
 * given names), indexed once so that spotting them in a message is a handful of map look-ups. Pure; built by
 * the turn from bot/directory's cached group-name index, or by tests from plain lists.
 */
import { foldName, GENERIC_WORDS, nameWords } from './name-fold';

/** A group as the gazetteer knows it. */
export interface GazetteerGroup {
  id: string;
  displayName: string;
  mailNickname?: string | null;
}

/** A person as the gazetteer knows them (only when the caller has them: the tenant is never listed for this). */
export interface GazetteerPerson {
  id: string;
  displayName: string;
  givenName?: string | null;
}

/** One name the spotter can find. */
export interface GazetteerEntry {
  kind: 'group' | 'person';
  id: string;
  /** The display name, as the directory spells it. */
  name: string;
  /** The folded words that must all appear (generic words such as "team" left out unless they are the whole name). */
  words: readonly string[];
  /** The whole display name folded, generic words kept: an exact reading wins over a reordered one. */
  folded: string;
}

/** Where a folded word occurs: entry index and the word's position in that entry. */
export interface WordHit {
  entry: number;
  word: number;
}

/** The index the spotter reads. Build it with {@link buildGazetteer}. */
export interface Gazetteer {
  readonly entries: readonly GazetteerEntry[];
  /** Folded word → where it occurs, packed as `entry * 32 + word` (names of more than 31 words are cut). */
  readonly words: ReadonlyMap<string, Int32Array>;
  /** Per entry, the bit mask of all its words (bit k = word k): an entry is covered when its hits fill it. */
  readonly fullMasks: Int32Array;
  /** Every distinct word, sorted: prefixes ("proj" → project) are a binary search. */
  readonly sortedWords: readonly string[];
  /** First letter + length → the words of that shape: one-typo matches compare a few words only. */
  readonly byShape: ReadonlyMap<string, readonly string[]>;
  /** Folded given name → the people who have it. */
  readonly givenNames: ReadonlyMap<string, readonly number[]>;
}

/** The empty gazetteer: the spotter then finds e-mail addresses only. */
export const EMPTY_GAZETTEER: Gazetteer = buildGazetteer({ groups: [] });

function entryWords(name: string): string[] {
  const all = nameWords(name);
  const content = all.filter((w) => !GENERIC_WORDS.has(w));
  return content.length > 0 ? content : all;
}

function addWord(map: Map<string, WordHit[]>, word: string, hit: WordHit): void {
  const list = map.get(word);
  if (list) list.push(hit);
  else map.set(word, [hit]);
}

/** The entries for a group: its display name, and its mail nickname when that reads differently. */
function groupEntries(g: GazetteerGroup): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  const words = entryWords(g.displayName);
  if (words.length > 0)
    out.push({ kind: 'group', id: g.id, name: g.displayName, words, folded: foldName(g.displayName) });
  const nick = g.mailNickname ? foldName(g.mailNickname) : '';
  if (nick.length > 1 && !nick.includes(' ') && words.join('') !== nick && words.join(' ') !== nick)
    out.push({ kind: 'group', id: g.id, name: g.displayName, words: [nick], folded: nick });
  return out;
}

/**
 * Indexes groups and people for {@link spotEntities}. Names that fold to nothing are skipped. Pure; never throws.
 */
export function buildGazetteer(input: {
  groups: readonly GazetteerGroup[];
  people?: readonly GazetteerPerson[];
}): Gazetteer {
  const entries: GazetteerEntry[] = [];
  for (const g of input.groups) entries.push(...groupEntries(g));
  const givenNames = new Map<string, number[]>();
  for (const p of input.people ?? []) {
    const words = nameWords(p.displayName);
    if (words.length === 0) continue;
    entries.push({ kind: 'person', id: p.id, name: p.displayName, words, folded: foldName(p.displayName) });
    const given = foldName(p.givenName ?? '') || words[0] || '';
    const list = givenNames.get(given);
    if (list) list.push(entries.length - 1);
    else givenNames.set(given, [entries.length - 1]);
  }
  const lists = new Map<string, WordHit[]>();
  entries.forEach((e, entry) => e.words.slice(0, 31).forEach((w, word) => addWord(lists, w, { entry, word })));
  const words = new Map<string, Int32Array>();
  for (const [w, hits] of lists)
    words.set(
      w,
      Int32Array.from(hits, (h) => h.entry * 32 + h.word),
    );
  const fullMasks = Int32Array.from(entries, (e) => (e.words.length >= 31 ? 0x7fffffff : (1 << e.words.length) - 1));
  const sortedWords = [...words.keys()].sort();
  const byShape = new Map<string, string[]>();
  for (const w of sortedWords) {
    if (w.length < 5) continue;
    const key = w[0] + String(w.length);
    const list = byShape.get(key);
    if (list) list.push(w);
    else byShape.set(key, [w]);
  }
  return { entries, words, fullMasks, sortedWords, byShape, givenNames };
}
