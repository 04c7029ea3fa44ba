/**
 * What a membership change is (add or remove, members or owners) and the words and limits every step of it uses.
 * Pure.
 */
import type { ChangeOutcome } from '../directory/members-write';
import type { MemberOperation, OutcomeStatus } from '../../cards/view-models';

export interface ChangeSpec {
  operation: MemberOperation;
  relation: 'members' | 'owners';
  op: 'add' | 'remove';
}

/** More names than this in one request: a bulk resolution table first. */
export const BULK_THRESHOLD = 5;
/** More people than this: progress updates after each chunk of 20. */
export const PROGRESS_THRESHOLD = 20;

/** How each write outcome shows on an outcome card. */
export const OUTCOME_STATUS: Record<ChangeOutcome['result'], OutcomeStatus> = {
  added: 'added',
  alreadyPresent: 'alreadyMember',
  removed: 'removed',
  notPresent: 'notMember',
  notFound: 'notFound',
  refused: 'refused',
  lastOwner: 'refused',
  failed: 'failed',
};

/** The words a change is told in. */
interface ChangeWords {
  /** "Add", "Remove". */
  verb: string;
  /** "to", "from". */
  prep: string;
  /** "member", "owner". */
  role: string;
  /** "add members to", "remove owners from": what a refusal says cannot be done. */
  forbidden: string;
}

/** The words of `spec`. Never throws. */
export function wordsOf(spec: ChangeSpec): ChangeWords {
  const role = spec.relation === 'members' ? 'member' : 'owner';
  return spec.op === 'add'
    ? { verb: 'Add', prep: 'to', role, forbidden: `add ${role}s to` }
    : { verb: 'Remove', prep: 'from', role, forbidden: `remove ${role}s from` };
}
