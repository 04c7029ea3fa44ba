/**
 * Licence errors as Entra reports them after a group licence is processed: the groups that have members with
 * licence errors (`$filter=hasMembersWithLicenseErrors eq true`, default query mode only), and for one group its
 * `membersWithLicenseErrors` with each member's failed `licenseAssignmentStates` from that group
 * (docs/graph-behaviour.md, Licensing).
 */
import type { BatchResult, GraphSession } from './graph-session';
import { stepError } from './graph-session';
import { mapGraphError } from './errors';
import { processLogger } from '../log';
import { step } from './resources/request';
import { listMembersWithLicenseErrors } from './resources/group-members';
import { getUser } from './resources/users';
import { listGroups } from './resources/groups';

/** Why Entra could not give a member a licence (licenseAssignmentState.error). */
export type LicenseErrorKind =
  | 'CountViolation'
  | 'MutuallyExclusiveViolation'
  | 'DependencyViolation'
  | 'ProhibitedInUsageLocationViolation'
  | 'UniquenessViolation'
  | 'Other';

/** One failed assignment of a SKU from the group. */
export interface LicenseError {
  skuId: string;
  error: LicenseErrorKind;
}

/** A member the group's licence did not reach, with why. */
export interface MemberLicenseErrors {
  id: string;
  displayName: string;
  /** The failed assignments from this group (of the SKU asked about, when one was). */
  errors: LicenseError[];
  /** False when the user's licenseAssignmentStates could not be read (then `errors` is empty). */
  statesRead: boolean;
}

/** A group Entra flags as having members with licence errors. */
export interface GroupWithLicenseErrors {
  id: string;
  displayName: string;
}

/** A read that may have stopped at its page limit. */
export interface LicenseErrorsRead<T> {
  items: T[];
  /** False when more pages were left unread. */
  complete: boolean;
}

interface RawState {
  assignedByGroup?: string | null;
  skuId?: string;
  state?: string;
  error?: string | null;
}
interface RawObject {
  id?: string;
  displayName?: string | null;
  licenseAssignmentStates?: RawState[] | null;
}
interface Page {
  value?: RawObject[];
  '@odata.nextLink'?: string;
}

const KINDS = new Set<string>([
  'CountViolation',
  'MutuallyExclusiveViolation',
  'DependencyViolation',
  'ProhibitedInUsageLocationViolation',
  'UniquenessViolation',
  'Other',
]);

async function readPages(
  session: GraphSession,
  first: string,
  maxPages: number,
): Promise<LicenseErrorsRead<RawObject>> {
  const items: RawObject[] = [];
  let next: string | undefined = first;
  for (let n = 0; next; n++) {
    if (n === maxPages) return { items, complete: false };
    const page: Page = await session.get<Page>(next, { ctx: { operation: 'license' } });
    items.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return { items, complete: true };
}

/** The failed assignments of a user's states that came from `groupId` (optionally one SKU only). Pure. */
export function errorsFromGroup(states: readonly RawState[], groupId: string, skuId?: string): LicenseError[] {
  const gid = groupId.toLowerCase();
  const sku = skuId?.toLowerCase();
  return states
    .filter(
      (s) =>
        (s.assignedByGroup ?? '').toLowerCase() === gid &&
        (s.state === 'Error' || s.state === 'ActiveWithError') &&
        typeof s.skuId === 'string' &&
        (sku === undefined || s.skuId.toLowerCase() === sku),
    )
    .map((s) => ({
      skuId: s.skuId as string,
      error: KINDS.has(s.error ?? '') ? (s.error as LicenseErrorKind) : 'Other',
    }));
}

/**
 * The group's members with licence errors and, read per user in `$batch` steps, the failed assignments from this
 * group (only those of `skuId` when given). Members whose states cannot be read keep an empty `errors`.
 * Throws DomainError when the list itself cannot be read.
 */
export async function readMembersWithLicenseErrors(
  session: GraphSession,
  groupId: string,
  opts: { skuId?: string; maxPages?: number } = {},
): Promise<LicenseErrorsRead<MemberLicenseErrors>> {
  const listed = await readPages(
    session,
    listMembersWithLicenseErrors(groupId, { $select: 'id,displayName', $top: 999 }).url,
    opts.maxPages ?? 10,
  );
  const members = listed.items.filter((m): m is RawObject & { id: string } => typeof m.id === 'string');
  const results: BatchResult[] = members.length
    ? await session.batch(
        members.map((m, i) => step(String(i), getUser(m.id, { $select: 'id,displayName,licenseAssignmentStates' }))),
      )
    : [];
  const items = members.map((m, i): MemberLicenseErrors => {
    const r = results[i];
    const name = m.displayName ?? m.id;
    if (!r || r.status >= 400) {
      if (r)
        processLogger().warn('license.errors.userUnreadable', { userId: m.id, error: mapGraphError(stepError(r)) });
      return { id: m.id, displayName: name, errors: [], statesRead: false };
    }
    const body = r.body as RawObject;
    return {
      id: m.id,
      displayName: body.displayName ?? name,
      errors: errorsFromGroup(body.licenseAssignmentStates ?? [], groupId, opts.skuId),
      statesRead: true,
    };
  });
  return { items, complete: listed.complete };
}

/**
 * Groups with members with licence errors (`$filter=hasMembersWithLicenseErrors eq true`; Graph refuses it in
 * advanced mode, so no ConsistencyLevel header). Throws DomainError.
 */
export async function readGroupsWithLicenseErrors(
  session: GraphSession,
  maxPages = 10,
): Promise<LicenseErrorsRead<GroupWithLicenseErrors>> {
  const read = await readPages(
    session,
    listGroups({ $filter: 'hasMembersWithLicenseErrors eq true', $select: 'id,displayName', $top: 999 }).url,
    maxPages,
  );
  return {
    items: read.items
      .filter((g): g is RawObject & { id: string } => typeof g.id === 'string')
      .map((g) => ({ id: g.id, displayName: g.displayName ?? g.id })),
    complete: read.complete,
  };
}
