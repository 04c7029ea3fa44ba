/**
 * The weekly digest scheduler, run by every bot instance like the requests sweeper: finds the subscriptions that
 * are due, claims each one with a lease (so only one instance sends it), scans with the delegated token of the
 * user who asked for it, posts the card into the conversation, and marks it sent only once delivered; a failed
 * scan or post is retried later. A user without a token now is skipped until the next check.
 * Never blocks a turn: it runs on its own timer, one sweep at a time.
 */
import type { GraphSession } from '../directory/graph-session';
import type { JournalSink } from '../journal/journal-sink';
import type { Logger } from '../log';
import type { Reply } from '../shared/types';
import { isDigestDue, type DigestStore, type DigestSubscription } from './digest-store';
import type { HygieneReport, HygieneSection } from './hygiene-report';
import { withBackgroundSection } from './background-section';
import { scanHygiene } from './hygiene-scan';
import type { HygieneSettings } from './hygiene-settings';
import { repeatEvery } from '../shared/repeat-every';

export interface DigestSweepDeps {
  store: DigestStore;
  settings: HygieneSettings;
  /** A user's delegated token outside their turn, or undefined when none can be had now. */
  tokenFor(userId: string): Promise<string | undefined>;
  /** A Graph session with that token. */
  sessionFor(token: string): GraphSession;
  /** Posts the digest into the conversation; false when the conversation is unknown. */
  post(conversationId: string, reply: Reply): Promise<boolean>;
  /** Turns a report into the reply the chat shows (the same as "group hygiene"). */
  render(report: HygieneReport, sub: DigestSubscription): Reply;
  journal?: Pick<JournalSink, 'history'>;
  /** The "Background work failing" section for this reader, or undefined (background-section.ts). */
  background?: (sub: DigestSubscription, report: HygieneReport) => Promise<HygieneSection | undefined>;
  log: Logger;
  clock?: () => Date;
}

export interface DigestSweepReport {
  due: number;
  sent: number;
  /** No token for the subscriber now: tried again at the next check. */
  skipped: number;
  /** Scan or post failed: released, tried again after a wait that doubles with each failure. */
  failed: number;
  /** Another instance claimed it first (or took over a lapsed claim). */
  claimedElsewhere: number;
}

/** Runs one sweep. Each subscription's failure is logged and the next still runs. Never throws. */
export async function sweepDigests(deps: DigestSweepDeps): Promise<DigestSweepReport> {
  const report: DigestSweepReport = { due: 0, sent: 0, skipped: 0, failed: 0, claimedElsewhere: 0 };
  const now = (deps.clock ?? (() => new Date()))();
  let subs: Awaited<ReturnType<DigestStore['list']>>;
  try {
    subs = await deps.store.list(now);
  } catch (err) {
    deps.log.error('digest.list', { error: err });
    return report;
  }
  for (const { sub, eTag } of subs) {
    if (!isDigestDue(sub, now, deps.settings.everyDays)) continue;
    report.due++;
    const outcome = await sendOne(deps, sub, eTag, now);
    report[outcome]++;
  }
  return report;
}

/**
 * One due digest: claim (a lease; another instance holding it means skip), scan, renew the lease (lost: do not
 * post), post, and only then mark it sent. A failed scan or post releases the claim so that the digest is tried
 * again later (digest-store.ts, digestRetryMs). Never throws.
 */
async function sendOne(
  deps: DigestSweepDeps,
  sub: DigestSubscription,
  eTag: string,
  now: Date,
): Promise<'sent' | 'skipped' | 'failed' | 'claimedElsewhere'> {
  let claim: string | undefined;
  try {
    const token = await deps.tokenFor(sub.ownerId);
    if (!token) {
      deps.log.info('digest.noToken', { conversationId: sub.conversationId });
      return 'skipped';
    }
    claim = await deps.store.claim(sub, eTag, now);
    if (!claim) return 'claimedElsewhere';
    const scan = await scanHygiene({
      session: deps.sessionFor(token),
      now,
      expiringDays: deps.settings.expiringDays,
      maxLines: deps.settings.lines,
      ...(deps.journal ? { journal: deps.journal } : {}),
      log: deps.log,
    });
    const clock = deps.clock ?? (() => new Date());
    claim = await deps.store.renew(sub, claim, clock());
    if (!claim) {
      deps.log.warn('digest.claimLost', { conversationId: sub.conversationId });
      return 'claimedElsewhere';
    }
    const shown = deps.background ? withBackgroundSection(scan, await deps.background(sub, scan)) : scan;
    if (!(await deps.post(sub.conversationId, deps.render(shown, sub)))) {
      deps.log.warn('digest.notDelivered', { conversationId: sub.conversationId });
      await releaseClaim(deps, sub, claim, clock());
      return 'failed';
    }
    if (!(await deps.store.markSent(sub, claim, clock())))
      deps.log.warn('digest.sentButClaimLost', { conversationId: sub.conversationId });
    return 'sent';
  } catch (err) {
    deps.log.warn('digest.failed', { conversationId: sub.conversationId, error: err });
    if (claim) await releaseClaim(deps, sub, claim, (deps.clock ?? (() => new Date()))());
    return 'failed';
  }
}

/** Releases a failed digest's claim so it is retried later; a store error is logged (the lease then expires). */
async function releaseClaim(deps: DigestSweepDeps, sub: DigestSubscription, claim: string, at: Date): Promise<void> {
  try {
    await deps.store.release(sub, claim, at);
  } catch (err) {
    deps.log.error('digest.release', { conversationId: sub.conversationId, error: err });
  }
}

/**
 * Sweeps every `seconds` (unref'd: it never keeps the process alive); overlapping runs are skipped. Returns a
 * function that stops it and waits for a running sweep. `seconds` 0 starts nothing.
 */
export function startDigestSweeper(deps: DigestSweepDeps, seconds: number): () => Promise<void> {
  return repeatEvery(seconds, async () => {
    const r = await sweepDigests(deps);
    if (r.due > 0) deps.log.info('digest.swept', { ...r });
  });
}
