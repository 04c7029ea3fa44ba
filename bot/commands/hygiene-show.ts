import type { Intent } from '../language';
import type { Reply } from '../shared/types';
import { buildHygieneCard } from '../../cards/hygiene-card';
import { scanHygiene } from '../hygiene/hygiene-scan';
import { isTidy, type HygieneReport } from '../hygiene/hygiene-report';
import type { CommandContext, Outcome } from './context';
import { hygieneErrorText } from './error-text';
import { outcome, reply, say } from './reply';
import { logOf } from '../log';
import { checkSentence, onlyCheck } from './hygiene-check';

const NOTHING_OWNED =
  "You don't own any group, so there is nothing of yours to check. " +
  'Global and Groups Administrators see every group here.';

/** The sentence beside the card: what was checked and how many of each were found. Pure. */
export function hygieneSentence(report: HygieneReport): string {
  const who = report.scope === 'tenant' ? 'every group' : 'the groups you own';
  if (isTidy(report)) {
    const ownerless = report.scope === 'tenant' ? 'without an owner, ' : '';
    return (
      `Group hygiene (${who}): all tidy. Nothing ${ownerless}expiring within ${report.expiringDays} days, ` +
      'empty, with guests or with disabled members.'
    );
  }
  const found = report.sections.filter((s) => s.total > 0).map((s) => `${s.title.toLowerCase()}: ${s.total}`);
  return (
    `Group hygiene (${who}): ${found.join('; ')}. ` +
    'Each line has its button; every change asks for confirmation first.'
  );
}

/** The reply for a report (also what the weekly digest posts), with an optional card title. Pure. */
export function hygieneReply(report: HygieneReport, title?: string): Reply {
  return reply(hygieneSentence(report), buildHygieneCard({ ...report, ...(title ? { title } : {}) }));
}

/**
 * "group hygiene" (`check`: one section, "are there orphaned groups?"; `allOwned`: only the groups the speaker
 * owns, even for an administrator): administrators see every group, others the groups they own: no owner, expiring soon, no
 * members, with guests, disabled members. Read-only; the buttons start confirmed commands. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const settings = ctx.digests.settings;
  try {
    const input = {
      session: ctx.graph,
      now: ctx.now(),
      expiringDays: settings.expiringDays,
      maxLines: settings.lines,
      journal: ctx.journal,
      log: logOf(ctx),
    };
    const report = await scanHygiene(input, intent.allOwned ? 'owned' : undefined);
    if (report.ownedGroups === 0) return say(NOTHING_OWNED);
    if (!intent.check) return outcome(hygieneReply(report));
    const one = onlyCheck(report, intent.check);
    return outcome(reply(checkSentence(one, intent.check), buildHygieneCard(one)));
  } catch (err) {
    return say(hygieneErrorText(err));
  }
}
