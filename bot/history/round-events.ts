/**
 * Turns one delta round into history events (pure). The attribution rule (docs/history.md):
 * - a change groupbot made (its journal has the same group, person and direction within DEDUP_WINDOW_MS of the
 *   round) is stored as source "groupbot" with the journal's time and actor: the journal entry stays the record
 *   shown, and nothing is shown twice;
 * - otherwise the latest directory audit record for the same person and direction, when the watcher may read the
 *   audit log, gives the time and the actor;
 * - otherwise the change is stored at the round's time with no actor ("between the previous check and this one").
 * Owner changes are not in delta rounds: they come from the journal and the audit log only.
 */
import type { GroupAuditEntry, DeltaMemberChange } from '../directory/group-history-read';
import type { MembershipEvent } from '../store/history-repository';

/** How far around a round a journal entry still explains a change. */
export const DEDUP_WINDOW_MS = 10 * 60_000;

/** A membership change groupbot's journal recorded. */
export interface JournalEvidence {
  memberId: string;
  relation: 'member' | 'owner';
  change: 'added' | 'removed';
  at: Date;
  actor: { id: string; name: string };
  memberName: string | null;
}

/** What a round gives the store: events and the names learnt. */
export interface RoundEvents {
  events: MembershipEvent[];
  names: Record<string, string>;
}

/** Everything one round knows. */
export interface RoundInput {
  changes: DeltaMemberChange[];
  /** True on the first round: `changes` are the whole membership (a baseline). */
  initial: boolean;
  /** Owners at the first round (read once when watching begins). */
  initialOwners?: string[];
  /** The membership stored before a restarted round (a stale delta link): the changes are diffed against it. */
  previous?: { members: string[]; owners: string[] };
  polledAt: Date;
  /** The previous round's time (null on the first round). */
  previousPoll: Date | null;
  audit: GroupAuditEntry[] | 'denied' | 'skipped';
  journal: JournalEvidence[];
}

const key = (id: string, relation: string, change: string): string => `${id.toLowerCase()}|${relation}|${change}`;

/** The events of one round, oldest first. Never throws. */
export function roundEvents(input: RoundInput): RoundEvents {
  const names: Record<string, string> = {};
  const at = input.polledAt;
  if (input.initial && !input.previous) {
    const baseline = (memberId: string, relation: 'member' | 'owner'): MembershipEvent => ({
      memberId,
      change: 'added',
      relation,
      at,
      actorId: null,
      source: 'delta',
      baseline: true,
    });
    const events = input.changes.filter((c) => !c.removed).map((c) => baseline(c.id, 'member'));
    for (const o of input.initialOwners ?? []) events.push(baseline(o, 'owner'));
    return { events, names };
  }
  const since = new Date((input.previousPoll ?? at).getTime() - DEDUP_WINDOW_MS);
  const journal = new Map<string, JournalEvidence>();
  for (const j of input.journal) {
    if (j.at < since || j.at.getTime() > at.getTime() + DEDUP_WINDOW_MS) continue;
    const k = key(j.memberId, j.relation, j.change);
    const seen = journal.get(k);
    if (!seen || seen.at < j.at) journal.set(k, j);
  }
  const audit = new Map<string, GroupAuditEntry>();
  for (const a of Array.isArray(input.audit) ? input.audit : []) {
    if (a.at < since) continue;
    audit.set(key(a.subjectId, a.relation, a.change), a);
    if (a.subjectName) names[a.subjectId] = a.subjectName;
    if (a.actor?.name) names[a.actor.id] = a.actor.name;
  }
  const events: MembershipEvent[] = [];
  const explain = (memberId: string, relation: 'member' | 'owner', change: 'added' | 'removed'): MembershipEvent => {
    const k = key(memberId, relation, change);
    const j = journal.get(k);
    if (j) {
      journal.delete(k);
      names[j.actor.id] = j.actor.name;
      if (j.memberName) names[memberId] = j.memberName;
      return { memberId, change, relation, at: j.at, actorId: j.actor.id, source: 'groupbot' };
    }
    const a = audit.get(k);
    if (a) {
      audit.delete(k);
      return { memberId, change, relation, at: a.at, actorId: a.actor?.id ?? null, source: 'delta' };
    }
    return { memberId, change, relation, at, actorId: null, source: 'delta' };
  };
  for (const c of memberChanges(input)) events.push(explain(c.id, 'member', c.removed ? 'removed' : 'added'));
  // Owners: only what the journal and the audit log say (delta rounds do not carry them), once per change.
  const owned = new Map<string, { id: string; change: 'added' | 'removed'; at: Date }>();
  const seen = [
    ...[...journal.values()].map((j) => ({ relation: j.relation, id: j.memberId, change: j.change, at: j.at })),
    ...[...audit.values()].map((a) => ({ relation: a.relation, id: a.subjectId, change: a.change, at: a.at })),
  ];
  for (const o of seen) {
    const k = key(o.id, 'owner', o.change);
    if (o.relation === 'owner' && !owned.has(k)) owned.set(k, { id: o.id, change: o.change, at: o.at });
  }
  for (const o of [...owned.values()].sort((p, q) => p.at.getTime() - q.at.getTime()))
    events.push(explain(o.id, 'owner', o.change));
  return { events: events.sort((p, q) => p.at.getTime() - q.at.getTime()), names };
}

/** The member changes of a round: as reported, or (restarted round) the difference from the stored membership. */
function memberChanges(input: RoundInput): { id: string; removed: boolean }[] {
  if (!input.initial || !input.previous) return input.changes;
  const now = new Set(input.changes.filter((c) => !c.removed).map((c) => c.id.toLowerCase()));
  const before = new Set(input.previous.members.map((m) => m.toLowerCase()));
  return [
    ...[...now].filter((id) => !before.has(id)).map((id) => ({ id, removed: false })),
    ...[...before].filter((id) => !now.has(id)).map((id) => ({ id, removed: true })),
  ];
}
