/** listOwnedGroups: "which groups do I own", "what groups does Bob own", "groups owned by Ana" (users: the owner). */
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';
import { ALL_OPT, ME_OPT, SHOW } from './vocabulary';

const GROUPS = String.raw`(?:groups?|teams?)`;
const OWN_VERB = String.raw`(?:own|manage|co-own)`;
const OWNER_OF = String.raw`(?:an?\s+|the\s+)?(?:co-?)?owners?\s+of`;
const LIST = String.raw`^(?:${SHOW}\s+|check\s+)?${ME_OPT}${ALL_OPT}(?:the\s+)?`;

const OWNED: RegExp[] = [
  rx(String.raw`^(?:which|what)\s+${GROUPS}\s+(?:do|does|did)\s+(?<u>.+?)\s+(?:still\s+)?${OWN_VERB}$`),
  rx(String.raw`^(?:which|what)\s+${GROUPS}\s+(?:am|is|are)\s+(?<u>.+?)\s+${OWNER_OF}$`),
  rx(String.raw`${LIST}${GROUPS}\s+(?:owned|managed)\s+by\s+(?<u>.+)$`),
  rx(
    String.raw`${LIST}${GROUPS}\s+(?:that\s+|which\s+)?(?!(?:do|does|did|am|is|are)\b)(?<u>.+?)\s+(?:owns?|manages?|(?:am|is|are)\s+${OWNER_OF})$`,
  ),
  rx(String.raw`${LIST}(?<u>my|[^\n]+?)(?:['’]s?)?\s+owned\s+${GROUPS}$`),
  rx(String.raw`^(?:what|which)\s+(?:do|does)\s+(?<u>.+?)\s+own$`),
];

/** "which groups do I own", "groups owned by Ana", "list the groups Bob owns", "my owned groups". */
export const matchListOwnedGroups: Matcher = (u) => {
  for (const re of OWNED) {
    const c = capture(u, re);
    if (!c) continue;
    const users = usersSlot(c.u);
    if (users === undefined) continue;
    return makeIntent('listOwnedGroups', { users });
  }
  return undefined;
};
