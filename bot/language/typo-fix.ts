/**
 * Typo tolerance for the bot's own vocabulary ("memebrs", "ownes", "wich", "remvoe"): a word that is not the
 * bot's and lies within a small edit distance of one of its words is replaced by it. People's and groups' names
 * are never touched: capitalised words (but the first), words inside quotes, words with digits, "@" or
 * apostrophes, and the word right after a verb that takes a person or a preposition that takes a group
 * ("add lisa", "to legal") are left as typed. The directory resolver handles misspelt names.
 */
import { maskQuotes, MASK } from './quote-mask';

/** Words the bot reads (the correction targets), five letters or more. */
const VOCABULARY = [
  'remove',
  'delete',
  'restore',
  'rename',
  'members',
  'member',
  'membership',
  'owners',
  'owner',
  'which',
  'groups',
  'group',
  'licenses',
  'license',
  'licences',
  'licence',
  'assign',
  'access',
  'history',
  'requests',
  'request',
  'approvals',
  'approval',
  'pending',
  'security',
  'deleted',
  'cancel',
  'description',
  'private',
  'public',
  'dynamic',
  'undelete',
  'approve',
  'details',
  'hygiene',
  'digest',
];

/** Short or ambiguous misspellings, fixed by table (never by distance). */
const ALIASES: Record<string, string> = {
  whos: "who's",
  wich: 'which',
  whcih: 'which',
  wihch: 'which',
  teh: 'the',
  hte: 'the',
  wats: "what's",
  whats: "what's",
  ownz: 'owns',
  onws: 'owns',
  owsn: 'owns',
  ownes: 'owns',
  shwo: 'show',
  shw: 'show',
  sohw: 'show',
  lsit: 'list',
  lst: 'list',
  addd: 'add',
  jion: 'join',
  hlep: 'help',
  hepl: 'help',
  halp: 'help',
  hwo: 'who',
  woh: 'who',
  udno: 'undo',
  rlue: 'rule',
  ruel: 'rule',
  grup: 'group',
  gruop: 'group',
  grp: 'group',
  grups: 'groups',
  gropus: 'groups',
  grps: 'groups',
  ownr: 'owner',
  ownrs: 'owners',
  memebr: 'member',
  memeber: 'member',
  membr: 'member',
  cancle: 'cancel',
  remov: 'remove',
  delet: 'delete',
  acces: 'access',
  acess: 'access',
  reqeusts: 'requests',
  aprovals: 'approvals',
  liscenses: 'licenses',
  im: "I'm",
  dont: "don't",
  doesnt: "doesn't",
  shouldnt: "shouldn't",
  isnt: "isn't",
  cant: "can't",
  didnt: "didn't",
};

/** English words near the vocabulary that must stay as they are. */
const KNOWN = new Set([
  'owned',
  'owning',
  'owners',
  'grown',
  'grows',
  'group',
  'witch',
  'sending',
  'spending',
  'depleted',
  'cancer',
  'publics',
  'privates',
  'removed',
  'removes',
  'deletes',
  'restored',
  'restores',
  'renamed',
  'renames',
  'assigned',
  'assigns',
  'accessed',
  'requested',
  'approved',
  'approves',
  'detail',
  'members',
  'member',
  'remover',
  'renamer',
  'powers',
  'towers',
  'mowers',
  'rowers',
  'lowers',
  'answer',
  'answers',
  'others',
  'oyster',
  'ponder',
  'lender',
  'render',
  'member',
  'embers',
  'number',
  'numbers',
  'remote',
  'rebate',
  'relate',
  'delta',
  'delay',
  'debate',
  'excess',
  'recess',
  'abscess',
  'assist',
  'assert',
  'resign',
  'design',
  'designs',
  'dynamo',
  'republic',
]);

/** Words after which the next word is a person or a group name: never corrected. */
const NAME_SLOT = new Set([
  'add',
  'remove',
  'put',
  'make',
  'is',
  'are',
  'does',
  'do',
  'has',
  'have',
  'kick',
  'take',
  'give',
  'let',
  'grant',
  'invite',
  'get',
  'can',
  'could',
  'should',
  'why',
  'to',
  'from',
  'in',
  'into',
  'of',
  'for',
  'on',
  'about',
  'with',
  'by',
  'and',
  'or',
  'nor',
  'than',
  'called',
  'named',
  'include',
  'including',
  'me',
  'owner',
  'owners',
  'member',
  'members',
  'drop',
  'throw',
  'swap',
  'replace',
  'owns',
  'manages',
]);

/** Three rows of the distance table, reused between calls (words longer than the buffers get their own). */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau-Levenshtein distance (adjacent swaps count 1), stopping early above `max`. Allocation-free. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rows[0].length)
    rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [twoBack, prev, row] = rows;
  for (let j = 0; j <= b.length; j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (twoBack[j - 2] as number) + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [twoBack, prev, row] = [prev, row, twoBack];
  }
  return prev[b.length] as number;
}

const VOCAB_SET = new Set(VOCABULARY);

/** Words already looked at, with their correction ('' for none): people reuse few words. Bounded, then reset. */
const CORRECTIONS = new Map<string, string>();
const MAX_CORRECTIONS = 5000;

/** The vocabulary word a lowercase token stands for, or undefined (remembered; see {@link CORRECTIONS}). */
function correction(word: string): string | undefined {
  const known = CORRECTIONS.get(word);
  if (known !== undefined) return known === '' ? undefined : known;
  const found = closestWord(word);
  if (CORRECTIONS.size >= MAX_CORRECTIONS) CORRECTIONS.clear();
  CORRECTIONS.set(word, found ?? '');
  return found;
}

/** The vocabulary word a lowercase token stands for, or undefined. */
function closestWord(word: string): string | undefined {
  const alias = ALIASES[word];
  if (alias !== undefined) return alias;
  if (word.length < 5 || VOCAB_SET.has(word) || KNOWN.has(word)) return undefined;
  if (VOCABULARY.some((target) => word.includes(target))) return undefined;
  const max = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const target of VOCABULARY) {
    const d = editDistance(word, target, max);
    if (d < bestDistance) {
      best = target;
      bestDistance = d;
    }
  }
  return best;
}

const WORD = /[\p{L}\p{N}@.'’_-]+/gu;

/**
 * Returns `text` with misspelt vocabulary words corrected (see the module comment for what is never
 * touched). Pure; the same text when nothing needs fixing.
 */
export function fixTypos(text: string): string {
  const masked = maskQuotes(text);
  let out = '';
  let last = 0;
  let previous = '';
  let index = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(masked); m; m = WORD.exec(masked)) {
    const token = m[0];
    const lower = token.toLowerCase();
    const protectedWord =
      token.includes(MASK) || /[\d@.'’_]/.test(token) || (index > 0 && token !== lower) || NAME_SLOT.has(previous);
    let replacement: string | undefined;
    if (!protectedWord) replacement = correction(lower);
    if (lower === 'ad' && index === 0) replacement = 'add';
    if (replacement === 'owns' && /^\s+of\b/i.test(masked.slice(m.index + token.length))) replacement = 'owners';
    if (lower === 'form' && /^(?:remove|delete|take|kick|drop|get)\b/i.test(masked)) replacement = 'from';
    if (
      lower === 'too' &&
      previous !== '' &&
      /^(?:add|put|invite)\b/i.test(masked) &&
      /\btoo\s+\S/.test(masked.slice(m.index))
    )
      replacement = 'to';
    if (replacement !== undefined) {
      out += text.slice(last, m.index) + replacement;
      last = m.index + token.length;
    }
    previous = (replacement ?? lower).toLowerCase();
    index += 1;
  }
  return last === 0 ? text : out + text.slice(last);
}
