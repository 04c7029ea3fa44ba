/**
 * The values a slot may take, as lists (so the table's schemas and the Intent type share them) and the zod
 * schemas of single slots, reused by every intent in intent-table.ts.
 */
import { z } from 'zod';

/** What a small-talk message was: thanks, an acknowledgement, a farewell, "how are you", praise, an apology. */
const SMALL_TALK_TOPICS = ['thanks', 'ack', 'bye', 'howAreYou', 'praise', 'sorry'] as const;
export type SmallTalkTopic = (typeof SMALL_TALK_TOPICS)[number];

const GROUP_KINDS = ['security', 'microsoft365', 'dynamic', 'deleted'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

const VISIBILITIES = ['Public', 'Private', 'HiddenMembership'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** groupPropertyQuestion: the property asked about ("is G a security group?" → security). */
const GROUP_PROPERTIES = [
  'security',
  'groupType',
  'dynamic',
  'visibility',
  'private',
  'hiddenMembership',
  'mailEnabled',
  'distributionList',
  'team',
  'roleAssignable',
  'guestsAllowed',
  'deleted',
] as const;
export type GroupProperty = (typeof GROUP_PROPERTIES)[number];

/** showHygiene: one section of the digest ("are there orphaned groups" → noOwner). */
const HYGIENE_CHECKS = ['noOwner', 'expiring', 'empty', 'guests', 'disabled'] as const;
export type HygieneCheck = (typeof HYGIENE_CHECKS)[number];

/** copyMembership (userGroups | groupMembers) and removeMembersByKind (guests | disabled). */
export type MembershipKind = 'userGroups' | 'groupMembers' | 'guests' | 'disabled';

const DIGEST_TARGETS = ['here', 'me', 'stop'] as const;
const HISTORY_CHANGES = ['added', 'removed'] as const;

/** Schemas of single slots. Lists hold at least one non-empty entry; flags are only ever `true`. */
export const slot = {
  names: z.array(z.string().min(1)).min(1),
  text: z.string().min(1),
  flag: z.literal(true),
  days: z.number().int().positive(),
  groupType: z.enum(GROUP_KINDS),
  visibility: z.enum(VISIBILITIES),
  property: z.enum(GROUP_PROPERTIES),
  check: z.enum(HYGIENE_CHECKS),
  digest: z.enum(DIGEST_TARGETS),
  change: z.enum(HISTORY_CHANGES),
  topic: z.enum(SMALL_TALK_TOPICS),
  copyKind: z.enum(['userGroups', 'groupMembers']),
  removeKind: z.enum(['guests', 'disabled']),
} as const;

/** Every slot an Intent may carry (intent.ts checks at compile time that its interface has exactly these). */
export type SlotKey =
  | 'users'
  | 'memberGroups'
  | 'groups'
  | 'name'
  | 'groupType'
  | 'description'
  | 'rule'
  | 'ruleText'
  | 'dynamic'
  | 'visibility'
  | 'startsWith'
  | 'nameContains'
  | 'license'
  | 'members'
  | 'owners'
  | 'handOverTo'
  | 'kind'
  | 'source'
  | 'target'
  | 'mirror'
  | 'property'
  | 'change'
  | 'check'
  | 'transitive'
  | 'explain'
  | 'durationDays'
  | 'justification'
  | 'digest'
  | 'when'
  | 'allOwned'
  | 'topic'
  | 'listOnOneLine'
  | 'steps';
