/**
 * The groups a user created through groupbot in the last half hour, kept in the bot's store under
 * `recentGroup:<userId>:<groupId>` (one key per group, with expiry), so that "add Ana to Finance Readers" right
 * after "create … Finance Readers" resolves to the new group's id without a name look-up: `$filter` and
 * `$search` are served by replicas and indexes that may not know the group yet (docs/graph-behaviour.md,
 * Replication delay). Any bot instance on the same store reads what another wrote.
 */
import type { KeyValueRepository } from '../store/key-value-repository';
import type { DirectoryGroup } from '../directory/types';
import { isGuid } from '../directory/odata';
import { logOf, type Logger } from '../log';

export const RECENT_GROUP_PREFIX = 'recentGroup:';
/** How long a created group is remembered: long past any replication delay seen in practice. */
export const RECENT_GROUP_MS = 30 * 60_000;
/** Most groups remembered per user (the newest win a name clash). */
const MOST = 20;

/** Where the groups a user just created are remembered. */
export interface RecentGroups {
  /** Remembers a group the user created at `at`. Throws on database errors. */
  remember(userId: string, group: DirectoryGroup, at: Date): Promise<void>;
  /** The user's groups created within RECENT_GROUP_MS of `now`, newest first. Throws on database errors. */
  list(userId: string, now: Date): Promise<DirectoryGroup[]>;
  /** Forgets a group (deleted): its name then resolves by look-up again. Throws on database errors. */
  forget(userId: string, groupId: string): Promise<void>;
}

interface Stored {
  group: DirectoryGroup;
  at: string;
}

function parse(value: unknown): Stored | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as { group?: unknown; at?: unknown };
  const g = v.group as Partial<DirectoryGroup> | undefined;
  if (!g || typeof g.id !== 'string' || typeof g.displayName !== 'string' || typeof v.at !== 'string') return undefined;
  return {
    group: {
      ...(g as DirectoryGroup),
      groupTypes: Array.isArray(g.groupTypes) ? g.groupTypes : [],
      mailEnabled: g.mailEnabled === true,
      securityEnabled: g.securityEnabled === true,
    },
    at: v.at,
  };
}

/** Only what resolution needs from a 201 (the default properties), never more. Pure. */
function kept(g: DirectoryGroup): DirectoryGroup {
  return {
    id: g.id.toLowerCase(),
    displayName: g.displayName,
    mail: g.mail ?? null,
    mailNickname: g.mailNickname ?? null,
    mailEnabled: g.mailEnabled,
    securityEnabled: g.securityEnabled,
    groupTypes: g.groupTypes ?? [],
    visibility: g.visibility ?? null,
    membershipRule: g.membershipRule ?? null,
    membershipRuleProcessingState: g.membershipRuleProcessingState ?? null,
    description: g.description ?? null,
    createdDateTime: g.createdDateTime ?? null,
  };
}

/** RecentGroups over the store's key/value table (what every bot instance shares). */
export class KeyValueRecentGroups implements RecentGroups {
  constructor(private readonly kv: Pick<KeyValueRepository, 'putExpiring' | 'listUnexpired' | 'delete'>) {}

  async forget(userId: string, groupId: string): Promise<void> {
    await this.kv.delete(`${RECENT_GROUP_PREFIX}${userId.toLowerCase()}:${groupId.toLowerCase()}`);
  }

  async remember(userId: string, group: DirectoryGroup, at: Date): Promise<void> {
    const value: Stored = { group: kept(group), at: at.toISOString() };
    const key = `${RECENT_GROUP_PREFIX}${userId.toLowerCase()}:${group.id.toLowerCase()}`;
    await this.kv.putExpiring(key, value, new Date(at.getTime() + RECENT_GROUP_MS));
  }

  async list(userId: string, now: Date): Promise<DirectoryGroup[]> {
    const rows = await this.kv.listUnexpired(`${RECENT_GROUP_PREFIX}${userId.toLowerCase()}:`, now, 100);
    return rows
      .map((r) => parse(r.value))
      .filter((s): s is Stored => s !== undefined)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, MOST)
      .map((s) => s.group);
  }
}

/**
 * The remembered group a typed phrase names: its display name, mail nickname or mail, compared whole and
 * without regard to case or surrounding quotes; the newest wins. Undefined when none matches. Pure; never throws.
 */
export function recentGroupNamed(phrase: string, recent: readonly DirectoryGroup[]): DirectoryGroup | undefined {
  const want = phrase
    .trim()
    .replace(/^['"‘’“”]+|['"‘’“”]+$/g, '')
    .trim()
    .toLowerCase();
  if (!want) return undefined;
  return recent.find((g) =>
    [g.displayName, g.mailNickname, g.mail].some((n) => typeof n === 'string' && n.toLowerCase() === want),
  );
}

/** The part of a command context these helpers read (structural, so this file does not import the context). */
interface RecentGroupsContext {
  recentGroups: RecentGroups;
  actor: { id: string };
  now: () => Date;
  log?: Logger;
}

/**
 * The groups the actor created moments ago, read only when some group is named rather than given by id (all
 * when `names` is omitted). An unreadable store gives none (warned): names are then looked up as usual. Never
 * throws.
 */
export async function recentGroupsFor(ctx: RecentGroupsContext, names?: readonly string[]): Promise<DirectoryGroup[]> {
  if (names && names.every((n) => isGuid(n.trim()))) return [];
  try {
    return await ctx.recentGroups.list(ctx.actor.id, ctx.now());
  } catch (err) {
    logOf(ctx).warn('recentGroups.unreadable', { error: err });
    return [];
  }
}

/**
 * Forgets a group the actor deleted, so that a later operation naming it is not sent to the deleted id (and its
 * 404 not taken for replication delay). A store that fails is warned about. Never throws.
 */
export async function forgetRecentGroup(ctx: Omit<RecentGroupsContext, 'now'>, groupId: string): Promise<void> {
  try {
    await ctx.recentGroups.forget(ctx.actor.id, groupId);
  } catch (err) {
    logOf(ctx).warn('recentGroups.notForgotten', { groupId, error: err });
  }
}
