/**
 * The digest's "Background work failing" section: work groupbot gave up after a bounded number of failures
 * because nobody with a current sign-in could do it (bot/shared/background-failures.ts): ended time-bound
 * memberships not removed, interrupted approvals that failed, watched groups not polled. Pure.
 */
import type { BackgroundFailure, BackgroundJobKind } from '../shared/background-failures';
import { SECTION_TITLES, type HygieneLine, type HygieneReport, type HygieneSection } from './hygiene-report';

const KIND_ORDER: Record<BackgroundJobKind, number> = { removal: 0, approval: 1, poll: 2 };

/** One line: what could not be done, how often it was tried, and the last error; `at` is when it began. */
function lineOf(f: BackgroundFailure): HygieneLine {
  const tries = `${f.failures} ${f.failures === 1 ? 'try' : 'tries'}`;
  return {
    groupId: f.groupId,
    groupName: f.groupName,
    detail: `could not ${f.what} (${tries}; ${f.lastError}), failing since`,
    at: f.firstAt,
  };
}

/**
 * The section for a digest reader: an administrator's (`tenant`) digest lists every given-up item, an owner's
 * (`owned`) those of groups whose owners were told, when the reader was. Undefined when there is nothing to show.
 */
export function backgroundSection(
  givenUp: readonly BackgroundFailure[],
  reader: { id: string; scope: HygieneReport['scope']; maxLines: number },
): HygieneSection | undefined {
  const me = reader.id.toLowerCase();
  const mine = givenUp.filter((f) => reader.scope === 'tenant' || (f.told ?? []).includes(me));
  if (mine.length === 0) return undefined;
  const lines = [...mine]
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.groupName.localeCompare(b.groupName, 'en', { sensitivity: 'base' }) ||
        a.firstAt.localeCompare(b.firstAt),
    )
    .map(lineOf);
  return {
    key: 'background',
    title: SECTION_TITLES.background,
    lines: lines.slice(0, reader.maxLines),
    total: lines.length,
    complete: true,
  };
}

/** The report with the section added at its end (unchanged when there is none). Pure. */
export function withBackgroundSection(report: HygieneReport, section: HygieneSection | undefined): HygieneReport {
  return section ? { ...report, sections: [...report.sections, section] } : report;
}
