/**
 * Where Entra stands with a dynamic group's membership: `membershipRuleProcessingStatus`, which Graph serves on
 * the beta endpoint only (`GET /beta/groups/{id}?$select=membershipRuleProcessingStatus`), and the number of
 * members so far.
 */
import type { GraphSession } from './graph-session';
import { getGroup } from './resources/groups';
import { countMembers } from './resources/group-members';

export type ProcessingState = 'NotStarted' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface MembershipProcessing {
  /** Unknown when the beta endpoint does not answer or the group has no processed rule (e.g. paused). */
  state: ProcessingState;
  lastMembershipUpdated: string | null;
  errorMessage: string | null;
  /** Direct members now; null when they could not be counted. */
  memberCount: number | null;
}

interface BetaStatus {
  membershipRuleProcessingStatus?: {
    status?: string;
    lastMembershipUpdated?: string | null;
    errorMessage?: string | null;
  } | null;
}

const STATES: readonly ProcessingState[] = ['NotStarted', 'Running', 'Succeeded', 'Failed'];

/**
 * Reads the processing status and the member count, both best effort: a status that cannot be read (beta
 * refused, rights) is `Unknown`, a count that cannot be read is null. Never throws.
 */
export async function getMembershipProcessing(session: GraphSession, groupId: string): Promise<MembershipProcessing> {
  const [status, count] = await Promise.allSettled([
    session.get<BetaStatus>(getGroup(groupId, { $select: 'id,membershipRuleProcessingStatus' }).url, {
      beta: true,
    }),
    session.send<number | string>(countMembers(groupId)),
  ]);
  const s = status.status === 'fulfilled' ? status.value.membershipRuleProcessingStatus : undefined;
  const state = STATES.find((x) => x === s?.status) ?? 'Unknown';
  const memberCount = count.status === 'fulfilled' ? Number(count.value) : null;
  return {
    state,
    lastMembershipUpdated: s?.lastMembershipUpdated ?? null,
    errorMessage: s?.errorMessage ?? null,
    memberCount: Number.isFinite(memberCount) ? memberCount : null,
  };
}
