/**
 * The words around the names (issue 23.2): what a word of a message does in a request about a person and a group
 * once the directory has found the group. Verbs ("add", "stick", "kick", "look after"), prepositions that give the
 * roles ("to", "into", "from", "out of"), negation, question words, the filler people put around a request, and
 * the words of other tasks ("licence", "restore", "called") that tell the reader to leave the message to the
 * patterns. A word is looked up as written, then with one typo ("remvoe", "ownr"). Pure tables and look-ups.
 */
import { editDistance } from './typo-fix';

/** What a word contributes to the reading. */
export type WordRole =
  | 'add'
  | 'remove'
  | 'own'
  | 'access'
  | 'join'
  | 'be'
  | 'negation'
  | 'who'
  | 'ask'
  | 'check'
  | 'explain'
  | 'towards'
  | 'away'
  | 'of'
  | 'self'
  | 'other'
  | 'filler';

const words = (list: string): readonly string[] => list.trim().split(/\s+/);

const ROLES: Readonly<Record<Exclude<WordRole, 'filler'>, readonly string[]>> = {
  add: words(`make makes made set promote appoint add adding added put putting stick chuck pop place include insert enrol enroll enrole onboard throw slot
    bring invite grant give get getting sign`),
  remove: words(`remove removing removed kick kicked drop dropped boot pull revoke unassign exclude rid take taken
    delete strip out off`),
  own: words(`owner owners own owns owning manage manages managing manager admin administer administrator coowner
    ownership run runs`),
  access: words('access see view permission permissions rights need needs require requires'),
  join: words('join joining request'),
  be: words('be is are being was were been am'),
  negation: words('not no longer never nt dont doesnt shouldnt cant wont stop anymore isnt arent'),
  who: words('who whos whom'),
  ask: words('does do did has have got can could may'),
  check: words('check checking verify confirm whether'),
  explain: words('why how come explain reason'),
  towards: words('to into onto in on 2 inside within at part member members membership'),
  away: words('from frm outta'),
  of: words('of for'),
  self: words('me myself i im id ive ill my'),
  other: words(`create creating new called named rename renaming restore restoring recover undelete deleted
    licence licences license licenses licensing sku e3 e5 visio rule rules dynamic expire expires expiry expiring
    renew history log changes changed guest guests external externals disabled everyone everybody anyone anybody
    export csv download watch notify hidden private public visibility description property type kind security
    distribution offboard left resigned leaving copy same match mirror undo revert cancel approve deny ago last
    lately recently yesterday earlier joined when`),
};

/** Words that never name a person: courtesy, modals, articles, chat filler, time words, and the like. */
const FILLER = new Set(
  words(`a an the please pls plz kindly you u ur r able possible it its to also too as well user users person
    people should shall must want wants wanted let lets hi hello hey hiya thanks thank thx ty
    cheers team guys all folks asap urgent quick quickly today tomorrow monday tuesday wednesday thursday friday
    saturday sunday week month next now then just still so ok okay yes yeah there this that these those some any
    group grp groups grps again going gonna wanna would will like love required requested ask asking asked
    approved by with up down over back right away immediately soon start starting effective we our us they them
    their he she him her his sir madam dear regards best kind sorry mate tell know show list find what whats
    which where before since until closed currently already morning afternoon evening here`),
);

const BY_WORD = new Map<string, WordRole>();
for (const [role, list] of Object.entries(ROLES) as Array<[WordRole, readonly string[]]>)
  for (const w of list) if (!BY_WORD.has(w)) BY_WORD.set(w, role);

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
