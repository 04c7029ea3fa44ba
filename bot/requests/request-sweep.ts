/**
 * The requests sweeper, run periodically by every instance: retries interrupted approvals, expires overdue
 * requests (telling the requester), reminds owners, escalates requests the owners left unanswered to the Groups
 * Administrators, announces outcomes a crashed instance never announced, warns members before a time-bound
 * membership ends and removes ended ones. Every due item is claimed atomically in the store, so several instances
 * may sweep at once without doing anything twice.
 */
import type { Logger } from '../log';
import type { MemberRemover } from './member-change';
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
}

/** What the sweep needs besides the workflow. */
export interface SweepDeps {
  log: Logger;
  /** The removal of an ended time-bound membership, with the granter's token. */
  removeMember: MemberRemover;
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
  };
  const { log } = deps;
  const svc = workflow.service();
  const notices = workflow.notices;
  const step = async (name: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (err) {
      log.error('requests.sweep', { step: name, error: err });
    }
  };
  await step('retry', async () => {
    for (const result of await svc.retryStuckApprovals()) {
      report.retried++;
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
    for (const h of await svc.removeExpiredMemberships(deps.removeMember)) {
      if (h.outcome === 'retry-later') continue;
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
