/**
 * Background work of the requests sweeper that needs somebody's delegated token: retrying an interrupted
 * approval's add and removing an ended time-bound membership. It never hangs on one person: the directory is
 * opened as the preferred person (the approver, the granter), else another owner of the group, else an
 * administrator (see bot/teams/background-tokens.ts); when Graph refuses that person, the next one is tried.
 * What could not be done is counted (bot/shared/background-failures.ts) and, once given up, the owners are told.
 */
import { formatTime } from '../../cards/card-time';
import type { BackgroundFailure, BackgroundFailures } from '../shared/background-failures';
import type { PersonRef, TimeBoundMembership } from '../store/types';
import type { MemberAdder, MemberAddResult, MemberRemover, MemberRemoveResult } from './member-change';
import type { RequestDirectory } from './request-ports';

/**
 * The directory as whoever may work on `groupId` now: `preferred` first, then the group's other owners, then
 * administrators, skipping `skip`. Undefined when nobody has a usable token. Never throws.
 */
export type DirectoryForGroup = (
  groupId: string,
  preferred: readonly PersonRef[],
  opts?: { skip?: readonly string[]; readers?: readonly string[] },
) => Promise<{ person: PersonRef; directory: RequestDirectory } | undefined>;

/** What the sweeper needs for background work; bot/teams/background-wiring.ts builds it. */
export interface BackgroundWork {
  directoryFor: DirectoryForGroup;
  failures: BackgroundFailures;
  /** Tells one person in their 1:1 chat; false when they cannot be reached. Never throws. */
  tell(userId: string, text: string): Promise<boolean>;
  /** The group's owners as last read (for notices when nobody can read the directory now). Never throws. */
  knownOwners(groupId: string): Promise<PersonRef[]>;
}

/** Why background work had nobody to do it. */
export const NOBODY_SIGNED_IN = 'nobody with a current sign-in could do it';

/** People asked per job before it waits for the next sweep (each refusal moves on to the next person). */
const PEOPLE_PER_JOB = 3;

/**
 * The add of an interrupted approval with the approver's token, else another owner's or an administrator's. A
 * person Graph refuses (403, token revoked) is skipped for the next; the result names whose token made the add.
 */
export function backgroundAdder(directoryFor: DirectoryForGroup): MemberAdder {
  return async (job) => {
    const skip: string[] = [];
    let last: MemberAddResult = { outcome: 'retry-later', message: NOBODY_SIGNED_IN };
    for (let n = 0; n < PEOPLE_PER_JOB; n++) {
      // The requester may read the owners with their token; it is never used for the add itself.
      const found = await directoryFor(job.group.id, [job.approver], { skip, readers: [job.user.id] });
      if (!found) return last;
      const result = await found.directory.addMember(job.group.id, job.user.id);
      if (result.outcome === 'added') return { ...result, tokenOf: found.person };
      // A refusal of this person (no right on the group, token revoked) is not the end: another may do it.
      const refusedPerson = result.outcome === 'retry-later' || (result.outcome === 'failed' && result.status === 403);
      if (!refusedPerson) return result;
      skip.push(found.person.id);
      last = { outcome: 'retry-later', message: `${found.person.name}: ${result.message}` };
    }
    return last;
  };
}

/** The removal of an ended time-bound membership with the granter's token, else an owner's or administrator's. */
export function backgroundRemover(directoryFor: DirectoryForGroup): MemberRemover {
  return async (job) => {
    const preferred = job.grantedBy ? [job.grantedBy] : [];
    const skip: string[] = [];
    let last: MemberRemoveResult = { outcome: 'retry-later', message: NOBODY_SIGNED_IN };
    for (let n = 0; n < PEOPLE_PER_JOB; n++) {
      // The member being removed may read the owners with their token; it is never used for the removal.
      const found = await directoryFor(job.group.id, preferred, { skip, readers: [job.user.id] });
      if (!found) return last;
      const result = await found.directory.removeMember(job.group.id, job.user.id, found.person);
      if (result.outcome !== 'retry-later') return result;
      skip.push(found.person.id);
      last = { outcome: 'retry-later', message: `${found.person.name}: ${result.message}` };
    }
    return last;
  };
}

/** The owners' message when an ended membership could not be removed. Pure. */
export function removalGivenUpText(m: TimeBoundMembership, failures: number, timeZone?: string): string {
  return (
    `I could not remove ${m.userName} from '${m.groupName}' when the access ended on ${formatTime(m.expiresAt, timeZone)}: ` +
    `${NOBODY_SIGNED_IN} (${failures} tries). Remove ${m.userName} yourself, or sign in to groupbot (say "hi" to me): ` +
    `I try once a day and remove ${m.userName} as soon as someone signed in can.`
  );
}

/** The owners' message when an interrupted approval could not be completed. Pure. */
export function approvalGivenUpText(r: {
  requesterName: string;
  groupName: string;
  decidedByName: string | null;
}): string {
  const by = r.decidedByName ? ` after ${r.decidedByName} approved` : '';
  return (
    `I could not add ${r.requesterName} to '${r.groupName}'${by}: ${NOBODY_SIGNED_IN}, so the request failed. ` +
    `Add ${r.requesterName} yourself, or ask them to ask again once you have signed in to groupbot.`
  );
}

/** The watchers' message when a watched group could not be polled. Pure. */
export function pollGivenUpText(groupName: string, failures: number): string {
  return (
    `I could not check '${groupName}' for membership changes ${failures} times in a row: ${NOBODY_SIGNED_IN}. ` +
    `Its history has a gap until someone signs in to groupbot (say "hi" to me); I try once a day.`
  );
}

/**
 * Tells `people` (and the group's owners as last read) once that `failure`'s work was given up, and records who
 * was told. Resolves to how many were reached. Throws on database errors only.
 */
export async function tellGivenUpOnce(
  work: Pick<BackgroundWork, 'tell' | 'knownOwners' | 'failures'>,
  failure: BackgroundFailure,
  people: readonly PersonRef[],
  text: string,
): Promise<number> {
  const told = new Set(failure.told ?? []);
  const owners = await work.knownOwners(failure.groupId);
  const ids = [...new Set([...people, ...owners].map((p) => p.id.toLowerCase()).filter((id) => id && !told.has(id)))];
  const reached: string[] = [];
  for (const id of ids) if (await work.tell(id, text)) reached.push(id);
  // Those who could not be reached are marked too: the digest is where they will see it.
  if (ids.length) await work.failures.markTold(failure.kind, failure.itemId, ids);
  return reached.length;
}
