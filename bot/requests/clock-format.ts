/**
 * Formats an instant for card text, relative to `now`: "14:02" on the same day, "3 Mar 14:02" in the same year,
 * "3 Mar 2025 14:02" otherwise; 24-hour clock in `timeZone` (an IANA name, default UTC).
 * Throws RangeError when `timeZone` is not a valid IANA time zone.
 */
export function formatClock(at: Date, now: Date, timeZone = 'UTC'): string {
  const parts = (d: Date): Record<string, string> => {
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const out: Record<string, string> = {};
    for (const p of fmt.formatToParts(d)) out[p.type] = p.value;
    return out;
  };
  const a = parts(at);
  const n = parts(now);
  const clock = `${a.hour}:${a.minute}`;
  if (a.year === n.year && a.month === n.month && a.day === n.day) return clock;
  if (a.year === n.year) return `${a.day} ${a.month} ${clock}`;
  return `${a.day} ${a.month} ${a.year} ${clock}`;
}
