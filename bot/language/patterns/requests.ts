/** Self-service: requestAccess ("I need access to X", "can I join X") and listRequests ("my requests"). */
import { makeIntent } from '../intent-build';
import { capture, rx, toUtterance } from '../quote-mask';
import { extractDuration, extractJustification } from '../qualifier-extract';
import { groupsSlot } from '../slot-clean';
import type { Matcher } from './matcher';
import { SHOW } from './vocabulary';

const APPROVAL_TAIL = String.raw`(?:\s+(?:that\s+(?:are\s+|need\s+|needs\s+)?|which\s+(?:are\s+|need\s+)?)?(?:waiting|pending|awaiting|needing|need|to\s+approve|for\s+(?:my\s+)?(?:approval|review|decision|sign-?off))(?:\s+(?:for\s+)?(?:my\s+|me\s+)?(?:approval|review|decision|sign-?off|me|to\s+approve))?)?`;

const LIST_REQUESTS: RegExp[] = [
  rx(String.raw`^(?:${SHOW}\s+|check\s+)?(?:me\s+)?(?:all\s+)?(?:(?:my|the|our|any)\s+)?(?:own\s+)?(?:(?:pending|open|outstanding|waiting|current|active|recent|submitted|new|unanswered)\s+)*(?:access\s+|membership\s+|join\s+|group\s+)?(?:requests?|approvals?|approval\s+requests?)${APPROVAL_TAIL}(?:\s+(?:for|on|to|in)\s+(?<g>(?!my\b|me\b).+))?$`),
  rx(String.raw`^what(?:['’]s|\s+is|\s+are|s)?\s+(?:(?:still|currently)\s+)?(?:waiting|pending|awaiting)(?:\s+(?:for\s+)?(?:on\s+)?(?:my\s+|me)?(?:approval|review|decision|sign-?off)?)?$`),
  rx(String.raw`^(?:is\s+there\s+|are\s+there\s+|do\s+i\s+have\s+)?(?:anything|any\s+requests?|something)\s+(?:for\s+me\s+)?(?:to\s+(?:approve|review)|waiting\s+for\s+(?:me|my\s+approval)|pending)$`),
  rx(String.raw`^(?:cancel|withdraw|retract|approve|reject|deny|decline)\s+(?:my\s+|the\s+|this\s+|that\s+|all\s+)?(?:\S+['’]s\s+)?(?:access\s+|pending\s+)?requests?(?:\s+(?:for|to|on)\s+(?<g>.+))?$`),
  rx(String.raw`^(?:approve|reject|deny|decline)$`),
  rx(String.raw`^what\s+(?:do|should|must)\s+i\s+(?:need\s+to\s+)?(?:approve|review)$`),
  rx(String.raw`^(?:what(?:['’]s|\s+is)\s+the\s+)?status\s+of\s+my\s+(?:access\s+|membership\s+)?requests?$`),
  rx(String.raw`^(?:did|has|have)\s+(?:anyone|someone|the\s+owners?|an?\s+owner)\s+(?:approved|answered|looked\s+at)\s+my\s+requests?$`),
];

/** "my requests", "pending approvals", "what's waiting for my approval". */
export const matchListRequests: Matcher = (u) => {
  for (const re of LIST_REQUESTS) {
    const c = capture(u, re);
    if (c) return makeIntent('listRequests', { groups: groupsSlot(c.g) });
  }
  return undefined;
};

const REQUEST_ACCESS: RegExp[] = [
  rx(String.raw`^(?:i\s+(?:need|want|require|would\s+like|['’]d\s+like|am\s+requesting|request)|i['’]d\s+like|we\s+need|(?:please\s+)?(?:give|get|grant)\s+me|(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:get|have|request)|requesting|request|ask\s+for|i['’]m\s+requesting|need)\s+(?:an?\s+|some\s+)?(?:access|membership)\s+(?:to|for|in|into|on|of)\s+(?<g>.+)$`),
  rx(String.raw`^(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:join|be\s+added\s+to|become\s+(?:an?\s+)?members?\s+of|get\s+into|get\s+added\s+to|be\s+(?:an?\s+)?members?\s+of|be\s+in|access|get\s+in(?:to)?)\s+(?<g>.+)$`),
  rx(String.raw`^(?:let\s+me\s+(?:into|in\s+to|join|in|access)|join|request\s+to\s+join|ask\s+to\s+join|i\s+want\s+in\s+(?:to|on)|how\s+(?:do|can)\s+i\s+(?:join|get\s+into|get\s+access\s+to|become\s+a\s+member\s+of)|sign\s+me\s+up\s+(?:for|to)|i(?:['’]d|\s+would)\s+like\s+to\s+join)\s+(?<g>.+)$`),
  rx(String.raw`^(?:request|requesting|ask\s+for)\s+(?:to\s+be\s+added\s+to|membership\s+(?:in|of|to)|to\s+become\s+a\s+member\s+of)\s+(?<g>.+)$`),
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
