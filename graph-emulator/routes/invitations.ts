/**
 * `POST /invitations` (the v1.0 "Create invitation" page): a B2B invitation creates a guest user (userType
 * Guest, `#EXT#` UPN, externalUserState PendingAcceptance) and returns the invitation with `invitedUser`.
 * Inviting an address that already belongs to a guest returns that guest again; an address of a member is
 * refused. Needs User.Invite.All (or User.ReadWrite.All / Directory.ReadWrite.All) and, as the tenant's
 * allowInvitesFrom says, the Guest Inviter, User or Global Administrator role. No message is ever sent.
 * Also `GET|PATCH /policies/authorizationPolicy` for that setting.
 */
import { randomUUID } from 'node:crypto';
import { E } from '../http/graph-error';
import { jsonBody, type EmuResponse, type HandlerContext } from '../http/request-context';
import { contextUrl } from '../query';
import {
  INVITES_META_KEY,
  allowInvitesFromOf,
  buildInvitedGuest,
  isInvitableAddress,
  parseAllowInvitesFrom,
} from '../directory/guest-invitation';
import type { UserObject } from '../model/types';
import { Scopes, canInvite, isGlobalAdmin, requireScope, requireThat } from '../permissions/authorize';

const RESOURCE = 'Invitation';

function existingUserWithMail(ctx: HandlerContext, email: string): UserObject | undefined {
  const store = ctx.services.store;
  const id = store.userIndex.mail.exact(email)[0] ?? store.userIndex.userPrincipalName.exact(email)[0];
  return id ? store.users.get(id) : undefined;
}

function invitationBody(
  ctx: HandlerContext,
  guest: UserObject,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const { tenant } = ctx.services;
  const id = randomUUID();
  return {
    '@odata.context': contextUrl(ctx.services.baseUrl, 'invitations/$entity'),
    id,
    inviteRedeemUrl: `https://login.microsoftonline.com/redeem?rd=${encodeURIComponent(`https://invitations.microsoft.com/redeem/?tenant=${tenant.tenantId}&user=${guest.id}&ticket=${id}`)}`,
    invitedUserDisplayName: typeof body.invitedUserDisplayName === 'string' ? body.invitedUserDisplayName : null,
    invitedUserEmailAddress: guest.mail,
    invitedUserType: 'Guest',
    resetRedemption: false,
    sendInvitationMessage: body.sendInvitationMessage === true,
    invitedUserMessageInfo: { messageLanguage: null, ccRecipients: [], customizedMessageBody: null },
    inviteRedirectUrl: body.inviteRedirectUrl,
    status: guest.externalUserState === 'Accepted' ? 'Completed' : 'PendingAcceptance',
    invitedUser: { id: guest.id },
  };
}

/** POST /invitations → 201. Throws E5, E8 for missing properties, 400 for bad addresses or members' addresses. */
export async function createInvitation(ctx: HandlerContext): Promise<EmuResponse> {
  const { store, tenant } = ctx.services;
  requireScope(ctx.caller, Scopes.invite);
  requireThat(canInvite(ctx.caller, allowInvitesFromOf(store)));
  const body = jsonBody(ctx.req, { emptyIsError: true });
  if (typeof body.invitedUserEmailAddress !== 'string' || !body.invitedUserEmailAddress.trim())
    throw E.required('invitedUserEmailAddress', RESOURCE);
  if (typeof body.inviteRedirectUrl !== 'string' || !/^https?:\/\/\S+$/i.test(body.inviteRedirectUrl))
    throw E.required('inviteRedirectUrl', RESOURCE);
  if (body.invitedUserType !== undefined && body.invitedUserType !== 'Guest')
    throw E.invalidValue('invitedUserType', RESOURCE);
  const email = body.invitedUserEmailAddress.trim();
  if (!isInvitableAddress(email)) throw E.invalidValue('invitedUserEmailAddress', RESOURCE);
  const domain = (email.split('@')[1] ?? '').toLowerCase();
  if (domain === tenant.domain.toLowerCase() || domain === tenant.initialDomain.toLowerCase()) {
    throw E.badRequest(
      `The invited user's address is in a domain verified by this organization (${domain}); invite an external address instead.`,
    );
  }
  const guest = await store.write((tx) => {
    const found = existingUserWithMail(ctx, email);
    if (found && found.userType !== 'Guest')
      throw E.badRequest(`The invited user already exists in this directory as a member (${found.id}).`);
    if (found) return found;
    const created = buildInvitedGuest(
      randomUUID(),
      email,
      typeof body.invitedUserDisplayName === 'string' ? body.invitedUserDisplayName : undefined,
      tenant.initialDomain,
    );
    tx.stage({ op: 'putUser', user: created });
    return created;
  });
  return { status: 201, body: invitationBody(ctx, guest, body) };
}

function policyBody(ctx: HandlerContext): Record<string, unknown> {
  return {
    '@odata.context': contextUrl(ctx.services.baseUrl, 'policies/authorizationPolicy/$entity'),
    id: 'authorizationPolicy',
    displayName: 'Authorization Policy',
    description: 'Used to manage authorization related settings across the company.',
    allowInvitesFrom: allowInvitesFromOf(ctx.services.store),
    allowedToSignUpEmailBasedSubscriptions: true,
    allowedToUseSSPR: true,
    allowEmailVerifiedUsersToJoinOrganization: false,
    blockMsolPowerShell: false,
    guestUserRoleId: '10dae51f-b6af-4016-8d66-8c2a99b929b3',
    defaultUserRolePermissions: {
      allowedToCreateApps: true,
      allowedToCreateSecurityGroups: true,
      allowedToCreateTenants: true,
      allowedToReadBitlockerKeysForOwnedDevice: true,
      allowedToReadOtherUsers: true,
    },
  };
}

/** GET /policies/authorizationPolicy. Throws E5 without Policy.Read.All (or a directory read scope). */
export function getAuthorizationPolicy(ctx: HandlerContext): EmuResponse {
  requireScope(ctx.caller, Scopes.readPolicies);
  return { status: 200, body: policyBody(ctx) };
}

/** PATCH /policies/authorizationPolicy `{allowInvitesFrom}` → 204. Throws E5, 400 for other properties or values. */
export async function updateAuthorizationPolicy(ctx: HandlerContext): Promise<EmuResponse> {
  requireScope(ctx.caller, ['Policy.ReadWrite.Authorization']);
  requireThat(isGlobalAdmin(ctx.caller));
  const body = jsonBody(ctx.req, { emptyIsError: true });
  for (const key of Object.keys(body))
    if (key !== 'allowInvitesFrom') throw E.unknownProperty(key, 'microsoft.graph.authorizationPolicy');
  const value = parseAllowInvitesFrom(body.allowInvitesFrom);
  if (!value) throw E.invalidValue('allowInvitesFrom', 'AuthorizationPolicy');
  await ctx.services.store.write((tx) => tx.stage({ op: 'setMeta', key: INVITES_META_KEY, value }));
  return { status: 204 };
}
