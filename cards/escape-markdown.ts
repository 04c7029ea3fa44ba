/**
 * Making untrusted text (names, descriptions, justifications, rules) safe to place in Adaptive Card
 * TextBlocks and FactSets, which render a markdown subset. Escaping uses CommonMark backslash escapes.
 */

/** Characters that start or end markdown constructs in the Adaptive Card subset, and `{}` (DATE/TIME functions). */
const SPECIAL = /[\\`*_[\]~<>#|{}&]/g;

/** Invisible and direction-changing characters that could disguise a name. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export interface EscapeOptions {
  /** Keep line breaks (justifications, descriptions). Default false: whitespace runs become one space. */
  multiline?: boolean;
}

/**
 * Escapes markdown in untrusted text so a TextBlock shows it literally: `**Ana**` stays `**Ana**`,
 * `[x](y)` is not a link, a leading `- ` or `1. ` is not a list, and `{{DATE(...)}}` is not a date function.
 * Control and bidi-override characters are removed. Never throws.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  const cleaned = String(text).replace(CONTROL, '');
  if (!options.multiline) return escapeLine(cleaned.replace(/\s+/g, ' ').trim());
  return cleaned
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .map(escapeLine)
    .join('\n\n'); // a TextBlock needs a blank line for a visible break
}

function escapeLine(line: string): string {
  return (
    line
      .replace(SPECIAL, (c) => `\\${c}`)
      // Line-start constructs: bullet lists and setext underlines, numbered lists.
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** Removes the backslash escapes escapeMarkdown adds (for plain-text rendering). Never throws. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
