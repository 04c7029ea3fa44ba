/**
 * showMyChanges: the asker's own changes through groupbot, across groups ("what did I change today", "my recent
 * changes", "show my recent changes", "changes I made this week"), with an optional time at the end.
 */
import { makeIntent } from '../intent-build';
import { capture, rx, type Utterance } from '../quote-mask';
import type { Matcher } from './matcher';
import { splitTrailingTime, withWhen } from './membership-history';
import { SHOW } from './vocabulary';

const RECENT = String.raw`(?:(?:most\s+)?recent\s+|latest\s+|last\s+|own\s+)?`;
const CHANGES = String.raw`(?:changes|edits|activity|actions|history|change\s+(?:history|log))`;
const DID = String.raw`(?:changed|done|made|edited|modified|touched)`;
const SOON = String.raw`(?:\s+(?:lately|recently|so\s+far))?`;

const MINE: RegExp[] = [
  rx(String.raw`^(?:(?:${SHOW}|check|open)\s+(?:me\s+)?)?(?:all\s+)?my\s+${RECENT}${CHANGES}${SOON}$`),
  rx(
    String.raw`^what\s+(?:did|have|had)\s+I\s+(?:been\s+)?(?:change|changing|do|doing|${DID})(?:\s+in\s+(?:the\s+)?groups)?${SOON}$`,
  ),
  rx(String.raw`^what(?:['’]s|\s+is|\s+has)\s+(?:been\s+)?(?:changed|done)\s+by\s+me${SOON}$`),
  rx(String.raw`^what\s+changes\s+(?:did|have)\s+I\s+(?:make|made)${SOON}$`),
  rx(
    String.raw`^(?:(?:${SHOW}|list)\s+(?:me\s+)?)?(?:the\s+)?(?:changes|edits)\s+(?:that\s+)?(?:I(?:['’]ve|\s+have)?\s+(?:made|done)|made\s+by\s+me)${SOON}$`,
  ),
];

function matchMine(u: Utterance) {
  for (const re of MINE) if (capture(u, re)) return makeIntent('showMyChanges');
  return undefined;
}

/** "what did I change today", "my recent changes", "show my recent changes", "changes I made this week". */
export const matchShowMyChanges: Matcher = (u) => {
  const timed = splitTrailingTime(u);
  if (timed) {
    const inner = matchMine(timed.rest);
    if (inner) return withWhen(inner, timed.when);
  }
  return matchMine(u);
};
