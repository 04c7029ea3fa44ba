/**
 * The one table of intents (issue 23.1): each intent's name, slot schema (zod), which slots name people, groups,
 * times or free text, whether its text is read whole, its help line and examples. The Intent type's names, the
 * help card, `groupbot parse --intents`, the slot checks and the dispatcher's map all derive from it: adding an
 * intent here fails to compile until its command is in bot/commands/dispatch.ts.
 */
import { z } from 'zod';
import { slot, type SlotKey } from './intent-slots';

/** One row of the table. */
export interface IntentSpec {
  /** The slots the intent takes; any other slot, or a value of the wrong shape, fails. */
  readonly slots: z.ZodTypeAny;
  /** Slots naming people (resolved against users), groups (against groups), times (time-phrase.ts), free text. */
  readonly people?: readonly SlotKey[];
  readonly groups?: readonly SlotKey[];
  readonly times?: readonly SlotKey[];
  readonly text?: readonly SlotKey[];
  /** The whole message is this intent's text: its own clauses ("…, owner Grace") are slots, not requests. */
  readonly wholeText?: true;
  /** Only reads (answers a question): two of them in one message are answered both. */
  readonly question?: true;
  /** One line of the help text; intents sharing a line share the string (it is shown once). */
  readonly help?: string;
  /** Messages the parser reads as this intent (tested); the first is the help card's button when `featured`. */
  readonly examples: readonly string[];
  readonly featured?: true;
}

/** Every slot is optional: it appears only when the text gives it. */
const slots = <T extends z.ZodRawShape>(shape: T) => z.object(shape).partial().strict();

const MEMBERSHIP =
  'add or remove members and owners ("add Ana and Bob to Marketing", "nest the Sales group in Marketing")';
const LISTING = 'list members and owners ("who is in Marketing", "who owns SecurityGroup101")';
const LIFECYCLE =
  'create, rename, change, delete and restore groups ("create a security group called Finance Readers")';
const DESCRIBE = 'list and describe groups ("show all security groups", "tell me about OutlookGroup101")';
const RULES = 'show, set and preview dynamic membership rules ("who would match user.city -eq \\"Seattle\\"")';
const LICENCES = 'assign, remove and list licences ("assign the E5 license to Marketing")';
const ACCESS = 'ask a group\'s owners for access and answer requests ("I need access to Finance Readers")';
const EXPIRY = 'say when a group expires and renew it ("when does Marketing expire", "renew Marketing")';
const HYGIENE =
  'check group hygiene: no owner, expiring, empty, guests, disabled members ("group hygiene", "are there orphaned groups"),' +
  ' weekly with "post the digest here" or "send the digest to me"';
const UNDO =
  'undo your last change ("oops, undo that") and bring back a deleted group ("bring back Old Project Phoenix")';
const OVER_TIME =
  'watch a group and answer questions over time ("watch Marketing", "who was in Legal last Monday", "who joined Sales this week", "restore Marketing\'s members to 2026-11-02")';
const OFFBOARD =
  'offboard someone from every group and check they have no access left ("Raul left the company, remove him everywhere", "does Raul still have access anywhere?")';
const COPY =
  'copy membership between people or groups ("give Joni the same groups as Enrico", "put everyone from Sales into Marketing too")';
const BY_KIND =
  'remove guests or disabled accounts from a group ("kick the external users out of Vendor Portal Access")';
const PROPERTY =
  'answer questions about a group ("is Finance Readers a security group?", "do we have a group for the auditors?")';

const people = { users: slot.names };
const peopleAndGroups = { users: slot.names, groups: slot.names };
const oneGroup = { groups: slot.names };
const change = { ...peopleAndGroups, durationDays: slot.days, listOnOneLine: slot.flag };

/** Every intent, in the order of the design table (and of the help text). */
export const INTENT_TABLE = {
  addMembers: {
    slots: slots({ ...change, memberGroups: slot.names }),
    people: ['users'],
    groups: ['groups', 'memberGroups'],
    help: MEMBERSHIP,
    examples: ['add Ana to Marketing', 'add the Sales group to Marketing'],
    featured: true,
  },
  removeMembers: {
    slots: slots({ ...peopleAndGroups, listOnOneLine: slot.flag, memberGroups: slot.names }),
    people: ['users'],
    groups: ['groups', 'memberGroups'],
    help: MEMBERSHIP,
    examples: ['remove Bob from Legal'],
  },
  listMembers: {
    question: true,
    slots: slots({ ...oneGroup, transitive: slot.flag }),
    groups: ['groups'],
    help: LISTING,
    examples: ['who is in Marketing'],
  },
  listOwners: {
    question: true,
    slots: slots(peopleAndGroups),
    people: ['users'],
    groups: ['groups'],
    help: LISTING,
    examples: ['who owns SecurityGroup101'],
    featured: true,
  },
  addOwners: {
    slots: slots({ ...change }),
    people: ['users'],
    groups: ['groups'],
    help: MEMBERSHIP,
    examples: ['make Grace an owner of Finance Readers'],
  },
  removeOwners: {
    slots: slots({ ...peopleAndGroups, listOnOneLine: slot.flag }),
    people: ['users'],
    groups: ['groups'],
    help: MEMBERSHIP,
    examples: ['remove Olga as owner of Legal'],
  },
  checkMembership: {
    question: true,
    slots: slots({ ...peopleAndGroups, explain: slot.flag }),
    people: ['users'],
    groups: ['groups'],
    help: 'check membership and explain it ("is Ana in SecurityGroup101?")',
    examples: ['is Ana in SecurityGroup101?'],
  },
  listUserGroups: {
    question: true,
    slots: slots({ ...people, transitive: slot.flag }),
    people: ['users'],
    help: 'show someone\'s groups ("which groups is Ana in")',
    examples: ['which groups is Ana in'],
    featured: true,
  },
  listOwnedGroups: {
    question: true,
    slots: slots(people),
    people: ['users'],
    help: 'show someone\'s groups ("which groups is Ana in")',
    examples: ['which groups do I own'],
  },
  createGroup: {
    slots: slots({
      name: slot.text,
      groupType: slot.groupType,
      description: slot.text,
      rule: slot.text,
      ruleText: slot.text,
      dynamic: slot.flag,
      visibility: slot.visibility,
      members: slot.names,
      owners: slot.names,
    }),
    people: ['members', 'owners'],
    text: ['name', 'description', 'rule', 'ruleText'],
    wholeText: true,
    help: LIFECYCLE,
    examples: [
      'create a security group called Finance Readers',
      'create a private group Partner Reviews owned by Miriam',
    ],
    featured: true,
  },
  renameGroup: {
    slots: slots({ ...oneGroup, name: slot.text }),
    groups: ['groups'],
    text: ['name'],
    help: LIFECYCLE,
    examples: ['rename Design Team to Design Studio'],
  },
  updateGroup: {
    slots: slots({ ...oneGroup, visibility: slot.visibility, description: slot.text }),
    groups: ['groups'],
    text: ['description'],
    help: LIFECYCLE,
    examples: ['make Marketing private'],
  },
  deleteGroup: { slots: slots(oneGroup), groups: ['groups'], help: LIFECYCLE, examples: ['delete Project Falcon'] },
  restoreGroup: {
    slots: slots(oneGroup),
    groups: ['groups'],
    help: UNDO,
    examples: ['bring back Old Project Phoenix'],
  },
  listGroups: {
    slots: slots({ groupType: slot.groupType, startsWith: slot.text, nameContains: slot.text }),
    text: ['startsWith', 'nameContains'],
    help: DESCRIBE,
    examples: ['show all security groups'],
  },
  showGroup: {
    question: true,
    slots: slots(oneGroup),
    groups: ['groups'],
    help: DESCRIBE,
    examples: ['tell me about OutlookGroup101'],
    featured: true,
  },
  showRule: {
    question: true,
    slots: slots(oneGroup),
    groups: ['groups'],
    help: RULES,
    examples: ["what is Seattle Employees' rule"],
  },
  setRule: {
    slots: slots({ ...oneGroup, rule: slot.text, ruleText: slot.text }),
    groups: ['groups'],
    text: ['rule', 'ruleText'],
    wholeText: true,
    help: RULES,
    examples: ['set the rule of Seattle Employees to user.city -eq "Seattle"'],
  },
  previewRule: {
    slots: slots({ ...oneGroup, rule: slot.text, ruleText: slot.text }),
    groups: ['groups'],
    text: ['rule', 'ruleText'],
    wholeText: true,
    help: RULES,
    examples: ['who would match user.city -eq "Seattle"'],
  },
  assignLicense: {
    slots: slots({ ...oneGroup, license: slot.text }),
    groups: ['groups'],
    text: ['license'],
    help: LICENCES,
    examples: ['assign the E5 license to Marketing'],
  },
  removeLicense: {
    slots: slots({ ...oneGroup, license: slot.text }),
    groups: ['groups'],
    text: ['license'],
    help: LICENCES,
    examples: ['remove the E5 license from Marketing'],
  },
  listLicenses: {
    question: true,
    slots: slots(oneGroup),
    groups: ['groups'],
    help: LICENCES,
    examples: ['which licenses does Sales have'],
  },
  requestAccess: {
    slots: slots({ ...oneGroup, justification: slot.text, durationDays: slot.days }),
    groups: ['groups'],
    text: ['justification'],
    help: ACCESS,
    examples: ['I need access to Finance Readers'],
    featured: true,
  },
  listRequests: { slots: slots(oneGroup), groups: ['groups'], help: ACCESS, examples: ['show my requests'] },
  listApprovals: { slots: slots({}), help: ACCESS, examples: ['pending approvals'] },
  showHistory: {
    slots: slots({ ...peopleAndGroups, when: slot.text, change: slot.change }),
    people: ['users'],
    groups: ['groups'],
    times: ['when'],
    help: OVER_TIME,
    examples: ['show the history of Marketing', 'who joined Sales this week'],
  },
  showMyChanges: {
    slots: slots({ when: slot.text }),
    times: ['when'],
    help: UNDO,
    examples: ['what did I change today'],
  },
  undo: { slots: slots({}), help: UNDO, examples: ['oops, undo that'] },
  smallTalk: { slots: slots({ topic: slot.topic }), examples: ['thanks!'] },
  multi: {
    slots: slots({ steps: z.array(z.lazy(() => singleIntentSchema)).min(1) }),
    help: 'do two things in one message ("add Ana to Sales and Bob to Legal", "who owns A, and who owns B?")',
    examples: ['add Ana to Sales and Bob to Legal'],
  },
  help: { slots: slots({}), examples: ['help'] },
  cancel: { slots: slots({}), examples: ['cancel'] },
  unknown: { slots: slots({}), examples: ['the weather in Paris'] },
  showExpiry: {
    question: true,
    slots: slots(oneGroup),
    groups: ['groups'],
    help: EXPIRY,
    examples: ['when does Marketing expire'],
  },
  renewGroup: { slots: slots(oneGroup), groups: ['groups'], help: EXPIRY, examples: ['renew Marketing'] },
  exportMembers: {
    slots: slots(oneGroup),
    groups: ['groups'],
    help: 'export a group\'s members as a CSV file ("export the members of Sales")',
    examples: ['export the members of Sales'],
  },
  showHygiene: {
    slots: slots({ check: slot.check, allOwned: slot.flag }),
    help: HYGIENE,
    examples: ['group hygiene', 'are there orphaned groups'],
  },
  setDigest: { slots: slots({ digest: slot.digest }), help: HYGIENE, examples: ['post the digest here'] },
  watchGroup: {
    slots: slots({ ...oneGroup, allOwned: slot.flag }),
    groups: ['groups'],
    help: OVER_TIME,
    examples: ['watch Marketing'],
  },
  unwatchGroup: {
    slots: slots({ ...oneGroup, allOwned: slot.flag }),
    groups: ['groups'],
    help: OVER_TIME,
    examples: ['stop watching Marketing'],
  },
  membersAt: {
    question: true,
    slots: slots({ ...peopleAndGroups, when: slot.text }),
    people: ['users'],
    groups: ['groups'],
    times: ['when'],
    help: OVER_TIME,
    examples: ['who was in Legal last Monday'],
  },
  restoreMembers: {
    slots: slots({ ...oneGroup, when: slot.text }),
    groups: ['groups'],
    times: ['when'],
    help: OVER_TIME,
    examples: ["restore Marketing's members to 2026-11-02"],
  },
  offboardUser: {
    slots: slots({ users: slot.names, handOverTo: slot.names }),
    people: ['users', 'handOverTo'],
    wholeText: true,
    help: OFFBOARD,
    examples: ['Raul left the company, remove him everywhere', 'offboard Debra Berger'],
  },
  copyMembership: {
    slots: slots({ kind: slot.copyKind, source: slot.names, target: slot.names, mirror: slot.flag }),
    // `source` and `target` name people when kind is userGroups, groups when it is groupMembers.
    people: ['source', 'target'],
    groups: ['source', 'target'],
    wholeText: true,
    help: COPY,
    examples: ['give Joni the same groups as Enrico', 'put everyone from Sales into Marketing too'],
  },
  removeMembersByKind: {
    slots: slots({ ...oneGroup, kind: slot.removeKind, allOwned: slot.flag }),
    groups: ['groups'],
    wholeText: true,
    help: BY_KIND,
    examples: ['kick the external users out of Vendor Portal Access', 'remove disabled accounts from Sales'],
  },
  userAccessCheck: {
    question: true,
    slots: slots(people),
    people: ['users'],
    wholeText: true,
    help: OFFBOARD,
    examples: ['does Raul still have access anywhere?'],
  },
  groupPropertyQuestion: {
    question: true,
    slots: slots({ ...oneGroup, property: slot.property }),
    groups: ['groups'],
    wholeText: true,
    help: PROPERTY,
    examples: ['is Finance Readers a security group?', 'is Executive Leadership hidden?'],
  },
  findGroup: {
    question: true,
    slots: slots({ topic: slot.text }),
    text: ['topic'],
    wholeText: true,
    help: PROPERTY,
    examples: ['do we have a group for the auditors?'],
  },
} as const satisfies Record<string, IntentSpec>;

/** An intent's name: a key of the table. */
export type IntentName = keyof typeof INTENT_TABLE;

/** Every intent name, in table order. */
export const INTENT_NAMES = Object.keys(INTENT_TABLE) as IntentName[];

const spec = (name: IntentName): IntentSpec => INTENT_TABLE[name];

/** One intent with its slots (never `multi`, whose steps are single intents); built once, on first use. */
let singleIntents: z.ZodTypeAny | undefined;
const singleIntentSchema: z.ZodTypeAny = z.lazy(() => {
  singleIntents ??= z.union(
    INTENT_NAMES.filter((n) => n !== 'multi').map((n) => withName(n)) as unknown as [
      z.ZodTypeAny,
      z.ZodTypeAny,
      ...z.ZodTypeAny[],
    ],
  );
  return singleIntents;
});

/** Each intent's whole schema, built once: slot checks run on every turn (bot/commands/slot-clarify.ts). */
const withNames = new Map<IntentName, z.ZodTypeAny>();

function withName(name: IntentName): z.ZodTypeAny {
  let schema = withNames.get(name);
  if (!schema) {
    schema = (spec(name).slots as z.AnyZodObject).extend({ intent: z.literal(name) });
    withNames.set(name, schema);
  }
  return schema;
}

/** What is wrong with an intent's slots, one sentence per problem; [] when they fit its schema. */
export function slotProblems(intent: { intent: string }): string[] {
  if (!Object.prototype.hasOwnProperty.call(INTENT_TABLE, intent.intent)) return [`"${intent.intent}" is no intent`];
  const result = withName(intent.intent as IntentName).safeParse(intent);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.') || 'intent'}: ${i.message}`);
}

/** True when the intent only answers a question (intent-parse.ts, message-read.ts). */
export function isQuestion(name: IntentName): boolean {
  return spec(name).question === true;
}

/** True when the intent's text is read whole (intent-parse.ts). */
export function readsWholeText(name: IntentName): boolean {
  return spec(name).wholeText === true;
}

/** The help lines, once each, in table order. */
export function helpLines(): string[] {
  return [...new Set(INTENT_NAMES.map((n) => spec(n).help).filter((h): h is string => h !== undefined))];
}

/** The examples the help card offers as buttons: the first example of each featured intent. */
export function featuredExamples(): string[] {
  return INTENT_NAMES.filter((n) => spec(n).featured).map((n) => spec(n).examples[0] as string);
}

/** An intent's row, for tools that print the table (`groupbot parse --intents`). */
export function intentSpec(name: IntentName): IntentSpec {
  return spec(name);
}
