/**
 * One hygiene scan with the reader's own delegated token: a Global or Groups Administrator sees every group, anyone
 * else the groups they own. The reads (bot/directory/hygiene-read.ts) run side by side; the report is built by
 * hygiene-report.ts and the suggested owners by owner-pick.ts.
 */
import type { GraphSession } from '../directory/graph-session';
import {
  readFlaggedUsers,
  readGroupsExpiringBy,
  readGroupsOfUsers,
  readMemberlessGroups,
  readMembersOfGroups,
  readMyOwnedGroups,
  readOwnerlessGroups,
  type HygieneGroup,
  type HygieneUser,
} from '../directory/hygiene-read';
import { holdsDecidingRole } from '../directory/request-access-checks';
import type { JournalSink } from '../journal/journal-sink';
import { pickOwner } from './owner-pick';
import { readGroupsWithLicenseErrors } from '../directory/license-errors-read';
import {
  buildReport,
  ownedFindings,
  type HygieneFindings,
  type HygieneReport,
  type HygieneSectionKey,
  type UserFinding,
} from './hygiene-report';
import { logOf, processLogger, type Logger } from '../log';

export interface ScanInput {
  session: GraphSession;
  now: Date;
  expiringDays: number;
  maxLines: number;
  /** Where the suggested owner's join time comes from; without it the rule falls back to display names. */
  journal?: Pick<JournalSink, 'history'>;
  /** Where an unreadable journal is reported (default: the process's logger). */
  log?: Logger;
}

/** Most disabled users, and most guests, whose groups one scan reads (20 `$batch` round trips each). */
export const MAX_FLAGGED_USERS = 400;

/** The journal pages read per group when looking for the earliest add. */
const JOURNAL_PAGES = 3;

/**
 * When the journal first recorded each user being added to the group (succeeded `member.add` entries), by
 * lower-case user id. A journal that cannot be read gives an empty map (the rule then uses names). Never throws.
 */
export async function firstAdds(
  journal: Pick<JournalSink, 'history'> | undefined,
  groupId: string,
  log: Logger = processLogger(),
): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (!journal) return out;
  try {
    let beforeSeq: number | undefined;
    for (let n = 0; n < JOURNAL_PAGES; n++) {
      const page = await journal.history(groupId, { limit: 100, ...(beforeSeq !== undefined ? { beforeSeq } : {}) });
      for (const e of page.entries) {
        if (e.action !== 'member.add' || e.result !== 'succeeded' || !e.target) continue;
        const id = e.target.id.toLowerCase();
        const seen = out.get(id);
        if (!seen || e.at < seen) out.set(id, e.at);
      }
      if (page.nextBeforeSeq === undefined) break;
      beforeSeq = page.nextBeforeSeq;
    }
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    log.warn('hygiene.journal.unreadable', { groupId, error: why });
  }
  return out;
}

function expiresBy(input: ScanInput): Date {
  return new Date(input.now.getTime() + input.expiringDays * 86_400_000);
}

/** Groups by flagged user → flagged users by group, for the guests section. */
function guestsByGroup(
  guests: HygieneUser[],
  groupsOf: ReadonlyMap<string, { items: HygieneGroup[] }>,
): HygieneFindings['guests'] {
  const byGroup = new Map<string, HygieneFindings['guests'][number]>();
  for (const u of guests) {
    for (const g of groupsOf.get(u.id)?.items ?? []) {
      const entry = byGroup.get(g.id) ?? { group: g, guests: [] };
      entry.guests.push({ id: u.id, displayName: u.displayName });
      byGroup.set(g.id, entry);
    }
  }
  return [...byGroup.values()];
}

async function tenantFindings(input: ScanInput): Promise<HygieneFindings> {
  const { session } = input;
  const [ownerless, expiring, empty, flagged, licenceErrors] = await Promise.all([
    readOwnerlessGroups(session),
    readGroupsExpiringBy(session, expiresBy(input)),
    readMemberlessGroups(session),
    readFlaggedUsers(session),
    readGroupsWithLicenseErrors(session),
  ]);
  // Each user's groups cost a $batch step: a tenant with very many disabled accounts or guests is read in part.
  const disabledUsers = flagged.disabled.items.slice(0, MAX_FLAGGED_USERS);
  const guestUsers = flagged.guests.items.slice(0, MAX_FLAGGED_USERS);
  const userIds = [...new Set([...disabledUsers, ...guestUsers].map((u) => u.id))];
  // Suggestions only for the ownerless groups the card will show.
  const shown = [...ownerless.items]
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en', { sensitivity: 'base' }))
    .slice(0, input.maxLines);
  const [groupsOf, members] = await Promise.all([
    readGroupsOfUsers(session, userIds),
    readMembersOfGroups(
      session,
      shown.map((g) => g.id),
    ),
  ]);
  const suggestions = new Map(
    await Promise.all(
      shown.map(async (g) => {
        const pick = pickOwner(members.get(g.id)?.items ?? [], await firstAdds(input.journal, g.id, logOf(input)));
        return [g.id, pick] as const;
      }),
    ),
  );
  const disabled: UserFinding[] = disabledUsers
    .map((user) => ({ user, groups: groupsOf.get(user.id)?.items ?? [] }))
    .filter((f) => f.groups.length > 0);
  const incomplete: HygieneSectionKey[] = [];
  if (!ownerless.complete) incomplete.push('ownerless');
  if (!expiring.complete) incomplete.push('expiring');
  if (!empty.complete) incomplete.push('empty');
  if (!flagged.guests.complete || flagged.guests.items.length > MAX_FLAGGED_USERS) incomplete.push('guests');
  if (!flagged.disabled.complete || flagged.disabled.items.length > MAX_FLAGGED_USERS) incomplete.push('disabled');
  if (!licenceErrors.complete) incomplete.push('licenceErrors');
  return {
    ownerless: ownerless.items.map((group) => {
      const suggested = suggestions.get(group.id);
      return suggested ? { group, suggested } : { group };
    }),
    expiring: expiring.items,
    empty: empty.items,
    guests: guestsByGroup(guestUsers, groupsOf),
    disabled,
    licenceErrors: licenceErrors.items,
    incomplete,
  };
}

/**
 * The flagged groups an owner's scan filters to their own: listing groups may be refused (a guest who owns a
 * group), and then the section is marked incomplete instead of failing the scan. Never throws.
 */
async function ownedLicenceErrors(
  input: ScanInput,
): Promise<{ items: { id: string; displayName: string }[]; complete: boolean }> {
  try {
    return await readGroupsWithLicenseErrors(input.session);
  } catch (err) {
    logOf(input).warn('hygiene.licenceErrors.unreadable', { error: err });
    return { items: [], complete: false };
  }
}

async function ownedGroupFindings(input: ScanInput): Promise<{ findings: HygieneFindings; owned: number }> {
  const owned = await readMyOwnedGroups(input.session);
  const [members, licenceErrors] = await Promise.all([
    readMembersOfGroups(
      input.session,
      owned.items.map((g) => g.id),
    ),
    owned.items.length ? ownedLicenceErrors(input) : { items: [], complete: true },
  ]);
  const findings = ownedFindings(owned.items, members, expiresBy(input));
  const mine = new Set(owned.items.map((g) => g.id));
  findings.licenceErrors = licenceErrors.items.filter((g) => mine.has(g.id));
  if (!licenceErrors.complete) findings.incomplete.push('licenceErrors');
  if (!owned.complete) {
    const all: HygieneSectionKey[] = ['expiring', 'empty', 'guests', 'disabled', 'licenceErrors'];
    findings.incomplete = [...new Set([...findings.incomplete, ...all])];
  }
  return { findings, owned: owned.items.length };
}

/**
 * True when the session's user sees the whole tenant in the digest: a Global or Groups Administrator (the roles
 * that may also decide any access request). Throws DomainError.
 */
export function seesWholeTenant(session: GraphSession): Promise<boolean> {
  return holdsDecidingRole(session);
}

/** Runs a scan for the session's user. Throws DomainError when a read fails. */
export async function scanHygiene(input: ScanInput, scope?: HygieneReport['scope']): Promise<HygieneReport> {
  const chosen = scope ?? ((await seesWholeTenant(input.session)) ? 'tenant' : 'owned');
  const { now, maxLines, expiringDays } = input;
  if (chosen === 'tenant') {
    return buildReport(await tenantFindings(input), { scope: chosen, now, maxLines, expiringDays });
  }
  const { findings, owned } = await ownedGroupFindings(input);
  return buildReport(findings, { scope: chosen, now, maxLines, expiringDays, ownedGroups: owned });
}
