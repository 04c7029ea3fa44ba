/**
 * B2B guests: finding a user by an email address, whether the signed-in user may invite guests (a Global or User
 * Administrator or Guest Inviter role, read from `/me/memberOf`; otherwise the tenant's
 * `authorizationPolicy.allowInvitesFrom`, when the token may read it), and `POST /invitations`.
 */
import { DomainError } from './errors';
import type { GraphSession } from './graph-session';
import { resolveUserList } from './users-bulk-resolve';
import { userMemberOf } from './resources/users';
import { authorizationPolicy, inviteGuest as inviteGuestRequest } from './resources/tenant';

/** Role templates that may always invite guests (unless the tenant turned invitations off). */
export const INVITER_ROLE_TEMPLATES: readonly string[] = [
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
  '95e79109-95c0-4d8e-aee3-d01accf2d47b', // Guest Inviter
];

/** Where invited guests land after redeeming the invitation. */
export const INVITE_REDIRECT_URL = 'https://myapps.microsoft.com';

interface ODataList<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

const MAX_PAGES = 10;

/**
 * The addresses that are nobody's UPN or mail, looked up together (15 per lookup, 20 lookups per `$batch`), so a
 * pasted list of a thousand addresses costs a few requests. An address whose lookup Graph could not answer is not
 * called unknown: the add that follows reports it. Never throws.
 */
export async function unknownAddresses(session: GraphSession, addresses: readonly string[]): Promise<string[]> {
  const { resolutions, failed } = await resolveUserList(session, addresses);
  return addresses.filter((_, i) => resolutions[i]?.status === 'notFound' && !failed.has(i));
}

/**
 * True when the signed-in user may invite guests. Never throws for a refused policy read (that means "not
 * known to be allowed"); throws DomainError when `/me/memberOf` itself fails.
 */
export async function mayInviteGuests(session: GraphSession): Promise<boolean> {
  const memberships: { '@odata.type'?: string; roleTemplateId?: string | null }[] = [];
  let url: string | undefined = userMemberOf('me').url;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const body: ODataList<{ '@odata.type'?: string; roleTemplateId?: string | null }> = await session.get(url);
    memberships.push(...(body.value ?? []));
    url = body['@odata.nextLink'];
  }
  const policy = await session.send<{ allowInvitesFrom?: string }>(authorizationPolicy()).catch((err: unknown) => {
    if (err instanceof DomainError && (err.kind === 'forbidden' || err.kind === 'notFound')) return undefined; // the token may not read policies
    throw err;
  });
  if (policy?.allowInvitesFrom === 'none') return false;
  const inviter = memberships.some(
    (r) =>
      (r['@odata.type'] ?? '').endsWith('.directoryRole') &&
      INVITER_ROLE_TEMPLATES.includes((r.roleTemplateId ?? '').toLowerCase()),
  );
  if (inviter) return true;
  return policy?.allowInvitesFrom === 'adminsGuestInvitersAndAllMembers' || policy?.allowInvitesFrom === 'everyone';
}

/** Invites an external address as a guest; resolves to the new (or existing) guest's id. Throws DomainError. */
export async function inviteGuest(session: GraphSession, address: string): Promise<string> {
  const body = await session.send<{ invitedUser?: { id?: string } }>(
    inviteGuestRequest({
      invitedUserEmailAddress: address,
      inviteRedirectUrl: INVITE_REDIRECT_URL,
      sendInvitationMessage: true,
    }),
  );
  const id = body.invitedUser?.id;
  if (!id) throw new DomainError('unexpected', 'The invitation did not return the invited user.');
  return id;
}
