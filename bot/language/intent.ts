/**
 * The parser's output (docs/cards-and-conversation.md, Intents): an intent name plus the slots the text gave.
 * Slots appear only when the text gives them; values are the user's own words, never resolved
 * against the directory.
 */
import type { IntentName } from './intent-table';
import type { GroupKind, GroupProperty, HygieneCheck, MembershipKind, SlotKey, Visibility } from './intent-slots';

export type { IntentName } from './intent-table';
export { INTENT_NAMES } from './intent-table';
export type { GroupKind, GroupProperty, HygieneCheck, SmallTalkTopic, Visibility } from './intent-slots';

export interface Intent {
  intent: IntentName;
  /** People as written ("Ana", "ana@contoso.com", a GUID); "me", "I", "myself", "my" become "me". Split on commas, "and", "&", newlines. */
  users?: string[];
  /** Group phrases as written, never split on "and" ("Sales and Marketing" stays one entry); the resolver splits later. */
  groups?: string[];
  /** createGroup: the new group's display name; renameGroup: the new name. */
  name?: string;
  /** createGroup: "security" or "microsoft365"; listGroups: also "dynamic" or "deleted". */
  groupType?: GroupKind;
  /** createGroup / updateGroup: the description text. */
  description?: string;
  /** Dynamic membership rule in rule syntax (`user.department -eq "Sales"`), kept raw. */
  rule?: string;
  visibility?: Visibility;
  /** listGroups: the name prefix ("groups starting with Fin" → "Fin"). */
  startsWith?: string;
  /** assignLicense / removeLicense: the licence as written ("E5", "Office 365 E5"). */
  license?: string;
  /** listMembers / listUserGroups: include nested (indirect) memberships. */
  transitive?: boolean;
  /** addMembers / addOwners / requestAccess: "for 30 days" → 30 (weeks and months converted: 7 and 30 days). */
  durationDays?: number;
  /** requestAccess: the reason given ("because I joined the audit team" → "I joined the audit team"). */
  justification?: string;
  /**
   * Extra, optional (LANGUAGE): a membership condition in plain English that is not rule syntax
   * ("for everyone in Marketing" → "everyone in Marketing"), for the rules engine to translate.
   * Set instead of `rule` on createGroup, setRule and previewRule.
   */
  ruleText?: string;
  /** Extra, optional (LANGUAGE): createGroup: the word "dynamic" was used ("create a dynamic group ..."). */
  dynamic?: boolean;
  /** Extra, optional (LANGUAGE): createGroup: initial members ("with members Ana and Bob"), split like `users`. */
  members?: string[];
  /** Extra, optional (LANGUAGE): createGroup: initial owners ("owned by Ana"), split like `users`. */
  owners?: string[];
  /** Extra, optional (LANGUAGE): checkMembership: the user asked why/how ("why is Ana in Marketing") — explain the path. */
  explain?: boolean;
  /**
   * Extra, optional (LANGUAGE): addMembers / removeMembers / addOwners / removeOwners from a pasted list ("add these
   * to Marketing: …") whose names arrived on one line with nothing between them (a client that joins pasted lines),
   * so where one name ends cannot be told; `users` then holds the line as one entry.
   */
  listOnOneLine?: boolean;
  /** listGroups: a word the group name contains ("groups whose name mentions Finance" → "Finance"). */
  nameContains?: string;
  /** setDigest: post the weekly hygiene digest in this conversation, send it to the speaker, or stop it here. */
  digest?: 'here' | 'me' | 'stop';
  /**
   * showHistory / showMyChanges / membersAt / restoreMembers: the time as written ("last Monday 09:00", "2026-11-02", "this week");
   * resolved against the clock by the command (bot/language/time-phrase.ts).
   */
  when?: string;
  /** watchGroup / unwatchGroup: every group the user owns ("watch all my groups"). */
  allOwned?: boolean;
  /** smallTalk: what kind of small talk it was; findGroup: the purpose or audience ("a group for the auditors" → "auditors"). */
  topic?: string;
  /**
   * multi: the operations of a message that asks for several ("add Ana to Sales and Bob to Legal"), in order,
   * each a complete single-operation Intent (never itself `multi`). A message with one operation never uses it,
   * so single-operation output is unchanged.
   */
  steps?: Intent[];
  /** addMembers / removeMembers: groups named as the member ("add the Sales group to Marketing"), cleaned like `groups`. */
  memberGroups?: string[];
  /** offboardUser: who takes over the groups the person owned. */
  handOverTo?: string[];
  /** copyMembership: userGroups | groupMembers; removeMembersByKind: guests | disabled. */
  kind?: MembershipKind;
  /** copyMembership: where the membership comes from: people (userGroups) or groups (groupMembers). */
  source?: string[];
  /** copyMembership: who or what receives it. */
  target?: string[];
  /** copyMembership: an exact match was asked for ("make Y's groups match X's"): the target also loses the rest. */
  mirror?: boolean;
  /** groupPropertyQuestion: the property asked about (`groups` holds the group). */
  property?: GroupProperty;
  /** showHistory: only who joined (added) or who left (removed). */
  change?: 'added' | 'removed';
  /** showHygiene: one section of the digest; none = the whole digest. */
  check?: HygieneCheck;
}

/** Compile-time check: the Intent interface has exactly the slots of SLOT_KEYS (intent-slots.ts). */
type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never;
const slotsMatch: SameKeys<keyof Omit<Intent, 'intent'>, SlotKey> = true;
void slotsMatch;
