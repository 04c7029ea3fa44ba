/**
 * The retry policy for directory replication delay (docs/graph-behaviour.md, Replication delay): right after a
 * group is created, Entra may answer a member or owner add with 400 "The source resource object or one of the
 * objects being referenced don't exist." (E16), or 404 on the new group, until every replica knows it. Those
 * answers are retried with exponential backoff for a bounded time (about two minutes); everything else is
 * final. Pure: the caller sleeps and reports.
 */

/** When and how often a replication-transient failure is tried again. */
export interface ReplicationRetryPolicy {
  /** Wait before the first retry, in ms. */
  firstDelayMs: number;
  /** Each wait is the previous one times this. */
  factor: number;
  /** No single wait is longer than this, in ms. */
  maxDelayMs: number;
  /** The waits together never exceed this, in ms (the bound on the whole retry). */
  budgetMs: number;
}

/** 4 s, 8 s, 16 s, 30 s, 30 s, 30 s: six retries within two minutes (118 s of waiting). */
export const REPLICATION_RETRY: ReplicationRetryPolicy = {
  firstDelayMs: 4_000,
  factor: 2,
  maxDelayMs: 30_000,
  budgetMs: 120_000,
};

/** E16's stable text (graph-groups-contract.md §8); Graph's code for it is not documented, so the text decides. */
export const REPLICATION_MESSAGE = "The source resource object or one of the objects being referenced don't exist.";

/**
 * The waits before each retry, in order: exponential from `firstDelayMs`, each capped at `maxDelayMs`, stopping
 * before their sum would pass `budgetMs`. Empty when the first wait alone is over budget. Pure; never throws.
 */
export function replicationDelays(policy: ReplicationRetryPolicy = REPLICATION_RETRY): number[] {
  const out: number[] = [];
  if (!(policy.firstDelayMs > 0) || !(policy.factor >= 1)) return out;
  let next = policy.firstDelayMs;
  let sum = 0;
  while (sum + Math.min(next, policy.maxDelayMs) <= policy.budgetMs) {
    const wait = Math.min(next, policy.maxDelayMs);
    out.push(wait);
    sum += wait;
    next *= policy.factor;
  }
  return out;
}

/** A failed write as the policy sees it: Graph's status and message (code when Graph sent one). */
export interface FailedWrite {
  status: number;
  code?: string | null;
  message?: string | null;
}

/**
 * True when a failed write may succeed once replication catches up: E16 (400 with its text) always, and 404
 * only when the group was created moments ago by this user (`groupIsNew`), since a 404 on an older group means
 * it is gone. Pure; never throws.
 */
export function isReplicationTransient(err: FailedWrite, groupIsNew: boolean): boolean {
  const message = err.message ?? '';
  if (err.status === 400 && message.startsWith(REPLICATION_MESSAGE.slice(0, -1))) return true;
  return err.status === 404 && groupIsNew;
}

/** "Entra is still setting up Finance Readers; trying again (2 of 6)…" Pure; never throws. */
export function replicationWaitSentence(groupName: string, attempt: number, of: number): string {
  return `Entra is still setting up ${groupName}; trying again (${attempt} of ${of})…`;
}

/**
 * The final sentence when retries ran out: what failed, and that it is safe to try again later. Pure; never
 * throws.
 */
export function replicationGaveUpSentence(groupName: string, waitedMs: number): string {
  const minutes = Math.max(1, Math.round(waitedMs / 60_000));
  return `Entra was still setting up ${groupName} after ${minutes === 1 ? 'about a minute' : `about ${minutes} minutes`} of retries, so this was not done. Try again in a few minutes; nothing else needs to change.`;
}
