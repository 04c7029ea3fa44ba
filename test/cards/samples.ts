/** One or more built cards per builder, from the fixtures (hostile names included). */
import * as cards from '../../cards';
import type { AdaptiveCard } from '../../cards/card-types';
import type { BulkRow } from '../../cards/view-models';
import {
  AN_HOUR_AGO,
  ana1,
  ana2,
  bob,
  dynGroup,
  guid,
  marketing,
  marketing2,
  nasty,
  NOW,
  olga,
  secGroup,
  TWO_DAYS_AGO,
} from './fixtures';

const bulkRows: BulkRow[] = Array.from({ length: 200 }, (_, i): BulkRow => {
  if (i % 10 === 3) return { index: i, input: `Ana ${i}`, status: 'ambiguous', candidates: [ana1, ana2] };
  if (i % 10 === 7) return { index: i, input: `nobody${i}@contoso.com`, status: 'notFound' };
  return {
    index: i,
    input: `user${i}@contoso.com`,
    status: 'resolved',
    person: { id: guid(1000 + i), displayName: `User Number ${i}`, mail: `user${i}@contoso.com`, department: 'Sales' },
  };
});

export const SAMPLES: Record<string, () => AdaptiveCard> = {
  welcome: () => cards.buildWelcomeCard({ userDisplayName: nasty.displayName }),
  help: () => cards.buildWelcomeCard({ mode: 'notUnderstood' }),
  suggestions: () =>
    cards.buildSuggestionCard(['who owns Finance Readers', `tell me about ${nasty.displayName}`, 'my groups']),
  choicePeople: () =>
    cards.buildChoiceCard({
      pendingId: 'p1',
      slot: 'users.0',
      searchedName: 'Ana',
      candidates: [
        { kind: 'person', person: ana1 },
        { kind: 'person', person: ana2 },
      ],
      purpose: 'to add to Marketing',
    }),
  choiceGroups: () =>
    cards.buildChoiceCard({
      pendingId: 'p2',
      searchedName: 'Marketing',
      candidates: [
        { kind: 'group', group: marketing },
        { kind: 'group', group: marketing2 },
      ],
    }),
  notFound: () =>
    cards.buildNotFoundCard({
      pendingId: 'p3',
      searchedName: 'Marketting',
      objectType: 'group',
      closest: [
        { kind: 'group', group: marketing },
        { kind: 'group', group: marketing2 },
      ],
    }),
  notFoundEmpty: () =>
    cards.buildNotFoundCard({ pendingId: 'p4', searchedName: 'Zed', objectType: 'user', closest: [] }),
  groupDetails: () => cards.buildGroupDetailsCard({ group: marketing }),
  groupDetailsDynamic: () => cards.buildGroupDetailsCard({ group: dynGroup }),
  pagedList: () =>
    cards.buildPagedListCard({
      list: 'members',
      title: 'Members of Marketing',
      subject: { id: marketing.id, displayName: 'Marketing' },
      items: [
        { kind: 'person', person: ana1 },
        { kind: 'person', person: nasty },
        { kind: 'group', group: secGroup },
        { kind: 'other', id: guid(9), displayName: 'Laptop-42', type: 'device' },
      ],
      totalCount: 42,
      nextCursor: 'c2VjcmV0LWN1cnNvcg==',
    }),
  memberOutcome: () =>
    cards.buildMemberOutcomeCard({
      operation: 'addMembers',
      groups: [{ id: marketing.id, displayName: 'Marketing' }],
      operationId: 'op1',
      undo: { journalId: 'j1', undoUntil: '2026-11-27T14:30:00Z', now: NOW },
      outcomes: [
        { input: 'Ana', person: ana1, status: 'added' },
        { input: 'Bob', person: bob, status: 'alreadyMember' },
        { input: 'Zed', status: 'notFound' },
        { input: 'Olga', person: olga, status: 'refused', reason: 'the group is dynamic' },
        { input: 'Nasty', person: nasty, status: 'failed', reason: 'throttled' },
      ],
    }),
  bulkResolution: () =>
    cards.buildBulkResolutionCard({
      batchId: 'b1',
      group: { id: marketing.id, displayName: 'Marketing' },
      operation: 'addMembers',
      rows: bulkRows,
    }),
  progress: () =>
    cards.buildProgressCard({
      operation: 'addMembers',
      group: { id: marketing.id, displayName: 'Marketing' },
      done: 40,
      total: 200,
      failed: 2,
    }),
  confirmation: () =>
    cards.buildConfirmationCard({
      pendingId: 'p5',
      title: 'Add Ana Lopez to OutlookGroup101?',
      facts: [{ title: 'Group', value: 'OutlookGroup101' }],
      consequence: 'Ana Lopez becomes a member.',
    }),
  confirmationWithNamesake: () =>
    cards.buildConfirmationCard({
      pendingId: 'p8',
      title: "Create the security group 'Finance Readers'",
      facts: [{ title: 'Name', value: 'Finance Readers' }],
      consequence: 'The group is created with the members listed.',
      showGroups: [{ id: secGroup.id, displayName: nasty.displayName }],
    }),
  deleteConfirmation: () => cards.buildDeleteConfirmationCard({ group: marketing, hasTeam: true }),
  groupDeleted: () =>
    cards.buildGroupDeletedCard({ group: marketing, deletedAt: NOW, restorableUntil: '2026-12-26T14:30:00Z' }),
  createForm: () =>
    cards.buildGroupCreateFormCard({
      pendingId: 'p6',
      groupType: 'security',
      displayName: 'Finance Readers',
      description: 'Read access',
      owners: ['Ana'],
      members: ['Bob', 'Olga'],
      rule: 'user.department -eq "Finance"',
      rulePreview: { matchCount: 14, sample: [ana2], warnings: ['Users with no department never match.'], asOf: NOW },
    }),
  membershipPathDynamic: () =>
    cards.buildMembershipPathCard({
      user: ana1,
      group: { id: dynGroup.id, displayName: 'Seattle Employees' },
      isMember: true,
      paths: [[{ id: dynGroup.id, displayName: 'Seattle Employees' }]],
      dynamicRule: { rule: 'user.city -eq "Seattle"', reason: 'city equals Seattle' },
    }),
  membershipPath: () =>
    cards.buildMembershipPathCard({
      user: ana1,
      group: { id: secGroup.id, displayName: 'SecurityGroup101' },
      isMember: true,
      paths: [
        [
          { id: guid(200), displayName: 'Design Team' },
          { id: secGroup.id, displayName: 'SecurityGroup101' },
        ],
      ],
    }),
  userGroups: () =>
    cards.buildUserGroupsCard({
      user: ana1,
      direct: [marketing],
      viaNesting: [{ group: secGroup, via: [{ id: guid(200), displayName: 'Design Team' }] }],
      nextCursor: 'next1',
    }),
  licensesTenant: () =>
    cards.buildLicensesCard({
      scope: { kind: 'tenant' },
      licenses: [
        { skuId: guid(300), skuPartNumber: 'SPE_E5', displayName: 'Microsoft 365 E5', consumed: 40, enabled: 50 },
      ],
    }),
  licensesGroup: () =>
    cards.buildLicensesCard({
      scope: { kind: 'group', group: { id: marketing.id, displayName: 'Marketing' } },
      licenses: [{ skuId: guid(300), skuPartNumber: 'SPE_E5', error: 'CountViolation' }],
    }),
  rule: () =>
    cards.buildRuleCard({
      group: { id: dynGroup.id, displayName: dynGroup.displayName },
      rule: 'user.city -eq "Seattle"',
      processingState: 'On',
    }),
  rulePreview: () =>
    cards.buildRulePreviewCard({
      rule: 'user.city -eq "Seattle"',
      group: { id: dynGroup.id, displayName: dynGroup.displayName },
      matchCount: 12,
      sample: [ana1, bob],
      added: { count: 2, sample: [ana1] },
      removed: { count: 1, sample: [bob] },
      warnings: ['city is compared case-insensitively'],
      notes: ["Counted by Microsoft Graph with the equivalent filter city eq 'Seattle'."],
      asOf: NOW,
      applyPendingId: 'p7',
    }),
  accessRequest: () =>
    cards.buildAccessRequestCard({
      group: { id: marketing.id, displayName: 'Marketing', description: 'Campaigns' },
      durationDays: 30,
      owners: [olga],
    }),
  approval: () =>
    cards.buildApprovalCard({
      requestId: 'r1',
      group: { id: marketing.id, displayName: 'Marketing' },
      requester: nasty,
      justification: 'I run the **launch**\n- really',
      teammates: { members: 4, total: 9, basis: 'department' },
      durationDays: 30,
      requestedAt: AN_HOUR_AGO,
      expiresAt: '2026-12-10T13:30:00Z',
    }),
  approvalApproved: () =>
    cards.buildApprovalResultCard({
      requestId: 'r1',
      group: { id: marketing.id, displayName: 'Marketing' },
      requester: ana1,
      justification: 'campaign',
      state: 'approved',
      decidedBy: olga,
      decidedAt: '2026-11-26T14:02:00Z',
      requestedAt: AN_HOUR_AGO,
      durationDays: 30,
      membershipEndsAt: '2026-12-26T14:02:00Z',
    }),
  approvalDenied: () =>
    cards.buildApprovalResultCard({
      requestId: 'r1',
      group: { id: marketing.id, displayName: 'Marketing' },
      requester: ana1,
      justification: 'campaign',
      state: 'denied',
      decidedBy: olga,
      decidedAt: '2026-11-26T14:02:00Z',
      reason: 'Use the Campaigns group instead',
    }),
  approvalExpired: () =>
    cards.buildApprovalResultCard({
      requestId: 'r1',
      group: { id: marketing.id, displayName: 'Marketing' },
      requester: ana1,
      justification: 'campaign',
      state: 'expired',
      decidedAt: NOW,
    }),
  myRequests: () =>
    cards.buildRequestListCard({
      view: 'mine',
      requests: [
        {
          requestId: 'r1',
          group: { id: marketing.id, displayName: 'Marketing' },
          requester: ana1,
          justification: 'campaign',
          state: 'pending',
          requestedAt: AN_HOUR_AGO,
        },
        {
          requestId: 'r2',
          group: { id: secGroup.id, displayName: 'SecurityGroup101' },
          requester: ana1,
          justification: 'audit',
          state: 'denied',
          requestedAt: TWO_DAYS_AGO,
          decidedBy: olga,
          decidedAt: AN_HOUR_AGO,
          reason: 'no',
        },
      ],
      nextCursor: 'more1',
    }),
  pendingApprovals: () =>
    cards.buildRequestListCard({
      view: 'pending',
      requests: [
        {
          requestId: 'r3',
          group: { id: marketing.id, displayName: 'Marketing' },
          requester: bob,
          justification: 'launch',
          state: 'pending',
          requestedAt: AN_HOUR_AGO,
          durationDays: 7,
        },
        {
          requestId: 'r4',
          group: { id: marketing.id, displayName: 'Marketing' },
          requester: ana2,
          justification: 'budget',
          state: 'pending',
          requestedAt: AN_HOUR_AGO,
        },
      ],
    }),
  journal: () =>
    cards.buildJournalCard({
      title: 'History of Marketing',
      now: NOW,
      subject: { id: marketing.id, displayName: 'Marketing' },
      nextCursor: 'j-next',
      entries: [
        {
          journalId: 'j1',
          at: AN_HOUR_AGO,
          operation: 'addMember',
          group: { id: marketing.id, displayName: 'Marketing' },
          target: { displayName: 'Ana Lopez' },
          askedBy: { displayName: 'Ana Lopez' },
          approvedBy: { displayName: 'Olga Owner' },
          tokenOf: { displayName: 'Olga Owner' },
          result: 'succeeded',
          undoable: true,
        },
        {
          journalId: 'j2',
          at: TWO_DAYS_AGO,
          operation: 'removeMember',
          group: { id: marketing.id, displayName: 'Marketing' },
          target: { displayName: 'Bob Stone' },
          askedBy: { displayName: 'Olga Owner' },
          tokenOf: { displayName: 'Olga Owner' },
          result: 'succeeded',
          undoable: true,
        },
        {
          journalId: 'j3',
          at: AN_HOUR_AGO,
          operation: 'addOwner',
          group: { id: marketing.id, displayName: 'Marketing' },
          target: { displayName: 'Diego' },
          askedBy: { displayName: 'Olga Owner' },
          tokenOf: { displayName: 'Olga Owner' },
          result: 'failed',
          detail: 'Diego is a guest',
          undoable: true,
        },
      ],
    }),
  error: () =>
    cards.buildErrorCard({
      message: "You can't add members to Marketing.",
      hint: 'Only its owners and group administrators can.',
      askOwners: { id: marketing.id, displayName: 'Marketing' },
      correlationId: 'abc-123',
    }),
  hygiene: () =>
    cards.buildHygieneCard({
      scope: 'tenant',
      generatedAt: NOW,
      sections: [
        {
          key: 'ownerless',
          title: 'Groups without an owner',
          total: 1,
          complete: true,
          lines: [
            {
              groupId: marketing.id,
              groupName: nasty.displayName,
              detail: 'no owner',
              fix: { kind: 'makeOwner', userId: ana1.id, userName: nasty.displayName },
            },
          ],
        },
        {
          key: 'expiring',
          title: 'Expiring soon',
          total: 1,
          complete: true,
          lines: [{ groupId: secGroup.id, groupName: 'Sec', detail: 'expires soon', at: NOW, fix: { kind: 'renew' } }],
        },
        {
          key: 'disabled',
          title: 'Disabled members',
          total: 1,
          complete: false,
          lines: [
            {
              groupId: dynGroup.id,
              groupName: 'Dyn',
              detail: 'Bob is disabled',
              fix: { kind: 'removeMember', userId: bob.id, userName: 'Bob' },
            },
          ],
        },
      ],
    }),
};
