/** ISO 8601 durations for `system.now -plus P1D` / `-minus P30D`, and date arithmetic over them. */
import type { IsoDuration } from './rule-ast';

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** Parses `P30D`, `p1d`, `PT12H`, `P1Y2M`...; returns undefined when the text is not a duration. Never throws. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const m = DURATION.exec(text);
  if (!m || text.length < 3 || /T$/i.test(text)) return undefined;
  const n = (s: string | undefined): number => (s === undefined ? 0 : Number(s));
  return {
    text: text.toUpperCase(),
    years: n(m[1]),
    months: n(m[2]),
    weeks: n(m[3]),
    days: n(m[4]),
    hours: n(m[5]),
    minutes: n(m[6]),
    seconds: n(m[7]),
  };
}

/** Adds (sign 1) or subtracts (sign -1) a duration to an instant, calendar-aware for years and months (UTC). */
export function shiftInstant(epochMs: number, duration: IsoDuration, sign: 1 | -1): number {
  const d = new Date(epochMs);
  if (duration.years || duration.months) {
    d.setUTCMonth(d.getUTCMonth() + sign * (duration.years * 12 + duration.months));
  }
  const ms =
    ((((duration.weeks * 7 + duration.days) * 24 + duration.hours) * 60 + duration.minutes) * 60 + duration.seconds) *
    1000;
  return d.getTime() + sign * ms;
}
