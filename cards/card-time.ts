import { Markdown } from './markdown';

/** Normalises an ISO date-time to the form the Adaptive Card DATE/TIME functions accept, or undefined. */
function toCardIso(iso: string): string | undefined {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A time in card text, shown by the client in the reader's own time zone (`{{TIME(...)}}`, and with the
 * date unless `timeOnly`). An unparsable input is shown escaped, as given. Never throws.
 */
export function cardTime(iso: string, options: { timeOnly?: boolean } = {}): Markdown {
  const norm = toCardIso(iso);
  if (!norm) return Markdown.plain(iso);
  return Markdown.trusted(options.timeOnly ? `{{TIME(${norm})}}` : `{{DATE(${norm}, SHORT)}} {{TIME(${norm})}}`);
}

/** The same time as plain UTC text ("2026-11-26 14:02 UTC"), for fallback text. Never throws. */
export function plainTime(iso: string, options: { timeOnly?: boolean } = {}): string {
  const norm = toCardIso(iso);
  if (!norm) return iso;
  const hm = `${norm.slice(11, 16)} UTC`;
  return options.timeOnly ? hm : `${norm.slice(0, 10)} ${hm}`;
}

/** Replaces card DATE/TIME functions with plain UTC text (for the terminal). Never throws. */
export function expandCardTimes(text: string): string {
  return text
    .replace(/\{\{DATE\((\d{4}-\d{2}-\d{2})T[^)]*\)\}\}/g, '$1')
    .replace(/\{\{TIME\(\d{4}-\d{2}-\d{2}T(\d{2}:\d{2})[^)]*\)\}\}/g, '$1 UTC');
}
