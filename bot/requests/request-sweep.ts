/**
 * The requests sweeper, run periodically by every instance: retries interrupted approvals, expires overdue
 * requests (telling the requester), reminds owners, escalates requests the owners left unanswered to the Groups
 * Administrators, announces outcomes a crashed instance never announced, warns members before a time-bound
 * membership ends and removes ended ones. Every due item is claimed atomically in the store, so several instances
 * may sweep at once without doing anything twice.
 */
import type { Logger } from '../log';
import type { MemberRemover } from './member-change';
import {
  approvalGivenUpText,
  backgroundAdder,
  backgroundRemover,
  removalGivenUpText,
  tellGivenUpOnce,
  type BackgroundWork,
} from './background-work';
import type { ActionResult } from './access-request-service';
import type { PersonRef, TimeBoundMembership } from '../store/types';
import { formatTime } from '../../cards/card-time';
import type { RequestWorkflow } from './request-workflow';
import { repeatEvery } from '../shared/repeat-every';

/** What one sweep did, for logs and tests. */
export interface SweepReport {
  retried: number;
  completed: number;
  expired: number;
  reminded: number;
  escalated: number;
  announced: number;
  membershipNotices: number;
  removed: number;
  purged: number;
  /** Background failures counted this sweep (no token, Graph refused) and items given up (owners told). */
  backgroundFailures: number;
  gaveUp: number;
}

/** What the sweep needs besides the workflow. */
export interface SweepDeps {
  log: Logger;
  /** The removal of an ended time-bound membership, with the granter's token (used when `background` is unset). */
  removeMember: MemberRemover;
  /**
   * Background work that never hangs on one person's token: retries and removals fall back to another owner's or
   * an administrator's token, failures are counted, and after a bounded number the owners are told once.
   */
  background?: BackgroundWork;
  /** IANA time zone for times in the owners' messages (default UTC). */
  timeZone?: string;
  /** Escalate pending requests older than this many hours (0 or undefined: never). */
  escalateHours?: number;
  clock?: () => Date;
  purge?: () => Promise<number>;
}

/** Runs one sweep. Each step's failure is logged and the next step still runs. Never throws. */
export async function sweep(workflow: RequestWorkflow, deps: SweepDeps): Promise<SweepReport> {
  const report: SweepReport = {
    retried: 0,
    completed: 0,
    expired: 0,
    reminded: 0,
    escalated: 0,
    announced: 0,
    membershipNotices: 0,
    removed: 0,
    purged: 0,
    backgroundFailures: 0,
    gaveUp: 0,
  };
  const { log } = deps;
  const svc = workflow.service();
  const notices = workflow.notices;
  const bg = deps.background;
  /** The owners a request was sent to (from its stored route): told when its background work is given up. */
  const routeOwners = async (requestId: string | null): Promise<PersonRef[]> =>
    requestId ? ((await notices.route(requestId))?.owners ?? []) : [];
  const step = async (name: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (err) {
      log.error('requests.sweep', { step: name, error: err });
    }
  };
  await step('retry', async () => {
    const results = await svc.retryStuckApprovals(undefined, bg ? backgroundAdder(bg.directoryFor) : undefined);
    for (const result of results) {
      report.retried++;
      if (bg) await noteRetry(bg, result, report, log, await routeOwners(result.request?.id ?? null));
      if (result.ok && result.view.final) {
        report.completed++;
        if (await notices.announce(result, result.membership ? { membershipEndsAt: result.membership.expiresAt } : {}))
          report.announced++;
      }
    }
  });
  await step('expire', async () => {
    for (const snap of await svc.expireDue()) {
      report.expired++;
      if (await notices.announce(snap)) report.announced++;
    }
  });
  await step('remind', async () => {
    for (const snap of await svc.remindDue()) {
      const route = await notices.route(snap.request.id);
      if (!route) {
        log.warn('requests.remind.noRoute', { requestId: snap.request.id });
        continue;
      }
      const r = snap.request;
      const lead = `Reminder: ${r.requesterName} is still waiting for a decision on joining '${r.groupName}'.`;
      if ((await notices.notifyOwners(r, route, { lead })).posted > 0) report.reminded++;
      await svc.saveRoute(r.id, {
        ...route,
        history: [
          ...(route.history ?? []),
          {
            at: (deps.clock ?? (() => new Date()))().toISOString(),
            names: route.owners.map((o) => o.name),
            kind: 'reminded',
          },
        ],
      });
    }
  });
  if (deps.escalateHours && deps.escalateHours > 0) {
    const hours = deps.escalateHours;
    await step('escalate', async () => {
      report.escalated += await workflow.escalateOverdue(hours);
    });
  }
  await step('announce', async () => {
    for (const snap of await svc.outcomesToAnnounce()) {
      if (await notices.announce(snap)) report.announced++;
    }
  });
  await step('membershipNotices', async () => {
    for (const m of await svc.membershipNoticesDue()) {
      const snap = m.requestId ? await svc.get(m.requestId) : undefined;
      if (!snap) continue;
      const text = `Your membership of '${m.groupName}' ends ${formatTime(m.expiresAt)}. Ask again if you still need it.`;
      if (await notices.tell(m.userId, m.userName, text, snap)) report.membershipNotices++;
    }
  });
  await step('remove', async () => {
    // A given-up removal waits for its daily try: it is not run (nor counted) before.
    const paused = new Set<string>();
    const remover: MemberRemover = bg
      ? async (job) => {
          const waiting = await bg.failures.paused('removal', job.membershipId);
          if (!waiting) return backgroundRemover(bg.directoryFor)(job);
          paused.add(job.membershipId);
          return { outcome: 'retry-later', message: waiting.lastError };
        }
      : deps.removeMember;
    for (const h of await svc.removeExpiredMemberships(remover)) {
      if (h.outcome === 'retry-later') {
        if (bg && !paused.has(h.membership.id))
          await noteRemovalFailure(
            bg,
            h.membership,
            h.message,
            report,
            deps,
            await routeOwners(h.membership.requestId),
          );
        continue;
      }
      if (bg) await bg.failures.clear('removal', h.membership.id);
      report.removed++;
      const snap = h.membership.requestId ? await svc.get(h.membership.requestId) : undefined;
      if (snap && h.outcome === 'removed') {
        await notices.tell(
          h.membership.userId,
          h.membership.userName,
          `Your time-bound membership of '${h.membership.groupName}' ended, so you were removed from it.`,
          snap,
        );
      }
    }
  });
  if (deps.purge) {
    const purge = deps.purge;
    await step('purge', async () => {
      report.purged = await purge();
    });
  }
  return report;
}

/** Counts a removal that could not be done; once given up, tells the owners (and the granter) once. */
async function noteRemovalFailure(
  bg: BackgroundWork,
  m: TimeBoundMembership,
  message: string | undefined,
  report: SweepReport,
  deps: SweepDeps,
  owners: readonly PersonRef[],
): Promise<void> {
  report.backgroundFailures++;
  const { failure } = await bg.failures.record(
    {
      kind: 'removal',
      itemId: m.id,
      groupId: m.groupId,
      groupName: m.groupName,
      what: `remove ${m.userName} (access ended ${formatTime(m.expiresAt, deps.timeZone)})`,
    },
    message ?? 'could not remove',
  );
  deps.log.warn('requests.remove.failed', { membershipId: m.id, failures: failure.failures, error: message });
  if (!failure.gaveUpAt || failure.told?.length) return;
  report.gaveUp++;
  const granter = m.grantedById ? [{ id: m.grantedById, name: m.grantedByName ?? '' }] : [];
  await tellGivenUpOnce(bg, failure, [...granter, ...owners], removalGivenUpText(m, failure.failures, deps.timeZone));
}

/**
 * Counts an approval retry that could not add (no token, refused), and clears the count when it completed. When
 * such an approval failed for good, the owners (and the approver) are told once.
 */
async function noteRetry(
  bg: BackgroundWork,
  result: ActionResult,
  report: SweepReport,
  log: Logger,
  owners: readonly PersonRef[],
): Promise<void> {
  const r = result.request;
  if (!r) return;
  const item = {
    kind: 'approval' as const,
    itemId: r.id,
    groupId: r.groupId,
    groupName: r.groupName,
    what: `add ${r.requesterName}${r.decidedByName ? ` (approved by ${r.decidedByName})` : ''}`,
  };
  if (result.ok && result.retryScheduled) {
    report.backgroundFailures++;
    const { failure } = await bg.failures.record(item, result.retryScheduled);
    log.warn('requests.retry.failed', { requestId: r.id, failures: failure.failures, error: result.retryScheduled });
    return;
  }
  if (r.state === 'approved') {
    await bg.failures.clear('approval', r.id);
    return;
  }
  if (r.state !== 'failed' || !(await bg.failures.get('approval', r.id))) return;
  const { failure } = await bg.failures.giveUp(item, r.reason ?? 'the add failed');
  if (failure.told?.length) return;
  report.gaveUp++;
  const approver = r.decidedById ? [{ id: r.decidedById, name: r.decidedByName ?? '' }] : [];
  await tellGivenUpOnce(bg, failure, [...approver, ...owners], approvalGivenUpText(r));
}

/**
 * Starts sweeping every `seconds` (unref'd: it never keeps the process alive). Overlapping runs are skipped.
 * Returns a function that stops it and waits for a running sweep. `seconds` 0 starts nothing.
 */
export function startSweeper(workflow: RequestWorkflow, deps: SweepDeps, seconds: number): () => Promise<void> {
  return repeatEvery(seconds, async () => {
    const r = await sweep(workflow, deps);
    if (Object.values(r).some((n) => n > 0)) deps.log.info('requests.swept', { ...r });
  });
}
