/**
 * The keyword pre-filter (issue 23.5): each matcher declares the words it needs (prefixes: "own" stands for
 * "owns", "owner", "owned"; a one-letter keyword such as "i" is a whole word); a clause reaches a matcher's regular expressions only when one of them starts a word
 * of the clause. Messages that match nothing are rejected after one pass over their words, not every regex.
 */
import type { Intent } from '../intent';
import type { Utterance } from '../quote-mask';
import type { Matcher } from './matcher';

/** A matcher with the word prefixes it needs. */
export interface KeyedMatcher {
  readonly match: Matcher;
  /** Space-separated word prefixes, lower case; the matcher runs when a word of the clause starts with one. */
  readonly needs: string;
  /** A cheap test for clauses without a keyword that the matcher still reads (a bare id). */
  readonly also?: RegExp;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Prefix → the indexes of the matchers that need it; built once for a matcher list. */
export interface KeywordIndex {
  readonly matchers: readonly KeyedMatcher[];
  readonly byPrefix: ReadonlyMap<string, readonly number[]>;
  /** The distinct prefix lengths, longest first. */
  readonly lengths: readonly number[];
}

/** Indexes a matcher list by its keywords. Throws when a matcher declares no keyword. */
export function indexKeywords(matchers: readonly KeyedMatcher[]): KeywordIndex {
  const byPrefix = new Map<string, number[]>();
  matchers.forEach((m, i) => {
    const words = m.needs.split(/\s+/).filter(Boolean);
    if (words.length === 0) throw new Error(`matcher ${i} declares no keyword`);
    for (const w of words) {
      const list = byPrefix.get(w) ?? [];
      if (!list.includes(i)) list.push(i);
      byPrefix.set(w, list);
    }
  });
  const lengths = [...new Set([...byPrefix.keys()].map((k) => k.length))].sort((a, b) => b - a);
  return { matchers, byPrefix, lengths };
}

/** Which matchers of the index may match the clause: one flag per matcher. A clause without words reaches all. */
export function eligible(index: KeywordIndex, masked: string): boolean[] {
  const words = masked.toLowerCase().match(WORD);
  if (!words) return index.matchers.map(() => true);
  const out = index.matchers.map((m) => m.also !== undefined && m.also.test(masked));
  for (const word of words) {
    for (const len of index.lengths) {
      // A one-letter keyword ("i", "k", "h") is a whole word, not a prefix of every word with that letter.
      if (len > word.length || (len === 1 && word.length > 1)) continue;
      const hits = index.byPrefix.get(len === word.length ? word : word.slice(0, len));
      if (hits) for (const i of hits) out[i] = true;
    }
  }
  return out;
}

/** The first matcher (in order) that reads the clause, trying only those whose keywords it has. */
export function firstMatch(index: KeywordIndex, u: Utterance): Intent | undefined {
  const ok = eligible(index, u.masked);
  for (let i = 0; i < index.matchers.length; i += 1) {
    if (!ok[i]) continue;
    const intent = (index.matchers[i] as KeyedMatcher).match(u);
    if (intent) return intent;
  }
  return undefined;
}
