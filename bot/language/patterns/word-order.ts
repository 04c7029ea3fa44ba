/**
 * Requests whose verb sits in an unexpected place or form (issue 23): "Legal: Joni in, Bob out", "from Finance
 * Alerts please drop François", "give Miriam the keys to Executive Leadership", "Isaiah wants in on Directory
 * Squad", "Christie into Marketing please", and non-native orders ("In which groups is being José?", "remove of
 * the group Marketing the user Christie Cline").
 */
import type { IntentName } from '../intent';
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
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

const IN_OUT = rx(String.raw`^(?<g>[^:,]+?)\s*:\s*(?<u1>[^,]+?)\s+in\s*,\s*(?<u2>[^,]+?)\s+out$`);

/** "Legal: Joni in, Bob out" and the word orders above. */
export const matchWordOrder: Matcher = (u) => {
  const io = capture(u, IN_OUT);
  if (io) {
    const groups = groupsSlot(io.g);
    return makeIntent('multi', {
      steps: [
        makeIntent('addMembers', { users: usersSlot(io.u1), groups }),
        makeIntent('removeMembers', { users: usersSlot(io.u2), groups }),
      ],
    });
  }
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
