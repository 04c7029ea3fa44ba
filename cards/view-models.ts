/**
 * View models: what bot commands produce and card builders consume. Plain data, no Graph or Teams types.
 * Ids are directory object GUIDs unless the field says otherwise; times are ISO 8601 strings (UTC).
 * Keys such as pendingId, batchId, operationId, requestId, journalId and cursor are opaque keys to
 * server-side state (letters, digits, '-' and '_'; cursor may also hold . ~ + / = % ! *), never the state.
 */
import type { GroupKind } from '../graph-model/group-kind';
import type { CreateGroupType, GroupVisibility, ListKind } from './card-verbs';

export type { CreateGroupType, GroupVisibility, ListKind } from './card-verbs';

export type { GroupKind } from '../graph-model/group-kind';

/** A user as cards show one. `mail` or `userPrincipalName` distinguishes namesakes. */
export interface PersonSummary {
  id: string;
  displayName: string;
  mail?: string;
  userPrincipalName?: string;
  jobTitle?: string;
  department?: string;
  /** 'Guest' shows a marker. */
  userType?: string;
}

/** A group as cards show one. Counts and owners only when the command fetched them. */
export interface GroupSummary {
  id: string;
  displayName: string;
  kind: GroupKind;
  dynamic: boolean;
  mail?: string;
  visibility?: GroupVisibility | string;
  description?: string;
  membershipRule?: string;
  /** membershipRuleProcessingState: 'On' or 'Paused'. */
  processingState?: string;
  memberCount?: number;
  ownerCount?: number;
  owners?: PersonSummary[];
  deletedDateTime?: string;
  /** When the group was created (ISO); tells same-named groups apart as a last resort. */
  createdDateTime?: string;
}

/** The least a card needs to name a group. */
export interface GroupRef {
  id: string;
  displayName: string;
}

/** The least a card needs to name a person (who decided, who asked). */
export interface PersonRef {
  id?: string;
  displayName: string;
}

// ---- welcome / help ------------------------------------------------------------------------------------

export interface WelcomeCardModel {
  /** Greets by name when given. */
  userDisplayName?: string;
  /** Example utterances shown as buttons; defaults to DEFAULT_EXAMPLES in welcome-card.ts. */
  examples?: readonly string[];
  /** What the bot can do, one bullet each; defaults to the short list in welcome-card.ts (help passes the intent table's lines). */
  capabilities?: readonly string[];
  /** 'welcome' on install / first contact, 'help' when asked or when the text was not understood. */
  mode?: 'welcome' | 'help' | 'notUnderstood';
}

// ---- resolution ----------------------------------------------------------------------------------------

export type Candidate = { kind: 'person'; person: PersonSummary } | { kind: 'group'; group: GroupSummary };

export interface ChoiceCardModel {
  /** The pending operation the choice completes. */
  pendingId: string;
  /** Which name of the pending operation this resolves (e.g. "users.1"), when it has several. */
  slot?: string;
  /** The name as the user wrote it. */
  searchedName: string;
  candidates: Candidate[];
  /** Optional context line, e.g. "to add to Marketing". */
  purpose?: string;
}

export interface NotFoundCardModel {
  pendingId: string;
  slot?: string;
  searchedName: string;
  objectType: 'user' | 'group';
  /** Closest names the directory returned (may be empty). */
  closest: Candidate[];
}

// ---- groups --------------------------------------------------------------------------------------------

export interface GroupDetailsCardModel {
  group: GroupSummary;
}

export type ListItem =
  | { kind: 'group'; group: GroupSummary }
  | { kind: 'person'; person: PersonSummary }
  /** Devices, service principals, contacts. */
  | { kind: 'other'; id: string; displayName: string; type?: string };

export interface PagedListCardModel {
  list: ListKind;
  /** The heading, e.g. "Members of Marketing" (plain text; escaped by the builder). */
  title: string;
  /** The group (members/owners) or user (userGroups) the list is about. */
  subject?: { id: string; displayName: string };
  transitive?: boolean;
  items: ListItem[];
  /** Total when known ($count). */
  totalCount?: number;
  /** Items shown before this page (for "31-60 of 120"). */
  offset?: number;
  /** Present when there is a next page; goes into the "More" button. */
  nextCursor?: string;
}

export type MemberOperation = 'addMembers' | 'removeMembers' | 'addOwners' | 'removeOwners';

/**
 * One user's outcome. `failed` = a transient error (throttling, timeout) that "Retry the failed ones" redoes;
 * `refused` = Graph said no (reason says why), retrying will not help.
 */
export type OutcomeStatus = 'added' | 'removed' | 'alreadyMember' | 'notMember' | 'notFound' | 'refused' | 'failed';

export interface MemberOutcome {
  /** The name as the user wrote it. */
  input: string;
  person?: PersonSummary;
  /** The group, when the request named several. */
  group?: GroupRef;
  status: OutcomeStatus;
  /** One sentence, for refused / failed / notFound. */
  reason?: string;
}

export interface MemberOutcomeCardModel {
  operation: MemberOperation;
  groups: GroupRef[];
  outcomes: MemberOutcome[];
  /** Key to retry the failed rows; the button shows only when some rows are `failed`. */
  operationId?: string;
  /** Journal entry to undo the whole change (Undo shown while `undoUntil` is in the future of `now`). */
  undo?: { journalId: string; undoUntil: string; now: string };
}

export type BulkRow =
  | { index: number; input: string; status: 'resolved'; person: PersonSummary }
  | { index: number; input: string; status: 'ambiguous'; candidates: PersonSummary[] }
  | { index: number; input: string; status: 'notFound'; reason?: string };

export interface BulkResolutionCardModel {
  batchId: string;
  group: GroupRef;
  operation: 'addMembers' | 'addOwners';
  rows: BulkRow[];
}

export interface ProgressCardModel {
  operation: MemberOperation;
  group: GroupRef;
  done: number;
  total: number;
  failed?: number;
  /** Why the work is waiting, shown under the bar ("Entra is still setting up …; trying again (2 of 6)…"). */
  note?: string;
}

export interface ConfirmationCardModel {
  pendingId: string;
  title: string;
  facts: { title: string; value: string }[];
  /** What will happen, one or two sentences (plain text). */
  consequence: string;
  confirmLabel?: string;
  cancelLabel?: string;
  destructive?: boolean;
  /** People the change leaves alone, grouped by why ("Already a member": Ana Silva). */
  skipped?: { reason: string; names: string[] }[];
  /** Further consequences in plain words (licences gained, people a nested group brings in). */
  notes?: string[];
  /** What to read before confirming (guests, disabled accounts, licences lost, role needs). */
  warnings?: string[];
  /** Groups the reader may want to look at first (a group that already has the new group's name): a Show button each. */
  showGroups?: GroupRef[];
}

export interface DeleteConfirmationCardModel {
  group: GroupSummary;
  /** For Microsoft 365 groups: whether a Teams team is attached (unknown when undefined). */
  hasTeam?: boolean;
  /** Days the group stays restorable; 0 = deleted for good. Default 30. */
  restoreWindowDays?: number;
}

export interface GroupDeletedCardModel {
  group: GroupSummary;
  deletedAt: string;
  /** Absent when the group cannot be restored (no Restore button). */
  restorableUntil?: string;
}

export interface RulePreviewSummary {
  matchCount: number;
  sample: PersonSummary[];
  warnings: string[];
  /** Information, not warnings (how the count was made). */
  notes?: string[];
  asOf: string;
  error?: string;
}

export interface GroupCreateFormModel {
  pendingId?: string;
  groupType?: CreateGroupType;
  displayName?: string;
  mailNickname?: string;
  description?: string;
  visibility?: GroupVisibility;
  owners?: string[];
  members?: string[];
  rule?: string;
  /** False for a group the sentence named as a security group: it has no visibility, so no such field. */
  visibilityField?: boolean;
  /** Result of "Preview rule", shown under the rule input. */
  rulePreview?: RulePreviewSummary;
  /** A problem with the last submission, shown at the top (plain sentence). */
  error?: string;
}

export interface MembershipPathCardModel {
  user: PersonSummary;
  group: GroupRef;
  isMember: boolean;
  /** Each path runs from the user's first group to the target group: [Design Team, SecurityGroup101]. */
  paths: GroupRef[][];
  /** A dynamic group: its membership rule and the clause that decided for this user ("city equals Seattle"). */
  dynamicRule?: { rule: string; reason: string };
}

export interface UserGroupsCardModel {
  user: PersonSummary;
  direct: GroupSummary[];
  /** Groups the user is in through nesting, with the chain of groups in between. */
  viaNesting: { group: GroupSummary; via: GroupRef[] }[];
  nextCursor?: string;
}

export interface LicenseSummary {
  skuId: string;
  skuPartNumber: string;
  /** Friendly name when known ("Microsoft 365 E5"). */
  displayName?: string;
  /** Units in use and units bought (prepaidUnits.enabled), when known. */
  consumed?: number;
  enabled?: number;
  /** For a group's licences: assignment error, if any. */
  error?: string;
}

export interface LicensesCardModel {
  /** Tenant subscriptions, or the licences assigned to one group. */
  scope: { kind: 'tenant' } | { kind: 'group'; group: GroupRef };
  licenses: LicenseSummary[];
}

export interface RuleCardModel {
  group: GroupRef;
  rule: string;
  processingState?: string;
}

export interface RulePreviewCardModel {
  rule: string;
  /** The group whose current members are compared (setRule / previewing an existing group). */
  group?: GroupRef;
  matchCount: number;
  sample: PersonSummary[];
  /** Against current members, when a group is given. */
  added?: { count: number; sample: PersonSummary[] };
  removed?: { count: number; sample: PersonSummary[] };
  warnings: string[];
  /** Information, not warnings: how the count was made ("Counted by Microsoft Graph with …"). */
  notes?: string[];
  asOf: string;
  /** When set: Apply / Cancel buttons confirming the rule change. */
  applyPendingId?: string;
}

// ---- requests and approvals ---------------------------------------------------------------------------

export type RequestState = 'pending' | 'approved' | 'denied' | 'cancelled' | 'expired' | 'failed';

export interface AccessRequestCardModel {
  group: GroupRef & { description?: string };
  durationDays?: number;
  /** The owners who will be asked (names only are shown). */
  owners?: PersonRef[];
  /** Why the user ended up here, e.g. Graph refused an operation (plain sentence). */
  context?: string;
  /** The justification box's starting text (the reason given in the asking sentence); the user can edit it. */
  justification?: string;
}

export interface ApprovalCardModel {
  requestId: string;
  group: GroupRef;
  requester: PersonSummary;
  justification: string;
  /** Team-mates (same department or manager) already in the group. */
  teammates?: { members: number; total: number; basis: 'department' | 'manager' };
  durationDays?: number;
  requestedAt: string;
  expiresAt?: string;
}

export interface ApprovalResultCardModel {
  requestId: string;
  group: GroupRef;
  requester: PersonSummary;
  justification: string;
  requestedAt?: string;
  state: Exclude<RequestState, 'pending'>;
  /** Who approved, denied or cancelled (absent for expired). */
  decidedBy?: PersonRef;
  decidedAt: string;
  /** Deny reason, or why the add failed. */
  reason?: string;
  durationDays?: number;
  /** Time-bound membership end. */
  membershipEndsAt?: string;
}

export interface RequestSummary {
  requestId: string;
  group: GroupRef;
  requester: PersonSummary;
  justification: string;
  state: RequestState;
  requestedAt: string;
  decidedBy?: PersonRef;
  decidedAt?: string;
  reason?: string;
  durationDays?: number;
}

export interface RequestListCardModel {
  /** 'mine': the user's own requests (Cancel on pending); 'pending': approvals waiting for the user. */
  view: 'mine' | 'pending';
  requests: RequestSummary[];
  nextCursor?: string;
}

// ---- journal, errors ------------------------------------------------------------------------------------

export type JournalOperation =
  | 'addMember'
  | 'removeMember'
  | 'addOwner'
  | 'removeOwner'
  | 'createGroup'
  | 'updateGroup'
  | 'renameGroup'
  | 'deleteGroup'
  | 'restoreGroup'
  | 'setRule'
  | 'assignLicense'
  | 'removeLicense'
  | 'renewGroup';

export interface JournalEntry {
  journalId: string;
  at: string;
  operation: JournalOperation;
  group: GroupRef;
  /** The user or licence the change was about, when any. */
  target?: { displayName: string };
  askedBy: PersonRef;
  approvedBy?: PersonRef;
  /** Whose delegated token made the Graph call. */
  tokenOf: PersonRef;
  result: 'succeeded' | 'failed';
  /** In plain words (no object ids, no Graph messages); for a failed entry, why it failed. */
  detail?: string;
  /** The entry is the undo of an earlier change (its operation is what the undo did). */
  isUndo?: boolean;
  /** The server's view on whether this entry can be undone at all (the 24 h window is checked too). */
  undoable: boolean;
  undoneAt?: string;
}

export interface JournalCardModel {
  title: string;
  entries: JournalEntry[];
  /** Current time, to decide whether Undo is still offered (24 h window). */
  now: string;
  nextCursor?: string;
  subject?: GroupRef;
}

export interface ErrorCardModel {
  /** One clear sentence. */
  message: string;
  /** Optional second line: what the user can do. */
  hint?: string;
  /** For 403 on a group: offer "Ask the owners" (opens a request). */
  askOwners?: GroupRef;
  /** Correlation id for support (shown small). */
  correlationId?: string;
}

/** One line of the hygiene digest (cards/hygiene-card.ts). */
export interface HygieneCardLine {
  groupId: string;
  groupName: string;
  detail: string;
  /** An ISO time the line is about (an expiry). */
  at?: string;
  fix?: { kind: 'makeOwner' | 'removeMember'; userId: string; userName: string } | { kind: 'renew' };
}

/** The hygiene digest: sections of lines, capped, with their totals. */
export interface HygieneCardModel {
  title?: string;
  scope: 'tenant' | 'owned';
  generatedAt: string;
  sections: { key: string; title: string; lines: HygieneCardLine[]; total: number; complete: boolean }[];
}
