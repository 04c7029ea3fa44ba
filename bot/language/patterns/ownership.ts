/** addOwners, removeOwners and listOwners. */
import { makeIntent } from '../intent-build';
import { capture, rx, toUtterance, type Utterance } from '../quote-mask';
import { extractDuration } from '../qualifier-extract';
import { groupsSlot, usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';
import { ALL_OPT, ME_OPT, SHOW } from './vocabulary';

const OWNER = String.raw`(?:(?:co-?|group\s+)?owners?)`;
const A = String.raw`(?:(?:an?|the|a\s+new|another|one\s+of\s+the)\s+)?`;

const ADD_OWNERS: RegExp[] = [
  rx(
    String.raw`^(?:make|set|appoint|designate|promote|assign|nominate|name)\s+(?<u>.+?)\s+(?:as\s+|to\s+)?${A}(?:an?\s+)?${OWNER}\s+(?:of|for|on|to|in)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^add\s+(?<u>.+?)\s+(?:as\s+${A}|to\s+${A}|(?:an?|the|one\s+of\s+the)\s+)(?:an?\s+)?${OWNER}\s+(?:of|for|on|to|in)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^(?:add|put|assign|include)\s+(?<u>.+?)\s+(?:to|in|into|on)\s+(?<g>.+?)\s+as\s+${A}${OWNER}$`),
  rx(
    String.raw`^(?:give|grant)\s+(?<u>.+?)\s+(?:ownership|owner\s+rights|owner\s+permissions?|owner\s+access|owner\s+role|the\s+owner\s+role)\s+(?:of|on|over|for|to|in)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^(?:add|make|set)\s+${A}${OWNER}\s+(?<u>.+?)\s+(?:to|for|of|on|in)\s+(?<g>.+)$`),
  rx(String.raw`^(?:let|allow)\s+(?<u>.+?)\s+(?:to\s+)?(?:manage|own|co-own)\s+(?<g>.+)$`),
  rx(String.raw`^(?:add|make|set|promote)\s+(?<u>.+?)\s+(?:as\s+|to\s+)?${A}${OWNER}$`),
  rx(String.raw`^(?:add|make|set)\s+${A}${OWNER}$`),
];

/** "make Ana an owner of Marketing", "add Bob to X as owner", "give Ana ownership of X". */
export const matchAddOwners: Matcher = (u) => {
  const duration = extractDuration(u.text);
  const v: Utterance = duration.durationDays === undefined ? u : toUtterance(duration.text);
  for (const re of ADD_OWNERS) {
    const c = capture(v, re);
    if (c)
      return makeIntent('addOwners', {
        users: usersSlot(c.u),
        groups: groupsSlot(c.g),
        durationDays: duration.durationDays,
      });
  }
  return undefined;
};

const REMOVE_OWNERS: RegExp[] = [
  rx(
    String.raw`^(?:remove|drop|delete|revoke|take\s+away|unassign|demote|strip)\s+(?<u>.+?)\s+as\s+${A}${OWNER}(?:\s+(?:of|from|for|on|in)\s+(?<g>.+))?$`,
  ),
  rx(
    String.raw`^(?:remove|drop|delete|take|kick)\s+(?<u>.+?)\s+(?:from|off|out\s+of)\s+(?:the\s+)?(?:${OWNER}|owner\s+list|list\s+of\s+owners|ownership)\s+(?:of|for|in|on)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:remove|drop|delete|take|kick)\s+(?<u>.+?)\s+(?:from|off|out\s+of)\s+(?<g>.+?)['’]s?\s+(?:owners|owner\s+list)$`,
  ),
  rx(
    String.raw`^(?:remove|revoke|take\s+away|strip)\s+(?<u>.+?)['’]s?\s+(?:ownership|owner\s+rights|owner\s+role|owner\s+permissions?|owner\s+access)\s+(?:of|on|over|for|from|in|to)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^(?:remove|delete|drop)\s+${A}${OWNER}\s+(?<u>.+?)\s+(?:from|of|on|in|for)\s+(?<g>.+)$`),
  rx(
    String.raw`^(?:revoke|remove|take\s+away)\s+(?:the\s+)?ownership\s+(?:of|for|from)\s+(?<u>.+?)\s+(?:on|of|from|for|over|in)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^demote\s+(?<u>.+?)\s+(?:in|on|from|of)\s+(?<g>.+)$`),
  rx(String.raw`^make\s+(?<u>.+?)\s+(?:no\s+longer|not)\s+${A}${OWNER}\s+(?:of|for|on|in)\s+(?<g>.+)$`),
  rx(
    String.raw`^(?<u>.+?)\s+(?:should\s+no\s+longer|shouldn['’]t|should\s+not|must\s+not|can\s+no\s+longer)\s+(?:own|be\s+${A}${OWNER}\s+(?:of|for|on|in))\s+(?<g>.+)$`,
  ),
];

/** "remove Ana as owner of Marketing", "remove owner Bob from X", "revoke Ana's ownership of X". */
export const matchRemoveOwners: Matcher = (u) => {
  for (const re of REMOVE_OWNERS) {
    const c = capture(u, re);
    if (c) return makeIntent('removeOwners', { users: usersSlot(c.u), groups: groupsSlot(c.g) });
  }
  return undefined;
};

const LIST_OWNERS: RegExp[] = [
  rx(
    String.raw`^who\s+(?:owns|manages|administers|runs|is\s+in\s+charge\s+of|is\s+responsible\s+for|can\s+manage|looks\s+after)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^who(?:['’]s|s)\s+(?:in\s+charge\s+of|responsible\s+for)\s+(?<g>.+)$`),
  rx(
    String.raw`^who(?:['’]s|\s+is|\s+are|s)?\s+(?:the\s+|an?\s+)?(?:owners?|managers?|admins?|administrators?)\s+(?:of|for|on|in)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:${SHOW}\s+|check\s+)?${ME_OPT}${ALL_OPT}(?:the\s+)?(?:${OWNER}|managers?)\s+(?:of|for|on|in)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^(?:${SHOW}\s+)?${ME_OPT}${ALL_OPT}(?:the\s+)?owners$`),
  rx(String.raw`^(?:${SHOW}\s+)?${ME_OPT}${ALL_OPT}(?<g>(?!all\b|the\b|${SHOW}\b)[^\n]+?)(?:['’]s?)?\s+owners?$`),
  rx(String.raw`^(?:is|are)\s+(?<u>.+?)\s+(?:an?\s+|the\s+|one\s+of\s+the\s+)?${OWNER}\s+(?:of|for|on|in)\s+(?<g>.+)$`),
  rx(String.raw`^(?:does|do)\s+(?<u>.+?)\s+own\s+(?<g>.+)$`),
];

/** "who owns SecurityGroup101", "owners of X", "is Ana an owner of X" (users kept). */
export const matchListOwners: Matcher = (u) => {
  for (const re of LIST_OWNERS) {
    const c = capture(u, re);
    if (c) return makeIntent('listOwners', { users: usersSlot(c.u), groups: groupsSlot(c.g) });
  }
  return undefined;
};
