/**
 * Hygiene questions read by what they are about rather than by their wording: a question about groups in general
 * ("which groups", "any of my groups", "anything") that names a condition of the digest (no owner, no members,
 * expiring, guests, disabled accounts, or the clean-up as a whole) is showHygiene with that check, however it is
 * put: "which groups have no owners left", "groups expiring soon?", "do any groups have guests", "anything I need
 * to tidy up". A request to act ("remove the guests from …") or a question about one named group is left to the
 * other patterns.
 */
import { makeIntent } from '../intent-build';
import type { HygieneCheck } from '../intent';
import type { Matcher } from './matcher';

/** The digest's conditions, by the words people use for them. */
const CONCEPTS: ReadonlyArray<[HygieneCheck, RegExp]> = [
  [
    'noOwner',
    /\b(?:ownerless|orphan(?:ed|s)?|abandoned|(?:no|zero|0|without(?:\s+an?|\s+any)?|lack(?:ing)?(?:\s+an?)?|missing(?:\s+an?)?)\s+owners?|(?:nobody|no\s+one|noone)\s+owns|no\s+owners?\s+left)\b/i,
  ],
  [
    'empty',
    /\b(?:empty|member-?less|(?:no|zero|0|without(?:\s+any)?)\s+members|(?:nobody|no\s+one|noone)\s+in\s+(?:them|it)|(?:haven['’]?t|have\s+not|don['’]?t\s+have)\s+(?:got\s+)?any\s+members)\b/i,
  ],
  ['expiring', /\b(?:expir(?:e|es|ing|y|ation)|due\s+for\s+renewal|up\s+for\s+renewal|lapsing)\b/i],
  ['guests', /\b(?:guests?|external|outsiders?|other\s+companies|#?ext#?)\b/i],
  [
    'disabled',
    /\b(?:disabled|deactivated|inactive\s+(?:accounts|users)|leavers?|(?:people|users|accounts|staff)\s+who\s+(?:have\s+)?left)\b/i,
  ],
];

/** The clean-up as a whole: "anything to tidy up", "the hygiene report", "what needs attention". */
const WHOLE =
  /\b(?:tidy(?:ing)?(?:\s+up)?|clean\s*-?\s*up|cleanup|cleaning|hygiene|needs?\s+attention|in\s+a\s+mess|messy|health\s+check)\b/i;

/** Groups in general, not one of them: "groups", "any group", "of my groups", "anything". */
const COLLECTIVE = /\b(?:groups|grps|any\s+group|anything|any\s+of\s+(?:my|our|the)\s+groups)\b/i;
const MINE = /\b(?:my|i\s+own|mine)\b/i;

/** A question or a request to see, not to act. */
const ASKS =
  /^(?:which|what|whats|what['’]s|any|anything|are|is|do|does|did|have|has|show|list|find|give\s+me|get\s+me|tell\s+me|i\s+(?:need|want)\s+(?:to\s+see|a\s+list)|groups)\b/i;
const ACTS = /^(?:please\s+)?(?:remove|delete|kick|drop|clean|purge|add|put|take|get\s+rid|offboard|renew|extend)\b/i;

function checkOf(text: string): HygieneCheck | 'whole' | undefined {
  const hits = CONCEPTS.filter(([, re]) => re.test(text)).map(([check]) => check);
  if (hits.length === 1) return hits[0];
  if (hits.length === 0 && WHOLE.test(text)) return 'whole';
  return undefined;
}

/** showHygiene read from a question about groups in general and the condition it names. */
export const matchHygieneConcepts: Matcher = (u) => {
  const text = u.masked.trim();
  if (ACTS.test(text) || !(ASKS.test(text) || /\?\s*$/.test(u.text)) || !COLLECTIVE.test(text)) return undefined;
  const check = checkOf(text);
  if (check === undefined) return undefined;
  const allOwned = MINE.test(text);
  return makeIntent('showHygiene', { ...(check === 'whole' ? {} : { check }), ...(allOwned ? { allOwned } : {}) });
};
