/** checkMembership, listMembers and listUserGroups (with "including nested" → transitive). */
import { makeIntent } from '../intent-build';
import { capture, rx, toUtterance, type Utterance } from '../quote-mask';
import { extractTransitive } from '../qualifier-extract';
import { groupsSlot, usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';
import { ALL_OPT, IN_REL, ME_OPT, SHOW } from './vocabulary';

const NOT_THERE = String.raw`(?!there\b|it\b|this\b|that\b)`;
/** "is Liam not in X" / "why isn't Liam in X": the negation is not part of the name. */
const NEG = String.raw`(?:n['’]t)?`;
const NOT_OPT = String.raw`(?:not\s+)?`;
const CHECK: RegExp[] = [
  rx(String.raw`^(?:is|are|am)${NEG}\s+${NOT_THERE}(?<u>.+?)\s+${NOT_OPT}${IN_REL}\s+(?<g>.+)$`),
  rx(
    String.raw`^(?:does|do)\s+${NOT_THERE}(?<u>.+?)\s+(?:belong\s+to|have\s+membership\s+(?:in|of)|sit\s+in|appear\s+in|show\s+up\s+in|still\s+belong\s+to)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:check|verify|see|find\s+out|confirm|tell\s+me|let\s+me\s+know)\s+(?:if|whether)\s+(?<u>.+?)\s+(?:(?:is|are|am)\s+${IN_REL}|belongs?\s+to|(?:is|are)\s+still\s+in)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^(?:check|verify)\s+(?:the\s+)?membership\s+(?:of|for)\s+(?<u>.+?)\s+(?:in|of|on)\s+(?<g>.+)$`),
  rx(String.raw`^(?:check|verify)\s+(?<u>.+?)['’]s?\s+membership\s+(?:in|of|on)\s+(?<g>.+)$`),
];
const EXPLAIN: RegExp[] = [
  rx(String.raw`^(?:why|how|how\s+come)\s+(?:is|are|am)${NEG}\s+(?<u>.+?)\s+${NOT_OPT}${IN_REL}\s+(?<g>.+)$`),
  rx(String.raw`^(?:why|how)['’]s\s+(?<u>.+?)\s+${NOT_OPT}${IN_REL}\s+(?<g>.+)$`),
  rx(
    String.raw`^(?:why|how)\s+(?:does|do)\s+(?<u>.+?)\s+(?:belong\s+to|have\s+(?:access\s+to|membership\s+(?:in|of)))\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^how\s+(?:did|does|do)\s+(?<u>.+?)\s+(?:get|end\s+up|become\s+a\s+member)\s+(?:in|into|added\s+to|of)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^how\s+come\s+(?<u>.+?)\s+(?:(?:is|are)\s+${IN_REL}|belongs?\s+to)\s+(?<g>.+)$`),
  rx(
    String.raw`^(?:explain|show(?:\s+me)?|tell\s+me)\s+(?:why|how)\s+(?<u>.+?)\s+(?:(?:is|are|am)\s+${IN_REL}|belongs?\s+to|got\s+into|ended\s+up\s+in)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^(?:explain|trace)\s+(?<u>.+?)['’]s?\s+membership\s+(?:in|of)\s+(?<g>.+)$`),
];

/** "is Ana in Marketing?", "does Bob belong to Legal", "why is Ana in Marketing" (explain: true). */
export const matchCheckMembership: Matcher = (u) => {
  for (const re of EXPLAIN) {
    const c = capture(u, re);
    if (c) return makeIntent('checkMembership', { users: usersSlot(c.u), groups: groupsSlot(c.g), explain: true });
  }
  for (const re of CHECK) {
    const c = capture(u, re);
    if (c) return makeIntent('checkMembership', { users: usersSlot(c.u), groups: groupsSlot(c.g) });
  }
  return undefined;
};

const MEMBER_NOUN = String.raw`(?:members|membership|memberships|member\s+list|people|users|persons|everyone|everybody|folks|member\s+users)`;
const LIST_MEMBERS: RegExp[] = [
  rx(
    String.raw`^(?:who|who\s+all|who\s+exactly|who\s+else)(?:['’]?s|\s+is|\s+are)?\s+(?:currently\s+|actually\s+)?${IN_REL}\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^who\s+(?:belongs\s+to|has\s+access\s+to|can\s+access|are\s+the\s+members\s+of|is\s+a\s+member\s+of)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:${SHOW}\s+|check\s+)?${ME_OPT}${ALL_OPT}(?:current\s+)?${MEMBER_NOUN}\s+(?:of|in|on|for|inside|within|from|belonging\s+to)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:(?:is|are)\s+there\s+(?:anyone|anybody|any\s+(?:members|users|people))|what(?:['’]?s|\s+is))\s+in\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^who\s+(?:was|were)\s+(?!.*\b(?:ago|last|yesterday|since|until|back|earlier|when|then|before(?!\s+it\s+(?:was|got)\s+deleted))\b)(?:${IN_REL}|the\s+members\s+of)\s+(?<g>.+?)(?:\s+before\s+it\s+(?:was|got)\s+deleted)?$`,
  ),
  rx(String.raw`^how\s+many\s+(?:members|people|users|persons)\s+(?:are\s+)?(?:there\s+)?(?:in|on)\s+(?<g>.+)$`),
  rx(String.raw`^how\s+many\s+(?:members|people|users|persons)\s+(?:does|do)\s+(?<g>.+?)\s+have$`),
  rx(String.raw`^(?:${SHOW}\s+)?${ME_OPT}${ALL_OPT}(?:members|member\s+list)$`),
  rx(
    String.raw`^(?:${SHOW}\s+)?${ME_OPT}${ALL_OPT}(?<g>(?!all\b|the\b|${SHOW}\b)[^\n]+?)(?:['’]s?)?\s+(?:members|membership|member\s+list)$`,
  ),
];

/** "who is in Marketing", "members of X", "list all members of X including nested" (transitive). */
export const matchListMembers: Matcher = (u) => {
  const t = extractTransitive(u.text);
  const v: Utterance = t.transitive ? toUtterance(t.text) : u;
  for (const re of LIST_MEMBERS) {
    const c = capture(v, re);
    if (c) return makeIntent('listMembers', { groups: groupsSlot(c.g), transitive: t.transitive });
  }
  return undefined;
};

const GROUPS_NOUN = String.raw`(?:groups|teams|group\s+memberships|memberships|groups\s+and\s+teams)`;
const USER_GROUPS: RegExp[] = [
  rx(String.raw`^(?:${SHOW}\s+)?${ME_OPT}${ALL_OPT}(?<u>my)\s+(?:own\s+)?${GROUPS_NOUN}$`),
  rx(
    String.raw`^(?:which|what)\s+(?:groups?|teams?)\s+(?:is|are|am|does|do)\s+(?<u>.+?)\s+(?:${IN_REL}|belong\s+to|belongs\s+to|have|has|a\s+member\s+of)$`,
  ),
  rx(
    String.raw`^(?:(?:${SHOW}|which|what)\s+)?${ME_OPT}${ALL_OPT}(?:the\s+)?${GROUPS_NOUN}\s+(?:that\s+|which\s+)?(?!(?:is|are|am|does|do)\b)(?<u>.+?)\s+(?:(?:is|are|am)\s+(?:${IN_REL}|a\s+member\s+of)|belongs?\s+to|(?:is|are|am)\s+part\s+of)$`,
  ),
  rx(
    String.raw`^(?:${SHOW}\s+)?${ME_OPT}${ALL_OPT}(?:the\s+)?${GROUPS_NOUN}\s+(?:of|for)\s+(?:the\s+)?(?:user\s+)?(?<u>.+)$`,
  ),
  rx(String.raw`^(?:${SHOW}\s+)?${ME_OPT}${ALL_OPT}(?<u>[^\n]+?)['’]s?\s+(?:own\s+)?${GROUPS_NOUN}$`),
  rx(String.raw`^(?:what|where)\s+(?:is|are|am)\s+(?<u>.+?)\s+(?:an?\s+)?members?(?:\s+of)?$`),
  rx(String.raw`^(?:which|what)\s+(?:groups|teams)\s+(?:contain|include|have|has)\s+(?<u>.+)$`),
];

const NOT_A_USER =
  /^(?:all|the|existing|current|security|dynamic|deleted|m365|microsoft\s*365|office\s*365|o365|unified|available|our|these|those|some|any|of)$/i;

/** "which groups is Ana in", "my groups", "Ana's groups", "groups for bob@contoso.com" (with transitive). */
export const matchListUserGroups: Matcher = (u) => {
  const t = extractTransitive(u.text);
  const v: Utterance = t.transitive ? toUtterance(t.text) : u;
  for (const re of USER_GROUPS) {
    const c = capture(v, re);
    if (!c || (c.u !== undefined && NOT_A_USER.test(c.u.trim()))) continue;
    const users = usersSlot(c.u);
    if (users === undefined) continue;
    return makeIntent('listUserGroups', { users, transitive: t.transitive });
  }
  return undefined;
};
