/**
 * showHygiene ("group hygiene", "which groups have no owner") and setDigest ("post the digest here", "send the
 * digest to me", "stop the digest").
 */
import { makeIntent } from '../intent-build';
import type { HygieneCheck } from '../intent';
import { capture, rx } from '../quote-mask';
import type { Matcher } from './matcher';

const DIGEST =
  String.raw`(?:the\s+|my\s+|a\s+|this\s+)?(?:weekly\s+)?(?:group\s+)?(?:hygiene\s+)?` +
  String.raw`(?:digest|hygiene\s+(?:report|summary|check))`;
const PLACE = String.raw`(?:channel|chat|conversation|team)`;
const HERE = String.raw`(?:here|in\s+(?:here|this\s+${PLACE})|to\s+this\s+${PLACE})`;
const REPORT = String.raw`(?:\s+(?:report|check|summary|digest))?`;
const SHOW_VERB = String.raw`(?:show\s+(?:me\s+)?|run\s+|check\s+|do\s+)?`;
const WEEKLY = String.raw`(?:\s+(?:every\s+week|weekly))?`;

const SHOW: RegExp[] = [
  rx(String.raw`^${SHOW_VERB}(?:the\s+|a\s+|my\s+)?(?:group|groups)\s+(?:hygiene|health|clean-?up|tidiness)${REPORT}$`),
  rx(String.raw`^${SHOW_VERB}(?:the\s+|a\s+)?hygiene${REPORT}$`),
  rx(String.raw`^(?:show\s+(?:me\s+)?|run\s+|send\s+(?:me\s+)?)?${DIGEST}(?:\s+now)?$`),
  rx(
    String.raw`^(?:which|what|show(?:\s+me)?|list|find)\s+(?:the\s+)?groups\s+(?:have|with|without|that\s+have)` +
      String.raw`\s+(?:no|an?y?)\s*owners?$`,
  ),
  rx(String.raw`^(?:show(?:\s+me)?|list|find)?\s*(?:the\s+|all\s+)?ownerless\s+groups$`),
  rx(String.raw`^(?:which|what)\s+groups\s+need\s+(?:tidying|cleaning)(?:\s+up)?$`),
  rx(
    String.raw`^(?:is\s+there\s+|are\s+there\s+)?(?:anything|any\s+groups?)\s+(?:in\s+(?:our|my|the)\s+groups\s+)?` +
      String.raw`(?:that\s+)?needs?\s+(?:tidying|cleaning|clean-?up|attention)(?:\s+up)?$`,
  ),
  rx(String.raw`^do\s+any\s+(?:of\s+(?:our|my|the)\s+)?groups\s+need\s+(?:tidying|cleaning|attention)(?:\s+up)?$`),
  rx(
    String.raw`^(?:(?:is\s+there\s+)?anything\s+to\s+)?(?:tidy|clean)\s+up` +
      String.raw`(?:\s+(?:in\s+)?(?:my\s+|the\s+|our\s+)?groups)?$`,
  ),
];

const SET: [RegExp, 'here' | 'me' | 'stop'][] = [
  [rx(String.raw`^(?:please\s+)?(?:post|send|put|share|deliver)\s+${DIGEST}\s+${HERE}${WEEKLY}$`), 'here'],
  [rx(String.raw`^(?:please\s+)?(?:post|send|share)\s+${DIGEST}\s+(?:every\s+week\s+|weekly\s+)?${HERE}$`), 'here'],
  [
    rx(
      String.raw`^(?:please\s+)?(?:send|give|dm|message)\s+${DIGEST}\s+to\s+me` +
        String.raw`(?:\s+(?:every\s+week|weekly|directly|privately))?$`,
    ),
    'me',
  ],
  [rx(String.raw`^(?:please\s+)?(?:send|dm|message)\s+me\s+${DIGEST}\s+(?:every\s+week|weekly)$`), 'me'],
  [
    rx(
      String.raw`^(?:please\s+)?(?:send|dm|message)\s+me\s+(?:the\s+|a\s+)?weekly\s+(?:group\s+)?(?:hygiene\s+)?digest$`,
    ),
    'me',
  ],
  [rx(String.raw`^(?:please\s+)?(?:stop|cancel|turn\s+off|disable|pause|end)\s+${DIGEST}(?:\s+${HERE})?$`), 'stop'],
  [rx(String.raw`^(?:no\s+more|unsubscribe\s+(?:me\s+)?from)\s+${DIGEST}$`), 'stop'],
  [rx(String.raw`^(?:please\s+)?(?:stop|don't\s+keep)\s+sending\s+(?:me\s+|us\s+)?${DIGEST}(?:\s+${HERE})?$`), 'stop'],
];

const ASK = String.raw`^(?:(?:are|is)\s+there\s+(?:any\s+)?|any\s+|which\s+|what\s+|show\s+(?:me\s+)?(?:the\s+)?|list\s+(?:the\s+)?|do\s+we\s+have\s+(?:any\s+)?|find\s+(?:the\s+)?)?`;
const GROUPS = String.raw`(?:(?:of\s+)?(?<mine>my|our)\s+)?groups`;
const HAVE = String.raw`(?:with|that\s+have|have|still\s+have|containing|with\s+any|that\s+still\s+have)`;
const IN_THEM = String.raw`(?:\s+(?:still\s+)?in\s+them)?`;
/** "… I should clean up", "… we could delete": what the speaker means to do with them. */
const TO_CLEAN = String.raw`(?:\s+(?:that\s+)?(?:i|we)\s+(?:should|could|can|need\s+to|ought\s+to|might\s+want\s+to)\s+(?:clean\s+up|tidy(?:\s+up)?|delete|remove|get\s+rid\s+of|look\s+at|fix))?`;

/** One section of the digest asked in plain words ("are there orphaned groups" → noOwner). */
const CHECKS: Array<[HygieneCheck | undefined, RegExp]> = [
  ['noOwner', rx(String.raw`${ASK}(?:orphan(?:ed)?|ownerless|abandoned)\s+${GROUPS}${TO_CLEAN}$`)],
  ['empty', rx(String.raw`${ASK}(?:empty|member-?less)\s+${GROUPS}${TO_CLEAN}$`)],
  ['empty', rx(String.raw`${ASK}${GROUPS}\s+(?:are|is)\s+(?:(?:still|now|completely)\s+)?empty$`)],
  ['noOwner', rx(String.raw`${ASK}${GROUPS}\s+(?:that\s+)?(?:nobody|no\s+one|noone)\s+owns$`)],
  [
    'noOwner',
    rx(String.raw`${ASK}${GROUPS}\s+(?:without|with\s+no|that\s+have\s+no|that\s+lack)\s+(?:an?\s+|any\s+)?owners?$`),
  ],
  [
    'empty',
    rx(
      String.raw`${ASK}${GROUPS}\s+(?:haven['’]t\s+got|have\s+no|with\s+no|without(?:\s+any)?|don['’]t\s+have|that\s+have\s+no|(?:with|that\s+have|having|have)\s+(?:zero|0))\s+(?:any\s+)?members$`,
    ),
  ],
  [
    'expiring',
    rx(
      String.raw`^(?:is\s+there\s+)?(?:anything|what(?:['’]s|\s+is)|which\s+${GROUPS}\s+(?:are|is))\s+(?:expiring|going\s+to\s+expire|due\s+to\s+expire)(?:\s+(?:this\s+(?:week|month)|soon|next\s+(?:week|month)|in\s+the\s+next\s+\d+\s+days))?$`,
    ),
  ],
  [
    'guests',
    rx(String.raw`${ASK}${GROUPS}\s+${HAVE}\s+(?:guests?|external\s+(?:people|users|accounts)|outsiders)${IN_THEM}$`),
  ],
  [
    'disabled',
    rx(
      String.raw`${ASK}${GROUPS}\s+${HAVE}\s+(?:(?:disabled|deactivated)\s+(?:accounts|users|members)|(?:people|users|accounts)\s+who\s+(?:have\s+)?left(?:\s+the\s+company)?)${IN_THEM}$`,
    ),
  ],
  [undefined, rx(String.raw`^(?:what|which)\s+needs?\s+(?:attention|tidying|cleaning(?:\s+up)?)\s+in\s+${GROUPS}$`)],
  [undefined, rx(String.raw`^(?:are|is)\s+any\s+${GROUPS}\s+(?:in\s+a\s+mess|messy|a\s+mess)$`)],
];

/** "group hygiene", "show the hygiene report", "which groups have no owner", "ownerless groups", "are there orphaned groups". */
export const matchShowHygiene: Matcher = (u) => {
  if (SHOW.some((re) => re.test(u.masked))) return makeIntent('showHygiene');
  for (const [check, re] of CHECKS) {
    const c = capture(u, re);
    if (c) return makeIntent('showHygiene', { check, allOwned: /^my$/i.test(c.mine ?? '') });
  }
  return undefined;
};

/** "post the digest here", "send the digest to me", "stop the digest". */
export const matchSetDigest: Matcher = (u) => {
  for (const [re, digest] of SET) if (re.test(u.masked)) return makeIntent('setDigest', { digest });
  return undefined;
};
