/**
 * Runs the delayed licence checks that are due (license-check-store.ts): with the assigner's delegated token (or,
 * when it is gone, another owner's or an administrator's through the fallback), reads whether Entra has finished
 * the group's licences, then the group's members with licence errors and their failed assignments of the SKU,
 * and tells the assigner in the conversation they asked in. A check that cannot finish now is put back for a
 * later sweep, at most `maxAttempts` times; then it is dropped and logged.
 */
import type { GraphSession } from '../directory/graph-session';
import { readMembersWithLicenseErrors } from '../directory/license-errors-read';
import { withQuery } from '../directory/odata';
import type { Logger } from '../log';
import { licenceCheckText } from './license-check-text';
import type { ClaimedCheck, LicenceCheck, LicenceCheckStore } from './license-check-store';

export interface LicenceCheckSweepDeps {
  store: LicenceCheckStore;
  /** The assigner's delegated token outside their turn, or undefined. */
  tokenFor(userId: string): Promise<string | undefined>;
  /** Another owner's or an administrator's token for the group (BackgroundTokens.forGroup), when available. */
  fallbackToken?(groupId: string, preferred: readonly string[]): Promise<{ userId: string; token: string } | undefined>;
  sessionFor(token: string): GraphSession;
  /** Posts text into the conversation; false when the conversation is unknown. */
  post(conversationId: string, text: string): Promise<boolean>;
  log: Logger;
  clock?: () => Date;
  /** Tries before a check is dropped (default 10). */
  maxAttempts?: number;
  /** Seconds before a check that could not finish is tried again (default 120). */
  retrySeconds?: number;
}

export interface LicenceCheckSweepReport {
  due: number;
  told: number;
  /** Put back for later (no token, Entra still processing, a read or post failed). */
  postponed: number;
  /** Dropped after maxAttempts. */
  dropped: number;
}

type Attempt = { kind: 'told' } | { kind: 'later'; why: string };

/** Whether Entra says it is still processing the group's licences. Throws DomainError. */
async function stillProcessing(session: GraphSession, groupId: string): Promise<boolean> {
  const g = await session.get<{ licenseProcessingState?: { state?: string } | null }>(
    withQuery(`/groups/${groupId}`, { $select: 'id,licenseProcessingState' }),
    { ctx: { operation: 'license' } },
  );
  const state = g.licenseProcessingState?.state;
  return state === 'QueuedForProcessing' || state === 'ProcessingInProgress';
}

async function tokenOf(deps: LicenceCheckSweepDeps, c: LicenceCheck): Promise<string | undefined> {
  const own = await deps.tokenFor(c.askerId);
  if (own) return own;
  if (!deps.fallbackToken) return undefined;
  const other = await deps.fallbackToken(c.groupId, [c.askerId]);
  if (other) deps.log.info('license.check.fallbackToken', { checkId: c.id, userId: other.userId });
  return other?.token;
}

async function attempt(deps: LicenceCheckSweepDeps, c: LicenceCheck): Promise<Attempt> {
  const token = await tokenOf(deps, c);
  if (!token) return { kind: 'later', why: 'noToken' };
  const session = deps.sessionFor(token);
  if (await stillProcessing(session, c.groupId)) return { kind: 'later', why: 'processing' };
  const read = await readMembersWithLicenseErrors(session, c.groupId, { skuId: c.skuId });
  // Members listed for another of the group's licences only are not about this one; unreadable ones stay (why unknown).
  const failed = read.items.filter((m) => m.errors.length > 0 || !m.statesRead);
  const text = licenceCheckText({
    groupName: c.groupName,
    skuName: c.skuName,
    failed,
    complete: read.complete,
  });
  if (!(await deps.post(c.conversationId, text))) return { kind: 'later', why: 'notPosted' };
  return { kind: 'told' };
}

/** Runs the due checks once. Each check's failure is logged and the next still runs. Never throws. */
export async function sweepLicenceChecks(deps: LicenceCheckSweepDeps): Promise<LicenceCheckSweepReport> {
  const report: LicenceCheckSweepReport = { due: 0, told: 0, postponed: 0, dropped: 0 };
  const now = (deps.clock ?? (() => new Date()))();
  let due: LicenceCheck[];
  try {
    due = await deps.store.due(now);
  } catch (err) {
    deps.log.error('license.check.list', { error: err });
    return report;
  }
  for (const c of due) {
    let claimed: ClaimedCheck | undefined;
    try {
      claimed = await deps.store.claim(c.id, now);
      if (!claimed) continue;
      report.due++;
      let result: Attempt;
      try {
        result = await attempt(deps, claimed.check);
      } catch (err) {
        deps.log.warn('license.check.failed', { checkId: c.id, groupId: c.groupId, error: err });
        result = { kind: 'later', why: 'error' };
      }
      if (result.kind === 'told') {
        await deps.store.finish(claimed);
        report.told++;
      } else if (claimed.check.attempts + 1 >= (deps.maxAttempts ?? 10)) {
        await deps.store.finish(claimed);
        report.dropped++;
        deps.log.warn('license.check.dropped', {
          checkId: c.id,
          groupId: c.groupId,
          why: result.why,
          attempts: claimed.check.attempts + 1,
        });
      } else {
        await deps.store.retryLater(claimed, now, deps.retrySeconds ?? 120);
        report.postponed++;
        deps.log.info('license.check.later', { checkId: c.id, groupId: c.groupId, why: result.why });
      }
    } catch (err) {
      deps.log.error('license.check.store', { checkId: c.id, error: err });
    }
  }
  return report;
}
