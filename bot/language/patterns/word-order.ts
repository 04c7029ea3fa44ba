/**
 * Requests whose verb sits in an unexpected place or form (issue 23): "Legal: Joni in, Bob out", "from Finance
 * Alerts please drop François", "give Miriam the keys to Executive Leadership", "Isaiah wants in on Directory
 * Squad", "Christie into Marketing please", and non-native orders ("In which groups is being José?", "remove of
 * the group Marketing the user Christie Cline").
 */
import type { Intent, IntentName } from '../intent';
import { makeIntent } from '../intent-build';
import { capture, rx, type Utterance } from '../quote-mask';
import { groupsSlot, usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const NOT_ME = String.raw`(?!(?:i|we|you|u|it|this|that|there)\b)`;
const OWNER = String.raw`(?:an?\s+|the\s+)?(?:co-?)?owner`;

const RULES: Array<[IntentName, RegExp]> = [
  ['showGroup', rx(String.raw`^where\s+(?:did|has)\s+(?<g>.+?)\s+(?:go|gone)$`)],
  ['restoreGroup', rx(String.raw`^(?:can|could)\s+(?:we|you|i)\s+(?:get|have)\s+(?<g>.+?)\s+back$`)],
  ['listMembers', rx(String.raw`^who\s+(?:was|were)\s+in\s+(?<g>.+?)\s+before\s+it\s+(?:was|got)\s+deleted$`)],
  [
    'addOwners',
    rx(
      String.raw`^(?:i['’]d\s+like|i\s+want|i\s+would\s+like|we['’]d\s+like)\s+(?<u>.+?)\s+(?:running|managing|owning|to\s+run|to\s+manage|to\s+own)\s+(?<g>.+)$`,
    ),
  ],
  ['addOwners', rx(String.raw`^give\s+(?<u>.+?)\s+the\s+keys\s+(?:to|of|for)\s+(?<g>.+)$`)],
  [
    'addOwners',
    rx(
      String.raw`^${NOT_ME}(?<u>.+?)\s+(?:is\s+needing|needs|is\s+wanting|wants|has)\s+to\s+be\s+${OWNER}\s+(?:also\s+)?(?:of|for|in)\s+(?<g>.+)$`,
    ),
  ],
  [
    'addOwners',
    rx(
      String.raw`^(?:i\s+am\s+wanting|i\s+want|i\s+would\s+like|i['’]d\s+like|we\s+want)\s+that\s+(?<u>.+?)\s+(?:becomes?|is|will\s+be|be)\s+${OWNER}\s+(?:of|for|in)\s+(?<g>.+)$`,
    ),
  ],
  ['addOwners', rx(String.raw`^(?<u>[^,]+?)\s*,\s*(?<g>[^,]+?)\s*,\s*as\s+${OWNER}$`)],
  ['addMembers', rx(String.raw`^(?<u>[^,]+?)\s*,\s*(?<g>[^,]+?)\s*,\s*as\s+(?:an?\s+)?member$`)],
  [
    'removeMembers',
    rx(String.raw`^from\s+(?<g>.+?)\s+(?:please\s+)?(?:drop|remove|take\s+out|kick\s+out|kick)\s+(?<u>.+)$`),
  ],
  ['addMembers', rx(String.raw`^(?:to|into)\s+(?<g>.+?)\s+(?:please\s+)?(?:add|put)\s+(?<u>.+)$`)],
  [
    'addMembers',
    rx(String.raw`^${NOT_ME}(?<u>.+?)\s+needs?\s+to\s+be\s+able\s+to\s+(?:see|access|get\s+into|use|open)\s+(?<g>.+)$`),
  ],
  ['addMembers', rx(String.raw`^(?:slot|pop|sneak|squeeze|bung|chuck)\s+(?<u>.+?)\s+(?:in|into|onto|on)\s+(?<g>.+)$`)],
  ['addMembers', rx(String.raw`^${NOT_ME}(?<u>.+?)\s+wants?\s+in\s+(?:on|to)\s+(?<g>.+)$`)],
  [
    'removeMembers',
    rx(
      String.raw`^(?:remove|take\s+out|delete)\s+(?:of|from)\s+(?:the\s+group\s+)?(?<g>.+?)\s+the\s+(?:users?|persons?|members?)\s+(?<u>.+)$`,
    ),
  ],
  ['listUserGroups', rx(String.raw`^in\s+(?:which|what)\s+groups\s+(?:is|are)\s+(?:being\s+)?(?<u>.+)$`)],
  [
    'listMembers',
    rx(String.raw`^who\s+(?:is|are)\s+the\s+(?:persons?|people|members|users)\s+(?:inside|in|of)\s+(?<g>.+)$`),
  ],
];

/** "Legal: Joni in, Bob out" (the group first) and "Joni in, Bob out — Legal" (the group last). */
const IN_OUT: RegExp[] = [
  rx(String.raw`^(?<g>[^:,—–]+?)\s*[:—–]\s*(?<items>[^:—–]+?\s(?:in|out))$`),
  rx(String.raw`^(?<items>[^:—–]+?\s(?:in|out))\s*(?:[:—–]|\s-|,?\s+(?:for|on)\b)\s*(?<g>[^:,—–]+)$`),
];
const IN_OUT_ITEM = /\s*(?<u>\S.*?)\s+(?<dir>in|out)(?:\s*(?:[,;&+]|\band\b)\s*|\s*$)/giy;

/**
 * The steps of "Joni in, Bob out" for the group, in the order written; undefined unless there are two items or more
 * and every item ends in in/out (one item alone, "Help: who is logged in", is too often something else).
 */
function inOutSteps(items: string, groups: string[]): Intent[] | undefined {
  const steps: Intent[] = [];
  IN_OUT_ITEM.lastIndex = 0;
  let end = 0;
  for (let m = IN_OUT_ITEM.exec(items); m?.groups; m = IN_OUT_ITEM.exec(items)) {
    const users = usersSlot(m.groups['u']);
    if (!users) return undefined;
    steps.push(makeIntent(/^in$/i.test(m.groups['dir'] ?? '') ? 'addMembers' : 'removeMembers', { users, groups }));
    end = IN_OUT_ITEM.lastIndex;
  }
  return end === items.length && steps.length > 1 ? steps : undefined;
}

function matchInOut(u: Utterance): Intent | undefined {
  for (const re of IN_OUT) {
    const c = capture(u, re);
    const groups = groupsSlot(c?.g);
    const steps = groups && c?.items !== undefined ? inOutSteps(c.items, groups) : undefined;
    if (steps) return makeIntent('multi', { steps });
  }
  return undefined;
}

/** "Legal: Joni in, Bob out" and the word orders above. */
export const matchWordOrder: Matcher = (u) => {
  const io = matchInOut(u);
  if (io) return io;
  for (const [intent, re] of RULES) {
    const c = capture(u, re);
    const users = usersSlot(c?.u);
    const groups = groupsSlot(c?.g);
    if (c && (users || groups)) return makeIntent(intent, { users, groups });
  }
  return undefined;
};

const INTO = rx(
  String.raw`^${NOT_ME}(?!(?:who|what|which|how|where|when|why|can|could|do|does|is|are|get|go)\b)(?<u>[^,\s]+(?:\s+[^,\s]+){0,3}?)\s+(?:into|onto|in\s+to)\s+(?<g>.+)$`,
);

/** "Christie into Marketing please": a person into a group, no verb at all (tried late). */
export const matchBareInto: Matcher = (u) => {
  const c = capture(u, INTO);
  const users = usersSlot(c?.u);
  const groups = groupsSlot(c?.g);
  return users && groups ? makeIntent('addMembers', { users, groups }) : undefined;
};
