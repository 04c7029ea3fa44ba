/**
 * Whether the person creating a group becomes one of its owners. Microsoft Graph makes a delegated creator
 * who is not an administrator an owner of any group they create; an administrator (Global, Groups or User
 * Administrator) only of the Microsoft 365 groups they create, unless they name themselves.
 */
import type { GraphSession } from './graph-session';
import type { GroupKind } from './types';
import { userMemberOf } from './resources/users';

/** Role template ids Graph treats as administrators for the creator-owner rule. */
export const CREATOR_ADMIN_ROLES: readonly string[] = [
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  'fdd7a751-b60b-444a-984c-02652fe8fa1c', // Groups Administrator
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
];

/** True when the signed-in user holds one of CREATOR_ADMIN_ROLES (`/me/memberOf`, one page). Throws DomainError. */
export async function actsAsAdministrator(session: GraphSession): Promise<boolean> {
  const body = await session.get<{ value?: { '@odata.type'?: string; roleTemplateId?: string | null }[] }>(
    userMemberOf('me', { $top: 999 }).url,
  );
  return (body.value ?? []).some(
    (r) =>
      (r['@odata.type'] ?? '').endsWith('.directoryRole') &&
      CREATOR_ADMIN_ROLES.includes((r.roleTemplateId ?? '').toLowerCase()),
  );
}

/**
 * The sentence a create confirmation shows about its creator's ownership (`admin` null: unknown). Pure;
 * never throws. `othersNamed`: owners other than the creator were listed.
 */
export function creatorOwnershipSentence(p: { admin: boolean | null; kind: GroupKind; othersNamed: boolean }): string {
  if (p.admin === false || (p.admin === true && p.kind === 'microsoft365')) {
    return 'You will be an owner of the new group: Microsoft Graph makes its creator an owner.';
  }
  if (p.admin === true) {
    return p.othersNamed
      ? 'As an administrator you do not become an owner of a security group you create; the owners listed will be its owners.'
      : 'As an administrator you do not become an owner of a security group you create, and no owner is listed: it will have no owner until you add one.';
  }
  return 'If you are not an administrator, Microsoft Graph makes you an owner of the new group.';
}
