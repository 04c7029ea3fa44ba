/**
 * Entities first: the spans of a message that name something the directory knows (groups, people) or that are
 * e-mail addresses, read against a {@link Gazetteer}. Accent-, case- and word-order-insensitive ("the phoenix
 * project team" → Project Phoenix), tolerant of generic words around a name ("the … group", "grp …"), of
 * abbreviations (a prefix that fits one word only, or a common business abbreviation such as "mktg"), of one
 * typo in a long word, and of first names and common nicknames ("Deb" → Debra Berger). Pure, deterministic,
 * a few map look-ups per word.
 */
import type { Gazetteer, GazetteerEntry } from './entity-gazetteer';
import { ABBREVIATIONS, COMMON_WORDS, foldName, GENERIC_WORDS, JOINING_WORDS } from './name-fold';
import { formalNames } from './nicknames';
import { editDistance } from './typo-fix';

/** How a span matched its entry, best first. */
export type SpanMatch = 'exact' | 'reordered' | 'abbreviated' | 'typo' | 'firstName' | 'nickname' | 'address';

/** A known thing the message names. */
export interface EntitySpan {
  kind: 'group' | 'person' | 'email';
  /** Offsets in the text (`text.slice(start, end)` is what was written, generic words around it included). */
  start: number;
  end: number;
  text: string;
  match: SpanMatch;
  /** What the span names: one candidate, or several when the directory has two equally good readings. */
  candidates: Array<{ id: string; name: string }>;
}

interface Token {
  start: number;
  end: number;
  raw: string;
  folded: string;
}

interface WordMatch {
  word: string;
  quality: number;
}

interface Candidate {
  entry: number;
  first: number;
  last: number;
  hits: number;
  quality: number;
  match: SpanMatch;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;

function tokenize(text: string, skip: ReadonlyArray<[number, number]>): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index;
    if (skip.some(([a, b]) => start >= a && start < b)) continue;
    const raw = m[0].replace(/['’]s$/i, '');
    const folded = ASCII_WORD.test(raw) ? raw.toLowerCase() : foldName(raw).replace(/ /g, '');
    out.push({ start, end: start + m[0].length, raw, folded });
  }
  return out;
}

/** The gazetteer word a message word reads as, beyond an exact match: abbreviation, unique prefix, one typo. */
function looseWord(g: Gazetteer, w: string): WordMatch | undefined {
  const abbreviated = ABBREVIATIONS[w];
  if (abbreviated !== undefined && g.words.has(abbreviated)) return { word: abbreviated, quality: 0.8 };
  if (w.length < 3 || COMMON_WORDS.has(w)) return undefined;
  const prefixed = uniquePrefixed(g.sortedWords, w);
  if (prefixed !== undefined) return { word: prefixed, quality: 0.75 };
  if (w.length < 6) return undefined;
  for (let len = w.length - 1; len <= w.length + 1; len += 1) {
    const near = (g.byShape.get(w[0] + String(len)) ?? []).filter((c) => editDistance(w, c, 1) <= 1);
    if (near.length === 1) return { word: near[0] as string, quality: 0.7 };
  }
  return undefined;
}

/** The one word of `sorted` that `w` is a proper prefix of; undefined when none or several. */
function uniquePrefixed(sorted: readonly string[], w: string): string | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < w) lo = mid + 1;
    else hi = mid;
  }
  const first = sorted[lo];
  if (first === undefined || !first.startsWith(w) || first === w) return undefined;
  const second = sorted[lo + 1];
  return second !== undefined && second.startsWith(w) ? undefined : first;
}

function wordMatch(g: Gazetteer, token: Token): WordMatch | undefined {
  const w = token.folded;
  return g.words.has(w) ? { word: w, quality: 1 } : looseWord(g, w);
}

function isGlue(token: Token): boolean {
  return GENERIC_WORDS.has(token.folded) || JOINING_WORDS.has(token.folded) || token.raw === '&';
}

type Hit = { token: number; word: number; quality: number };

/**
 * The entries every word of which some message word matches: one bit per word in a typed array (no allocation
 * per hit), so that only those few entries are looked at closely.
 */
function coveredEntries(g: Gazetteer, matches: ReadonlyArray<WordMatch | undefined>): number[] {
  const masks = new Int32Array(g.entries.length);
  const out: number[] = [];
  for (const m of matches) {
    if (m === undefined) continue;
    const postings = g.words.get(m.word);
    if (postings === undefined) continue;
    for (let i = 0; i < postings.length; i += 1) {
      const packed = postings[i] as number;
      const entry = packed >> 5;
      const before = masks[entry] as number;
      const after = before | (1 << (packed & 31));
      if (after === before) continue;
      masks[entry] = after;
      if (after === g.fullMasks[entry]) out.push(entry);
    }
  }
  return out;
}

/** The message words that hit an entry's words, in text order. */
function hitsOf(g: Gazetteer, entry: number, matches: ReadonlyArray<WordMatch | undefined>): Hit[] {
  const out: Hit[] = [];
  matches.forEach((m, token) => {
    if (m === undefined) return;
    for (const packed of g.words.get(m.word) ?? [])
      if (packed >> 5 === entry) out.push({ token, word: packed & 31, quality: m.quality });
  });
  return out;
}

/** The runs of tokens (hits or glue between hits) that cover every word of the entry. */
function entryCandidates(
  entry: GazetteerEntry,
  index: number,
  hits: Hit[],
  tokens: readonly Token[],
  text: string,
): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < hits.length) {
    let j = i;
    const seen = new Set<number>([(hits[i] as Hit).word]);
    // A word of the name seen again starts another mention ("Engineering Platform and Engineering All").
    while (
      j + 1 < hits.length &&
      !seen.has((hits[j + 1] as Hit).word) &&
      gapIsGlue(tokens, (hits[j] as Hit).token, (hits[j + 1] as Hit).token)
    )
      seen.add((hits[++j] as Hit).word);
    const run = hits.slice(i, j + 1);
    const covered = new Set(run.map((h) => h.word));
    if (covered.size === entry.words.length) out.push(candidateOf(entry, index, run, tokens, text));
    i = j + 1;
  }
  return out;
}

function gapIsGlue(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k += 1) if (!isGlue(tokens[k] as Token)) return false;
  return b - a <= 3;
}

function candidateOf(
  entry: GazetteerEntry,
  index: number,
  run: Hit[],
  tokens: readonly Token[],
  text: string,
): Candidate {
  const quality = Math.min(...run.map((h) => h.quality));
  const inOrder = run.every((h, k) => k === 0 || h.word >= (run[k - 1] as Hit).word);
  const first = (run[0] as { token: number }).token;
  const last = (run[run.length - 1] as { token: number }).token;
  const match: SpanMatch = quality < 0.75 ? 'typo' : quality < 1 ? 'abbreviated' : inOrder ? 'exact' : 'reordered';
  const allCommon = run.every((h) => COMMON_WORDS.has((tokens[h.token] as Token).folded));
  const capitalised = run.some((h) => /^\p{Lu}/u.test((tokens[h.token] as Token).raw));
  const plain = allCommon && !capitalised ? 1 : 0;
  const bonus = (inOrder ? 0.02 : 0) + (exactFold(entry, tokens, text, first, last) ? 0.05 : 0);
  return {
    entry: index,
    first,
    last,
    hits: new Set(run.map((h) => h.word)).size,
    quality: quality + bonus - plain,
    match,
  };
}

/** True when the written words, generic ones around them included, fold to the entry's whole name ("Design Team"). */
function exactFold(
  entry: GazetteerEntry,
  tokens: readonly Token[],
  text: string,
  first: number,
  last: number,
): boolean {
  const [a, b] = widen(tokens, text, first, last);
  const words = tokens.slice(a, b + 1).map((t) => t.folded);
  if (words[0] === 'the' && entry.folded.split(' ')[0] !== 'the') words.shift();
  return words.join(' ') === entry.folded;
}

/** First names and nicknames alone ("Deb", "Izzy"): every person with that given name is a candidate. */
function firstNameCandidates(g: Gazetteer, tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  if (g.givenNames.size === 0) return out;
  tokens.forEach((t, token) => {
    if (COMMON_WORDS.has(t.folded) && !(token > 0 && /^\p{Lu}/u.test(t.raw))) return;
    const direct = g.givenNames.get(t.folded) ?? [];
    for (const entry of direct)
      out.push({ entry, first: token, last: token, hits: 1, quality: 0.6, match: 'firstName' });
    if (direct.length > 0) return;
    for (const formal of formalNames(t.folded))
      for (const entry of g.givenNames.get(formal) ?? [])
        out.push({ entry, first: token, last: token, hits: 1, quality: 0.5, match: 'nickname' });
  });
  return out;
}

/** Best first: more words of a name, then a better match, then earlier. */
function byStrength(a: Candidate, b: Candidate): number {
  return b.hits - a.hits || b.quality - a.quality || a.first - b.first || a.last - b.last || a.entry - b.entry;
}

/** Widens a span over a leading "the"/"group" and trailing generic words ("the phoenix project team"). */
function widen(tokens: readonly Token[], text: string, first: number, last: number): [number, number] {
  let a = first;
  let b = last;
  const spaced = (x: number) => /^\s+$/.test(text.slice((tokens[x] as Token).end, (tokens[x + 1] as Token).start));
  while (a > 0 && GENERIC_WORDS.has((tokens[a - 1] as Token).folded) && spaced(a - 1)) a -= 1;
  while (
    b + 1 < tokens.length &&
    GENERIC_WORDS.has((tokens[b + 1] as Token).folded) &&
    (tokens[b + 1] as Token).folded !== 'the' &&
    spaced(b)
  )
    b += 1;
  return [a, b];
}

/** Keeps the strongest non-overlapping candidates; equal ones on the same words become one span with several readings. */
function pickSpans(g: Gazetteer, tokens: readonly Token[], text: string, all: Candidate[]): EntitySpan[] {
  const sorted = all.filter((c) => c.quality > 0.45).sort(byStrength);
  const taken: boolean[] = new Array<boolean>(tokens.length).fill(false);
  const spans: EntitySpan[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const c = sorted[i] as Candidate;
    if (taken.slice(c.first, c.last + 1).some(Boolean)) continue;
    const kind = (g.entries[c.entry] as GazetteerEntry).kind;
    const same = sorted.filter(
      (o) =>
        o.first === c.first &&
        o.last === c.last &&
        o.hits === c.hits &&
        Math.abs(o.quality - c.quality) < 1e-9 &&
        (g.entries[o.entry] as GazetteerEntry).kind === kind,
    );
    const seen = new Set<string>();
    const candidates = same
      .map((o) => g.entries[o.entry] as GazetteerEntry)
      .filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)))
      .map((e) => ({ id: e.id, name: e.name }));
    const [a, b] = kind === 'group' ? widen(tokens, text, c.first, c.last) : [c.first, c.last];
    for (let k = a; k <= b; k += 1) taken[k] = true;
    const start = (tokens[a] as Token).start;
    const end = (tokens[b] as Token).end;
    spans.push({ kind, start, end, text: text.slice(start, end), match: c.match, candidates });
  }
  return spans;
}

/**
 * The spans of `text` that name known groups or people, and its e-mail addresses, in text order. Overlapping
 * readings keep the one that covers more of a name, then the better match; two entries read equally well on
 * the same words give one span with both as candidates (ask which). Pure and deterministic; never throws.
 */
export function spotEntities(text: string, gazetteer: Gazetteer): EntitySpan[] {
  const emails: EntitySpan[] = [];
  const skip: Array<[number, number]> = [];
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
    const address = m[0].replace(/\.+$/, '');
    emails.push({
      kind: 'email',
      start: m.index,
      end: m.index + address.length,
      text: address,
      match: 'address',
      candidates: [],
    });
    skip.push([m.index, m.index + m[0].length]);
  }
  const tokens = tokenize(text, skip);
  const candidates: Candidate[] = [];
  const matches = tokens.map((t) => wordMatch(gazetteer, t));
  for (const index of coveredEntries(gazetteer, matches)) {
    const hits = hitsOf(gazetteer, index, matches);
    candidates.push(...entryCandidates(gazetteer.entries[index] as GazetteerEntry, index, hits, tokens, text));
  }
  candidates.push(...firstNameCandidates(gazetteer, tokens));
  return [...emails, ...pickSpans(gazetteer, tokens, text, candidates)].sort((a, b) => a.start - b.start);
}
