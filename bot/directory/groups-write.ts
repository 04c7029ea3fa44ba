import { GraphSession } from './graph-session';
import { DomainError } from './errors';
import { GROUP_SELECT, type DirectoryGroup } from './types';
import { literal } from './odata';
import {
  createGroup as createGroupRequest,
  deleteGroup as deleteGroupRequest,
  getDeletedGroup as getDeletedGroupRequest,
  listDeletedGroups,
  restoreGroup as restoreGroupRequest,
  updateGroup as updateGroupRequest,
} from './resources/groups';

export interface NewGroup {
  displayName: string;
  mailNickname: string;
  kind: 'security' | 'microsoft365';
  description?: string;
  visibility?: 'Public' | 'Private' | 'HiddenMembership';
  ownerIds?: string[];
  memberIds?: string[];
  membershipRule?: string;
}

const NICKNAME_FORBIDDEN = /[@()\\[\]";:<>,\s]/g;

/**
 * Derives a valid mailNickname from a display name (docs/graph-behaviour.md, Properties: ASCII, ≤64, none of @()\[]";:<>, or space).
 * "Finance Readers" → "FinanceReaders"; "Zoë's Team" → "ZoesTeam".
 */
export function deriveMailNickname(displayName: string): string {
  const ascii = displayName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '');
  const cleaned = ascii.replace(NICKNAME_FORBIDDEN, '').replace(/['`.]/g, '').slice(0, 64);
  return cleaned || `group${Date.now().toString(36)}`;
}

/** Returns a reason the nickname is invalid, or null (same rules Graph enforces, to fail before the call). */
export function mailNicknameProblem(nick: string): string | null {
  if (!nick) return 'The mail nickname cannot be empty.';
  if (nick.length > 64) return 'The mail nickname can have at most 64 characters.';
  if (/[^\x00-\x7f]/.test(nick)) return 'The mail nickname can contain only ASCII characters.';
  if (/[@()\\[\]";:<>,\s]/.test(nick))
    return 'The mail nickname cannot contain spaces or any of @ ( ) \\ [ ] " ; : < > ,';
  return null;
}

/**
 * Creates a group as the acting user (who becomes owner per Graph's rules when naming none).
 * Throws DomainError (invalid, conflict, forbidden...).
 */
export async function createGroup(session: GraphSession, g: NewGroup, actorId?: string): Promise<DirectoryGroup> {
  const problem = mailNicknameProblem(g.mailNickname);
  if (problem) throw new DomainError('invalid', problem);
  const owners = (g.ownerIds ?? []).filter((id) => id !== actorId);
  const members = g.membershipRule ? [] : (g.memberIds ?? []);
  if (owners.length + members.length > 20)
    throw new DomainError(
      'invalid',
      'A new group can be created with at most 20 owners and members together; add the rest afterwards.',
    );
  const body: Record<string, unknown> = {
    displayName: g.displayName,
    mailNickname: g.mailNickname,
    mailEnabled: g.kind === 'microsoft365',
    securityEnabled: g.kind === 'security',
    groupTypes: [...(g.kind === 'microsoft365' ? ['Unified'] : []), ...(g.membershipRule ? ['DynamicMembership'] : [])],
    ...(g.description ? { description: g.description } : {}),
    ...(g.visibility ? { visibility: g.visibility } : {}),
    ...(g.membershipRule ? { membershipRule: g.membershipRule, membershipRuleProcessingState: 'On' } : {}),
    ...(owners.length ? { 'owners@odata.bind': owners.map((id) => session.userUrl(id)) } : {}),
    ...(members.length ? { 'members@odata.bind': members.map((id) => session.userUrl(id)) } : {}),
  };
  return session.send<DirectoryGroup>(createGroupRequest(body), { operation: 'create' });
}

/** PATCHes writable properties (204). Throws DomainError (readOnlyGroup for mail-enabled kinds, invalid...). */
export async function updateGroup(
  session: GraphSession,
  id: string,
  changes: Partial<
    Pick<
      DirectoryGroup,
      'displayName' | 'description' | 'visibility' | 'membershipRule' | 'membershipRuleProcessingState' | 'groupTypes'
    >
  >,
): Promise<void> {
  await session.send(updateGroupRequest(id, changes), { operation: 'update' });
}

/** Soft-deletes a group (restorable for 30 days). Throws DomainError. */
export async function deleteGroup(session: GraphSession, id: string): Promise<void> {
  await session.send(deleteGroupRequest(id), { operation: 'delete' });
}

/** Restores a soft-deleted group; resolves to it. Throws DomainError (notFound once purged). */
export async function restoreGroup(session: GraphSession, id: string): Promise<DirectoryGroup> {
  return session.send<DirectoryGroup>(restoreGroupRequest(id), { operation: 'restore' });
}

/** Finds deleted groups whose name starts with a phrase (for "restore X"). Throws DomainError. */
export async function findDeletedGroups(session: GraphSession, phrase: string): Promise<DirectoryGroup[]> {
  const body = await session.send<{ value?: DirectoryGroup[] }>(
    listDeletedGroups({
      $filter: `startsWith(displayName,${literal(phrase)})`,
      $select: `${GROUP_SELECT},deletedDateTime`,
      $top: 25,
    }),
  );
  return body.value ?? [];
}

/** One soft-deleted group by id (`GET /directory/deletedItems/{id}`). Throws DomainError (notFound once purged or never deleted). */
export function getDeletedGroup(session: GraphSession, id: string): Promise<DirectoryGroup> {
  return session.send<DirectoryGroup>(getDeletedGroupRequest(id, { $select: `${GROUP_SELECT},deletedDateTime` }));
}
