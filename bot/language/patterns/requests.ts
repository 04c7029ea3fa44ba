/** Self-service: requestAccess ("I need access to X", "can I join X"), listRequests ("my requests") and listApprovals. */
import { makeIntent } from '../intent-build';
import { capture, rx, toUtterance } from '../quote-mask';
import { extractDuration, extractJustification } from '../qualifier-extract';
import { groupsSlot } from '../slot-clean';
import type { Matcher } from './matcher';
import { SHOW } from './vocabulary';

const WAITING = String.raw`(?:waiting|pending|awaiting|outstanding|open|needing|that\s+need|which\s+need)`;
const MY_APPROVAL = String.raw`(?:(?:for|on)\s+)?(?:my\s+|me\s+to\s+)?(?:approval|review|decision|sign-?off|approve|review|me)`;

const LIST_APPROVALS: RegExp[] = [
  rx(
    String.raw`^(?:${SHOW}\s+|check\s+)?(?:me\s+)?(?:all\s+)?(?:(?:my|the|any)\s+)?(?:(?:pending|open|outstanding|waiting)\s+)*(?:approvals?|approval\s+requests?)(?:\s+(?:for\s+me|waiting|pending|to\s+do))?$`,
  ),
  rx(
    String.raw`^(?:${SHOW}\s+|check\s+)?(?:me\s+)?(?:all\s+)?(?:(?:the|any)\s+)?(?:(?:pending|open|outstanding|waiting|access|membership)\s+)*requests?\s+(?:(?:(?:that\s+are\s+|which\s+are\s+)?${WAITING}\s+)?(?:for|on)\s+(?:me|my\s+(?:approval|review|decision|sign-?off))|(?:that\s+are\s+|which\s+are\s+)?(?:waiting|awaiting))$`,
  ),
  rx(
    String.raw`^(?:${SHOW}\s+)?(?:the\s+)?pending\s+(?:access\s+)?requests?(?:\s+(?:for|on|to|in)\s+(?!my\b|me\b).+)?$`,
  ),
  rx(
    String.raw`^what(?:['’]s|\s+is|\s+are|s)?\s+(?:(?:still|currently)\s+)?(?:waiting|pending|awaiting|outstanding)(?:\s+${MY_APPROVAL}|\s+for\s+me(?:\s+to\s+(?:approve|review))?)?$`,
  ),
  rx(
    String.raw`^(?:is\s+there\s+|are\s+there\s+|do\s+i\s+have\s+)?(?:anything|any\s+requests?|something|any\s+approvals?)\s+(?:(?:that\s+)?i\s+(?:need|have)\s+to\s+(?:approve|review)|for\s+me(?:\s+to\s+(?:approve|review))?|to\s+(?:approve|review)|(?:waiting|pending)(?:\s+(?:for|on)\s+(?:me|my\s+approval))?)$`,
  ),
  rx(String.raw`^what\s+(?:do|should|must)\s+i\s+(?:need\s+to\s+|have\s+to\s+)?(?:approve|review)$`),
  rx(String.raw`^what\s+(?:needs|requires|is\s+waiting\s+for|awaits)\s+my\s+(?:approval|review|decision|sign-?off)$`),
  rx(String.raw`^who(?:['’]s|\s+is|\s+are)\s+waiting\s+(?:for|on)\s+(?:me|my\s+approval)$`),
  rx(String.raw`^(?:approve|reject|deny|decline)(?:\s+(?:the\s+|all\s+)?(?:\S+['’]s\s+)?(?:pending\s+)?requests?)?$`),
  rx(String.raw`^(?:approvals|my\s+approvals|to\s+approve)$`),
];

/** "pending approvals", "requests waiting for me", "what do I need to approve" (no slots). */
export const matchListApprovals: Matcher = (u) =>
  LIST_APPROVALS.some((re) => capture(u, re)) ? makeIntent('listApprovals') : undefined;

const LIST_REQUESTS: RegExp[] = [
  rx(
    String.raw`^(?:${SHOW}\s+|check\s+)?(?:me\s+)?(?:all\s+)?(?:(?:my|the|our|any)\s+)?(?:own\s+)?(?:(?:pending|open|outstanding|waiting|current|active|recent|submitted|new|unanswered)\s+)*(?:access\s+|membership\s+|join\s+|group\s+)?requests?(?:\s+(?:(?:that\s+)?i\s+(?:made|sent|submitted|opened|asked\s+for)))?(?:\s+(?:for|on|to|in)\s+(?<g>(?!my\b|me\b).+))?(?:\s+at)?$`,
  ),
  rx(String.raw`^(?:where|how)\s+(?:are|is)\s+my\s+(?:access\s+|membership\s+)?requests?(?:\s+(?:at|going))?$`),
  rx(
    String.raw`^(?:cancel|withdraw|retract)\s+(?:my\s+|the\s+|this\s+|that\s+|all\s+)?(?:access\s+|pending\s+)?requests?(?:\s+(?:for|to|on)\s+(?<g>.+))?$`,
  ),
  rx(
    String.raw`^(?:what(?:['’]s|\s+is)\s+the\s+)?status\s+of\s+my\s+(?:access\s+|membership\s+)?requests?(?:\s+(?:for|to|on)\s+(?<g>.+))?$`,
  ),
  rx(
    String.raw`^(?:did|has|have)\s+(?:anyone|someone|the\s+owners?|an?\s+owner)\s+(?:approved|answered|looked\s+at)\s+my\s+requests?(?:\s+yet)?$`,
  ),
  rx(
    String.raw`^(?:has|have|was|were)\s+my\s+requests?\s+(?:been\s+)?(?:approved|answered|accepted|rejected|denied|seen)(?:\s+yet)?$`,
  ),
  rx(String.raw`^what\s+(?:did|have)\s+i\s+(?:ask(?:ed)?|request(?:ed)?)(?:\s+for)?$`),
];

/** "my requests", "status of my request for Legal", "did anyone approve my request". */
export const matchListRequests: Matcher = (u) => {
  for (const re of LIST_REQUESTS) {
    const c = capture(u, re);
    if (c) return makeIntent('listRequests', { groups: groupsSlot(c.g) });
  }
  return undefined;
};

const REQUEST_ACCESS: RegExp[] = [
  rx(
    String.raw`^(?:i\s+(?:need|want|require|would\s+like|['’]d\s+like|am\s+requesting|request)|i['’]d\s+like|we\s+need|(?:please\s+)?(?:give|get|grant)\s+me|(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:get|have|request)|requesting|request|ask\s+for|i['’]m\s+requesting|need)\s+(?:an?\s+|some\s+)?(?:access|membership)\s+(?:to|for|in|into|on|of)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:join|be\s+added\s+to|become\s+(?:an?\s+)?members?\s+of|get\s+into|get\s+added\s+to|be\s+(?:an?\s+)?members?\s+of|be\s+in|access|get\s+in(?:to)?)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:let\s+me\s+(?:into|in\s+to|join|in|access)|join|request\s+to\s+join|ask\s+to\s+join|i\s+want\s+in\s+(?:to|on)|how\s+(?:do|can)\s+i\s+(?:join|get\s+into|get\s+access\s+to|become\s+a\s+member\s+of)|sign\s+me\s+up\s+(?:for|to)|i(?:['’]d|\s+would)\s+like\s+to\s+join)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^(?:be\s+added\s+to|get\s+added\s+to|become\s+a\s+member\s+of|be\s+(?:a\s+)?member\s+of)\s+(?<g>.+)$`),
  rx(
    String.raw`^(?:request|requesting|ask\s+for)\s+(?:to\s+be\s+added\s+to|membership\s+(?:in|of|to)|to\s+become\s+a\s+member\s+of)\s+(?<g>.+)$`,
  ),
];

/** "I need access to X", "can I join X", "let me into X" (with optional "for 30 days" and "because ..."). */
export const matchRequestAccess: Matcher = (u) => {
  for (const re of REQUEST_ACCESS) {
    const c = capture(u, re);
    if (!c) continue;
    const duration = extractDuration(u.text);
    const reason = extractJustification(duration.text);
    const again = capture(toUtterance(reason.text), re);
    return makeIntent('requestAccess', {
      groups: groupsSlot(again?.g ?? c.g),
      durationDays: duration.durationDays,
      justification: again ? reason.justification : undefined,
    });
  }
  return undefined;
};
