/** showExpiry ("when does Marketing expire") and renewGroup ("renew Marketing"). */
import { makeIntent } from '../intent-build';
import { capture, rx } from '../quote-mask';
import { groupsSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const GROUP_WORD = String.raw`(?:\s+(?:group|team))?`;

const EXPIRY: RegExp[] = [
  rx(
    String.raw`^when\s+(?:does|will|is)\s+(?:the\s+)?(?:group\s+|team\s+)?(?<g>.+?)${GROUP_WORD}\s+(?:expire|go\s+away|get\s+deleted|due\s+to\s+expire|set\s+to\s+expire)$`,
  ),
  rx(
    String.raw`^(?:what\s+is|what's|whats|show(?:\s+me)?|tell\s+me|check|get)\s+(?:the\s+)?(?:expiry|expiration|expiry\s+date|expiration\s+date|expiration\s+time)\s+(?:of|for)\s+(?<g>.+)$`,
  ),
  rx(
    String.raw`^(?:is|will)\s+(?<g>.+?)${GROUP_WORD}\s+(?:expiring|going\s+to\s+expire|about\s+to\s+expire|expire)(?:\s+soon)?$`,
  ),
  rx(String.raw`^(?:does|can)\s+(?<g>.+?)${GROUP_WORD}\s+expire$`),
  rx(String.raw`^(?<g>.+?)['’]s?\s+(?:expiry|expiration)(?:\s+date)?$`),
  rx(String.raw`^(?:expiry|expiration)(?:\s+date)?\s+(?:of|for)\s+(?<g>.+)$`),
];

/** "when does Marketing expire", "what is the expiration date of Sales", "is Marketing expiring soon". */
export const matchShowExpiry: Matcher = (u) => {
  for (const re of EXPIRY) {
    const c = capture(u, re);
    if (c) return makeIntent('showExpiry', { groups: groupsSlot(c.g) });
  }
  return undefined;
};

const RENEW: RegExp[] = [
  rx(
    String.raw`^(?:please\s+)?renew\s+(?:the\s+)?(?:group\s+|team\s+)?(?<g>.+?)(?:\s+(?:for\s+another\s+(?:term|period|cycle)|again|now))?$`,
  ),
  rx(String.raw`^(?:keep|stop)\s+(?<g>.+?)\s+from\s+expiring$`),
  rx(String.raw`^(?:renew|extend)\s+(?:the\s+)?(?:expiry|expiration)\s+(?:of|for)\s+(?<g>.+)$`),
  rx(String.raw`^renew(?:\s+(?:a|the|this|my)\s+(?:group|team))?$`),
];

/** "renew Marketing", "renew the Sales group now", "keep Marketing from expiring". */
export const matchRenewGroup: Matcher = (u) => {
  for (const re of RENEW) {
    const c = capture(u, re);
    if (c) return makeIntent('renewGroup', { groups: groupsSlot(c.g) });
  }
  return undefined;
};
