import type { DirectoryGroup, DirectoryMember, DirectoryUser } from '../directory/types';
import { groupKind, isDynamic } from '../directory/types';
import type { GroupRef, GroupSummary, PersonSummary } from '../../cards/view-models';

/** A directory user as cards show one (nulls dropped). */
export function toPerson(u: Pick<DirectoryUser, 'id' | 'displayName'> & Partial<DirectoryUser>): PersonSummary {
  const p: PersonSummary = { id: u.id, displayName: u.displayName || u.userPrincipalName || u.mail || u.id };
  if (u.mail) p.mail = u.mail;
  if (u.userPrincipalName) p.userPrincipalName = u.userPrincipalName;
  if (u.jobTitle) p.jobTitle = u.jobTitle;
  if (u.department) p.department = u.department;
  if (u.userType) p.userType = u.userType;
  return p;
}

export function memberToPerson(m: DirectoryMember): PersonSummary {
  return toPerson({
    id: m.id,
    displayName: m.displayName ?? m.id,
    mail: m.mail ?? null,
    ...(m.userPrincipalName ? { userPrincipalName: m.userPrincipalName } : {}),
  });
}

/** A directory group as cards show one, with optional counts. */
export function toGroupSummary(g: DirectoryGroup, extra: Partial<GroupSummary> = {}): GroupSummary {
  const s: GroupSummary = { id: g.id, displayName: g.displayName, kind: groupKind(g), dynamic: isDynamic(g) };
  if (g.mail) s.mail = g.mail;
  if (g.visibility) s.visibility = g.visibility;
  if (g.description) s.description = g.description;
  if (g.membershipRule) s.membershipRule = g.membershipRule;
  if (g.membershipRuleProcessingState) s.processingState = g.membershipRuleProcessingState;
  if (g.deletedDateTime) s.deletedDateTime = g.deletedDateTime;
  if (g.createdDateTime) s.createdDateTime = g.createdDateTime;
  return { ...s, ...extra };
}

export function groupRef(g: Pick<DirectoryGroup, 'id' | 'displayName'>): GroupRef {
  return { id: g.id, displayName: g.displayName };
}

/** "Ana Silva", "Ana Silva and Bob Kelly", "Ana, Bob and 3 others". */
export function nameList(names: string[], max = 5): string {
  if (names.length === 0) return 'nobody';
  if (names.length === 1) return names[0] as string;
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max - 1).join(', ')} and ${names.length - max + 1} others`;
}
