/** listGroups by a word in the name ("groups whose name mentions Finance") and showGroup for "what is Project Falcon". */
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { cleanFree, groupsSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const LEAD = String.raw`^(?:(?:list|show|find|search|get|give)\s+(?:me\s+)?)?(?:(?:any|all|the|every)\s+)*(?:groups?|teams?)\s+`;
const CONTAINS: RegExp[] = [
  rx(
    String.raw`${LEAD}(?:whose|with\s+(?:a\s+)?|where\s+the)\s*names?\s+(?:mentions?|contains?|includes?|has|have|with|is\s+like)\s+(?<w>.+)$`,
  ),
  rx(
    String.raw`${LEAD}(?:that|which)\s+(?:mention|contain|include|have)\s+(?<w>.+?)(?:\s+in\s+(?:the|their|its)\s+names?)?$`,
  ),
  rx(String.raw`${LEAD}with\s+(?<w>.+?)\s+in\s+(?:the|their|its)\s+names?$`),
  rx(String.raw`${LEAD}(?:containing|mentioning|including|named\s+like)\s+(?<w>.+)$`),
];

const WHAT_IS = rx(String.raw`^what(?:['’]s|\s+is)\s+(?<g>.+)$`);
const NOT_A_GROUP = /^(?:the|a|an|my|your|this|that|it|up|new|going|happening|wrong)\b/i;

/** "groups whose name mentions Finance", "any groups with Project in the name"; "what is Project Falcon". */
export const matchNameSearch: Matcher = (u) => {
  for (const re of CONTAINS) {
    const c = capture(u, re);
    const word = cleanFree(c?.w?.replace(/^(?:the\s+word\s+)/i, ''));
    if (word !== undefined) return makeIntent('listGroups', { nameContains: word });
  }
  const w = capture(u, WHAT_IS);
  const g = w?.g?.trim();
  if (g !== undefined && /^[\p{Lu}\p{N}"“'‘]/u.test(g) && !NOT_A_GROUP.test(g))
    return makeIntent('showGroup', { groups: groupsSlot(g) });
  return undefined;
};
