/**
 * Builders that turn what a command did into JournalChange records, in the journal's own terms: the action, the
 * group, the person or licence, the values before and after, and the result. The inverse operation (the Undo)
 * comes from bot/directory, computed from the values before. Pure; no I/O.
 */
import { inverseOperation, type PreviousLicense } from '../directory/directory-operation';
import type { DirectoryGroup } from '../directory/types';
import type { PersonRef } from '../store/types';
import type { JournalAction, JournalChange } from './journal-sink';

/** What happened to one principal of a membership change (the command layer's outcome, reduced). */
export interface PrincipalResult {
  principal: PersonRef;
  result: 'succeeded' | 'failed' | 'no-op';
  status: number | null;
  detail?: string | null;
}

/** The group as the journal records it: id and display name. */
export function groupOf(g: Pick<DirectoryGroup, 'id' | 'displayName'>): PersonRef {
  return { id: g.id, name: g.displayName };
}

/** Add or remove members or owners: one record per principal whose write reached Graph. */
export function membershipRecords(
  group: Pick<DirectoryGroup, 'id' | 'displayName'>,
  relation: 'members' | 'owners',
  op: 'add' | 'remove',
  results: PrincipalResult[],
): JournalChange[] {
  const action = `${relation === 'members' ? 'member' : 'owner'}.${op}` as const;
  return results.map((r) => ({
    action,
    group: groupOf(group),
    target: r.principal,
    result: r.result,
    status: r.status,
    detail: r.detail ?? null,
    undo: r.result === 'succeeded' ? inverseOperation({ action, groupId: group.id, targetId: r.principal.id }) : null,
  }));
}

/** A new group; undoing it deletes the group (soft delete: restorable for 30 days). */
export function groupCreated(group: Pick<DirectoryGroup, 'id' | 'displayName'>, status: number): JournalChange {
  return {
    action: 'group.create',
    group: groupOf(group),
    result: 'succeeded',
    status,
    undo: inverseOperation({ action: 'group.create', groupId: group.id }),
  };
}

/** A failed write on a group (any action), with Graph's status and reason. */
export function failedChange(
  action: JournalAction,
  group: PersonRef,
  status: number | null,
  detail: string,
  target?: PersonRef,
): JournalChange {
  return { action, group, ...(target ? { target } : {}), result: 'failed', status, detail, undo: null };
}

/** A rename; the undo puts the previous name back. */
export function groupRenamed(group: Pick<DirectoryGroup, 'id' | 'displayName'>, newName: string): JournalChange {
  return {
    action: 'group.rename',
    group: { id: group.id, name: newName },
    result: 'succeeded',
    status: 204,
    detail: `from '${group.displayName}' to '${newName}'`,
    before: { displayName: group.displayName },
    after: { displayName: newName },
    undo: inverseOperation({ action: 'group.rename', groupId: group.id, before: { displayName: group.displayName } }),
  };
}

/** A renewal under the expiration policy: the expiry before and after. There is no Undo (Graph cannot un-renew). */
export function groupRenewed(
  group: Pick<DirectoryGroup, 'id' | 'displayName'>,
  before: string | null,
  after: string | null,
): JournalChange {
  return {
    action: 'group.renew',
    group: groupOf(group),
    result: 'succeeded',
    status: 204,
    detail: after ? `expiry moved to ${after.slice(0, 10)}` : 'renewed',
    before: { expirationDateTime: before },
    after: { expirationDateTime: after },
    undo: null,
  };
}

/** A description or visibility change; the undo puts the previous values back. */
export function groupUpdated(
  group: Pick<DirectoryGroup, 'id' | 'displayName' | 'description' | 'visibility'>,
  changes: { description?: string; visibility?: string },
): JournalChange {
  const before: Record<string, string | null> = {};
  const parts: string[] = [];
  if (changes.visibility !== undefined) {
    before['visibility'] = group.visibility ?? null;
    parts.push(`visibility ${group.visibility ?? 'not set'} → ${changes.visibility}`);
  }
  if (changes.description !== undefined) {
    before['description'] = group.description ?? null;
    parts.push('new description');
  }
  // A visibility Graph never reported can't be put back.
  const canUndo = !(changes.visibility !== undefined && !group.visibility);
  return {
    action: 'group.update',
    group: groupOf(group),
    result: 'succeeded',
    status: 204,
    detail: parts.join('; '),
    before,
    after: { ...changes },
    undo: canUndo ? inverseOperation({ action: 'group.update', groupId: group.id, before }) : null,
  };
}

/** A soft delete; the undo restores it from deleted items. */
export function groupDeleted(group: Pick<DirectoryGroup, 'id' | 'displayName'>): JournalChange {
  return {
    action: 'group.delete',
    group: groupOf(group),
    result: 'succeeded',
    status: 204,
    undo: inverseOperation({ action: 'group.delete', groupId: group.id }),
  };
}

/** A restore; the undo deletes the group again. */
export function groupRestored(group: Pick<DirectoryGroup, 'id' | 'displayName'>): JournalChange {
  return {
    action: 'group.restore',
    group: groupOf(group),
    result: 'succeeded',
    status: 200,
    undo: inverseOperation({ action: 'group.restore', groupId: group.id }),
  };
}

/**
 * A new membership rule. The undo puts the previous rule and processing state back, or, for a group that was
 * static, its previous groupTypes (Graph then drops the rule); members the rule removed are not brought back.
 */
export function ruleSet(
  group: Pick<DirectoryGroup, 'id' | 'displayName' | 'groupTypes' | 'membershipRule' | 'membershipRuleProcessingState'>,
  rule: string,
): JournalChange {
  const wasDynamic = group.groupTypes.includes('DynamicMembership');
  const before = wasDynamic
    ? {
        membershipRule: group.membershipRule ?? null,
        membershipRuleProcessingState: group.membershipRuleProcessingState ?? 'On',
      }
    : { groupTypes: group.groupTypes.filter((t) => t !== 'DynamicMembership') };
  return {
    action: 'rule.set',
    group: groupOf(group),
    result: 'succeeded',
    status: 204,
    detail: wasDynamic
      ? `from ${group.membershipRule ?? 'no rule'} to ${rule}`
      : `static group made dynamic with ${rule}`,
    before,
    after: { membershipRule: rule },
    // A dynamic group without a rule can't be put back as it was.
    undo:
      wasDynamic && !group.membershipRule ? null : inverseOperation({ action: 'rule.set', groupId: group.id, before }),
  };
}

/** A licence assigned or removed; the undo restores the previous licence state of the group. */
export function licenseChanged(
  group: Pick<DirectoryGroup, 'id' | 'displayName'>,
  sku: { skuId: string; name: string },
  op: 'add' | 'remove',
  previous: PreviousLicense | undefined,
): JournalChange {
  const action = op === 'add' ? 'license.assign' : 'license.remove';
  return {
    action,
    group: groupOf(group),
    target: { id: sku.skuId, name: sku.name },
    result: previous && !previous.had && op === 'remove' ? 'no-op' : 'succeeded',
    status: 202,
    ...(previous?.had && op === 'add'
      ? { detail: 'the group already had this licence; its previous plan settings are kept for Undo' }
      : {}),
    ...(previous ? { before: { license: previous } } : {}),
    undo: inverseOperation({ action, groupId: group.id, skuId: sku.skuId, before: previous }),
  };
}
