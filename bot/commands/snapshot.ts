import type { DirectoryGroup, DirectoryUser } from '../directory/types';

/**
 * What the bot already resolved for a pending operation: users and groups by id. It lives in the pending
 * operation's flags on the server (never in a card), so that continuing a choice or a confirmation does not
 * resolve the same names again (one Graph round trip saved per step).
 */
export interface Snapshot {
  users: Record<string, DirectoryUser>;
  groups: Record<string, DirectoryGroup>;
}

const KEY = 'snapshot';

export function emptySnapshot(): Snapshot {
  return { users: {}, groups: {} };
}

/** Reads the snapshot from a context's flags; an absent or damaged one yields an empty snapshot. Never throws. */
export function readSnapshot(flags: Record<string, string | number | boolean>): Snapshot {
  const raw = flags[KEY];
  if (typeof raw !== 'string') return emptySnapshot();
  try {
    const parsed = JSON.parse(raw) as Partial<Snapshot>;
    return { users: isRecord(parsed.users) ? parsed.users : {}, groups: isRecord(parsed.groups) ? parsed.groups : {} };
  } catch (err) {
    // A damaged snapshot only costs a fresh resolution; say so for whoever debugs it.
    process.emitWarning(`groupbot: ignoring an unreadable pending snapshot (${(err as Error).message})`);
    return emptySnapshot();
  }
}

function isRecord<T>(v: unknown): v is Record<string, T> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The flags entry that carries a snapshot (keeps only what later steps need). */
export function snapshotFlag(s: Snapshot): Record<string, string> {
  const users: Record<string, DirectoryUser> = {};
  for (const [id, u] of Object.entries(s.users)) {
    users[id] = { id: u.id, displayName: u.displayName, ...(u.mail ? { mail: u.mail } : {}), ...(u.userPrincipalName ? { userPrincipalName: u.userPrincipalName } : {}), ...(u.userType ? { userType: u.userType } : {}) };
  }
  return { [KEY]: JSON.stringify({ users, groups: s.groups }) };
}
