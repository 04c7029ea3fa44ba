/**
 * What the asker is told once Entra has processed a group licence: who got no licence and why, in plain words
 * with Graph's error name beside them ("3 people did not get Microsoft 365 E3: not enough seats (CountViolation):
 * …"). Pure.
 */
import type { LicenseErrorKind, MemberLicenseErrors } from '../directory/license-errors-read';

/** Graph's licenseAssignmentState.error, said plainly. */
export const LICENSE_ERROR_WORDS: Record<LicenseErrorKind, string> = {
  CountViolation: 'not enough seats',
  MutuallyExclusiveViolation: 'it conflicts with a licence they already have',
  DependencyViolation: 'a service in it needs another service they do not have',
  ProhibitedInUsageLocationViolation: 'it is not sold for their usage location',
  UniquenessViolation: 'an address of theirs clashes with another object',
  Other: 'Entra reported another error',
};

const NAMES_SHOWN = 10;

function names(list: readonly string[]): string {
  const sorted = [...list].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  const shown = sorted.slice(0, NAMES_SHOWN).join(', ');
  return sorted.length > NAMES_SHOWN ? `${shown} and ${sorted.length - NAMES_SHOWN} more` : shown;
}

function people(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

/**
 * The message for a finished check: `failed` are the members without the licence (errors empty: why unknown).
 * `complete` false: the list stopped at its page limit.
 */
export function licenceCheckText(opts: {
  groupName: string;
  skuName: string;
  failed: readonly MemberLicenseErrors[];
  complete: boolean;
}): string {
  const { groupName, skuName, failed } = opts;
  if (failed.length === 0) {
    return (
      `Entra has processed ${skuName} on '${groupName}': ` +
      (opts.complete ? 'no member reported a licence error.' : 'no licence error in what I could read.')
    );
  }
  const byKind = new Map<string, string[]>();
  for (const m of failed) {
    const kinds = m.errors.length ? [...new Set(m.errors.map((e) => e.error))] : [undefined];
    for (const k of kinds) {
      const key = k ? `${LICENSE_ERROR_WORDS[k]} (${k})` : 'Entra did not let me read why';
      byKind.set(key, [...(byKind.get(key) ?? []), m.displayName]);
    }
  }
  const parts = [...byKind.entries()].map(([why, who]) => `${why}: ${names(who)}`);
  const more = opts.complete ? '' : ' There may be more: I stopped reading at the page limit.';
  const fix = byKind.has(`${LICENSE_ERROR_WORDS.CountViolation} (CountViolation)`)
    ? ' Free or buy seats; Entra gives them the licence when it processes the group again.'
    : '';
  return `${people(failed.length)} did not get ${skuName} from '${groupName}': ${parts.join('; ')}.${fix}${more}`;
}

/** The sentence added to "Done" when a check is scheduled. */
export function checkAnnouncement(delaySeconds: number): string {
  const minutes = Math.round(delaySeconds / 60);
  const when = delaySeconds < 90 ? 'in a minute or so' : `in about ${minutes} minutes`;
  return `I'll check ${when} and tell you here who did not get it, if anyone.`;
}
