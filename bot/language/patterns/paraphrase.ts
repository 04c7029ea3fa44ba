/**
 * Paraphrases of membership and ownership requests that do not start with the operation's verb:
 * "Ana should be in Sales", "Sales needs Raul", "Bob is leaving Legal", "has Bob got access to Legal",
 * "Legal — add Enrico", "who do I ask to get into Legal", "swap Raul for Nestor in Sales".
 */
import type { IntentName } from '../intent';
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { groupsSlot, usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';

/**
 * A phrase reads as a group rather than a person when it has a digit, a collective or organisational noun
 * ("team", "department", "staff"), a common department abbreviation ("HR", "IT"), or a word shaped like a
 * department or a collective: a plural ("Sales", "Readers", "Admins"), or an -ing / -ance / -ment / -ship / -tion /
 * -al / -ics noun ("Marketing", "Finance", "Development", "Leadership", "Operations", "Legal", "Analytics").
 * General English only: no tenant's names.
 */
const COLLECTIVE =
  /\b(?:team|teams|group|groups|dept|department|office|crew|committee|board|club|channel|staff|everyone|all|project|access|support|desk|hr|it|ops|r&d|pr|qa|eng|dev|devs|mktg)\b|\d/i;
const DEPARTMENT_SHAPE = /\b[\p{L}]{2,}(?:ing|ance|ence|ment|ship|tion|sion|ions|al|ics|s)\b/iu;

function isGroupish(phrase: string): boolean {
  return COLLECTIVE.test(phrase) || DEPARTMENT_SHAPE.test(phrase.replace(/['’]s\b/g, ''));
}

const NOT_A_PERSON = /^(?:i|we|you|u|it|this|that|there|someone|somebody|anyone|everyone|they|he|she)$/i;

interface Rule {
  re: RegExp;
  intent: IntentName;
  /** The two captures `a` and `b` are a person and a group in an unknown order: decide by the group words. */
  either?: boolean;
}

const BE_IN = String.raw`(?:in|on|into|part\s+of|(?:an?\s+)?members?\s+of|added\s+(?:to|in|into)|put\s+in(?:to)?|included\s+in)`;
const NOT_IN = String.raw`(?:in|on|part\s+of|(?:an?\s+)?members?\s+of)`;
const OWN = String.raw`(?:co-?own|own|manage|run|be\s+(?:an?\s+|the\s+|a\s+co-?)?(?:co-?)?owners?\s+(?:of|for|on))`;

const RULES: Rule[] = [
  // swap is two operations; handled in matchParaphrase.
  {
    intent: 'removeOwners',
    re: rx(
      String.raw`^(?<u>.+?)\s+(?:no\s+longer\s+needs?|doesn['’]?t\s+need|does\s+not\s+need|don['’]?t\s+need)\s+to\s+(?:own|manage|be\s+(?:an?\s+)?owners?\s+of)\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'addOwners',
    re: rx(
      String.raw`^(?<u>.+?)\s+(?:should|needs\s+to|need\s+to|has\s+to|have\s+to|must|will|can|could|is\s+going\s+to|wants\s+to)\s+${OWN}\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'addOwners',
    re: rx(
      String.raw`^(?:i|we)\s+(?:want|need|['’]d\s+like|would\s+like)\s+(?<u>.+?)\s+to\s+(?:co-?own|own|manage|run)\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'removeMembers',
    re: rx(
      String.raw`^(?<u>.+?)\s+(?:shouldn['’]?t|should\s+not|should\s+no\s+longer|must\s+not|doesn['’]?t\s+need\s+to|no\s+longer\s+needs\s+to|can['’]?t|cannot)\s+be\s+${NOT_IN}\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'removeMembers',
    re: rx(
      String.raw`^(?<u>.+?)\s+(?:should|needs\s+to|need\s+to|must|has\s+to|can)\s+be\s+(?:removed|taken\s+out|dropped|kicked\s+out)\s+(?:from|of|out\s+of)\s+(?<g>.+)$`,
    ),
  },
  {
    // A passive question: "could Joni Sherman be removed from Sales?"
    intent: 'removeMembers',
    re: rx(
      String.raw`^(?:can|could|would|may)\s+(?<u>.+?)\s+(?:please\s+)?be\s+(?:removed|taken\s+out|dropped|kicked\s+out)\s+(?:from|of|out\s+of)\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'removeMembers',
    re: rx(
      String.raw`^(?<u>.+?)\s+(?:is|are|['’]s|['’]re)\s+leaving\s+(?<g>(?!the\s+company\b|the\s+org|us\b|today\b|soon\b).+)$`,
    ),
  },
  {
    intent: 'removeMembers',
    either: true,
    re: rx(
      String.raw`^(?<a>.+?)\s+(?:no\s+longer\s+needs?|doesn['’]?t\s+need|does\s+not\s+need|don['’]?t\s+need)\s+(?:access\s+to\s+)?(?<b>.+)$`,
    ),
  },
  {
    intent: 'addMembers',
    re: rx(
      String.raw`^(?<u>.+?)\s+(?:should|ought\s+to|needs\s+to|need\s+to|has\s+to|must|will|can|could|wants\s+to|want\s+to)\s+(?:be|get|go)\s+${BE_IN}\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'addMembers',
    re: rx(
      String.raw`^(?:can|could|may|should)\s+(?<u>(?!i\b|we\b|you\b|u\b).+?)\s+(?:get|be)\s+(?:added\s+to|put\s+in(?:to)?|in(?:to)?)\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'addMembers',
    re: rx(
      String.raw`^(?<u>(?!i\b|we\b).+?)\s+(?:wants?|would\s+like|needs?)\s+to\s+(?:join|get\s+into|be\s+in)\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'addMembers',
    re: rx(String.raw`^(?<u>(?!i\b|we\b).+?)\s+needs?\s+(?:access\s+to|membership\s+(?:in|of))\s+(?<g>.+)$`),
  },
  {
    intent: 'addMembers',
    re: rx(String.raw`^(?<u>(?!i\b|we\b).+?)\s+needs?\s+(?<g>.+?)\s+(?:access|membership)(?:\s+for\s+.+)?$`),
  },
  {
    intent: 'addMembers',
    re: rx(
      String.raw`^(?:.+?\s+)?asked\s+(?:for|that)\s+(?<u>.+?)\s+(?:to\s+)?be\s+(?:added\s+to|put\s+in(?:to)?)\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'addMembers',
    re: rx(
      String.raw`^(?:i|we)\s+(?:want|need|['’]d\s+like|would\s+like)\s+(?<u>(?!to\b|access\b|in\b).+?)\s+(?:in|on|added\s+to|to\s+be\s+(?:in|added\s+to))\s+(?<g>.+)$`,
    ),
  },
  { intent: 'addMembers', re: rx(String.raw`^(?<g>.+?)\s+should\s+(?:include|contain|have)\s+(?<u>.+)$`) },
  { intent: 'addMembers', either: true, re: rx(String.raw`^(?<a>.+?)\s+needs\s+(?<b>(?!to\b).+)$`) },
  {
    intent: 'checkMembership',
    re: rx(String.raw`^(?:has|have)\s+(?<u>.+?)\s+got\s+(?:access\s+to|into|membership\s+(?:in|of))\s+(?<g>.+)$`),
  },
  { intent: 'checkMembership', re: rx(String.raw`^(?:does|do)\s+(?<u>.+?)\s+(?:have|get)\s+access\s+to\s+(?<g>.+)$`) },
  {
    intent: 'checkMembership',
    re: rx(
      String.raw`^(?:can|could)\s+(?<u>(?!i\b|we\b|you\b|u\b).+?)\s+(?:see|access|get\s+into|open|use)\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'listOwners',
    re: rx(
      String.raw`^who\s+(?:do|should|can|could|must)\s+i\s+(?:ask|talk\s+to|speak\s+to|contact|reach\s+out\s+to|go\s+to|email|ping)(?:\s+(?:to\s+(?:get|be\s+added)\s+(?:into|in|to|access\s+to)|for\s+(?:access\s+to)?|about))?\s+(?<g>.+?)(?:\s+access)?$`,
    ),
  },
  {
    intent: 'listOwners',
    re: rx(
      String.raw`^who\s+(?:can|could|is\s+able\s+to)\s+(?:add\s+me\s+to|approve\s+(?:my\s+)?(?:request|access)\s+(?:for|to)|let\s+me\s+into|give\s+me\s+access\s+to|grant\s+access\s+to)\s+(?<g>.+)$`,
    ),
  },
  { intent: 'listOwners', re: rx(String.raw`^who\s+else\s+(?:owns|manages|runs)\s+(?<g>.+)$`) },
  { intent: 'listMembers', re: rx(String.raw`^who(?:['’]s|\s+has|\s+have)\s+(?:got\s+)?access\s+to\s+(?<g>.+)$`) },
  {
    intent: 'listMembers',
    re: rx(
      String.raw`^(?:who\s+are\s+the\s+(?:people|users|members|folks)|who\s+all(?:['’]s|\s+is|\s+are)?)\s+(?:in|on|of)\s+(?<g>.+)$`,
    ),
  },
  {
    intent: 'listMembers',
    re: rx(
      String.raw`^(?:give|get|show)\s+(?:me\s+)?(?:a\s+)?list\s+of\s+(?:who(?:['’]s|\s+is)|everyone|people)\s+(?:in|on)\s+(?<g>.+)$`,
    ),
  },
  { intent: 'listUserGroups', re: rx(String.raw`^what(?:['’]s|\s+is)\s+(?<u>.+?)\s+(?:part|a\s+member)\s+of$`) },
  { intent: 'listUserGroups', re: rx(String.raw`^where\s+(?:is|am|are)\s+(?<u>.+?)\s+(?:an?\s+)?members?$`) },
  {
    intent: 'listOwnedGroups',
    re: rx(String.raw`^what\s+(?:am|is|are)\s+(?<u>.+?)\s+(?:an?\s+|the\s+)?(?:co-?)?owners?\s+of$`),
  },
];

const HEADLINE = rx(
  String.raw`^(?<g>[^\n:—–>]+?)\s*(?:—|–|->|=>|:|\s-\s)\s*(?<verb>add|remove|drop|put\s+in|take\s+out)\s+(?<u>.+)$`,
);
const SWAP = rx(String.raw`^(?:swap|replace|switch)\s+(?<out>.+?)\s+(?:for|with)\s+(?<in>.+?)\s+(?:in|on)\s+(?<g>.+)$`);

function ruleIntent(rule: Rule, c: Record<string, string | undefined>) {
  let user = c.u;
  let group = c.g;
  if (rule.either) {
    const a = c.a ?? '';
    const b = c.b ?? '';
    // Neither looks like a group: the usual order, a person who needs a group ("Johanna doesn't need Platform Core").
    if (isGroupish(a) && isGroupish(b)) return undefined;
    [user, group] = isGroupish(a) ? [b, a] : [a, b];
  }
  if (
    user !== undefined &&
    NOT_A_PERSON.test(user.trim()) &&
    rule.intent !== 'listUserGroups' &&
    rule.intent !== 'listOwnedGroups'
  ) {
    return undefined;
  }
  const users = usersSlot(user);
  const groups = groupsSlot(group);
  if (user !== undefined && users === undefined) return undefined;
  if (group !== undefined && groups === undefined) return undefined;
  return makeIntent(rule.intent, { users, groups });
}

/** The paraphrases above, tried in order; undefined when none fits. */
export const matchParaphrase: Matcher = (u) => {
  const swap = capture(u, SWAP);
  if (swap) {
    const groups = groupsSlot(swap.g);
    return makeIntent('multi', {
      steps: [
        makeIntent('removeMembers', { users: usersSlot(swap.out), groups }),
        makeIntent('addMembers', { users: usersSlot(swap.in), groups }),
      ],
    });
  }
  const head = capture(u, HEADLINE);
  if (head?.verb !== undefined) {
    const removing = /^(?:remove|drop|take)/i.test(head.verb);
    return makeIntent(removing ? 'removeMembers' : 'addMembers', {
      users: usersSlot(head.u),
      groups: groupsSlot(head.g),
    });
  }
  for (const rule of RULES) {
    const c = capture(u, rule.re);
    if (!c) continue;
    const intent = ruleIntent(rule, c);
    if (intent) return intent;
  }
  return undefined;
};
