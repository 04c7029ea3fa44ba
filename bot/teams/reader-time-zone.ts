/**
 * The reader's time zone as Teams gives it, and replies rewritten into it: every time the cards and replies write
 * in UTC ("Tue 8 Dec 2026, 12:44 UTC", cards/card-time.ts) is shown in the zone of the person whose message or
 * click this turn answers. Without a zone the times stay UTC, and say so.
 */
import type { Activity } from 'botbuilder';
import { isKnownTimeZone, localizeCardTimes, localizeTimes } from '../../cards/card-time';
import type { Reply } from '../shared/types';

/**
 * The IANA zone of the sender: `activity.localTimezone`, else a `clientInfo` entity's `timezone`; undefined when
 * neither names a zone this runtime knows. Never throws.
 */
export function readerTimeZone(activity: Partial<Activity> | undefined): string | undefined {
  const direct = activity?.localTimezone;
  if (typeof direct === 'string' && isKnownTimeZone(direct)) return direct;
  for (const e of activity?.entities ?? []) {
    const zone = (e as { type?: unknown; timezone?: unknown }).timezone;
    if (e?.type === 'clientInfo' && typeof zone === 'string' && isKnownTimeZone(zone)) return zone;
  }
  return undefined;
}

/** The reply with its text and card times in `timeZone` (unchanged without one). Never throws. */
export function localizeReply(r: Reply, timeZone: string | undefined): Reply {
  if (!timeZone) return r;
  return {
    ...r,
    text: localizeTimes(r.text, timeZone),
    ...(r.card ? { card: localizeCardTimes(r.card, timeZone) } : {}),
  };
}
