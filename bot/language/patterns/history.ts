/**
 * showHistory: "history of Marketing", "what changed in Marketing", "who added Bob to Legal?" (JOURNAL), with an
 * optional time at the end ("what changed in Marketing this week", HISTORY).
 */
import { makeIntent } from '../intent-build';
import type { Intent } from '../intent';
import { capture, rx, type Utterance } from '../quote-mask';
import { groupsSlot, usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';
import { SHOW } from './vocabulary';
import { splitTrailingTime, withWhen } from './membership-history';

const HISTORY_NOUN = String.raw`(?:(?:change\s+|edit\s+|audit\s+|activity\s+)?(?:history|log|trail)|audit\s+log|audit\s+trail|changelog|activity|(?:recent\s+|latest\s+|last\s+)?changes)`;
const SHOW_OPT = String.raw`(?:(?:${SHOW}|check|open)\s+(?:me\s+|us\s+)?)?`;
const THE_OPT = String.raw`(?:(?:the|a|all|all\s+the)\s+)?`;

const HISTORY: RegExp[] = [
  rx(String.raw`^${SHOW_OPT}${THE_OPT}${HISTORY_NOUN}\s+(?:of|for|on|in|to|about)\s+(?<g>.+)$`),
  rx(String.raw`^${SHOW_OPT}${THE_OPT}${HISTORY_NOUN}$`),
  rx(
    String.raw`^${SHOW_OPT}(?<g>(?!the\b|me\b|my\b|all\b)[^\n]+?)['’]s?\s+(?:change\s+|audit\s+)?(?:history|audit\s+log|changelog|changes)$`,
  ),
  rx(
    String.raw`^what(?:['’]s|\s+has|\s+have)?\s+(?:been\s+)?(?:changed|happened|changes\s+were\s+made)\s+(?:in|to|on|with)\s+(?<g>.+?)(?:\s+(?:lately|recently|today|this\s+week))?$`,
  ),
  rx(
    String.raw`^who\s+(?:has\s+)?(?:changed|modified|edited|touched|renamed|deleted|restored|created)\s+(?<g>.+?)(?:\s+(?:lately|recently|today))?$`,
  ),
];

const WHO_DID: RegExp[] = [
  rx(String.raw`^who\s+(?:has\s+)?(?:added|put|invited)\s+(?<u>.+?)\s+(?:to|in|into)\s+(?<g>.+)$`),
  rx(String.raw`^who\s+(?:has\s+)?(?:removed|took|kicked|dropped)\s+(?<u>.+?)\s+(?:out\s+of|from|off)\s+(?<g>.+)$`),
  rx(String.raw`^who\s+(?:has\s+)?made\s+(?<u>.+?)\s+(?:an?\s+)?owners?\s+(?:of|in|on)\s+(?<g>.+)$`),
];

const SOON = String.raw`(?:\s+(?:lately|recently|so\s+far))?`;
const JOINED: Array<['added' | 'removed', RegExp]> = [
  [
    'added',
    rx(
      String.raw`^(?:who|anyone|anybody|which\s+people)\s+(?:has\s+|have\s+)?(?:joined|(?:got|was|were|been)\s+added\s+to|added\s+to|came\s+into)\s+(?<g>.+?)${SOON}$`,
    ),
  ],
  ['added', rx(String.raw`^who(?:['’]s|\s+is|\s+are)\s+new\s+(?:in|to|on)\s+(?<g>.+?)${SOON}$`)],
  ['added', rx(String.raw`^(?:any\s+)?new\s+(?:members|people|joiners)\s+(?:of|in|to|on)\s+(?<g>.+?)${SOON}$`)],
  [
    'removed',
    rx(
      String.raw`^(?:who|anyone|anybody)\s+(?:has\s+|have\s+)?(?:left|dropped\s+out\s+of|quit|(?:got|was|were|been)\s+removed\s+from|removed\s+from)\s+(?<g>.+?)${SOON}$`,
    ),
  ],
];

/** "who joined Sales lately" (change: added), "who dropped out of Project Falcon last month?" (removed). */
function matchJoinedOrLeft(u: Utterance): Intent | undefined {
  for (const [change, re] of JOINED) {
    const c = capture(u, re);
    const groups = groupsSlot(c?.g);
    if (groups) return makeIntent('showHistory', { groups, change });
  }
  return undefined;
}

/** "history of X", "X's history", "what changed in X", "who added Bob to X". */
export const matchShowHistory: Matcher = (u) => {
  const timed = splitTrailingTime(u);
  if (timed) {
    const inner = matchHistoryText(timed.rest);
    if (inner) return withWhen(inner, timed.when);
  }
  return matchHistoryText(u);
};

function matchHistoryText(u: Utterance): Intent | undefined {
  const joined = matchJoinedOrLeft(u);
  if (joined) return joined;
  for (const re of WHO_DID) {
    const c = capture(u, re);
    if (c) return makeIntent('showHistory', { users: usersSlot(c.u), groups: groupsSlot(c.g) });
  }
  for (const re of HISTORY) {
    const c = capture(u, re);
    if (c) return makeIntent('showHistory', { groups: groupsSlot(c.g) });
  }
  return undefined;
}
