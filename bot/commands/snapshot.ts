import type { DirectoryGroup, DirectoryUser } from '../directory/types';

/**
 * What the bot already resolved for a pending operation: users and groups by id. It lives in the pending
 * operation's continuation on the server (never in a card), so that continuing a choice or a confirmation does
 * not resolve the same names again (one Graph round trip saved per step).
 */
export interface Snapshot {
  users: Record<string, DirectoryUser>;
  groups: Record<string, DirectoryGroup>;
}

export function emptySnapshot(): Snapshot {
  return { users: {}, groups: {} };
}

/**
 * A stored snapshot, checked: anything that is not a snapshot's shape yields an empty one (a fresh resolution is
 * all it costs). Never throws.
 */
export function readSnapshot(raw: unknown): Snapshot {
  if (!isRecord(raw)) return emptySnapshot();
  const users = isRecord(raw['users']) ? (raw['users'] as Record<string, DirectoryUser>) : {};
  const groups = isRecord(raw['groups']) ? (raw['groups'] as Record<string, DirectoryGroup>) : {};
  return { users: { ...users }, groups: { ...groups } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The snapshot as a pending operation stores it: only what later steps need of each user. Never throws. */
export function compactSnapshot(s: Snapshot): Snapshot {
  const users: Record<string, DirectoryUser> = {};
  for (const [id, u] of Object.entries(s.users)) {
    users[id] = {
      id: u.id,
      displayName: u.displayName,
      ...(u.mail ? { mail: u.mail } : {}),
      ...(u.userPrincipalName ? { userPrincipalName: u.userPrincipalName } : {}),
      ...(u.userType ? { userType: u.userType } : {}),
    };
  }
  return { users, groups: s.groups };
}
