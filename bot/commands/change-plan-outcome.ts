/**
 * Per-person outcomes of a confirmed change plan, as text lines and outcome-card rows: done, skipped (and why:
 * the group is gone, already so, already left) or failed (Graph's error in words, through error-text.ts). Pure.
 */
import { outcomeSentence } from '../../cards/member-outcome-card';
import type { MemberOutcome, OutcomeStatus } from '../../cards/view-models';
import { DomainError } from '../directory/errors';
import { FAILED_RESULTS, type ChangeOutcome } from '../directory/members-write';
import { operationOf } from './change-plan';
import type { Skipped } from './change-plan-check';
import type { StoredWrite } from './change-plan-store';
import { errorText, isPlainText } from './error-text';
import { OUTCOME_STATUS } from './membership-spec';
import { groupRef } from './views';

/** One person's outcome in one write of the plan. */
export type PersonOutcome =
  | { write: StoredWrite; status: 'done' | 'failed'; change: ChangeOutcome }
  | { write: StoredWrite; status: 'skipped'; skipped: Skipped; change?: ChangeOutcome };

/** Graph's answers that mean "already so": the person is skipped, not failed. */
const ALREADY = new Set<ChangeOutcome['result']>(['alreadyPresent', 'notPresent']);

/** The per-person outcomes of one write: the skipped ones first, then what Graph answered. Pure. */
export function personOutcomes(write: StoredWrite, outcomes: ChangeOutcome[], skipped: Skipped[]): PersonOutcome[] {
  const role = write.relation === 'owners' ? 'an owner' : 'a member';
  const where = `'${write.group.displayName}'`;
  return [
    ...skipped.map((s) => ({ write, status: 'skipped' as const, skipped: s })),
    ...outcomes.map((o): PersonOutcome => {
      if (ALREADY.has(o.result)) {
        const why = o.result === 'alreadyPresent' ? `already ${role} of ${where}` : `no longer ${role} of ${where}`;
        return { write, status: 'skipped', skipped: { principal: o.principal, why }, change: o };
      }
      return { write, status: FAILED_RESULTS.has(o.result) ? 'failed' : 'done', change: o };
    }),
  ];
}

/** A failed write for one person, in words (error-text.ts is where errors become text). Pure. */
function failureText(w: StoredWrite, o: ChangeOutcome): string {
  const about = {
    groupName: w.group.displayName,
    objectName: o.principal.displayName,
    action: `change the ${w.relation} of`,
    offerOwners: false as const,
  };
  if (o.result === 'lastOwner') return errorText(new DomainError('lastOwner', o.reason ?? ''), about);
  if (o.result === 'notFound') return errorText(new DomainError('notFound', o.reason ?? ''), about);
  if (o.kind && o.kind !== 'invalid' && o.kind !== 'unexpected')
    return errorText(new DomainError(o.kind, o.reason ?? ''), { ...about, objectName: undefined });
  if (o.reason && isPlainText(o.reason)) return o.reason;
  return errorText(new DomainError(o.kind ?? 'unexpected', o.reason ?? ''), about);
}

/** The line of one person's outcome: "done: …", "skipped: Lee Gu (already left 'Legal')", "failed: …". Pure. */
export function outcomeLine(p: PersonOutcome): string {
  const op = operationOf(p.write);
  if (p.status === 'skipped') return `skipped: ${p.skipped.principal.displayName}, ${p.skipped.why}.`;
  const name = p.change.principal.displayName;
  if (p.status === 'done')
    return `done: ${outcomeSentence(name, OUTCOME_STATUS[p.change.result], op, p.write.group.displayName)}`;
  const verb = op.startsWith('add') ? 'added to' : 'removed from';
  return `failed: ${name} was not ${verb} '${p.write.group.displayName}': ${failureText(p.write, p.change)}`;
}

/** The card status of a skipped person: the group gone is "refused", otherwise already so. Pure. */
function skippedStatus(p: Extract<PersonOutcome, { status: 'skipped' }>): OutcomeStatus {
  if (p.change) return OUTCOME_STATUS[p.change.result];
  if (p.skipped.why.startsWith('already')) return 'alreadyMember';
  if (p.skipped.why.startsWith('no longer')) return 'notMember';
  return 'refused';
}

/** The outcome-card row of one person's outcome. Pure. */
export function outcomeRow(p: PersonOutcome): MemberOutcome {
  const principal = p.status === 'skipped' ? p.skipped.principal : p.change.principal;
  const base = {
    input: principal.displayName,
    person: { id: principal.id, displayName: principal.displayName },
    group: groupRef(p.write.group),
  };
  if (p.status === 'skipped') return { ...base, status: skippedStatus(p), reason: `Skipped: ${p.skipped.why}.` };
  const reason = p.status === 'failed' ? failureText(p.write, p.change) : undefined;
  return { ...base, status: OUTCOME_STATUS[p.change.result], ...(reason ? { reason } : {}) };
}
