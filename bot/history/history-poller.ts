/**
 * Follows watched groups (docs/history.md): every interval, each watched group that is due gets one delta round
 * with one watcher's own delegated token, attribution from the directory audit log when that token may read it,
 * and the changes groupbot made recognised from its journal. Groups are claimed in the store, so several
 * instances poll without doing a group twice. Runs beside the bot; never inside a turn.
 */
import { DomainError } from '../directory/errors';
import type { GraphEndpoint } from '../directory/graph-client';
import { openGraphSession, type GraphSession } from '../directory/graph-session';
import {
  groupAuditEntries,
  membershipDeltaRound,
  relationIds,
  type GroupAuditEntry,
} from '../directory/group-history-read';
import type { Logger } from '../log';
import type { HistoryCursor, Store } from '../store';
import type { JournalEntry } from '../store/types';
import { roundEvents, DEDUP_WINDOW_MS, type JournalEvidence } from './round-events';
import { repeatEvery } from '../shared/repeat-every';
import { forEachConcurrently } from '../shared/concurrent-each';
import type { BackgroundFailures } from '../shared/background-failures';
import { pollGivenUpText, tellGivenUpOnce } from '../requests/background-work';
import type { PersonRef } from '../store/types';

/**
 * Polling that never hangs on the watchers' tokens (bot/teams/background-wiring.ts builds it): the round runs
 * with a watcher's token, else an owner's or an administrator's; failed rounds are counted, and after a bounded
 * number the watchers and owners are told once and the group is tried once a day until a round succeeds.
 */
export interface PollBackground {
  tokens: {
    forGroup(groupId: string, preferred: readonly string[]): Promise<{ userId: string; token: string } | undefined>;
  };
  failures: BackgroundFailures;
  /** Tells one person in their 1:1 chat; false when they cannot be reached. Never throws. */
  tell(userId: string, text: string): Promise<boolean>;
  /** The group's owners as last read. Never throws. */
  knownOwners(groupId: string): Promise<PersonRef[]>;
}

/** What one round needs. */
export interface RoundDeps {
  store: Store;
  log: Logger;
  clock?: () => Date;
}

/** What polling needs. */
export interface PollerDeps extends RoundDeps {
  graph: GraphEndpoint;
  /** A watcher's delegated token outside their turn; undefined when none is available now. */
  tokenForUser: (userId: string) => Promise<string | undefined>;
  /** Poll interval. */
  everySeconds: number;
  /** Groups claimed by one pass (default 200); the rest wait for the next pass. */
  batch?: number;
  /** Rounds run side by side (default 4). */
  concurrency?: number;
  /** The fallback and failure counts; without it only the watchers' own tokens are used. */
  background?: PollBackground;
}

/** What one pass did. */
export interface PollReport {
  polled: number;
  events: number;
  failed: number;
  /** Given-up groups left for their daily try. */
  paused: number;
}

const ACTIONS: Record<string, Pick<JournalEvidence, 'relation' | 'change'>> = {
  'member.add': { relation: 'member', change: 'added' },
  'member.remove': { relation: 'member', change: 'removed' },
  'owner.add': { relation: 'owner', change: 'added' },
  'owner.remove': { relation: 'owner', change: 'removed' },
};
const REVERSED: Record<string, 'added' | 'removed'> = { added: 'removed', removed: 'added' };

/** Membership changes the journal holds for a group since `since` (undone ones count as the reverse change). Throws on database errors. */
async function journalEvidence(store: Store, groupId: string, since: Date): Promise<JournalEvidence[]> {
  const out: JournalEvidence[] = [];
  let beforeSeq: number | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = { limit: 100, ...(beforeSeq !== undefined ? { beforeSeq } : {}) };
    const rows: JournalEntry[] = await store.journal.historyOfGroup(groupId, page);
    for (const e of rows) {
      const a = ACTIONS[e.action];
      if (!a || !e.target || e.result !== 'succeeded') continue;
      if (e.at >= since)
        out.push({ ...a, memberId: e.target.id.toLowerCase(), at: e.at, actor: e.actor, memberName: e.target.name });
      if (e.undoneAt && e.undoneAt >= since) {
        out.push({
          relation: a.relation,
          change: REVERSED[a.change] as 'added' | 'removed',
          memberId: e.target.id.toLowerCase(),
          at: e.undoneAt,
          actor: e.undoneBy ?? e.actor,
          memberName: e.target.name,
        });
      }
    }
    const last = rows.at(-1);
    // Undo can happen a day later: look back over the Undo window, not only the round.
    if (!last || rows.length < 100 || last.at.getTime() < since.getTime() - 24 * 3600_000) break;
    beforeSeq = last.seq;
  }
  return out;
}

/** A session with the first watcher whose token is available; undefined when none is. Never throws. */
async function watcherSession(
  deps: PollerDeps,
  groupId: string,
): Promise<{ session: GraphSession; watcherId: string } | undefined> {
  const watchers = await deps.store.history.watchersOf(groupId);
  if (deps.background) {
    const found = await deps.background.tokens.forGroup(
      groupId,
      watchers.map((w) => w.watcherId),
    );
    return found
      ? { session: openGraphSession(deps.graph, async () => found.token), watcherId: found.userId }
      : undefined;
  }
  for (const w of watchers) {
    let token: string | undefined;
    try {
      token = await deps.tokenForUser(w.watcherId);
    } catch (err) {
      deps.log.warn('history.token.failed', {
        groupId,
        watcherId: w.watcherId,
        error: err instanceof Error ? err.message : String(err),
      });
    }
    if (token) {
      const t = token;
      return { session: openGraphSession(deps.graph, async () => t), watcherId: w.watcherId };
    }
  }
  return undefined;
}

/** One delta round for one claimed group, stored. Returns the number of events. Throws DomainError or database errors. */
export async function pollGroup(deps: RoundDeps, cursor: HistoryCursor, session: GraphSession): Promise<number> {
  const now = (deps.clock ?? (() => new Date()))();
  const store = deps.store;
  let round;
  let restarted = false;
  try {
    round = await membershipDeltaRound(session, cursor.groupId, cursor.deltaLink);
  } catch (err) {
    // A delta link Graph no longer accepts: start a new round and diff it against what is stored.
    if (!(cursor.deltaLink && err instanceof DomainError && (err.kind === 'invalid' || err.graph?.status === 410)))
      throw err;
    round = await membershipDeltaRound(session, cursor.groupId, null);
    restarted = true;
  }
  const first = round.initial && !restarted && cursor.historyFrom === null;
  const previous = round.initial && !first ? await store.history.membershipAt(cursor.groupId, now) : undefined;
  const changed = round.changes.length > 0 || restarted;
  const since = new Date((cursor.polledAt ?? now).getTime() - DEDUP_WINDOW_MS);
  const audit: GroupAuditEntry[] | 'denied' | 'skipped' = first
    ? 'skipped'
    : await groupAuditEntries(session, cursor.groupId, since);
  const journal = first ? [] : await journalEvidence(store, cursor.groupId, since);
  const initialOwners = first ? await relationIds(session, cursor.groupId, 'owners') : undefined;
  const { events, names } = roundEvents({
    changes: round.changes,
    initial: round.initial,
    polledAt: now,
    previousPoll: cursor.polledAt,
    audit,
    journal,
    ...(initialOwners ? { initialOwners } : {}),
    ...(previous ? { previous } : {}),
  });
  if (audit === 'denied' && changed) deps.log.debug('history.audit.denied', { groupId: cursor.groupId });
  await store.history.recordRound(cursor.groupId, { events, deltaLink: round.deltaLink, polledAt: now, names });
  return events.length;
}

/** Polls every due group once (claimed atomically). Each group's failure is logged and recorded. Never throws. */
export async function pollDue(deps: PollerDeps): Promise<PollReport> {
  const report: PollReport = { polled: 0, events: 0, failed: 0, paused: 0 };
  const now = (deps.clock ?? (() => new Date()))();
  let due: HistoryCursor[];
  try {
    due = await deps.store.history.claimDue(
      now,
      deps.everySeconds * 1000,
      Math.max(60_000, deps.everySeconds * 1000),
      deps.batch ?? 200,
    );
  } catch (err) {
    deps.log.error('history.claim.failed', { error: err });
    return report;
  }
  const bg = deps.background;
  const one = async (cursor: HistoryCursor): Promise<void> => {
    try {
      const waiting = bg ? await bg.failures.paused('poll', cursor.groupId) : undefined;
      if (waiting) {
        await deps.store.history.roundFailed(cursor.groupId, waiting.lastError, now);
        report.paused++;
        return;
      }
      const found = await watcherSession(deps, cursor.groupId);
      if (!found) {
        const message = bg ? 'Nobody with a current sign-in could poll it.' : 'No watcher token is available.';
        await deps.store.history.roundFailed(cursor.groupId, message, now);
        report.failed++;
        if (bg) await countFailure(deps, bg, cursor.groupId, message);
        return;
      }
      report.events += await pollGroup(deps, cursor, found.session);
      report.polled++;
      if (bg && cursor.lastError) await bg.failures.clear('poll', cursor.groupId);
    } catch (err) {
      report.failed++;
      const message = err instanceof Error ? err.message : String(err);
      deps.log.warn('history.poll.failed', { groupId: cursor.groupId, error: message });
      try {
        await deps.store.history.roundFailed(cursor.groupId, message, now);
        if (bg) await countFailure(deps, bg, cursor.groupId, message);
      } catch (inner) {
        deps.log.error('history.poll.record', { groupId: cursor.groupId, error: inner });
      }
    }
  };
  // A few groups side by side (each round is a handful of small Graph calls), in claim order.
  await forEachConcurrently(due, deps.concurrency ?? 4, one);
  return report;
}

/** Counts a failed round; when the group is given up, tells its watchers and owners once. Throws database errors. */
async function countFailure(deps: PollerDeps, bg: PollBackground, groupId: string, message: string): Promise<void> {
  const watchers = await deps.store.history.watchersOf(groupId);
  const groupName = watchers[0]?.groupName ?? groupId;
  const { failure } = await bg.failures.record(
    { kind: 'poll', itemId: groupId, groupId, groupName, what: 'check for membership changes' },
    message,
  );
  if (!failure.gaveUpAt || failure.told?.length) return;
  const watching = watchers.map((w) => ({ id: w.watcherId, name: w.watcherName }));
  const reached = await tellGivenUpOnce(bg, failure, watching, pollGivenUpText(groupName, failure.failures));
  deps.log.warn('history.poll.gaveUp', { groupId, failures: failure.failures, reached });
}

/**
 * Starts polling every `everySeconds` (unref'd timer; overlapping passes are skipped). Returns a function that
 * stops it and waits for a running pass. `everySeconds` 0 starts nothing.
 */
export function startHistoryPoller(deps: PollerDeps): () => Promise<void> {
  if (!(deps.everySeconds > 0)) return async () => undefined;
  // Checked a few times per interval so that newly watched groups get their first round soon.
  const tick = Math.max(1, Math.min(deps.everySeconds, 30));
  return repeatEvery(tick, async () => {
    const r = await pollDue(deps);
    if (r.polled || r.failed || r.paused) deps.log.info('history.polled', { ...r });
  });
}
