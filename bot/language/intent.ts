/**
 * The parser's output (docs/cards-and-conversation.md, Intents): an intent name plus the slots the text gave.
 * Slots appear only when the text gives them; values are the user's own words, never resolved
 * against the directory.
 */
export type IntentName =
  | 'addMembers'
  | 'removeMembers'
  | 'listMembers'
  | 'listOwners'
  | 'addOwners'
  | 'removeOwners'
  | 'checkMembership'
  | 'listUserGroups'
  | 'listOwnedGroups'
  | 'createGroup'
  | 'renameGroup'
  | 'updateGroup'
  | 'deleteGroup'
  | 'restoreGroup'
  | 'listGroups'
  | 'showGroup'
  | 'showRule'
  | 'setRule'
  | 'previewRule'
  | 'assignLicense'
  | 'removeLicense'
  | 'listLicenses'
  | 'requestAccess'
  | 'listRequests'
  | 'listApprovals'
  | 'showHistory'
  | 'showMyChanges'
  | 'undo'
  | 'smallTalk'
  | 'multi'
  | 'help'
  | 'cancel'
  | 'unknown'
  | 'showExpiry'
  | 'renewGroup'
  | 'exportMembers'
  | 'showHygiene'
  | 'setDigest'
  | 'watchGroup'
  | 'unwatchGroup'
  | 'membersAt'
  | 'restoreMembers'
  | 'offboardUser'
  | 'copyMembership'
  | 'removeMembersByKind'
  | 'userAccessCheck'
  | 'groupPropertyQuestion'
  | 'findGroup';

/** Every intent name, in the order of the design table. */
export const INTENT_NAMES: readonly IntentName[] = [
  'addMembers',
  'removeMembers',
  'listMembers',
  'listOwners',
  'addOwners',
  'removeOwners',
  'checkMembership',
  'listUserGroups',
  'listOwnedGroups',
  'createGroup',
  'renameGroup',
  'updateGroup',
  'deleteGroup',
  'restoreGroup',
  'listGroups',
  'showGroup',
  'showRule',
  'setRule',
  'previewRule',
  'assignLicense',
  'removeLicense',
  'listLicenses',
  'requestAccess',
  'listRequests',
  'listApprovals',
  'showHistory',
  'showMyChanges',
  'undo',
  'smallTalk',
  'multi',
  'help',
  'cancel',
  'unknown',
  'showExpiry',
  'renewGroup',
  'exportMembers',
  'showHygiene',
  'setDigest',
  'watchGroup',
  'unwatchGroup',
  'membersAt',
  'restoreMembers',
  'offboardUser',
  'copyMembership',
  'removeMembersByKind',
  'userAccessCheck',
  'groupPropertyQuestion',
  'findGroup',
];

/** What a small-talk message was: thanks, an acknowledgement, a farewell, "how are you", praise, an apology. */
export type SmallTalkTopic = 'thanks' | 'ack' | 'bye' | 'howAreYou' | 'praise' | 'sorry';

export type GroupKind = 'security' | 'microsoft365' | 'dynamic' | 'deleted';
export type Visibility = 'Public' | 'Private' | 'HiddenMembership';

/** groupPropertyQuestion: the property asked about ("is G a security group?" → security). */
export type GroupProperty =
  | 'security'
  | 'groupType'
  | 'dynamic'
  | 'visibility'
  | 'private'
  | 'hiddenMembership'
  | 'mailEnabled'
  | 'distributionList'
  | 'team'
  | 'roleAssignable'
  | 'guestsAllowed'
  | 'deleted';

/** showHygiene: one section of the digest ("are there orphaned groups" → noOwner). */
export type HygieneCheck = 'noOwner' | 'expiring' | 'empty' | 'guests' | 'disabled';

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
  /** smallTalk: what kind of small talk it was; findGroup: the purpose or audience ("auditors"). */
  topic?: SmallTalkTopic | string;
  /** offboardUser: who takes over the groups they owned. */
  handOverTo?: string[];
  /** copyMembership (userGroups | groupMembers), removeMembersByKind (guests | disabled). */
  kind?: 'userGroups' | 'groupMembers' | 'guests' | 'disabled';
  /** copyMembership: people (userGroups) or groups (groupMembers) copied from. */
  source?: string[];
  /** copyMembership: people (userGroups) or groups (groupMembers) copied to. */
  target?: string[];
  /** copyMembership: an exact match, so the target also loses what the source lacks. */
  mirror?: boolean;
  /** groupPropertyQuestion: the property asked about (`groups` holds the group). */
  property?: GroupProperty;
  /** addMembers / removeMembers: a group as the member (nesting). */
  memberGroups?: string[];
  /** showHistory: who joined (added) or who left (removed). */
  change?: 'added' | 'removed';
  /** showHygiene: one section; allOwned as today. */
  check?: HygieneCheck;
  /**
   * multi: the operations of a message that asks for several ("add Ana to Sales and Bob to Legal"), in order,
   * each a complete single-operation Intent (never itself `multi`). A message with one operation never uses it,
   * so single-operation output is unchanged.
   */
  steps?: Intent[];
}
