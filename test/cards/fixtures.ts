/** Sample view models for card tests, including hostile names. */
import type { GroupSummary, PersonSummary } from '../../cards/view-models';

export const guid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A display name full of markdown and a fake date function. */
export const NASTY_NAME = '**Boss** [click](https://evil.example) _x_ {{DATE(2026-01-01T00:00:00Z)}}';

export const ana1: PersonSummary = {
  id: guid(1),
  displayName: 'Ana Lopez',
  mail: 'ana.lopez@contoso.com',
  jobTitle: 'Designer',
  department: 'Design',
};
export const ana2: PersonSummary = {
  id: guid(2),
  displayName: 'Ana Lopez',
  mail: 'ana.lopez2@contoso.com',
  jobTitle: 'Accountant',
  department: 'Finance',
};
export const bob: PersonSummary = { id: guid(3), displayName: 'Bob Stone', userPrincipalName: 'bob@contoso.com' };
export const olga: PersonSummary = {
  id: guid(4),
  displayName: 'Olga Owner',
  mail: 'olga@contoso.com',
  department: 'Marketing',
};
export const nasty: PersonSummary = { id: guid(5), displayName: NASTY_NAME, mail: 'nasty_user@contoso.com' };

export const marketing: GroupSummary = {
  id: guid(100),
  displayName: 'Marketing',
  kind: 'microsoft365',
  dynamic: false,
  mail: 'marketing@contoso.com',
  visibility: 'Private',
  description: 'Campaigns and brand',
  memberCount: 42,
  ownerCount: 2,
  owners: [olga, bob],
};
export const secGroup: GroupSummary = {
  id: guid(101),
  displayName: 'SecurityGroup101',
  kind: 'security',
  dynamic: false,
  memberCount: 3,
  ownerCount: 1,
};
export const dynGroup: GroupSummary = {
  id: guid(102),
  displayName: 'Seattle Staff',
  kind: 'security',
  dynamic: true,
  membershipRule: 'user.city -eq "Seattle"',
  processingState: 'On',
  memberCount: 12,
};
export const marketing2: GroupSummary = {
  id: guid(103),
  displayName: 'Marketing',
  kind: 'security',
  dynamic: false,
  description: 'Old marketing ACL',
};

export const NOW = '2026-11-26T14:30:00Z';
export const AN_HOUR_AGO = '2026-11-26T13:30:00Z';
export const TWO_DAYS_AGO = '2026-11-24T14:30:00Z';
