/**
 * The one way times are written on cards, in fallback text and in replies: "Tue 8 Dec 2026, 12:44 UTC". Builders
 * write UTC; the Teams shell rewrites every such time into the reader's time zone when Teams gives it
 * ("Tue 8 Dec 2026, 13:44 Paris time", see localizeTimes), so a time that is not rewritten still says it is UTC.
 */
import { Markdown } from './markdown';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A time as the cards write it, in UTC: "Tue 8 Dec 2026, 12:44 UTC" (only the form localizeTimes rewrites). */
const UTC_TIME = new RegExp(
  String.raw`\b(?:${WEEKDAYS.join('|')}) (\d{1,2}) (${MONTHS.join('|')}) (\d{4}), (\d{2}):(\d{2}) UTC\b`,
  'g',
);

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Paris time" for Europe/Paris, "Los Angeles time" for America/Los_Angeles; the zone as given when it has no city. */
export function zoneLabel(timeZone: string): string {
  const city = timeZone.includes('/') ? (timeZone.split('/').pop() as string) : '';
  if (!city || /^(?:GMT|UTC)|\d/.test(city)) return timeZone;
  return `${city.replace(/_/g, ' ')} time`;
}

/**
 * True when `timeZone` is an IANA zone this runtime knows (Intl accepts it). Never throws.
 */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch (err) {
    return !(err instanceof RangeError);
  }
}

/** The date part of the card way, in UTC: "Tue 8 Dec 2026" (for a day, not a time). An invalid date gives ''. Never throws. */
export function formatDay(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * `d` written the card way: "Tue 8 Dec 2026, 12:44 UTC", or in `timeZone` ("Tue 8 Dec 2026, 13:44 Paris time")
 * when it is a known zone other than UTC. An invalid date gives ''. Never throws.
 */
export function formatTime(d: Date, timeZone?: string): string {
  if (Number.isNaN(d.getTime())) return '';
  const zone = timeZone && timeZone !== 'UTC' && timeZone !== 'Etc/UTC' && isKnownTimeZone(timeZone) ? timeZone : '';
  if (!zone) return `${formatDay(d)}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} ${zoneLabel(zone)}`;
}

/** An ISO date-time as a Date, or undefined when it does not parse. */
function parseIso(iso: string): Date | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * A time in card text, written the card way in UTC ("Tue 8 Dec 2026, 12:44 UTC"); the Teams shell shows it in the
 * reader's zone. An unparsable input is shown escaped, as given. Never throws.
 */
export function cardTime(iso: string): Markdown {
  const d = parseIso(iso);
  return d ? Markdown.plain(formatTime(d)) : Markdown.plain(iso);
}

/** The same time as plain text, for fallback text and replies. An unparsable input is returned as given. Never throws. */
export function plainTime(iso: string): string {
  const d = parseIso(iso);
  return d ? formatTime(d) : iso;
}

/**
 * Rewrites every card-written UTC time in `text` into `timeZone` ("… 12:44 UTC" → "… 13:44 Paris time"); the text
 * is returned unchanged for UTC, an unknown zone or no zone. Never throws.
 */
export function localizeTimes(text: string, timeZone: string | undefined): string {
  if (!timeZone || !isKnownTimeZone(timeZone) || formatTime(new Date(0), timeZone).endsWith(' UTC')) return text;
  return text.replace(UTC_TIME, (whole, day: string, month: string, year: string, hh: string, mm: string) => {
    const m = MONTHS.indexOf(month as (typeof MONTHS)[number]);
    const d = new Date(Date.UTC(Number(year), m, Number(day), Number(hh), Number(mm)));
    return d.getUTCDate() === Number(day) ? formatTime(d, timeZone) : whole;
  });
}

/**
 * A copy of a card (or any JSON value) with localizeTimes applied to every string, except button payloads
 * (`data`), which go back to the bot as they were. Never throws.
 */
export function localizeCardTimes<T>(value: T, timeZone: string | undefined): T {
  if (!timeZone || localizeTimes('Thu 1 Jan 1970, 00:00 UTC', timeZone) === 'Thu 1 Jan 1970, 00:00 UTC') return value;
  const visit = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return localizeTimes(v, timeZone);
    if (key === 'data' || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => visit(x));
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, visit(x, k)]));
  };
  return visit(value) as T;
}

/** Replaces the Adaptive Card DATE/TIME functions older cards carry with plain UTC text (for the terminal). Never throws. */
export function expandCardTimes(text: string): string {
  return text
    .replace(/\{\{DATE\((\d{4}-\d{2}-\d{2})T[^)]*\)\}\}/g, '$1')
    .replace(/\{\{TIME\(\d{4}-\d{2}-\d{2}T(\d{2}:\d{2})[^)]*\)\}\}/g, '$1 UTC');
}
