/** removeMembersByKind: "kick the external users out of Vendor Portal Access", "clean the disabled accounts out of Sales". */
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { groupsSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const GUESTS = String.raw`(?:guests?(?:\s+(?:users?|accounts?|members?))?|external\s+(?:users?|people|accounts?|members?|guests?)|externals|outsiders|#?EXT#?\s+(?:users?|accounts?)|people\s+from\s+(?:other|outside)\s+(?:companies|organi[sz]ations|orgs))`;
const DISABLED = String.raw`(?:(?:disabled|deactivated|inactive|blocked)\s+(?:users?|accounts?|members?|people))`;
const KIND = String.raw`(?:(?<guests>${GUESTS})|${DISABLED})`;
const VERB = String.raw`(?:remove|kick|drop|take|get\s+rid\s+of|get|clear|clean|purge|throw|boot|strip|eject|evict)`;
const Q = String.raw`(?:all\s+|every\s+|the\s+|any\s+|of\s+)*`;

const BY_KIND: RegExp[] = [
  rx(
    String.raw`^(?:please\s+)?${VERB}(?:\s+out)?\s+${Q}${KIND}(?:\s+out)?(?:\s+(?:out\s+of|from|in|off)\s+(?<g>.+?)|\s+everywhere)?$`,
  ),
  rx(String.raw`^(?:clean|tidy|clear)\s+up\s+(?<g>.+?)\s*[:—–-]\s*${KIND}\s+out$`),
  rx(
    String.raw`^(?:any|no)\s+${KIND}\s+in\s+(?<g>.+?)(?:\s+please)?\s*[?,.!]\s*(?:please\s+)?(?:remove|kick|drop|get\s+rid\s+of)\s+them$`,
  ),
];

const ALL_MINE = /^(?:all\s+)?(?:of\s+)?my\s+groups?$/i;
const ALL_GROUPS = /^(?:all|every|any)\s+(?:the\s+)?groups?$/i;

/** Guests or disabled accounts out of a group, of every group the speaker manages, or of "all my groups". */
export const matchRemoveByKind: Matcher = (u) => {
  for (const re of BY_KIND) {
    const c = capture(u, re);
    if (!c) continue;
    const kind = c.guests !== undefined ? 'guests' : 'disabled';
    const g = c.g?.trim();
    if (g !== undefined && ALL_MINE.test(g)) return makeIntent('removeMembersByKind', { kind, allOwned: true });
    if (g !== undefined && ALL_GROUPS.test(g)) return makeIntent('removeMembersByKind', { kind });
    return makeIntent('removeMembersByKind', { groups: groupsSlot(g), kind });
  }
  return undefined;
};
