/**
 * The weekly digest scheduler, run by every bot instance like the requests sweeper: finds the subscriptions that
 * are due, claims each one (so only one instance sends it), scans with the delegated token of the user who asked
 * for it, and posts the card into the conversation. A user without a token now is skipped until the next check.
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
  skipped: number;
  failed: number;
}

/** Runs one sweep. Each subscription's failure is logged and the next still runs. Never throws. */
export async function sweepDigests(deps: DigestSweepDeps): Promise<DigestSweepReport> {
  const report: DigestSweepReport = { due: 0, sent: 0, skipped: 0, failed: 0 };
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
    try {
      const token = await deps.tokenFor(sub.ownerId);
      if (!token) {
        report.skipped++;
        deps.log.info('digest.noToken', { conversationId: sub.conversationId });
        continue;
      }
      if (!(await deps.store.claim(sub, eTag, now))) continue;
      const scan = await scanHygiene({
        session: deps.sessionFor(token),
        now,
        expiringDays: deps.settings.expiringDays,
        maxLines: deps.settings.lines,
        ...(deps.journal ? { journal: deps.journal } : {}),
        log: deps.log,
      });
      const shown = deps.background ? withBackgroundSection(scan, await deps.background(sub, scan)) : scan;
      if (await deps.post(sub.conversationId, deps.render(shown, sub))) report.sent++;
      else report.failed++;
    } catch (err) {
      report.failed++;
      deps.log.warn('digest.failed', { conversationId: sub.conversationId, error: err });
    }
  }
  return report;
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
