/** Sentences about a group's expiry, shared by "when does X expire" and "renew X". Pure. */
import type { GroupExpiry } from '../directory/group-expiry';
import { formatDay } from '../../cards/card-time';
import { groupKind } from '../directory/types';

const DAY_MS = 86_400_000;

/** "Sat 5 Dec 2026" (UTC, cards/card-time.ts's day); an unparsable input as given. Never throws. */
export function dayText(iso: string): string {
  return formatDay(new Date(iso)) || iso;
}

/** "in 19 days", "tomorrow", "today", "2 days ago". Never throws. */
export function relativeDays(iso: string, now: Date): string {
  const days = Math.round((Date.parse(iso) - now.getTime()) / DAY_MS);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1) return `in ${days} days`;
  return days === -1 ? 'yesterday' : `${-days} days ago`;
}

/** Why a group has no expiry, as one sentence. Never throws. */
export function noExpiryText(g: GroupExpiry): string {
  if (groupKind(g) !== 'microsoft365') {
    return `'${g.displayName}' doesn't expire: expiration policies apply only to Microsoft 365 groups, and it is not one.`;
  }
  return `'${g.displayName}' doesn't expire: the organisation's group expiration policy does not cover it.`;
}

/** "'Marketing' expires on Thu 24 Dec 2026 (in 19 days)." Never throws. */
export function expiresText(g: GroupExpiry & { expirationDateTime: string }, now: Date): string {
  const when = `${dayText(g.expirationDateTime)} (${relativeDays(g.expirationDateTime, now)})`;
  const past = Date.parse(g.expirationDateTime) < now.getTime();
  return past ? `'${g.displayName}' was due to expire on ${when}.` : `'${g.displayName}' expires on ${when}.`;
}
