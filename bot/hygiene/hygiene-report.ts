/**
 * The hygiene report: five sections (no owner, expiring soon, no members, with guests, disabled members), plus
 * groups with licence errors when the scan read them, built
 * from what the scan read, each sorted, capped and counted. Pure: the same findings always give the same report.
 */
import { isDynamic, isReadOnlyGroup } from '../../graph-model/group-kind';
import type { HygieneGroup, HygieneMember, HygieneUser } from '../directory/hygiene-read';

export type HygieneSectionKey =
  'ownerless' | 'expiring' | 'empty' | 'guests' | 'disabled' | 'licenceErrors' | 'background';

/** What a line's button does; the command re-checks everything before it asks for confirmation. */
export type HygieneFix =
  | { kind: 'makeOwner'; userId: string; userName: string }
  | { kind: 'renew' }
  | { kind: 'removeMember'; userId: string; userName: string };

export interface HygieneLine {
  groupId: string;
  groupName: string;
  /** What is wrong, in a few words ("Raul Razo's account is disabled"). */
  detail: string;
  /** ISO time the line is about (an expiry), shown in the reader's time zone. */
  at?: string;
  fix?: HygieneFix;
}

export interface HygieneSection {
  key: HygieneSectionKey;
  title: string;
  /** At most the configured number of lines. */
  lines: HygieneLine[];
  /** How many were found in all. */
  total: number;
  /** False when a read stopped at its page limit, so there may be more. */
  complete: boolean;
}

export interface HygieneReport {
  /** `tenant`: an administrator's view of every group; `owned`: the groups the reader owns. */
  scope: 'tenant' | 'owned';
  generatedAt: string;
  expiringDays: number;
  sections: HygieneSection[];
  /** For `owned`: how many groups the reader owns (0: there was nothing to check). */
  ownedGroups?: number;
}

export const SECTION_TITLES: Record<HygieneSectionKey, string> = {
  ownerless: 'Groups without an owner',
  expiring: 'Expiring soon',
  empty: 'Groups without members',
  guests: 'Groups with guests',
  disabled: 'Members whose accounts are disabled',
  licenceErrors: 'Groups with licence errors',
  background: 'Background work failing',
};

/** One group that has no owner, with the member the digest suggests (see owner-pick.ts). */
export interface OwnerlessFinding {
  group: HygieneGroup;
  suggested?: HygieneMember;
}

/** A flagged user and the groups they are a direct member of. */
export interface UserFinding {
  user: HygieneUser;
  groups: HygieneGroup[];
}

/** Everything a scan found, before sorting and capping. */
export interface HygieneFindings {
  ownerless: OwnerlessFinding[];
  expiring: HygieneGroup[];
  empty: HygieneGroup[];
  /** Groups with their guest members. */
  guests: { group: HygieneGroup; guests: { id: string; displayName: string }[] }[];
  disabled: UserFinding[];
  /** Groups Entra flags with members whose group licence failed; absent: the section is not shown. */
  licenceErrors?: { id: string; displayName: string }[];
  /** Sections whose read stopped at a page limit. */
  incomplete: HygieneSectionKey[];
}

const byDisplayName = (a: { displayName: string }, b: { displayName: string }): number =>
  a.displayName.localeCompare(b.displayName, 'en', { sensitivity: 'base' });

const byName = (a: { groupName: string; detail: string }, b: { groupName: string; detail: string }): number =>
  a.groupName.localeCompare(b.groupName, 'en', { sensitivity: 'base' }) || a.detail.localeCompare(b.detail);

/** True when members of the group can be removed by hand (not dynamic, not an Exchange-held kind). */
function membersEditable(g: HygieneGroup): boolean {
  return !isDynamic(g) && !isReadOnlyGroup(g);
}

function whyKept(g: HygieneGroup): string {
  return isDynamic(g) ? ' (its rule keeps them)' : ' (managed in Exchange)';
}

function daysUntil(iso: string, now: Date): number {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now.getTime()) / 86_400_000));
}

function names(list: { displayName: string }[], max = 3): string {
  const shown = list.slice(0, max).map((p) => p.displayName);
  return list.length > max ? `${shown.join(', ')} and ${list.length - max} more` : shown.join(', ');
}

function makeOwner(m: HygieneMember): HygieneFix {
  return { kind: 'makeOwner', userId: m.id, userName: m.displayName };
}

function ownerlessLines(found: OwnerlessFinding[]): HygieneLine[] {
  return found
    .map(({ group, suggested }) => ({
      groupId: group.id,
      groupName: group.displayName,
      detail: suggested
        ? `no owner; suggested: ${suggested.displayName}`
        : 'no owner, and no enabled member to suggest',
      ...(suggested ? { fix: makeOwner(suggested) } : {}),
    }))
    .sort(byName);
}

function expiringLines(groups: HygieneGroup[], now: Date): HygieneLine[] {
  return groups
    .filter((g): g is HygieneGroup & { expirationDateTime: string } => g.expirationDateTime !== null)
    .sort(
      (a, b) => a.expirationDateTime.localeCompare(b.expirationDateTime) || a.displayName.localeCompare(b.displayName),
    )
    .map((g) => {
      const days = daysUntil(g.expirationDateTime, now);
      return {
        groupId: g.id,
        groupName: g.displayName,
        at: g.expirationDateTime,
        detail: days === 0 ? 'expires today' : `expires in ${days} day${days === 1 ? '' : 's'}`,
        fix: { kind: 'renew' as const },
      };
    });
}

function emptyLines(groups: HygieneGroup[]): HygieneLine[] {
  return groups
    .map((g) => ({
      groupId: g.id,
      groupName: g.displayName,
      detail: isDynamic(g) ? 'its rule matches nobody' : 'no members',
    }))
    .sort(byName);
}

function guestLines(found: HygieneFindings['guests']): HygieneLine[] {
  return found
    .filter((f) => f.guests.length > 0)
    .map(({ group, guests }) => ({
      groupId: group.id,
      groupName: group.displayName,
      detail: `${guests.length} guest${guests.length === 1 ? '' : 's'}: ${names([...guests].sort(byDisplayName))}`,
    }))
    .sort(byName);
}

function disabledLines(found: UserFinding[]): HygieneLine[] {
  const lines: HygieneLine[] = [];
  for (const { user, groups } of found) {
    for (const g of groups) {
      const editable = membersEditable(g);
      lines.push({
        groupId: g.id,
        groupName: g.displayName,
        detail: `${user.displayName}'s account is disabled${editable ? '' : whyKept(g)}`,
        ...(editable ? { fix: { kind: 'removeMember' as const, userId: user.id, userName: user.displayName } } : {}),
      });
    }
  }
  return lines.sort(byName);
}

function licenceErrorLines(groups: { id: string; displayName: string }[]): HygieneLine[] {
  return groups
    .map((g) => ({ groupId: g.id, groupName: g.displayName, detail: 'some members did not get its licences' }))
    .sort(byName);
}

/** Sorts, caps at `maxLines` per section and counts. Never throws. */
export function buildReport(
  findings: HygieneFindings,
  opts: { scope: HygieneReport['scope']; now: Date; maxLines: number; expiringDays: number; ownedGroups?: number },
): HygieneReport {
  const all: Record<HygieneSectionKey, HygieneLine[]> = {
    ownerless: ownerlessLines(findings.ownerless),
    expiring: expiringLines(findings.expiring, opts.now),
    empty: emptyLines(findings.empty),
    guests: guestLines(findings.guests),
    disabled: disabledLines(findings.disabled),
    licenceErrors: licenceErrorLines(findings.licenceErrors ?? []),
    // Not from the scan: the digest adds it (background-section.ts).
    background: [],
  };
  // An owner's own groups always have an owner: that section is for administrators only.
  const keys: HygieneSectionKey[] =
    opts.scope === 'tenant'
      ? ['ownerless', 'expiring', 'empty', 'guests', 'disabled']
      : ['expiring', 'empty', 'guests', 'disabled'];
  if (findings.licenceErrors) keys.push('licenceErrors');
  return {
    scope: opts.scope,
    generatedAt: opts.now.toISOString(),
    expiringDays: opts.expiringDays,
    ...(opts.ownedGroups !== undefined ? { ownedGroups: opts.ownedGroups } : {}),
    sections: keys.map((key) => ({
      key,
      title: SECTION_TITLES[key],
      lines: all[key].slice(0, opts.maxLines),
      total: all[key].length,
      complete: !findings.incomplete.includes(key),
    })),
  };
}

/**
 * Findings for the groups a user owns, from each group's direct members. Groups whose members could not be read
 * count as incomplete. Never throws.
 */
export function ownedFindings(
  groups: HygieneGroup[],
  members: ReadonlyMap<string, { items: HygieneMember[]; complete: boolean }>,
  expiresBy: Date,
): HygieneFindings {
  const findings: HygieneFindings = {
    ownerless: [],
    expiring: [],
    empty: [],
    guests: [],
    disabled: [],
    incomplete: [],
  };
  const disabled = new Map<string, UserFinding>();
  for (const g of groups) {
    const expires = g.expirationDateTime ? new Date(g.expirationDateTime).getTime() : Infinity;
    if (expires <= expiresBy.getTime()) findings.expiring.push(g);
    const read = members.get(g.id);
    if (!read) continue;
    if (!read.complete) findings.incomplete.push('guests', 'disabled');
    if (read.items.length === 0) findings.empty.push(g);
    const guests = read.items.filter((m) => m.type === 'user' && (m.userType ?? '').toLowerCase() === 'guest');
    if (guests.length) findings.guests.push({ group: g, guests });
    for (const m of read.items) {
      if (m.type !== 'user' || m.accountEnabled !== false) continue;
      const user = { id: m.id, displayName: m.displayName, userType: m.userType, accountEnabled: false };
      const f = disabled.get(m.id) ?? { user, groups: [] };
      f.groups.push(g);
      disabled.set(m.id, f);
    }
  }
  findings.disabled = [...disabled.values()];
  findings.incomplete = [...new Set(findings.incomplete)];
  return findings;
}

/** True when no section found anything. */
export function isTidy(report: HygieneReport): boolean {
  return report.sections.every((s) => s.total === 0);
}
