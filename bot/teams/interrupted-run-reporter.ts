/**
 * Finds bulk changes that stopped mid-way (their run's lease ran out: the process that ran them was killed or
 * restarted) and tells each requester in their 1:1 chat what happened, with "Retry the rest". Runs at start and
 * then periodically, so a run interrupted on another instance is reported too; each run is reported once.
 */
import type { PendingStore } from '../commands/context';
import { interruptedRunReply } from '../commands/interrupted-run';
import type { JournalService } from '../journal/journal-service';
import type { Logger } from '../log';
import { messageActivity, type RequestPoster } from './request-messenger';

export interface InterruptedRunReporterOptions {
  journal: JournalService;
  pending: PendingStore;
  messenger: Pick<RequestPoster, 'post' | 'personalConversationOf'>;
  log: Logger;
  /** How often to look, in ms. */
  everyMs: number;
  clock?: () => Date;
}

/** One pass: reports every interrupted run whose requester's 1:1 chat is known. Logs, never throws. */
export async function reportInterruptedRuns(
  opts: InterruptedRunReporterOptions,
  unreachable: Set<string> = new Set(),
): Promise<number> {
  const now = (opts.clock ?? (() => new Date()))();
  let reported = 0;
  try {
    for (const run of await opts.journal.interruptedRuns(now)) {
      const conversationId = await opts.messenger.personalConversationOf(run.actor.id);
      if (!conversationId) {
        if (!unreachable.has(run.id))
          opts.log.warn('run.interrupted.unreachable', { runId: run.id, actorId: run.actor.id });
        unreachable.add(run.id);
        continue;
      }
      const claimed = await opts.journal.claimInterrupted(run.id, now);
      if (!claimed) continue;
      const r = await interruptedRunReply(claimed, opts.pending, now);
      await opts.messenger.post(conversationId, messageActivity(r.card ? { card: r.card as never } : { text: r.text }));
      opts.log.info('run.interrupted.reported', { runId: run.id, actorId: run.actor.id, done: claimed.done.length });
      reported++;
    }
  } catch (err) {
    opts.log.warn('run.interrupted.failed', { error: err });
  }
  return reported;
}

/** Starts reporting (at once, then every `everyMs`); the returned function stops it. Never throws. */
export function startInterruptedRunReporter(opts: InterruptedRunReporterOptions): () => Promise<void> {
  const unreachable = new Set<string>();
  let running: Promise<unknown> = reportInterruptedRuns(opts, unreachable);
  const timer = setInterval(() => {
    running = running.then(() => reportInterruptedRuns(opts, unreachable));
  }, opts.everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
