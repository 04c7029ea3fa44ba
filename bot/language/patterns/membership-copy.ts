/**
 * copyMembership: a person's groups given to another ("give Joni the same groups as Enrico"), or a group's
 * members added to another group ("put everyone from Sales into Marketing too"). `mirror` only when the text asks
 * for an exact match ("make Adele's groups match Megan's", "exactly the same people").
 */
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { groupsSlot, usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const POSS = String.raw`(?:['’]s?)?`;
const GROUPS = String.raw`(?:group\s+)?(?:groups|memberships|access|teams)`;

const USER_GROUPS: Array<{ re: RegExp; mirror?: true }> = [
  {
    re: rx(
      String.raw`^make\s+(?<t>.+?)['’]s?\s+${GROUPS}\s+(?:the\s+same\s+as|match|identical\s+to|mirror|exactly\s+like)\s+(?<s>.+?)${POSS}(?:\s+${GROUPS})?$`,
    ),
    mirror: true,
  },
  {
    re: rx(
      String.raw`^(?<t>.+?)\s+should\s+(?:also\s+)?be\s+in\s+(?:all\s+)?(?:the\s+)?(?:same\s+)?groups\s+(?:as\s+)?(?<s>.+?)(?:\s+is(?:\s+in)?|['’]s)?$`,
    ),
  },
  {
    re: rx(
      String.raw`^(?:give|add)\s+(?<t>.+?)\s+(?:to\s+)?(?:all\s+)?(?:the\s+)?same\s+${GROUPS}\s+as\s+(?<s>.+?)${POSS}$`,
    ),
  },
  {
    re: rx(
      String.raw`^(?<t>[^,;—–]+?)\s+is\s+(?:replacing|taking\s+over\s+from|covering\s+for)\s+[^,;—–]+?\s*[,;—–.-]+\s*give\s+(?:him|her|them)\s+(?<s>.+?)['’]s?\s+${GROUPS}$`,
    ),
  },
  { re: rx(String.raw`^give\s+(?<t>\S+)\s+(?<s>\S+(?:\s+\S+)?)['’]s\s+${GROUPS}$`) },
  {
    re: rx(
      String.raw`^set\s+up\s+(?<t>.+?)\s+(?:like|the\s+same\s+as)\s+(?<s>[^,]+?)(?:\s*,\s*(?:with\s+(?:the\s+)?)?same\s+(?:groups|access))?$`,
    ),
  },
  { re: rx(String.raw`^(?:copy|clone)\s+(?<s>.+?)['’]s?\s+${GROUPS}\s+(?:to|onto|for|over\s+to)\s+(?<t>.+)$`) },
];

const EVERYONE = String.raw`(?:everyone|everybody|whoever|anyone|all\s+(?:the\s+)?(?:members|people|users))`;
/** "the Legal people", "all of the Sales folks": a group's members named by the group and a word for people. */
const NOT_A_GROUP = String.raw`(?!(?:the|a|an|my|our|your|his|her|their|some|these|those|following|new|other|same|right|\d+)\b)`;
const PEOPLE = String.raw`(?:people|members|folks?|users|crowd|staff|team\s+members)`;
const GROUP_PEOPLE = String.raw`(?:(?:all\s+(?:of\s+)?(?:the\s+)?|the\s+)${NOT_A_GROUP}(?<s>.+?)\s+${PEOPLE}|(?:all\s+(?:of\s+)?)?${NOT_A_GROUP}(?<s2>[^\s'’]+(?:\s+[^\s'’]+){0,4}?)['’]s?\s+${PEOPLE})`;
const TOO = String.raw`(?:\s+(?:too|as\s+well|also))?`;
/** The target after "into": not a verb phrase ("everyone in Sales to get access"). */
const TARGET = String.raw`(?!(?:be|get|have|see|know|join|use|the\s+same)\b)(?<t>.+?)`;
const GROUP_MEMBERS: Array<{ re: RegExp; mirror?: true }> = [
  {
    re: rx(
      String.raw`^make\s+(?<t>.+?)\s+have\s+(?:exactly\s+)?the\s+same\s+(?:people|members|membership)\s+as\s+(?<s>.+)$`,
    ),
    mirror: true,
  },
  {
    re: rx(
      String.raw`^${EVERYONE}\s+(?:who\s+is\s+|who['’]s\s+|that\s+is\s+|is\s+)?(?:in|from|of)\s+(?<s>.+?)\s+(?:also\s+)?(?:needs?|should|must|has|have)\s+(?:to\s+)?(?:also\s+)?be\s+(?:in|added\s+to|members\s+of)\s+(?<t>.+?)(?:\s+(?:too|as\s+well))?$`,
    ),
  },
  {
    re: rx(
      String.raw`^(?!.*\bback\s+(?:to|how)\b)(?:add|put|copy|move|bring)\s+(?:${EVERYONE}\s+(?:from|in|of)|the\s+(?:members|people)\s+(?:of|from|in))\s+(?<s>.+?)\s+(?:to|into|in|over\s+to)\s+(?<t>.+?)(?:\s+(?:too|as\s+well|also))?$`,
    ),
  },
  {
    re: rx(
      String.raw`^(?:copy|clone)\s+(?:the\s+)?(?<s>.+?)(?:(?:['’]s?)?\s+(?:members|membership|people|users))?\s+(?:into|to|over\s+to)\s+(?<t>.+)$`,
    ),
  },
  {
    re: rx(
      String.raw`^(?:add|put|copy|move|bring)\s+${GROUP_PEOPLE}\s+(?:to|into|in|onto|over\s+to)\s+${TARGET}${TOO}$`,
    ),
  },
  {
    re: rx(
      String.raw`^${EVERYONE}\s+(?:who\s+is\s+|who['’]s\s+|that\s+is\s+)?(?:in|from|of)\s+(?<s>(?:(?!\s(?:in)?to\s).)+?)\s+(?:into|onto|over\s+to|to)\s+${TARGET}${TOO}$`,
    ),
  },
];

/** "give Joni the same groups as Enrico", "put everyone from Sales into Marketing too". */
export const matchCopyMembership: Matcher = (u) => {
  for (const { re, mirror } of USER_GROUPS) {
    const c = capture(u, re);
    const source = usersSlot(c?.s);
    const target = usersSlot(c?.t);
    if (source && target) return makeIntent('copyMembership', { kind: 'userGroups', source, target, mirror });
  }
  for (const { re, mirror } of GROUP_MEMBERS) {
    const c = capture(u, re);
    const source = groupsSlot(c?.s ?? c?.s2);
    const target = groupsSlot(c?.t);
    if (source && target) return makeIntent('copyMembership', { kind: 'groupMembers', source, target, mirror });
  }
  return undefined;
};
