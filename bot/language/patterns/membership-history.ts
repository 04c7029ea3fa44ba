/**
 * Watched groups and questions over time (HISTORY): watchGroup ("watch Marketing", "watch all my groups"),
 * unwatchGroup ("stop watching Marketing"), membersAt ("who was in Marketing on 2026-11-02", "members of Legal
 * last Monday"), restoreMembers ("restore Marketing's members to last Monday 09:00"), and the time a history
 * question ends with ("what changed in Marketing this week").
 */
import { makeIntent } from '../intent-build';
import type { Intent } from '../intent';
import { capture, rx, toUtterance, type Utterance } from '../quote-mask';
import { groupsSlot, usersSlot } from '../slot-clean';
import { resolveTimePhrase, TIME_PHRASE } from '../time-phrase';
import type { Matcher } from './matcher';

const WATCH = String.raw`(?:(?:please\s+)?(?:start\s+|begin\s+)?(?:watch(?:ing)?|follow(?:ing)?|track(?:ing)?|monitor(?:ing)?|keep\s+(?:an\s+)?eye\s+on|record(?:ing)?\s+(?:the\s+)?(?:membership\s+)?(?:history|changes)\s+(?:of|for|in)))`;
const UNWATCH = String.raw`(?:(?:stop|quit|cease)\s+(?:watching|following|tracking|monitoring|recording)|unwatch|unfollow|(?:don['’]?t|do\s+not)\s+(?:watch|follow|track)(?:\s+any\s*more)?)`;
const ALL_MINE = String.raw`(?:all\s+(?:of\s+)?(?:the\s+)?(?:my\s+(?:own\s+)?groups|groups\s+(?:that\s+)?I\s+own|(?:the\s+)?groups\s+I(?:['’]m|\s+am)\s+(?:an?\s+)?owner\s+of)|(?:every|each)\s+group\s+I\s+own|my\s+groups)`;
const MEMBERS = String.raw`(?:members(?:hip)?|member\s+list)`;
const WHEN = String.raw`(?<when>${TIME_PHRASE})`;

const WATCH_ALL = [rx(String.raw`^${WATCH}\s+${ALL_MINE}$`)];
const WATCH_ONE = [
  rx(
    String.raw`^${WATCH}\s+(?:the\s+)?(?:${MEMBERS}\s+(?:of|in)\s+)?(?<g>(?!all\b|my\b|me\b|up\b|out\b|for\b)[^\n]+?)(?:['’]s?\s+${MEMBERS})?(?:\s+for\s+me)?$`,
  ),
];
const WATCH_LIST = [
  rx(
    String.raw`^(?:what|which)\s+groups\s+(?:am\s+I|do\s+I|are\s+you)\s+(?:watching|watch|following|follow|tracking|track)(?:\s+for\s+me)?$`,
  ),
  rx(String.raw`^(?:(?:show|list)\s+(?:me\s+)?)?(?:my\s+|the\s+)?(?:watched|followed|tracked)\s+groups$`),
];
const UNWATCH_ALL = [rx(String.raw`^${UNWATCH}\s+(?:${ALL_MINE}|all\s+(?:the\s+)?groups|everything|any\s+groups?)$`)];
const UNWATCH_ONE = [
  rx(
    String.raw`^${UNWATCH}\s+(?:the\s+)?(?:${MEMBERS}\s+(?:of|in)\s+)?(?<g>[^\n]+?)(?:['’]s?\s+${MEMBERS})?(?:\s+any\s*more)?$`,
  ),
];

const MEMBERS_AT = [
  rx(String.raw`^(?:what|how)\s+did\s+(?<g>[^\n]+?)(?:['’]s\s+membership)?\s+look(?:\s+like)?\s+${WHEN}$`),
  rx(String.raw`^who\s+(?:was|were)\s+(?:in|a\s+member\s+of|(?:the\s+)?members\s+of|on)\s+(?<g>[^\n]+?)\s+${WHEN}$`),
  rx(
    String.raw`^(?:(?:show|list|get|give)\s+(?:me\s+)?)?(?:who\s+were\s+)?(?:the\s+)?members\s+(?:of|in)\s+(?<g>[^\n]+?)\s+${WHEN}$`,
  ),
  rx(String.raw`^what\s+was\s+(?:the\s+)?membership\s+of\s+(?<g>[^\n]+?)\s+${WHEN}$`),
  rx(String.raw`^(?:(?:show|list)\s+(?:me\s+)?)?(?<g>[^\n]+?)['’]s?\s+members(?:hip)?\s+${WHEN}$`),
];
/** "was Lee in Platform Core last Friday": one person's membership at that time. */
const PERSON_AT = [
  rx(
    String.raw`^(?:was|were)\s+(?<u>[^\n]+?)\s+(?:(?:still\s+|already\s+)?in|a\s+member\s+of|part\s+of|on)\s+(?<g>[^\n]+?)\s+${WHEN}$`,
  ),
];
const THE_WAY = String.raw`(?:the\s+way|how|as|what)\s+(?:it|they)\s+(?:was|were|looked)`;
const RESTORE = [
  rx(
    String.raw`^(?:please\s+)?(?:put|set|bring|get|turn)\s+(?:the\s+)?(?:${MEMBERS}\s+(?:of|in)\s+)?(?<g>[^\n]+?)(?:['’]s?\s+${MEMBERS})?\s+back\s+(?:to\s+)?${THE_WAY}\s+${WHEN}$`,
  ),
  rx(
    String.raw`^(?:please\s+)?make\s+(?:the\s+)?(?:${MEMBERS}\s+(?:of|in)\s+)?(?<g>[^\n]+?)(?:['’]s?\s+${MEMBERS})?\s+(?:look\s+)?${THE_WAY}\s+${WHEN}(?:\s+again)?$`,
  ),
  rx(
    String.raw`^(?:restore|roll\s*back|revert|reset|put\s+back|bring\s+back|set\s+back)\s+(?:the\s+)?(?:${MEMBERS}\s+(?:of|in)\s+)?(?<g>[^\n]+?)(?:['’]s?\s+${MEMBERS})?\s+(?:back\s+)?(?:to|as\s+(?:it|they)\s+(?:was|were))\s+(?:(?:how|what)\s+(?:it|they)\s+(?:was|were)\s+|the\s+state\s+of\s+)?${WHEN}$`,
  ),
];

/** A time phrase the commands will understand (checked against a fixed clock: the parser stays pure). */
const REFERENCE = new Date(Date.UTC(2026, 0, 15, 12));
/**
 * The last word of a text that can end a time phrase (TIME_PHRASE ends in a digit, a day or month name, "ago",
 * "am"/"pm", "noon", "week", "lately", …): when the last word is none of these, no pattern ending in a time can
 * match, and its regular expressions are not run.
 */
const TIME_LAST_WORD =
  /(?:\d[\p{L}\p{N}:.]*|today|yesterday|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|ago|am|pm|noon|midnight|z|week|month|days|hours?|weeks|day|lately|recently|now)\s*$/iu;

/** True when the text may end in a time phrase. */
function mayEndInTime(text: string): boolean {
  return TIME_LAST_WORD.test(text.slice(-40));
}

function understood(when: string | undefined): when is string {
  return when !== undefined && resolveTimePhrase(when, REFERENCE) !== undefined;
}

function first(u: Utterance, res: RegExp[]): Record<string, string | undefined> | undefined {
  for (const re of res) {
    const c = capture(u, re);
    if (c) return c;
  }
  return undefined;
}

/** "watch Marketing", "watch all my groups", "which groups am I watching". */
export const matchWatch: Matcher = (u) => {
  if (first(u, WATCH_ALL)) return makeIntent('watchGroup', { allOwned: true });
  if (first(u, WATCH_LIST)) return makeIntent('watchGroup');
  const c = first(u, WATCH_ONE);
  return c ? makeIntent('watchGroup', { groups: groupsSlot(c['g']) }) : undefined;
};

/** "stop watching Marketing", "stop watching all my groups". */
export const matchUnwatch: Matcher = (u) => {
  if (first(u, UNWATCH_ALL)) return makeIntent('unwatchGroup', { allOwned: true });
  const c = first(u, UNWATCH_ONE);
  return c ? makeIntent('unwatchGroup', { groups: groupsSlot(c['g']) }) : undefined;
};

/** "who was in Marketing on 2026-11-02", "members of Legal last Monday" (not "now" or "today": that is listMembers). */
export const matchMembersAt: Matcher = (u) => {
  if (!mayEndInTime(u.masked)) return undefined;
  const person = first(u, PERSON_AT);
  const c = person ?? first(u, MEMBERS_AT);
  const when = c?.['when']?.trim();
  if (!c || !understood(when) || /^(?:(?:as\s+of|on|at)\s+)?(?:now|today)$/i.test(when)) return undefined;
  const users = person ? usersSlot(c['u']) : undefined;
  return makeIntent('membersAt', { users, groups: groupsSlot(c['g']), when });
};

/** "restore Marketing's members to last Monday 09:00", "roll back Legal to 2026-11-02". */
export const matchRestoreMembers: Matcher = (u) => {
  if (!mayEndInTime(u.masked)) return undefined;
  const c = first(u, RESTORE);
  const when = c?.['when']?.trim();
  if (!c || !understood(when)) return undefined;
  return makeIntent('restoreMembers', { groups: groupsSlot(c['g']), when });
};

const TRAILING_TIME = rx(String.raw`\s+${WHEN}$`);

/**
 * A history question with a time at its end ("what changed in Marketing this week"): the question without it and
 * the time, or undefined when it has none ("lately" and "recently" are no time: the newest changes are shown).
 */
export function splitTrailingTime(u: Utterance): { rest: Utterance; when: string } | undefined {
  if (!mayEndInTime(u.masked)) return undefined;
  const m = TRAILING_TIME.exec(u.masked);
  const when = m?.groups?.['when']?.trim();
  if (!m || !understood(when) || /^(?:lately|recently)$/i.test(when)) return undefined;
  return { rest: toUtterance(u.text.slice(0, m.index)), when: u.text.slice(m.index).trim() };
}

/** Adds the time to a history intent. Never throws. */
export function withWhen(intent: Intent | undefined, when: string): Intent | undefined {
  return intent ? makeIntent(intent.intent, { ...intent, when }) : undefined;
}
