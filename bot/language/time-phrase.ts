/**
 * Time phrases of history questions ("last Monday 09:00", "2026-11-02", "this week", "yesterday", "3 days ago"),
 * pure: the parser keeps the words (`Intent.when`), and commands turn them into times with `resolveTimePhrase`
 * against their clock. All times are UTC. A day without a time of day means the end of that day as a point
 * ("who was in G on 2026-11-02": the membership when that day ended) and the whole day as a span.
 */

import { formatDay, formatTime } from '../../cards/card-time';

/** A resolved phrase: a point in time and a span of time (for "what changed …"). */
export interface ResolvedTime {
  /** The point: "members on D", "restore to D". */
  at: Date;
  /** The span: "what changed D"; `to` is never after now. */
  from: Date;
  to: Date;
  /** How to say it back, in cards/card-time.ts's format: "Mon 2 Nov 2026, 09:00 UTC", "Mon 2 Nov 2026" for a day. */
  label: string;
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_WORD = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const CLOCK = String.raw`(?:(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)|(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?|noon|midnight)`;
const NUMBER_WORDS = [
  'a',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
/** A count: digits, "a"/"an" or a number word up to twelve ("two weeks ago", "a month ago"). */
const COUNT = String.raw`(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const DAY_PART = String.raw`(?:today|yesterday|(?:last\s+|this\s+|on\s+)?${DAY_WORD}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+${MONTH_WORD}(?:\s+\d{4})?|${MONTH_WORD}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|${COUNT}\s+(?:days?|weeks?|months?)\s+ago|(?:the\s+)?(?:start|beginning)\s+of\s+${MONTH_WORD}(?:\s+\d{4})?)`;

/**
 * The source of a regular expression matching a time phrase (for the patterns: "… (?<when>TIME)$").
 * It matches what resolveTimePhrase understands, and a little more; resolveTimePhrase has the last word.
 */
export const TIME_PHRASE = String.raw`(?:(?:(?:on|at|as\s+of|since|from|in|during)\s+)?(?:${DAY_PART}(?:\s*,?\s*${CLOCK})?|${CLOCK}(?:\s+(?:on\s+)?${DAY_PART})?|\d{4}-\d{2}-\d{2}[t\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?z?|(?:this|last|past)\s+(?:week|month)|(?:the\s+)?(?:past|last)\s+(?:${COUNT}\s+)?(?:days?|hours?|weeks?)|${COUNT}\s+(?:minutes?|hours?)\s+ago|lately|recently|now))`;

const DAY_MS = 86_400_000;

function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function endOfDay(d: Date): Date {
  return new Date(startOfDay(d).getTime() + DAY_MS - 1);
}

/** Monday 00:00 UTC of the week holding `d`. */
function startOfWeek(d: Date): Date {
  const day = startOfDay(d);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

/** Hours, minutes and seconds of a clock phrase ("09:00", "09:00:30", "9am", "3:30 pm", "noon"); else undefined. */
function clockOf(text: string): { h: number; m: number; s: number } | undefined {
  const t = text.replace(/^at\s+/, '').trim();
  if (t === 'noon') return { h: 12, m: 0, s: 0 };
  if (t === 'midnight') return { h: 0, m: 0, s: 0 };
  const c = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?\s*(am|pm)?$/.exec(t);
  if (!c || (!c[2] && !c[4])) return undefined;
  let h = Number(c[1]);
  const m = c[2] ? Number(c[2]) : 0;
  const sec = c[3] ? Number(c[3]) : 0;
  if (c[4]) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (c[4] === 'pm' ? 12 : 0);
  }
  return h < 24 && m < 60 && sec < 60 ? { h, m, s: sec } : undefined;
}

/** The day a day phrase names (its 00:00 UTC), relative to `now`; undefined when it is not one. */
function dayOf(text: string, now: Date): Date | undefined {
  const t = text.replace(/^on\s+/, '').trim();
  const today = startOfDay(now);
  if (t === 'today') return today;
  if (t === 'yesterday') return new Date(today.getTime() - DAY_MS);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  const months = /^(\d+)\s+months?\s+ago$/.exec(t);
  if (months) return monthsBefore(today, Number(months[1]));
  const start = new RegExp(String.raw`^(?:the\s+)?(?:start|beginning)\s+of\s+(${MONTH_WORD}(?:\s+\d{4})?)$`).exec(t);
  if (start) return dayOf(`1 ${start[1] as string}`, now);
  const ago = /^(\d+)\s+(day|week)s?\s+ago$/.exec(t);
  if (ago) return new Date(today.getTime() - Number(ago[1]) * (ago[2] === 'week' ? 7 : 1) * DAY_MS);
  const named = new RegExp(String.raw`^(last\s+|this\s+)?(${DAY_WORD})$`).exec(t);
  if (named) {
    const want = DAYS.findIndex((d) => d.startsWith((named[2] as string).slice(0, 3)));
    if (named[1]?.startsWith('this')) return new Date(startOfWeek(now).getTime() + ((want + 6) % 7) * DAY_MS);
    // "Monday" and "last Monday": the latest one before today.
    const back = (today.getUTCDay() - want + 7) % 7 || 7;
    return new Date(today.getTime() - back * DAY_MS);
  }
  const dm = new RegExp(String.raw`^(\d{1,2})\s+(${MONTH_WORD})(?:\s+(\d{4}))?$`).exec(t);
  const md = new RegExp(String.raw`^(${MONTH_WORD})\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`).exec(t);
  const parts = dm ? { d: dm[1], mo: dm[2], y: dm[3] } : md ? { d: md[2], mo: md[1], y: md[3] } : undefined;
  if (parts) {
    const month = MONTHS.indexOf((parts.mo as string).slice(0, 3));
    let year = parts.y ? Number(parts.y) : now.getUTCFullYear();
    let day = validDay(year, month, Number(parts.d));
    // Without a year: the latest such day not in the future.
    if (!parts.y && day && day > now) day = validDay((year -= 1), month, Number(parts.d));
    return day;
  }
  return undefined;
}

/** "a"/"an"/"one"… "twelve" before a unit of time, read as digits ("two weeks ago" → "2 weeks ago"). */
const COUNTED =
  /\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (minutes?|hours?|days?|weeks?|months?)\b/;

function countOf(word: string): number {
  return word === 'an' ? 1 : NUMBER_WORDS.indexOf(word) || 1;
}

/** The same day of the month `n` months before `day`, or the month's last day when it is shorter. */
function monthsBefore(day: Date, n: number): Date {
  const first = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day.getUTCDate(), last)));
}

function validDay(y: number, m: number, d: number): Date | undefined {
  const out = new Date(Date.UTC(y, m, d));
  return out.getUTCFullYear() === y && out.getUTCMonth() === m && out.getUTCDate() === d ? out : undefined;
}

function point(at: Date, now: Date, label: string, from?: Date, to?: Date): ResolvedTime {
  const end = to && to < now ? to : now;
  return { at, from: from ?? at, to: end < (from ?? at) ? (from ?? at) : end, label };
}

/**
 * Resolves a time phrase against `now` (UTC). Undefined when the phrase is not understood. Pure; never throws.
 */
export function resolveTimePhrase(phrase: string, now: Date): ResolvedTime | undefined {
  const r = resolveInner(phrase, now);
  if (!r) return undefined;
  const clamped = r.at > now ? { ...r, at: now } : r;
  return /^\s*since\s/i.test(phrase) ? { at: r.from, from: r.from, to: now, label: `since ${r.label}` } : clamped;
}

function resolveInner(phrase: string, now: Date): ResolvedTime | undefined {
  const t = phrase
    .toLowerCase()
    .replace(/[.?!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:on|at|as of|since|from|in|during) /, '')
    .replace(COUNTED, (_all, n: string, unit: string) => `${countOf(n)} ${unit}`)
    .replace(/^((?:the )?(?:past|last)) (hour|day)$/, '$1 1 $2s')
    .replace(/^((?:the )?(?:past|last) \d+ (?:hour|day|week))$/, '$1s');
  if (t === '') return undefined;
  if (t === 'now') return point(now, now, 'now');
  if (t === 'lately' || t === 'recently') {
    const from = new Date(now.getTime() - 7 * DAY_MS);
    return point(now, now, 'in the last 7 days', from, now);
  }
  if (/^(this|last|past) (week|month)$/.test(t)) {
    const [which, unit] = t.split(' ') as [string, string];
    if (unit === 'week') {
      const start =
        which === 'this'
          ? startOfWeek(now)
          : which === 'last'
            ? new Date(startOfWeek(now).getTime() - 7 * DAY_MS)
            : new Date(now.getTime() - 7 * DAY_MS);
      const end = which === 'last' ? new Date(startOfWeek(now).getTime() - 1) : now;
      return point(
        end,
        now,
        which === 'this' ? 'this week' : which === 'last' ? `the week of ${formatDay(start)}` : 'in the past 7 days',
        start,
        end,
      );
    }
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const start =
      which === 'this'
        ? first
        : which === 'last'
          ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
          : new Date(now.getTime() - 30 * DAY_MS);
    const end = which === 'last' ? new Date(first.getTime() - 1) : now;
    return point(
      end,
      now,
      which === 'this' ? 'this month' : which === 'last' ? 'last month' : 'in the past 30 days',
      start,
      end,
    );
  }
  const past = /^(?:the )?(?:past|last) (\d+) (days|hours|weeks)$/.exec(t);
  if (past) {
    const unit = past[2] === 'hours' ? 3600_000 : past[2] === 'weeks' ? 7 * DAY_MS : DAY_MS;
    const from = new Date(now.getTime() - Number(past[1]) * unit);
    const span = past[1] === '1' ? (past[2] as string).slice(0, -1) : `${past[1]} ${past[2]}`;
    return point(now, now, `in the past ${span}`, from, now);
  }
  const agoShort = /^(\d+) (minute|hour)s? ago$/.exec(t);
  if (agoShort) {
    const at = new Date(now.getTime() - Number(agoShort[1]) * (agoShort[2] === 'hour' ? 3600_000 : 60_000));
    return point(at, now, formatTime(at), at, now);
  }
  const isoTime = /^(\d{4}-\d{2}-\d{2})[t ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?z?$/.exec(t);
  if (isoTime) {
    const day = dayOf(isoTime[1] as string, now);
    const h = Number(isoTime[2]);
    const m = Number(isoTime[3]);
    if (!day || h > 23 || m > 59) return undefined;
    const at = new Date(
      day.getTime() +
        (h * 60 + m) * 60_000 +
        Number(isoTime[4] ?? 0) * 1000 +
        Math.round(Number(isoTime[5] ?? 0) * 1000),
    );
    return point(at, now, formatTime(at), at, now);
  }
  // "<day> [at] <clock>" or "<clock> [on] <day>" or one of them alone.
  const split = new RegExp(String.raw`^(.+?)\s*,?\s+(${CLOCK})$`).exec(t) ?? undefined;
  const flipped = new RegExp(String.raw`^(${CLOCK})\s+(?:on\s+)?(.+)$`).exec(t) ?? undefined;
  const dayText = split ? split[1] : flipped ? flipped[2] : t;
  const clockText = split ? split[2] : flipped ? flipped[1] : undefined;
  const clock = clockText !== undefined ? clockOf(clockText) : clockOf(t);
  const day = clockText === undefined && clock ? startOfDay(now) : dayOf(dayText as string, now);
  if (!day || (clockText !== undefined && !clock)) return undefined;
  if (clock) {
    let at = new Date(day.getTime() + (clock.h * 60 + clock.m) * 60_000 + clock.s * 1000);
    // A bare clock later than now means that time yesterday.
    if (clockText === undefined && at > now) at = new Date(at.getTime() - DAY_MS);
    return point(at, now, formatTime(at), at, now);
  }
  return point(endOfDay(day), now, formatDay(day), day, endOfDay(day));
}
