/**
 * Follow-up changes every write implies:
 * - dynamic membership: members of dynamic groups (processing state On) follow their rule when a group is
 *   created or its rule/state changes, when a user's properties change, and for memberOf rules when a user's
 *   static memberships change; Paused groups are frozen. With a DynamicProcessor whose delay is above 0 the
 *   work is queued and done by a later write (asynchronous, as in Entra); otherwise inside the same transaction;
 * - group-based licensing: members of licensed groups get licenseAssignmentStates (Active, or Error with
 *   CountViolation when the SKU has no units left), including later joiners; leavers lose them.
 */
import {
  isDynamic,
  type AssignedLicense,
  type GroupObject,
  type LicenseAssignmentState,
  type UserObject,
} from '../model/types';
import { isActiveDynamic, type DirectoryStore, type EffectHook, type WriteTx } from '../store/directory-store';
import type { Mutation } from '../store/mutation';
import { nowIso } from './object-factory';
import type { DynamicProcessor, PendingWork } from './dynamic-processing';
import type { RuleEngine } from './rule-engine';

function userForRule(store: DirectoryStore, u: UserObject): Record<string, unknown> {
  const manager = store.managers.get(u.id);
  return manager ? { ...u, manager: { id: manager } } : u;
}

/** Whether a user should be in a dynamic group; undefined when the rule cannot be evaluated. */
function shouldBeMember(store: DirectoryStore, rules: RuleEngine, g: GroupObject, u: UserObject): boolean | undefined {
  const compiled = rules.compile(g.membershipRule as string);
  if (!compiled) return undefined;
  return compiled.matches(userForRule(store, u), { now: new Date(), memberOf: store.directGroupsOf(u.id) });
}

function evaluateGroup(tx: WriteTx, rules: RuleEngine, g: GroupObject): void {
  const store = tx.store;
  if (!rules.compile(g.membershipRule as string)) return;
  const current = new Set(store.membersOf(g.id));
  for (const u of store.users.values()) {
    const want = shouldBeMember(store, rules, g, u) === true;
    if (want && !current.has(u.id)) tx.stage({ op: 'link', rel: 'member', src: g.id, dst: u.id });
    if (!want && current.has(u.id)) tx.stage({ op: 'unlink', rel: 'member', src: g.id, dst: u.id });
    current.delete(u.id);
  }
  // Anything else (groups, devices added before the group turned dynamic) is dropped.
  for (const other of current) tx.stage({ op: 'unlink', rel: 'member', src: g.id, dst: other });
}

function evaluateUser(tx: WriteTx, rules: RuleEngine, userId: string, groups: GroupObject[]): void {
  const store = tx.store;
  const u = store.users.get(userId);
  if (!u) return;
  for (const g of groups) {
    const want = shouldBeMember(store, rules, g, u);
    if (want === undefined) continue;
    const has = store.members.get(g.id)?.has(u.id) ?? false;
    if (want && !has) tx.stage({ op: 'link', rel: 'member', src: g.id, dst: u.id });
    if (!want && has) tx.stage({ op: 'unlink', rel: 'member', src: g.id, dst: u.id });
  }
}

/** Units of a SKU consumed now (users holding it; a counter the store keeps). Never throws. */
export function consumedUnits(store: DirectoryStore, skuId: string): number {
  return store.consumedUnits(skuId);
}

function reconcileLicenses(tx: WriteTx, userId: string, consumed: Map<string, number>): void {
  const store = tx.store;
  const u = store.users.get(userId);
  if (!u) return;
  const desired = new Map<string, { groupId: string; lic: AssignedLicense }>();
  for (const gid of store.directGroupsOf(userId)) {
    const g = store.groups.get(gid);
    for (const lic of g?.assignedLicenses ?? []) desired.set(`${gid}|${lic.skuId}`, { groupId: gid, lic });
  }
  const now = nowIso();
  const next: LicenseAssignmentState[] = [];
  for (const s of u.licenseAssignmentStates) {
    if (s.assignedByGroup === null) next.push(s);
    else if (desired.has(`${s.assignedByGroup}|${s.skuId}`)) {
      next.push(s);
      desired.delete(`${s.assignedByGroup}|${s.skuId}`);
    }
  }
  const holds = (skuId: string) =>
    next.some((s) => s.skuId === skuId && (s.state === 'Active' || s.state === 'ActiveWithError'));
  for (const { groupId, lic } of desired.values()) {
    let free = true;
    if (!holds(lic.skuId)) {
      const sku = [...store.skus.values()].find((k) => k.skuId === lic.skuId);
      if (!consumed.has(lic.skuId)) consumed.set(lic.skuId, consumedUnits(store, lic.skuId));
      const used = consumed.get(lic.skuId) as number;
      free = !!sku && used < sku.prepaidUnits.enabled;
      if (free) consumed.set(lic.skuId, used + 1);
    }
    next.push({
      assignedByGroup: groupId,
      skuId: lic.skuId,
      disabledPlans: [...lic.disabledPlans],
      lastUpdatedDateTime: now,
      state: free ? 'Active' : 'Error',
      error: free ? 'None' : 'CountViolation',
    });
  }
  const assigned: AssignedLicense[] = [];
  for (const s of next) {
    if ((s.state === 'Active' || s.state === 'ActiveWithError') && !assigned.some((a) => a.skuId === s.skuId))
      assigned.push({ skuId: s.skuId, disabledPlans: [...s.disabledPlans] });
  }
  const changed =
    JSON.stringify(next) !== JSON.stringify(u.licenseAssignmentStates) ||
    JSON.stringify(assigned) !== JSON.stringify(u.assignedLicenses);
  if (changed) {
    for (const a of u.assignedLicenses)
      if (!assigned.some((x) => x.skuId === a.skuId))
        consumed.set(a.skuId, (consumed.get(a.skuId) ?? consumedUnits(store, a.skuId)) - 1);
    tx.stage({ op: 'putUser', user: { ...u, licenseAssignmentStates: next, assignedLicenses: assigned } });
  }
}

/**
 * Evaluates dynamic membership work inside a write: whole groups (those still active), then users against every
 * other active dynamic group. Throws rule evaluation errors (abort the write).
 */
export function evaluateDynamicWork(tx: WriteTx, rules: RuleEngine, work: PendingWork): void {
  const store = tx.store;
  const full = new Set(work.groups);
  for (const gid of full) {
    const g = store.groups.get(gid);
    if (g && isActiveDynamic(g)) evaluateGroup(tx, rules, g);
  }
  const rest = work.users.length ? store.activeDynamicGroups().filter((g) => !full.has(g.id)) : [];
  if (rest.length) for (const uid of work.users) evaluateUser(tx, rules, uid, rest);
}

/**
 * Builds the store's effect hook; `processor` (when given and its delay is above 0) receives the dynamic
 * membership work instead of the write itself. Never throws by itself; rule evaluation errors propagate (abort
 * the write).
 */
export function createEffectHook(rules: RuleEngine, processor?: () => DynamicProcessor | undefined): EffectHook {
  return (tx: WriteTx, staged: readonly Mutation[]) => {
    const store = tx.store;
    const fullGroups = new Set<string>();
    const usersToEvaluate = new Set<string>();
    const membershipUsers = new Set<string>();
    const licenseUsers = new Set<string>();
    for (const m of staged) {
      if (m.op === 'putGroup') {
        const g = store.groups.get(m.group.id);
        if (g && isActiveDynamic(g)) fullGroups.add(g.id);
        for (const id of store.membersOf(m.group.id)) if (store.users.has(id)) licenseUsers.add(id);
      } else if (m.op === 'putUser') {
        usersToEvaluate.add(m.user.id);
      } else if ((m.op === 'link' || m.op === 'unlink') && m.rel === 'member' && store.users.has(m.dst)) {
        const g = store.groups.get(m.src) ?? store.deleted.get(m.src);
        if (!g || !isDynamic(g)) membershipUsers.add(m.dst); // memberOf rules may depend on static memberships
        const u = store.users.get(m.dst) as UserObject;
        if ((g?.assignedLicenses.length ?? 0) > 0 || u.licenseAssignmentStates.some((s) => s.assignedByGroup === m.src))
          licenseUsers.add(m.dst);
      } else if (m.op === 'link' && m.rel === 'manager') {
        usersToEvaluate.add(m.src);
      }
    }
    if (
      membershipUsers.size &&
      store.activeDynamicGroups().some((g) => rules.compile(g.membershipRule as string)?.kind === 'memberOf')
    ) {
      for (const id of membershipUsers) usersToEvaluate.add(id);
    }
    if (!store.activeDynamic.size) usersToEvaluate.clear();
    if (fullGroups.size || usersToEvaluate.size) {
      const work: PendingWork = { groups: [...fullGroups], users: [...usersToEvaluate] };
      const deferTo = processor?.();
      if (deferTo && !deferTo.evaluatesInline()) deferTo.queue(tx, work);
      else evaluateDynamicWork(tx, rules, work);
    }
    const consumed = new Map<string, number>();
    for (const uid of licenseUsers) reconcileLicenses(tx, uid, consumed);
  };
}
