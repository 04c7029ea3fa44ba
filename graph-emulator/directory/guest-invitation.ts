/**
 * B2B guest invitations: the tenant's allowInvitesFrom setting (authorizationPolicy, kept in meta) and the
 * guest user an invitation creates: userType Guest, a `local_domain#EXT#@initial-domain` UPN, the invited
 * address as mail and otherMails, creationType Invitation, externalUserState PendingAcceptance. Pure.
 */
import { emptyArray } from '../model/shared-values';
import type { UserObject } from '../model/types';
import type { AllowInvitesFrom } from '../permissions/authorize';
import type { DirectoryStore } from '../store/directory-store';
import { buildUser, nowIso } from './object-factory';

export const INVITES_META_KEY = 'allowInvitesFrom';
const VALUES: readonly AllowInvitesFrom[] = [
  'none',
  'adminsAndGuestInviters',
  'adminsGuestInvitersAndAllMembers',
  'everyone',
];

/** The tenant's allowInvitesFrom (Entra's default `everyone` when never set). Never throws. */
export function allowInvitesFromOf(store: DirectoryStore): AllowInvitesFrom {
  const v = store.meta.get(INVITES_META_KEY);
  return VALUES.find((x) => x === v) ?? 'everyone';
}

/** The setting named by a string (case-insensitive), or undefined. Never throws. */
export function parseAllowInvitesFrom(value: unknown): AllowInvitesFrom | undefined {
  return typeof value === 'string' ? VALUES.find((x) => x.toLowerCase() === value.toLowerCase()) : undefined;
}

const EMAIL = /^[^\s@()<>,;:\\"[\]]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** True for an address an invitation can go to. Never throws. */
export function isInvitableAddress(email: string): boolean {
  return email.length <= 256 && EMAIL.test(email);
}

/** `pat_fabrikam.com#EXT#@contoso.onmicrosoft.com` for `pat@fabrikam.com`. Never throws. */
export function guestUpn(email: string, initialDomain: string): string {
  return `${email.replace('@', '_')}#EXT#@${initialDomain}`.replace(/[^A-Za-z0-9._#@-]/g, '_');
}

/** The guest user an invitation creates. Never throws. */
export function buildInvitedGuest(
  id: string,
  email: string,
  displayName: string | undefined,
  initialDomain: string,
): UserObject {
  const now = nowIso();
  const user = buildUser({
    id,
    upn: guestUpn(email, initialDomain),
    displayName: displayName?.trim() || (email.split('@')[0] as string),
    mail: email,
    guest: true,
    createdDateTime: now,
    usageLocation: null,
    preferredLanguage: null,
  });
  return {
    ...user,
    externalUserState: 'PendingAcceptance',
    externalUserStateChangeDateTime: now,
    otherMails: [email],
    identities: [{ signInType: 'userPrincipalName', issuer: initialDomain, issuerAssignedId: user.userPrincipalName }],
    imAddresses: emptyArray(),
  };
}
