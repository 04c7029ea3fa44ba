/**
 * showHygiene ("group hygiene", "which groups have no owner") and setDigest ("post the digest here", "send the
 * digest to me", "stop the digest").
 */
import { makeIntent } from '../intent-build';
import { rx } from '../quote-mask';
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

/** "group hygiene", "show the hygiene report", "which groups have no owner", "ownerless groups". */
export const matchShowHygiene: Matcher = (u) =>
  SHOW.some((re) => re.test(u.masked)) ? makeIntent('showHygiene') : undefined;

/** "post the digest here", "send the digest to me", "stop the digest". */
export const matchSetDigest: Matcher = (u) => {
  for (const [re, digest] of SET) if (re.test(u.masked)) return makeIntent('setDigest', { digest });
  return undefined;
};
