import type { BatchResult, BatchStep, GraphSession } from './graph-session';
import { stepError } from './graph-session';
import { chunked, runBatches } from './batch-pool';
import { mapGraphError } from './errors';
import { literal } from './odata';
import type { Principal, Relation } from './members-write';
import type { SubscribedSku } from './types';
import { IN_LIMIT } from './users-bulk-resolve';
import { eventual, step } from './resources/request';
import { getGroup } from './resources/groups';
import { listOwners } from './resources/group-owners';
import { countTransitiveUsers } from './resources/group-members';
import { relationPage } from './resources/group-relations';
import { listUsers } from './resources/users';
import { subscribedSkus } from './resources/tenant';

/** One licence a user holds, and whether a group gives it (null = assigned directly). */
export interface HeldLicense {
  skuId: string;
  assignedByGroup: string | null;
}

/** What the directory says about one person before a change. */
export interface PersonFacts {
  id: string;
  accountEnabled: boolean | null;
  userType: string | null;
  licenses: HeldLicense[];
}

/** The extra group properties a look-ahead needs (beyond what resolution read). */
export interface GroupFacts {
  isAssignableToRole: boolean | null;
  onPremisesSyncEnabled: boolean | null;
  licenseSkuIds: string[];
  /** Microsoft 365 group with a Teams team (resourceProvisioningOptions has 'Team'). */
  hasTeam: boolean;
}

/**
 * Everything a confirmation needs to say what a membership change will do, read before anything is written.
 * A part that could not be read is undefined (the card then says less, never something wrong).
 */
export interface ChangeFacts {
  group?: GroupFacts;
  /** Ids among the principals that are already in the relation (direct). */
  present?: Set<string>;
  owners?: { id: string; displayName: string | null }[];
  skus?: SubscribedSku[];
  people: Map<string, PersonFacts>;
  /** For principals that are groups: how many members each brings in, nested groups included. */
  transitiveCounts: Map<string, number>;
  /** `$batch` requests sent. */
  batches: number;
}

const GROUP_FACTS_SELECT = 'id,isAssignableToRole,onPremisesSyncEnabled,assignedLicenses,resourceProvisioningOptions';
const PERSON_SELECT = 'id,accountEnabled,userType,licenseAssignmentStates';

/**
 * The steps of a look-ahead, all independent so that they fit in one `$batch` for a handful of people:
 * the group's licences and flags, which principals are already in the relation (`id in`, advanced query),
 * its owners, the tenant's SKUs, the people's account state and licences, and transitive member counts of
 * principals that are groups. Pure; never throws.
 */
export function lookaheadSteps(groupId: string, relation: Relation, principals: readonly Principal[]): BatchStep[] {
  const steps: BatchStep[] = [
    step('group', getGroup(groupId, { $select: GROUP_FACTS_SELECT })),
    step('owners', listOwners(groupId, { $select: 'id,displayName', $top: 100 })),
  ];
  if (relation === 'members') steps.push(step('skus', subscribedSkus()));
  const ids = principals.map((p) => p.id);
  chunked(ids, IN_LIMIT).forEach((part, i) => {
    const list = part.map(literal).join(',');
    const present = relationPage(groupId, relation, {
      $filter: `id in (${list})`,
      $select: 'id',
      $count: true,
      $top: 999,
    });
    steps.push(step(`present${i}`, eventual(present)));
  });
  const users = principals.filter((p) => p.type === 'user').map((p) => p.id);
  chunked(users, IN_LIMIT).forEach((part, i) => {
    const people = listUsers({ $filter: `id in (${part.map(literal).join(',')})`, $select: PERSON_SELECT, $top: 999 });
    steps.push(step(`people${i}`, people));
  });
  principals
    .filter((p) => p.type === 'group')
    .forEach((p, i) => {
      steps.push(step(`nested${i}`, countTransitiveUsers(p.id)));
    });
  return steps;
}

interface RawSku {
  skuId: string;
  skuPartNumber: string;
  consumedUnits?: number;
  prepaidUnits?: { enabled?: number };
}
interface RawPerson {
  id: string;
  accountEnabled?: boolean | null;
  userType?: string | null;
  licenseAssignmentStates?: { skuId?: string; assignedByGroup?: string | null; state?: string }[];
}

function ok(r: BatchResult | undefined): r is BatchResult {
  return !!r && r.status < 400;
}

function list<T>(r: BatchResult): T[] {
  const v = (r.body as { value?: T[] } | undefined)?.value;
  return Array.isArray(v) ? v : [];
}

/**
 * Reads the facts of a membership change in one `$batch` round trip for up to 20 steps (more people: 20 steps
 * per batch, several at once). Steps Graph refuses leave their part undefined. Throws DomainError only when
 * the group itself cannot be read because the caller may not see it (forbidden) — everything else degrades.
 */
export async function readChangeFacts(
  session: GraphSession,
  groupId: string,
  relation: Relation,
  principals: readonly Principal[],
): Promise<ChangeFacts> {
  const steps = lookaheadSteps(groupId, relation, principals);
  const results = await runBatches(session, steps);
  const byId = new Map(results.map((r) => [r.id, r]));
  const facts: ChangeFacts = { people: new Map(), transitiveCounts: new Map(), batches: Math.ceil(steps.length / 20) };

  const g = byId.get('group');
  if (g && g.status === 403) throw mapGraphError(stepError(g), { operation: 'read' });
  if (ok(g)) {
    const b = g.body as {
      isAssignableToRole?: boolean | null;
      onPremisesSyncEnabled?: boolean | null;
      assignedLicenses?: { skuId?: string }[];
      resourceProvisioningOptions?: string[];
    };
    facts.group = {
      isAssignableToRole: b.isAssignableToRole ?? null,
      onPremisesSyncEnabled: b.onPremisesSyncEnabled ?? null,
      licenseSkuIds: (b.assignedLicenses ?? []).map((l) => l.skuId).filter((s): s is string => typeof s === 'string'),
      hasTeam: Array.isArray(b.resourceProvisioningOptions) && b.resourceProvisioningOptions.includes('Team'),
    };
  }
  const o = byId.get('owners');
  if (ok(o))
    facts.owners = list<{ id: string; displayName?: string | null }>(o).map((x) => ({
      id: x.id,
      displayName: x.displayName ?? null,
    }));
  const s = byId.get('skus');
  if (ok(s))
    facts.skus = list<RawSku>(s).map((x) => ({
      skuId: x.skuId,
      skuPartNumber: x.skuPartNumber,
      enabled: x.prepaidUnits?.enabled ?? 0,
      consumed: x.consumedUnits ?? 0,
    }));

  const presentSteps = steps.filter((x) => x.id.startsWith('present'));
  if (presentSteps.every((x) => ok(byId.get(x.id)))) {
    facts.present = new Set(
      presentSteps.flatMap((x) => list<{ id: string }>(byId.get(x.id) as BatchResult).map((m) => m.id)),
    );
  }
  for (const step of steps.filter((x) => x.id.startsWith('people'))) {
    const r = byId.get(step.id);
    if (!ok(r)) continue;
    for (const p of list<RawPerson>(r)) {
      facts.people.set(p.id, {
        id: p.id,
        accountEnabled: p.accountEnabled ?? null,
        userType: p.userType ?? null,
        licenses: (p.licenseAssignmentStates ?? [])
          .filter((l) => typeof l.skuId === 'string' && l.state !== 'Error')
          .map((l) => ({ skuId: l.skuId as string, assignedByGroup: l.assignedByGroup ?? null })),
      });
    }
  }
  principals
    .filter((p) => p.type === 'group')
    .forEach((p, i) => {
      const r = byId.get(`nested${i}`);
      const n = ok(r) ? Number(typeof r.body === 'string' ? r.body.trim() : r.body) : NaN;
      if (Number.isFinite(n)) facts.transitiveCounts.set(p.id, n);
    });
  return facts;
}
