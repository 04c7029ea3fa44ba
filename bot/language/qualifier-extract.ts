/**
 * Qualifiers that can trail many requests and are removed before the main pattern runs:
 * durations ("for 30 days"), nested membership ("including nested"), justifications ("because ...").
 */
import { maskQuotes } from './quote-mask';
import { cleanFree } from './slot-clean';

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

const DURATION =
  /[\s,]+(?:for|during)\s+(?:the\s+next\s+|the\s+|a\s+period\s+of\s+)?(\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety)\s*-?\s*(day|week|month|year)s?\b(?:\s+only)?/i;

/** Removes a duration clause; returns the rest and the duration in days (weeks ×7, months ×30, years ×365). */
export function extractDuration(text: string): { text: string; durationDays?: number } {
  const m = DURATION.exec(maskQuotes(text));
  if (!m || m[1] === undefined || m[2] === undefined) return { text };
  const count = /^\d+$/.test(m[1]) ? parseInt(m[1], 10) : NUMBER_WORDS[m[1].toLowerCase()];
  const unit = UNIT_DAYS[m[2].toLowerCase()];
  if (count === undefined || unit === undefined || count <= 0) return { text };
  return { text: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim(), durationDays: count * unit };
}

const TRANSITIVE: RegExp[] = [
  /[\s,]*\(?\b(?:including|incl\.?|with|plus|and|inc\.?)\s+(?:the\s+|all\s+)?(?:members\s+of\s+)?(?:nested|indirect|transitive|inherited|sub-?groups?|child\s+groups?)(?:\s+(?:ones|members|memberships|groups|subgroups|group\s+members))?\b\)?/gi,
  /[\s,]*\(?\b(?:direct\s+(?:and|&|\+)\s+indirect|directly\s+(?:and|or)\s+indirectly|direct\s+and\s+nested)\b\)?/gi,
  /\b(?:transitive|indirect|nested|inherited|recursive|effective)\s+(?=(?:group\s+)?(?:members|membership|memberships|groups|users|people)\b)/gi,
  /[\s,]*\b(?:transitively|indirectly|recursively)\b/gi,
  /^(?:(?:transitive|all\s+transitive|recursive)\s*[:,-]?\s+)/gi,
];

/** Removes "including nested", "transitive", "indirect"...; reports whether any was there. */
export function extractTransitive(text: string): { text: string; transitive: boolean } {
  let out = text;
  let found = false;
  for (const re of TRANSITIVE) {
    const next = out.replace(re, ' ');
    if (next !== out) {
      found = true;
      out = next;
    }
  }
  return { text: found ? out.replace(/\s+/g, ' ').trim() : text, transitive: found };
}

const JUSTIFICATION =
  /[\s,;]+(?:because(?:\s+of)?|since|so\s+that|so\s+(?=(?:i|we)\b)|as\s+(?=(?:i|we)\b)|for\s+(?=(?:the|a|an|my|our)\s)|(?<=,)\s*(?=(?:i['’]m|i\s+am|i\s+need|i\s+have|i\s+work|we['’]re|we\s+are|we\s+need)\b)|reason\s*[:-]|justification\s*[:-]|[-–—]+\s)\s*([\s\S]+)$/i;

/** Removes a reason clause ("because ...", "so that ...", "for the Q3 audit"); returns it trimmed. */
export function extractJustification(text: string): { text: string; justification?: string } {
  const m = JUSTIFICATION.exec(maskQuotes(text));
  if (!m || m[1] === undefined) return { text };
  const justification = cleanFree(text.slice(m.index + m[0].length - m[1].length));
  const rest = text.slice(0, m.index).trim();
  if (rest.length === 0 || justification === undefined) return { text };
  return { text: rest, justification };
}
