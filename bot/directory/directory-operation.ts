/**
 * Directory writes as typed values: what the journal hands back for Undo, and the inverse of a recorded change.
 * Only bot/directory turns these into Graph paths, verbs and bodies (operation-run.ts). Pure; no I/O.
 */
import type { DirectoryGroup } from './types';

/** Group properties an operation may set (and an Undo may put back). */
export type GroupPatch = Partial<
  Pick<
    DirectoryGroup,
    'displayName' | 'description' | 'visibility' | 'membershipRule' | 'membershipRuleProcessingState' | 'groupTypes'
  >
>;

/** One write bot/directory can run with the acting user's token. */
export type DirectoryOperation =
  | { kind: 'addMember' | 'removeMember' | 'addOwner' | 'removeOwner'; groupId: string; principalId: string }
  | { kind: 'deleteGroup' | 'restoreGroup'; groupId: string }
  | { kind: 'updateGroup'; groupId: string; set: GroupPatch }
  /** Assigns the licence with these disabled plans, or removes it (`assign: null`). */
  | { kind: 'setLicense'; groupId: string; skuId: string; assign: { disabledPlans: string[] } | null };

/** The licence a group had before a change: absent, or present with these disabled plans. */
export type PreviousLicense = { had: false } | { had: true; disabledPlans: string[] };

/**
 * A change as the journal describes it: which action, on which group and whom, and what was there before.
 * `before` is undefined when the previous state is not known (the change then has no inverse).
 */
export type ChangeFacts =
  | { action: 'member.add' | 'member.remove' | 'owner.add' | 'owner.remove'; groupId: string; targetId: string }
  | { action: 'group.create' | 'group.delete' | 'group.restore'; groupId: string }
  | { action: 'group.rename' | 'group.update' | 'rule.set'; groupId: string; before: GroupPatch | undefined }
  | {
      action: 'license.assign' | 'license.remove';
      groupId: string;
      skuId: string;
      before: PreviousLicense | undefined;
    };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PATCHABLE = new Set([
  'displayName',
  'description',
  'visibility',
  'membershipRule',
  'membershipRuleProcessingState',
  'groupTypes',
]);
const RELATION_KINDS = new Set(['addMember', 'removeMember', 'addOwner', 'removeOwner']);

/**
 * The operation that reverts a change, or null when it cannot be reverted (previous state unknown, or a
 * licence removal that changed nothing). Never throws.
 */
export function inverseOperation(f: ChangeFacts): DirectoryOperation | null {
  switch (f.action) {
    case 'member.add':
      return { kind: 'removeMember', groupId: f.groupId, principalId: f.targetId };
    case 'member.remove':
      return { kind: 'addMember', groupId: f.groupId, principalId: f.targetId };
    case 'owner.add':
      return { kind: 'removeOwner', groupId: f.groupId, principalId: f.targetId };
    case 'owner.remove':
      return { kind: 'addOwner', groupId: f.groupId, principalId: f.targetId };
    case 'group.create':
    case 'group.restore':
      return { kind: 'deleteGroup', groupId: f.groupId };
    case 'group.delete':
      return { kind: 'restoreGroup', groupId: f.groupId };
    case 'group.rename':
    case 'group.update':
    case 'rule.set':
      return f.before && Object.keys(f.before).length
        ? { kind: 'updateGroup', groupId: f.groupId, set: f.before }
        : null;
    case 'license.assign':
    case 'license.remove':
      if (!f.before) return null;
      if (f.before.had)
        return {
          kind: 'setLicense',
          groupId: f.groupId,
          skuId: f.skuId,
          assign: { disabledPlans: f.before.disabledPlans },
        };
      return f.action === 'license.assign'
        ? { kind: 'setLicense', groupId: f.groupId, skuId: f.skuId, assign: null }
        : null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPatch(v: unknown): v is GroupPatch {
  return isRecord(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => PATCHABLE.has(k));
}

/**
 * True when `v` is a well-formed operation: a known kind, GUID ids, only writable group properties. A damaged
 * or foreign journal row therefore never becomes an arbitrary Graph call. Never throws.
 */
export function isDirectoryOperation(v: unknown): v is DirectoryOperation {
  if (!isRecord(v) || typeof v['groupId'] !== 'string' || !GUID.test(v['groupId'])) return false;
  const keys = Object.keys(v).sort().join(',');
  const kind = v['kind'];
  if (typeof kind === 'string' && RELATION_KINDS.has(kind)) {
    return keys === 'groupId,kind,principalId' && typeof v['principalId'] === 'string' && GUID.test(v['principalId']);
  }
  switch (kind) {
    case 'deleteGroup':
    case 'restoreGroup':
      return keys === 'groupId,kind';
    case 'updateGroup':
      return keys === 'groupId,kind,set' && isPatch(v['set']);
    case 'setLicense': {
      const assign = v['assign'];
      const assignOk =
        assign === null ||
        (isRecord(assign) &&
          Object.keys(assign).join() === 'disabledPlans' &&
          Array.isArray(assign['disabledPlans']) &&
          assign['disabledPlans'].every((p) => typeof p === 'string' && p.length <= 64));
      return (
        keys === 'assign,groupId,kind,skuId' && typeof v['skuId'] === 'string' && GUID.test(v['skuId']) && assignOk
      );
    }
    default:
      return false;
  }
}
