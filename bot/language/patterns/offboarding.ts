/**
 * offboardUser ("Raul left the company, remove him everywhere", "offboard Debra Berger") and userAccessCheck
 * ("does Raul still have access anywhere?"). Both read the whole message: the person often stands in one sentence
 * ("Johanna has left us") and the request in the next ("clean up her groups").
 */
import { makeIntent } from '../intent-build';
import { capture, rx, type Utterance } from '../quote-mask';
import { usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const PRONOUN = /^(?:he|she|they|him|her|them|his|hers|their)$/i;
/** Where a name ends: punctuation, the end, or "and" starting the next instruction ("… to Enrico and remove him"). */
const STOP = String.raw`(?=\s*(?:[,;:!?\n—–]|\.(?:\s|$)|\s-\s|$)|\s+and\s+(?:remove|kick|take|drop|pull|strip|clean|clear|revoke|delete|hand|give|transfer|pass|move)\b)`;
const EVERY_GROUP = String.raw`(?:all|every|each|any)\s+(?:(?:of\s+)?(?:his|her|their|the|my)\s+)?(?:groups?|teams?|memberships?|group\s+memberships?|access)`;
const EVERYWHERE = String.raw`(?:everywhere|everything|${EVERY_GROUP})`;
const REMOVE = String.raw`(?:remove|kick|take|get\s+rid\s+of|drop|pull|strip|clean\s+up|clear|revoke|delete)`;

/** "Johanna has left us", "José resigned", "Diego is leaving on the 31st": the person leaving. */
const LEAVER = rx(
  String.raw`(?:^|[.;!?\n]\s*)(?<u>[^,.;!?\n—–]+?)\s+(?:has\s+left|left\s+(?:the\s+company|us|the\s+org\w*|last)|resigned|quit|is\s+leaving|has\s+been\s+let\s+go|moved\s+to|doesn['’]?t\s+work\s+(?:here|for\s+us)|does\s+not\s+work\s+(?:here|for\s+us)|is\s+no\s+longer\s+with\s+us)\b`,
);

const OFFBOARD: RegExp[] = [
  rx(String.raw`\b(?:offboard|off-board|deprovision)\s+(?<u>[^,.;!?\n]+?)${STOP}`),
  rx(String.raw`\b${REMOVE}\s+(?:out\s+)?(?<u>[^,.;!?\n]+?)\s+(?:out\s+of|from|off|in)\s+${EVERYWHERE}\b`),
  rx(String.raw`\b${REMOVE}\s+(?<u>[^,.;!?\n]+?)['’]s?\s+(?:memberships?|access|groups)\s+everywhere\b`),
  rx(
    String.raw`\b(?:strip|remove|revoke)\s+all\s+(?:(?:group\s+)?memberships?|access)\s+(?:from|of)\s+(?<u>[^,;!?\n]+?)${STOP}`,
  ),
];

/** "remove his memberships everywhere", "remove all her access", "clean up her groups", "take him out of everything". */
const REMOVE_THEIRS = rx(
  String.raw`\b(?:${REMOVE}\s+(?:out\s+)?(?:(?:all|every)\s+(?:of\s+)?)?(?:his|her|their)\s+(?:memberships?|access|groups)|${REMOVE}\s+(?:him|her|them)\s+(?:out\s+of|from|off)\s+${EVERYWHERE}|${REMOVE}\s+(?:him|her|them)\s+everywhere)\b`,
);

const HAND_OVER = rx(
  String.raw`\b(?:hand|give|transfer|pass|move)\s+(?:over\s+)?(?:his|her|their)\s+(?:groups|ownerships?|owned\s+groups)\s+(?:over\s+)?to\s+(?<h>[^,.;!?\n]+?)${STOP}`,
);

function leaver(u: Utterance): string[] | undefined {
  return usersSlot(capture(u, LEAVER)?.u);
}

/** Members named by kind ("the guests", "disabled accounts"): removeMembersByKind, not a leaver. */
const BY_KIND =
  /^(?:(?:all|the|any|every|of)\s+)*(?:guests?|externals?|external\s+\S+|outsiders|(?:disabled|deactivated|inactive|blocked)\s+\S+)$/i;

function person(found: string | undefined, u: Utterance): string[] | undefined {
  if (found !== undefined && PRONOUN.test(found.trim())) return leaver(u);
  const users = usersSlot(found);
  if (users?.length === 1 && BY_KIND.test(users[0] as string)) return undefined;
  if (users?.length === 1 && PRONOUN.test(users[0] as string)) return leaver(u);
  return users;
}

/** "offboard X", "remove X from all groups", "X left the company, remove him everywhere". */
export const matchOffboard: Matcher = (u) => {
  const handOverTo = usersSlot(capture(u, HAND_OVER)?.h);
  for (const re of OFFBOARD) {
    const c = capture(u, re);
    const users = c ? person(c.u, u) : undefined;
    if (users) return makeIntent('offboardUser', { users, handOverTo });
  }
  if (!REMOVE_THEIRS.test(u.masked)) return undefined;
  const users = leaver(u);
  return users ? makeIntent('offboardUser', { users, handOverTo }) : undefined;
};

const ANY_GROUP = String.raw`(?:anything|anywhere|any\s+(?:of\s+(?:the|our|my)\s+)?(?:groups?|teams?))`;
/** What a person may still have: "access", "anything", "any groups", "access to anything", "access to any group". */
const ANYTHING = String.raw`(?:any\s+)?(?:access(?:\s+(?:to|in)\s+${ANY_GROUP})?|anything|groups?|memberships?)`;
const ACCESS_CHECK: RegExp[] = [
  rx(
    String.raw`\b(?:does|do|has)\s+(?<u>[^,.;!?\n]+?)\s+(?:still\s+)?(?:have|has|got)\s+(?:still\s+)?${ANYTHING}(?:\s+(?:left|anywhere|still|at\s+all))*\s*\??$`,
  ),
  rx(String.raw`^(?:is\s+there\s+)?anything\s+(?:still\s+)?left\s+for\s+(?<u>.+?)\??$`),
  rx(String.raw`^can\s+(?<u>.+?)\s+still\s+(?:get\s+into|access|see|open|use)\s+(?:anything|any\s+groups?)\??$`),
  rx(
    String.raw`^(?:double[-\s]?check|check|verify|make\s+sure|confirm)\s+(?:that\s+)?(?<u>.+?)\s+(?:isn['’]t|is\s+not|is\s+no\s+longer)\s+in\s+any\s+(?:groups?|teams?)(?:\s+any\s*more)?$`,
  ),
  rx(String.raw`^is\s+(?<u>.+?)\s+(?:out\s+of|removed\s+from|gone\s+from)\s+${EVERYWHERE}(?:\s+now)?\??$`),
  rx(
    String.raw`^(?:check|verify|confirm|make\s+sure)\s+(?:that\s+)?(?<u>.+?)\s+has\s+(?:nothing|no\s+(?:access|groups?))\s+left$`,
  ),
  rx(String.raw`^(?:has|have)\s+(?<u>.+?)\s+been\s+(?:removed|taken\s+out)\s+(?:from|of)\s+${EVERYWHERE}\??$`),
  rx(
    String.raw`^(?:is|are)\s+(?<u>.+?)\s+still\s+(?:in|a\s+member\s+of|an?\s+owner\s+of)\s+${ANY_GROUP}(?:\s+at\s+all)?\??$`,
  ),
];

/** "still", "left", "anymore": the question is about what remains. */
const REMAINS = /\b(?:still|left|any\s*more|remaining|at\s+all)\b/i;
/** "anything", "anywhere", "any group", "what access": about all groups, not one. */
const ALL_GROUPS =
  /\b(?:anything|anywhere|everything|any\s+(?:of\s+(?:the|our|my)\s+)?(?:groups?|teams?|access)|what\s+access)\b/i;
/** The words such a question is made of besides the person's name. */
const QUESTION_WORDS = new Set(
  (
    'does do did has have had is are was can could what which still left any anymore more remaining at all ' +
    'anything anywhere everything access group groups team teams own owns belong belongs member members owner ' +
    'owners of in to or and a an the got get into now there check verify confirm make sure that for after ' +
    'offboarding please pls'
  ).split(' '),
);

/** "what access does Alex have left", "does Debra own or belong to any group still": the one name left. */
function remainsQuestion(u: Utterance): string[] | undefined {
  if (!REMAINS.test(u.masked) || !ALL_GROUPS.test(u.masked)) return undefined;
  const words = u.text
    .replace(/[?!.,]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const runs: string[][] = [[]];
  for (const w of words) {
    if (QUESTION_WORDS.has(w.toLowerCase())) runs.push([]);
    else (runs[runs.length - 1] as string[]).push(w);
  }
  const names = runs.filter((r) => r.length > 0);
  return names.length === 1 ? person((names[0] as string[]).join(' '), u) : undefined;
}

/** "does Raul still have access anywhere?", "is Lynne out of everything now?", "check Pat has nothing left". */
export const matchAccessCheck: Matcher = (u) => {
  for (const re of ACCESS_CHECK) {
    const c = capture(u, re);
    const users = c ? person(c.u, u) : undefined;
    if (users) return makeIntent('userAccessCheck', { users });
  }
  const users = remainsQuestion(u);
  return users ? makeIntent('userAccessCheck', { users }) : undefined;
};
