/**
 * Builders that turn what a command did into JournalChange records: the Graph call made, its result, and the
 * inverse call (the undo) carrying the previous values. Pure; no I/O.
 */
import type { DirectoryGroup } from '../directory/types';
import type { GraphCallRecord, PersonRef } from '../store/types';
import type { JournalAction, JournalChange } from './journal-sink';

const DIRECTORY_OBJECTS = 'https://graph.microsoft.com/v1.0/directoryObjects/';

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

/** A path as the journal stores it: relative to the version root, without query string or fragment. */
export function journalPath(path: string): string {
  const noHost = path.replace(/^https?:\/\/[^/]+\/(?:v1\.0|beta)(?=\/)/i, '');
  return noHost.split(/[?#]/)[0] ?? noHost;
}

/** Add or remove members or owners: one record per principal whose write reached Graph. */
export function membershipRecords(
  group: Pick<DirectoryGroup, 'id' | 'displayName'>,
  relation: 'members' | 'owners',
  op: 'add' | 'remove',
  results: PrincipalResult[],
): JournalChange[] {
  const action: JournalAction = `${relation === 'members' ? 'member' : 'owner'}.${op}`;
  return results.map((r) => {
    const pid = r.principal.id;
    const graphCall: GraphCallRecord = op === 'add'
      ? { method: 'POST', path: `/groups/${group.id}/${relation}/$ref` }
      : { method: 'DELETE', path: `/groups/${group.id}/${relation}/${pid}/$ref` };
    const undo: GraphCallRecord = op === 'add'
      ? { method: 'DELETE', path: `/groups/${group.id}/${relation}/${pid}/$ref` }
      : { method: 'POST', path: `/groups/${group.id}/${relation}/$ref`, body: { '@odata.id': DIRECTORY_OBJECTS + pid } };
    return {
      action, group: groupOf(group), target: r.principal, graphCall, result: r.result, status: r.status,
      detail: r.detail ?? null, undo: r.result === 'succeeded' ? undo : null,
    };
  });
}

/** A new group; undoing it deletes the group (soft delete: restorable for 30 days). */
export function groupCreated(group: Pick<DirectoryGroup, 'id' | 'displayName'>, status: number): JournalChange {
  return {
    action: 'group.create', group: groupOf(group), graphCall: { method: 'POST', path: '/groups' },
    result: 'succeeded', status, undo: { method: 'DELETE', path: `/groups/${group.id}` },
  };
}

/** A failed write on a group (any action), with Graph's status and reason. */
export function failedChange(action: JournalAction, group: PersonRef, graphCall: GraphCallRecord, status: number | null, detail: string, target?: PersonRef): JournalChange {
  return { action, group, ...(target ? { target } : {}), graphCall: { method: graphCall.method, path: journalPath(graphCall.path) }, result: 'failed', status, detail, undo: null };
}

/** A rename; the undo PATCHes the previous name back. */
export function groupRenamed(group: Pick<DirectoryGroup, 'id' | 'displayName'>, newName: string): JournalChange {
  return {
    action: 'group.rename', group: { id: group.id, name: newName }, graphCall: { method: 'PATCH', path: `/groups/${group.id}` },
    result: 'succeeded', status: 204, detail: `from '${group.displayName}' to '${newName}'`,
    undo: { method: 'PATCH', path: `/groups/${group.id}`, body: { displayName: group.displayName } },
  };
}

/** A description or visibility change; the undo PATCHes the previous values back. */
export function groupUpdated(group: Pick<DirectoryGroup, 'id' | 'displayName' | 'description' | 'visibility'>, changes: { description?: string; visibility?: string }): JournalChange {
  const previous: Record<string, unknown> = {};
  const parts: string[] = [];
  if (changes.visibility !== undefined) {
    previous['visibility'] = group.visibility ?? null;
    parts.push(`visibility ${group.visibility ?? 'not set'} → ${changes.visibility}`);
  }
  if (changes.description !== undefined) {
    previous['description'] = group.description ?? null;
    parts.push('new description');
  }
  const canUndo = !(changes.visibility !== undefined && !group.visibility);
  return {
    action: 'group.update', group: groupOf(group), graphCall: { method: 'PATCH', path: `/groups/${group.id}` },
    result: 'succeeded', status: 204, detail: parts.join('; '),
    undo: canUndo ? { method: 'PATCH', path: `/groups/${group.id}`, body: previous } : null,
  };
}

/** A soft delete; the undo restores it from deleted items. */
export function groupDeleted(group: Pick<DirectoryGroup, 'id' | 'displayName'>): JournalChange {
  return {
    action: 'group.delete', group: groupOf(group), graphCall: { method: 'DELETE', path: `/groups/${group.id}` },
    result: 'succeeded', status: 204, undo: { method: 'POST', path: `/directory/deletedItems/${group.id}/restore` },
  };
}

/** A restore; the undo deletes the group again. */
export function groupRestored(group: Pick<DirectoryGroup, 'id' | 'displayName'>): JournalChange {
  return {
    action: 'group.restore', group: groupOf(group), graphCall: { method: 'POST', path: `/directory/deletedItems/${group.id}/restore` },
    result: 'succeeded', status: 200, undo: { method: 'DELETE', path: `/groups/${group.id}` },
  };
}

/**
 * A new membership rule. The undo puts the previous rule and processing state back, or, for a group that was
 * static, its previous groupTypes (Graph then drops the rule); members the rule removed are not brought back.
 */
export function ruleSet(group: Pick<DirectoryGroup, 'id' | 'displayName' | 'groupTypes' | 'membershipRule' | 'membershipRuleProcessingState'>, rule: string): JournalChange {
  const wasDynamic = group.groupTypes.includes('DynamicMembership');
  const previous: Record<string, unknown> = wasDynamic
    ? { membershipRule: group.membershipRule ?? null, membershipRuleProcessingState: group.membershipRuleProcessingState ?? 'On' }
    : { groupTypes: group.groupTypes.filter((t) => t !== 'DynamicMembership') };
  return {
    action: 'rule.set', group: groupOf(group), graphCall: { method: 'PATCH', path: `/groups/${group.id}` },
    result: 'succeeded', status: 204,
    detail: wasDynamic ? `from ${group.membershipRule ?? 'no rule'} to ${rule}` : `static group made dynamic with ${rule}`,
    undo: wasDynamic && !group.membershipRule ? null : { method: 'PATCH', path: `/groups/${group.id}`, body: previous },
  };
}

/** The licence a group had before a change: absent, or present with these disabled plans. */
export type PreviousLicense = { had: false } | { had: true; disabledPlans: string[] };

/** A licence assigned or removed; the undo restores the previous licence state of the group. */
export function licenseChanged(
  group: Pick<DirectoryGroup, 'id' | 'displayName'>, sku: { skuId: string; name: string }, op: 'add' | 'remove', previous: PreviousLicense | undefined,
): JournalChange {
  const path = `/groups/${group.id}/assignLicense`;
  let undo: GraphCallRecord | null = null;
  if (previous?.had) undo = { method: 'POST', path, body: { addLicenses: [{ skuId: sku.skuId, disabledPlans: previous.disabledPlans }], removeLicenses: [] } };
  else if (previous && op === 'add') undo = { method: 'POST', path, body: { addLicenses: [], removeLicenses: [sku.skuId] } };
  return {
    action: op === 'add' ? 'license.assign' : 'license.remove', group: groupOf(group), target: { id: sku.skuId, name: sku.name },
    graphCall: { method: 'POST', path }, result: previous && !previous.had && op === 'remove' ? 'no-op' : 'succeeded', status: 202,
    ...(previous?.had && op === 'add' ? { detail: 'the group already had this licence; its previous plan settings are kept for Undo' } : {}),
    undo,
  };
}
