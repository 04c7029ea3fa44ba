/**
 * Requests with a piece missing, read as such instead of taking the gap for a name: "add to Marketing" (who?),
 * "remove from Legal", "add Grace to" (where?), a bare "who owns", "who is in", "members of", "is Ana in".
 * The command layer asks for what is missing.
 */
import type { IntentName } from '../intent';
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { groupsSlot, usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const SOMEONE = String.raw`(?:(?:someone|somebody|people|users?|members?|a\s+(?:new\s+)?(?:member|user|person)|an?\s+owner|owners?)\s+)?`;

const RULES: Array<[IntentName, RegExp]> = [
  [
    'addMembers',
    rx(
      String.raw`^(?:add|put|include|invite|give\s+access|grant\s+access)\s+${SOMEONE}(?:to|into|in)(?:\s+(?<g>.+))?$`,
    ),
  ],
  ['removeMembers', rx(String.raw`^(?:remove|kick|drop|take)\s+${SOMEONE}(?:from|out\s+of|off)(?:\s+(?<g>.+))?$`)],
  ['addMembers', rx(String.raw`^(?:add|put|include|invite)\s+(?<u>.+?)\s+(?:to|into|in)(?:\s+(?:the|a))?$`)],
  ['removeMembers', rx(String.raw`^(?:remove|kick|drop|take)\s+(?<u>.+?)\s+(?:from|out\s+of|off)(?:\s+(?:the|a))?$`)],
  [
    'addOwners',
    rx(String.raw`^(?:make|add|set)\s+(?:someone|somebody)\s+(?:an?\s+)?(?:co-?)?owner\s+(?:of|for|on)\s+(?<g>.+)$`),
  ],
  [
    'listOwners',
    rx(String.raw`^(?:who\s+owns|who(?:['’]s|\s+is|\s+are)\s+(?:the\s+)?owners?|owners?(?:\s+of)?|who\s+manages)$`),
  ],
  [
    'listMembers',
    rx(String.raw`^(?:who(?:['’]s|\s+is|\s+are)\s+in|members?(?:\s+of)?|who(?:['’]s|\s+is)\s+a\s+member\s+of)$`),
  ],
  ['checkMembership', rx(String.raw`^(?:is|are)\s+(?<u>(?!there\b|it\b).+?)\s+(?:in|a\s+member\s+of|part\s+of)$`)],
  ['restoreGroup', rx(String.raw`^(?:bring\s+back|get\s+back)$`)],
  ['restoreGroup', rx(String.raw`^(?:bring|get)\s+(?:the\s+)?(?<g>.+?)\s+back$`)],
  [
    'requestAccess',
    rx(String.raw`^(?:i\s+(?:need|want|would\s+like|['’]d\s+like)|can\s+i\s+(?:get|have))\s+(?:some\s+)?access$`),
  ],
  ['updateGroup', rx(String.raw`^make\s+(?:it\s+)?(?<v>private|public)$`)],
];

/** The rules above; undefined when none fits. */
export const matchMissingPieces: Matcher = (u) => {
  for (const [intent, re] of RULES) {
    const c = capture(u, re);
    if (!c) continue;
    const visibility = c.v === undefined ? undefined : /private/i.test(c.v) ? 'Private' : 'Public';
    return makeIntent(intent, { users: usersSlot(c.u), groups: groupsSlot(c.g), visibility });
  }
  return undefined;
};
