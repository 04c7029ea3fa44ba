/**
 * parseIntent: text → Intent, pure and deterministic. Matchers are tried in a fixed order, most specific
 * first (owners before members, licences before "add X to Y", removing from a group before deleting one).
 */
import type { Intent } from './intent';
import { makeIntent } from './intent-build';
import { toUtterance } from './quote-mask';
import { normalizeUtterance } from './text-normalize';
import { matchCancel, matchHelp, matchHelpFallback } from './patterns/conversation';
import { matchCreateGroup } from './patterns/group-create';
import { matchDelete, matchRename, matchRestore, matchUpdate } from './patterns/group-lifecycle';
import { matchAssignLicense, matchListLicenses, matchRemoveLicense } from './patterns/licenses';
import { matchListGroups, matchShowGroup } from './patterns/listing';
import type { Matcher } from './patterns/matcher';
import { matchAddMembers, matchBulk, matchRemoveMembers, matchRemoveMembersBare } from './patterns/membership-change';
import { matchCheckMembership, matchListMembers, matchListUserGroups } from './patterns/membership-query';
import { matchAddOwners, matchListOwners, matchRemoveOwners } from './patterns/ownership';
import { matchListRequests, matchRequestAccess } from './patterns/requests';
import { matchPreviewRule, matchSetRule, matchShowRule } from './patterns/rules';
import { matchShowHistory } from './patterns/history';
import { matchListOwnedGroups } from './patterns/owned-groups';
import { matchExportMembers } from './patterns/members-export';

/** Longest text the parser reads; longer text is `unknown` (the bot refuses it politely). */
export const MAX_UTTERANCE_LENGTH = 10_000;

const MATCHERS: readonly Matcher[] = [
  matchHelp,
  matchCancel,
  matchShowHistory,
  matchExportMembers,
  matchBulk,
  matchPreviewRule,
  matchSetRule,
  matchShowRule,
  matchListLicenses,
  matchAssignLicense,
  matchRemoveLicense,
  matchCreateGroup,
  matchListOwnedGroups,
  matchRemoveOwners,
  matchAddOwners,
  matchListOwners,
  matchRequestAccess,
  matchListRequests,
  matchCheckMembership,
  matchRename,
  matchRestore,
  matchRemoveMembers,
  matchUpdate,
  matchAddMembers,
  matchDelete,
  matchRemoveMembersBare,
  matchListGroups,
  matchListUserGroups,
  matchListMembers,
  matchShowGroup,
  matchHelpFallback,
];

/**
 * Turns one chat message into an Intent (design.md §3.2). Pure: no I/O, no directory lookups, the same
 * output for the same input. Text that is empty, not a string, longer than {@link MAX_UTTERANCE_LENGTH}
 * characters or not understood gives `{ intent: 'unknown' }`. Never throws.
 */
export function parseIntent(text: string): Intent {
  if (typeof text !== 'string' || text.length > MAX_UTTERANCE_LENGTH) return makeIntent('unknown');
  const normalized = normalizeUtterance(text);
  if (normalized.length === 0) return makeIntent(/<at\b/i.test(text) ? 'help' : 'unknown');
  const u = toUtterance(normalized);
  for (const match of MATCHERS) {
    const intent = match(u);
    if (intent) return intent;
  }
  return makeIntent('unknown');
}
