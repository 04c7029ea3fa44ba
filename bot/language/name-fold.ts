/**
 * Folding names for comparison: case, accents and punctuation go ("Zoë Müller" → "zoe muller"), and the generic
 * words people put around a group's name ("the", "group", "grp", "team") are told apart from the words that name
 * it. Pure string work, shared by the entity spotter and its gazetteer.
 */

/** Folds one word or phrase: lowercase, accents stripped, apostrophes dropped, other punctuation → spaces. Never throws. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded words of a name, in order ("Research & Development" → research, development). Never throws. */
export function nameWords(text: string): string[] {
  const folded = foldName(text);
  return folded.length === 0 ? [] : folded.split(' ').filter((w) => !JOINING_WORDS.has(w));
}

/** Words around a group's name that do not name it: "the phoenix project team", "grp Legal". */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(['the', 'group', 'groups', 'grp', 'grps', 'team', 'teams']);

/** Words that may sit inside a reordered name ("alerts for finance", "research and development"). */
export const JOINING_WORDS: ReadonlySet<string> = new Set(['and', 'of', 'for', 'the']);

/**
 * Common business abbreviations that are not prefixes of the word they stand for (prefixes such as "proj" or
 * "exec" need no entry: the spotter reads a prefix when it names one word only). General English, no tenant words.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  mktg: 'marketing',
  mkt: 'marketing',
  mgmt: 'management',
  mgr: 'manager',
  mgrs: 'managers',
  dept: 'department',
  depts: 'departments',
  eng: 'engineering',
  engg: 'engineering',
  ops: 'operations',
  dev: 'development',
  devs: 'developers',
  acct: 'accounting',
  accts: 'accounts',
  admin: 'administrators',
  admins: 'administrators',
  fin: 'finance',
  intl: 'international',
  hq: 'headquarters',
  svc: 'services',
  svcs: 'services',
  sec: 'security',
  infra: 'infrastructure',
  exec: 'executive',
  execs: 'executives',
  proj: 'project',
  prj: 'project',
  mgt: 'management',
  govt: 'government',
  comms: 'communications',
  corp: 'corporate',
};

/**
 * Words too common to name anything by prefix, typo or first name alone ("add" is not "Addison"; "will" is not
 * Will). They still count when they are a whole word of a name ("Sales and Marketing" needs "and").
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the to in into onto on of for from with by at as is are was be been am do does did has have had can could ' +
    'would will shall should may might must not no yes and or but if then than so too also all any every each some ' +
    'me my mine you your u ur we our us they them their he him his she her it its i who whom whose what which why ' +
    'how when where there here this that these those add added adding remove removed put make made take get got ' +
    'give gave let set show list tell ask see need needs want wants like please pls plz thanks thank ty thx hi hey ' +
    'hello dear group groups grp team teams member members mbr owner owners owns own user users new old out up down ' +
    'over off about access rights right now today tomorrow monday tuesday wednesday thursday friday saturday sunday ' +
    'just only still again back more most less much many one two three first last next same other another ' +
    'create delete restore rename kick drop swap grant move copy match mirror mark bill will may june april august ' +
    'grace rose faith hope joy ray art dawn sky summer autumn winter sterling chase rich frank pat sue'
  ).split(' '),
);
