/**
 * groupPropertyQuestion ("is Finance Readers a security group?", "is Executive Leadership hidden?") and findGroup
 * ("do we have a group for the auditors?").
 */
import type { GroupProperty } from '../intent';
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { cleanFree, groupsSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const M365 = String.raw`(?:microsoft\s*365|m365|ms\s*365|office\s*365|o365|unified)`;
const G = String.raw`(?:group|team)`;
const END = String.raw`\s*\??$`;

const PROPERTY: Array<[GroupProperty, RegExp]> = [
  [
    'groupType',
    rx(
      String.raw`^is\s+(?<g>.+?)\s+an?\s+(?:${M365}|security)(?:\s+${G})?\s+or\s+(?:an?\s+)?(?:${M365}|security)(?:\s+${G})?${END}`,
    ),
  ],
  ['groupType', rx(String.raw`^(?:what|which)\s+(?:kind|type|sort)\s+of\s+${G}\s+is\s+(?<g>.+?)${END}`)],
  ['security', rx(String.raw`^is\s+(?:the\s+)?(?:group\s+)?(?<g>.+?)\s+an?\s+group\s+(?:of|for)\s+security${END}`)],
  ['security', rx(String.raw`^is\s+(?<g>.+?)\s+an?\s+security(?:[-\s]enabled)?(?:\s+${G})?${END}`)],
  ['mailEnabled', rx(String.raw`^is\s+(?<g>.+?)\s+(?:mail[-\s]?enabled|email[-\s]?enabled)${END}`)],
  [
    'mailEnabled',
    rx(
      String.raw`^(?:does|do)\s+(?<g>.+?)\s+have\s+(?:a\s+|an\s+)?(?:mailbox|e-?mail(?:\s+address)?|inbox|shared\s+mailbox)${END}`,
    ),
  ],
  ['distributionList', rx(String.raw`^is\s+(?<g>.+?)\s+an?\s+(?:distribution\s+(?:list|group)|dl)${END}`)],
  ['dynamic', rx(String.raw`^is\s+(?<g>.+?)\s+an?\s+dynamic(?:\s+${G})?\s+or\s+.+${END}`)],
  ['dynamic', rx(String.raw`^is\s+(?<g>.+?)(?:['’]s\s+membership)?\s+managed\s+by\s+a\s+rule${END}`)],
  // "is Seattle Employees dynamic?": yes or no, with the rule when it is (group-property-answer.ts).
  ['dynamic', rx(String.raw`^(?:is|are)\s+(?<g>.+?)\s+(?:an?\s+)?dynamic(?:\s+${G})?${END}`)],
  ['team', rx(String.raw`^is\s+(?<g>(?!.*\bmembers?\s+of\b).+?)\s+an?\s+(?:microsoft\s+)?teams?(?:\s+team)?${END}`)],
  ['team', rx(String.raw`^(?:does|do)\s+(?<g>.+?)\s+have\s+a\s+team(?:\s+in\s+teams)?${END}`)],
  ['visibility', rx(String.raw`^is\s+(?<g>.+?)\s+(?:public\s+or\s+private|private\s+or\s+public)${END}`)],
  [
    'visibility',
    rx(String.raw`^can\s+(?:anyone|anybody|everyone|people)\s+join\s+(?<g>.+?)\s*,?\s+or\s+is\s+it\s+private${END}`),
  ],
  ['visibility', rx(String.raw`^what(?:['’]s|\s+is)\s+(?:the\s+)?visibility\s+of\s+(?<g>.+?)${END}`)],
  ['private', rx(String.raw`^is\s+(?<g>.+?)\s+(?:a\s+)?private(?:\s+${G})?${END}`)],
  [
    'hiddenMembership',
    rx(String.raw`^is\s+(?<g>.+?)(?:['’]s?\s+(?:membership|member\s+list))?\s+hidden(?:\s+membership)?${END}`),
  ],
  [
    'hiddenMembership',
    rx(
      String.raw`^can\s+(?:i|we|people|anyone)\s+see\s+who(?:['’]s|\s+is)\s+in\s+(?<g>.+?)\s*,?\s+or\s+is\s+(?:the\s+membership|it)\s+hidden${END}`,
    ),
  ],
  [
    'roleAssignable',
    rx(
      String.raw`^(?:is\s+(?<g>.+?)\s+role[-\s]?assignable|can\s+(?<g2>.+?)\s+be\s+assigned\s+(?:to\s+)?(?:admin\s+)?roles)${END}`,
    ),
  ],
  [
    'guestsAllowed',
    rx(
      String.raw`^(?:can\s+(?:we\s+|i\s+)?(?:add\s+)?guests\s+(?:be\s+added\s+to|join|in)\s+(?<g>.+?)|(?:does|do)\s+(?<g2>.+?)\s+allow\s+guests)${END}`,
    ),
  ],
  ['deleted', rx(String.raw`^(?:was|has)\s+(?<g>.+?)\s+(?:been\s+)?deleted${END}`)],
  ['deleted', rx(String.raw`^is\s+(?<g>.+?)\s+(?:deleted|in\s+the\s+recycle\s+bin)${END}`)],
];

/** "is Finance Readers a security group?", "does Legal have a mailbox?", "is Sales public or private". */
export const matchGroupProperty: Matcher = (u) => {
  for (const [property, re] of PROPERTY) {
    const c = capture(u, re);
    const groups = groupsSlot(c?.g ?? c?.g2);
    if (groups) return makeIntent('groupPropertyQuestion', { groups, property });
  }
  return undefined;
};

const FOR = String.raw`(?:for|meant\s+for|that\s+covers)\s+(?<t>.+?)`;
const FIND: RegExp[] = [
  rx(
    String.raw`^(?:is\s+there|do\s+we\s+(?:already\s+)?have|have\s+we\s+got|any)\s+(?:already\s+)?(?:an?\s+|any\s+)?${G}s?\s+${FOR}(?:\s+already)?${END}`,
  ),
  rx(String.raw`^what(?:['’]s|\s+is)\s+the\s+${G}\s+${FOR}\s+called${END}`),
  rx(
    String.raw`^(?:what|which)\s+${G}\s+(?:should|do|does|would|can)\s+(?<t>.+?)\s+(?:go|be|belong|join)(?:\s+(?:in|into|to))?${END}`,
  ),
  rx(String.raw`^(?:what|which)\s+${G}\s+(?:handles|covers|is\s+for|looks\s+after|deals\s+with)\s+(?<t>.+?)${END}`),
  rx(String.raw`^where\s+(?:do|should|can)\s+(?:i|we)\s+put\s+(?<t>.+?)${END}`),
  rx(
    String.raw`^(?:we|i)\s+need\s+an?\s+${G}\s+${FOR}\s*[,;]\s*(?:do\s+we\s+have|is\s+there)\s+one(?:\s+already)?${END}`,
  ),
];

/** "do we have a group for the auditors?", "which team handles identity stuff". */
export const matchFindGroup: Matcher = (u) => {
  for (const re of FIND) {
    const t = cleanFree(capture(u, re)?.t)?.replace(/^(?:the|a|an|our)\s+/i, '');
    if (t) return makeIntent('findGroup', { topic: t });
  }
  return undefined;
};
