/** One section of the hygiene report, asked in plain words ("are there orphaned groups?" → noOwner). Pure. */
import type { HygieneCheck } from '../language/intent';
import type { HygieneReport, HygieneSectionKey } from '../hygiene/hygiene-report';

const SECTION: Record<HygieneCheck, HygieneSectionKey> = {
  noOwner: 'ownerless',
  expiring: 'expiring',
  empty: 'empty',
  guests: 'guests',
  disabled: 'disabled',
};

/** The report with only the section the check names. Pure. */
export function onlyCheck(report: HygieneReport, check: HygieneCheck): HygieneReport {
  return { ...report, sections: report.sections.filter((s) => s.key === SECTION[check]) };
}

/** The sentence beside a one-section card: how many were found, or none. Pure. */
export function checkSentence(report: HygieneReport, check: HygieneCheck): string {
  const who = report.scope === 'tenant' ? 'every group' : 'the groups you own';
  const section = report.sections[0];
  if (!section && check === 'noOwner') return 'Every group you own has an owner: you.';
  if (!section) return `That check is not part of the hygiene report for ${who}.`;
  if (section.total === 0)
    return `${section.title} (${who}): none.${check === 'expiring' ? ` Nothing expires within ${report.expiringDays} days.` : ''}`;
  const names = section.lines.map((l) => l.groupName);
  const shown = [...new Set(names)].join(', ');
  return `${section.title} (${who}): ${section.total}${shown ? ` — ${shown}` : ''}${section.complete ? '' : ' (there may be more)'}.`;
}
