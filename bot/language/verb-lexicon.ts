/**
 * The words around the names (issue 23.2): what a word of a message does in a request about a person and a group
 * once the directory has found the group. Verbs ("add", "stick", "kick", "look after"), prepositions that give the
 * roles ("to", "into", "from", "out of"), negation, question words and the filler people put around a request.
 * A word is looked up as written, then with one typo ("remvoe", "ownr"). Pure tables and look-ups.
 */
import { editDistance } from './typo-fix';

/** What a word contributes to the reading. */
export type WordRole =
  | 'add'
  | 'remove'
  | 'own'
  | 'access'
  | 'be'
  | 'negation'
  | 'who'
  | 'ask'
  | 'towards'
  | 'away'
  | 'of'
  | 'self'
  | 'filler';

const ROLES: Readonly<Record<Exclude<WordRole, 'filler'>, readonly string[]>> = {
  add: [
    'add',
    'adding',
    'added',
    'put',
    'putting',
    'stick',
    'chuck',
    'pop',
    'place',
    'include',
    'insert',
    'enrol',
    'enroll',
    'enrole',
    'onboard',
    'throw',
    'slot',
    'bring',
    'invite',
    'join',
    'joins',
    'grant',
    'give',
    'get',
    'getting',
    'sign',
  ],
  remove: [
    'remove',
    'removing',
    'removed',
    'kick',
    'kicked',
    'drop',
    'dropped',
    'boot',
    'pull',
    'revoke',
    'unassign',
    'exclude',
    'rid',
    'take',
    'taken',
    'delete',
    'deleted',
    'strip',
    'out',
    'off',
  ],
  own: [
    'owner',
    'owners',
    'own',
    'owns',
    'owning',
    'manage',
    'manages',
    'managing',
    'manager',
    'admin',
    'administer',
    'administrator',
    'coowner',
    'charge',
    'run',
    'runs',
    'after',
    'ownership',
    'look',
    'looks',
  ],
  access: ['access', 'see', 'view', 'permission', 'permissions', 'rights', 'need', 'needs', 'require', 'requires'],
  be: ['be', 'is', 'are', 'being', 'was', 'been', 'am'],
  negation: ['not', 'no', 'longer', 'never', 'nt', 'dont', 'doesnt', 'shouldnt', 'cant', 'wont', 'stop', 'anymore'],
  who: ['who', 'whos', 'whom'],
  ask: ['does', 'do', 'did', 'has', 'have'],
  towards: ['to', 'into', 'onto', 'in', 'on', '2', 'inside', 'within', 'at', 'part', 'member', 'members', 'membership'],
  away: ['from', 'frm', 'outta'],
  of: ['of', 'for'],
  self: ['me', 'myself', 'i', 'im', 'my'],
};

/** Words that never name a person: courtesy, modals, articles, chat filler, time words, and the like. */
const FILLER = new Set(
  (
    'a an the please pls plz kindly can could would will you u ur r able possible is it its to also too as well ' +
    'user users person people should shall must need needs needed want wants wanted let lets make makes made ' +
    'hi hello hey hiya thanks thank thx ty cheers team guys all everyone folks asap urgent quick quickly today ' +
    'tomorrow monday tuesday wednesday thursday friday saturday sunday week month next from now then just ' +
    'still so ok okay yes yeah hey there this that these those some any group grp groups grps new again ' +
    'going gonna wanna would like love required requested request ask asking asked ' +
    'approved approve by with up down over back right away immediately soon start starting effective ' +
    'we our us they them their he she him her his sir madam dear regards best kind sorry mate tell know show ' +
    'list find check verify what whats which how where when why before since until ago last yesterday earlier ' +
    'closed left currently already'
  ).split(' '),
);

const BY_WORD = new Map<string, WordRole>();
for (const [role, words] of Object.entries(ROLES) as Array<[WordRole, readonly string[]]>)
  for (const w of words) if (!BY_WORD.has(w)) BY_WORD.set(w, role);

const TYPO_TARGETS = [...BY_WORD.keys()].filter((w) => w.length >= 5);

/** The role of one folded word: as written, else one typo away from a verb of 5+ letters, else filler or none. */
export function roleOf(word: string): WordRole | undefined {
  const known = BY_WORD.get(word);
  if (known !== undefined) return known;
  if (FILLER.has(word)) return 'filler';
  if (word.length < 5) return undefined;
  const near = TYPO_TARGETS.filter((t) => Math.abs(t.length - word.length) <= 1 && editDistance(word, t, 1) <= 1);
  return near.length === 1 ? BY_WORD.get(near[0] as string) : undefined;
}
