/**
 * Quote masking: patterns are matched on a copy of the text where the inside of quoted spans is replaced
 * by a private-use character of the same length, so that keywords inside a quoted name ("Friends to the end")
 * never split it. Captures are then sliced from the original text by index.
 */

export const MASK = '\uE000';

const PAIRS: Record<string, string> = {
  '"': '"',
  '\u201C': '\u201D',
  '\u201E': '\u201C',
  '\u00AB': '\u00BB',
  '`': '`',
  '\u2018': '\u2019',
  "'": "'",
};

/** True when `ch` at `i` can open a single-quoted span (start of text or after a space or bracket). */
function canOpenSingle(text: string, i: number): boolean {
  return i === 0 || /[\s(\[:,]/.test(text[i - 1] ?? '');
}

/** True when `ch` at `i` can close a single-quoted span (end of text or before space or punctuation). */
function canCloseSingle(text: string, i: number): boolean {
  return i === text.length - 1 || /[\s)\].,;:!?]/.test(text[i + 1] ?? '');
}

const ANY_OPENING_QUOTE = /["\u201C\u201E\u00AB`\u2018']/;

/** Returns `text` with the inside of each balanced quoted span masked (quotes themselves kept). */
export function maskQuotes(text: string): string {
  if (!ANY_OPENING_QUOTE.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const close = PAIRS[ch];
    const single = ch === "'" || ch === '\u2018';
    if (close !== undefined && (!single || canOpenSingle(text, i))) {
      let j = text.indexOf(close, i + 1);
      if (single) {
        while (j !== -1 && !canCloseSingle(text, j)) j = text.indexOf(close, j + 1);
      }
      if (j > i + 1) {
        out += ch + MASK.repeat(j - i - 1) + close;
        i = j + 1;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** A normalised utterance and its quote-masked twin (same length). */
export interface Utterance {
  readonly text: string;
  readonly masked: string;
}

/** Builds the pair once per parse. */
export function toUtterance(text: string): Utterance {
  return { text, masked: maskQuotes(text) };
}

/** Slots captured by a pattern, sliced from the original text. */
export type Captures = Record<string, string | undefined>;

/**
 * Runs `re` (compiled with the `d` flag, see {@link rx}) on the masked text and returns the named captures
 * taken from the original text, or undefined when it does not match.
 */
export function capture(u: Utterance, re: RegExp): Captures | undefined {
  const m = re.exec(u.masked);
  if (!m) return undefined;
  const out: Captures = {};
  const spans = m.indices?.groups;
  if (spans) {
    for (const [name, span] of Object.entries(spans)) out[name] = span ? u.text.slice(span[0], span[1]) : undefined;
  }
  return out;
}

/** Compiles a pattern for {@link capture}: case-insensitive, `.` spans lines, with capture indices. */
export function rx(source: string): RegExp {
  return new RegExp(source, 'ids');
}
