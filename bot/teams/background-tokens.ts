/**
 * A delegated token for background work on one group (retrying an interrupted approval, removing an ended
 * time-bound membership, polling a watched group), so that such work never hangs on one person's token.
 *
 * Order: the preferred users (the approver, the granter, the watchers), then the group's other owners, then the
 * administrators (Global and Groups Administrators, the roles that may manage any group): whoever has a cached
 * token that is still valid for a while. Owners and administrators are read from Graph with any token found on
 * the way (a preferred user's, or one of the users whose token worked before); what was read is remembered in
 * the key-value store, so that the next call can still try them when no token can read the directory.
 * Tokens come from `tokenForUser` (the Bot Framework token service in production, minted in local mode); they
 * are never stored and never logged.
 */
import type { GraphEndpoint } from '../directory/graph-client';
import { openGraphSession } from '../directory/graph-session';
import { withQuery } from '../directory/odata';
import { DECIDING_ROLE_TEMPLATES, readOwners } from '../directory/request-access-checks';
import type { Logger } from '../log';
import type { KeyValueRepository } from '../store';
import type { TokenForUser } from './offline-user-tokens';

/** A user's token that background work may use now. */
export interface BackgroundToken {
  userId: string;
  token: string;
}

/** Someone the fallback knows by id and name. */
export interface KnownPerson {
  id: string;
  name: string;
}

export interface BackgroundTokensOptions {
  /** A user's cached delegated token (undefined when none); may throw (logged). */
  tokenForUser: TokenForUser;
  graph: GraphEndpoint;
  /** Where owners, administrators and users whose token worked are remembered; without it nothing is. */
  kv?: Pick<KeyValueRepository, 'putExpiring' | 'getUnexpired'>;
  log: Logger;
  clock?: () => Date;
  /** A token is used only when it is valid for at least this long (default 120 seconds). */
  minValiditySeconds?: number;
  /** At most this many token look-ups per call (default 30). */
  maxLookups?: number;
  /**
   * People who may hold a token that can read the group's owners (the wiring gives those the journal saw act on
   * the group). They are only readers: never handed out unless they turn out to be owners or administrators.
   */
  readersOf?: (groupId: string) => Promise<readonly string[]>;
}

/** Who else may read the directory for a call, and who must not be handed out. */
export interface ForGroupOptions {
  /** Users not to hand out (one Graph just refused for this work); they may still read the directory. */
  skip?: readonly string[];
  /** Users whose token may read the owners, never handed out for that (the member being removed). */
  readers?: readonly string[];
}

const RECENT_KEY = 'background-tokens:recent';
const ADMINS_KEY = 'background-tokens:admins';
const OWNERS_KEY = 'background-tokens:owners:';
const RECENT_MAX = 20;
const DAY_MS = 86_400_000;

/** The `exp` claim of a JWT in seconds, or undefined when the token is not a JWT or has none. Pure. */
export function tokenExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp : undefined;
  } catch {
    // Not JSON: an opaque token, whose lifetime only its issuer knows.
    return undefined;
  }
}

function peopleOf(value: unknown): KnownPerson[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is KnownPerson =>
      typeof (p as KnownPerson | null)?.id === 'string' && typeof (p as KnownPerson).name === 'string',
  );
}

function errorOf(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

export class BackgroundTokens {
  private readonly clock: () => Date;
  /** Names learned from owner and administrator reads, by lower-case id. */
  private readonly names = new Map<string, string>();

  constructor(private readonly opts: BackgroundTokensOptions) {
    this.clock = opts.clock ?? (() => new Date());
  }

  /**
   * A usable token for work on `groupId`: a preferred user's, else another owner's, else an administrator's
   * (see ForGroupOptions). Undefined when nobody has one. Never throws (logs, never a token).
   */
  async forGroup(
    groupId: string,
    preferred: readonly string[],
    opts: ForGroupOptions = {},
  ): Promise<BackgroundToken | undefined> {
    try {
      return await this.find(groupId, preferred, opts.skip ?? [], opts.readers ?? []);
    } catch (err) {
      this.opts.log.warn('background.tokens.failed', { groupId, error: errorOf(err) });
      return undefined;
    }
  }

  /** The display name learned for a user, if any. */
  nameOf(userId: string): string | undefined {
    return this.names.get(userId.toLowerCase());
  }

  /**
   * The group's owners as last read (remembered for 30 days), for telling them what background work could not do.
   * Empty when never read. Never throws (logs).
   */
  async knownOwners(groupId: string): Promise<KnownPerson[]> {
    return this.remembered(OWNERS_KEY + groupId.toLowerCase());
  }

  private async find(
    groupId: string,
    preferred: readonly string[],
    skip: readonly string[],
    extraReaders: readonly string[],
  ): Promise<BackgroundToken | undefined> {
    const log = this.opts.log;
    const maxLookups = this.opts.maxLookups ?? 30;
    const skipped = new Set(skip.map((id) => id.toLowerCase()));
    const looked = new Map<string, string | undefined>();
    const lookup = async (id: string): Promise<string | undefined> => {
      const key = id.toLowerCase();
      if (looked.has(key)) return looked.get(key);
      if (looked.size >= maxLookups) return undefined;
      const token = await this.usable(key);
      looked.set(key, token);
      return token;
    };
    const tryUser = async (id: string, via: string): Promise<BackgroundToken | undefined> => {
      const key = id.toLowerCase();
      if (skipped.has(key)) return undefined;
      const token = await lookup(key);
      if (!token) return undefined;
      log.info('background.tokens.using', { groupId, userId: key, via });
      await this.rememberRecent(key);
      return { userId: key, token };
    };

    for (const id of preferred) {
      const hit = await tryUser(id, 'preferred');
      if (hit) return hit;
    }
    const gid = groupId.toLowerCase();
    const [recent, cachedAdmins, cachedOwners, seen] = await Promise.all([
      this.remembered(RECENT_KEY),
      this.remembered(ADMINS_KEY),
      this.remembered(OWNERS_KEY + gid),
      this.readersOf(gid),
    ]);
    // Someone who can read the directory: tokens already found first, then users whose token worked before.
    const readers = [
      ...[...looked.entries()].filter(([, t]) => t).map(([id]) => id),
      ...[...preferred, ...skip, ...extraReaders].map((id) => id.toLowerCase()),
      ...recent.map((p) => p.id),
      ...cachedAdmins.map((p) => p.id),
      ...cachedOwners.map((p) => p.id),
      ...seen.map((id) => id.toLowerCase()),
    ];
    let reader: string | undefined;
    for (const id of new Set(readers)) {
      const token = await lookup(id);
      if (token) {
        reader = token;
        break;
      }
    }
    const owners = reader ? ((await this.readOwners(gid, reader)) ?? cachedOwners) : cachedOwners;
    for (const o of owners) {
      const hit = await tryUser(o.id, 'owner');
      if (hit) return hit;
    }
    const admins = reader ? ((await this.readAdmins(reader)) ?? cachedAdmins) : cachedAdmins;
    for (const a of admins) {
      const hit = await tryUser(a.id, 'administrator');
      if (hit) return hit;
    }
    log.warn('background.tokens.none', {
      groupId,
      preferred: preferred.length,
      owners: owners.length,
      administrators: admins.length,
      lookedUp: looked.size,
    });
    return undefined;
  }

  private async readersOf(groupId: string): Promise<readonly string[]> {
    if (!this.opts.readersOf) return [];
    try {
      return await this.opts.readersOf(groupId);
    } catch (err) {
      this.opts.log.warn('background.tokens.readers', { groupId, error: errorOf(err) });
      return [];
    }
  }

  /** The user's cached token when it is valid for at least `minValiditySeconds`. Never throws (logs). */
  private async usable(userId: string): Promise<string | undefined> {
    let token: string | undefined;
    try {
      token = await this.opts.tokenForUser(userId);
    } catch (err) {
      this.opts.log.warn('background.tokens.lookup', { userId, error: errorOf(err) });
      return undefined;
    }
    if (!token) return undefined;
    const exp = tokenExpiry(token);
    const minMs = (this.opts.minValiditySeconds ?? 120) * 1000;
    if (exp !== undefined && exp * 1000 < this.clock().getTime() + minMs) {
      this.opts.log.info('background.tokens.expired', { userId, expiresAt: new Date(exp * 1000).toISOString() });
      return undefined;
    }
    return token;
  }

  /** The group's user owners with `token`, remembered; undefined when Graph refused (logged). */
  private async readOwners(groupId: string, token: string): Promise<KnownPerson[] | undefined> {
    try {
      const owners = await readOwners(
        openGraphSession(this.opts.graph, async () => token),
        groupId,
      );
      for (const o of owners) this.names.set(o.id, o.name);
      await this.remember(OWNERS_KEY + groupId, owners, 30 * DAY_MS);
      return owners;
    } catch (err) {
      this.opts.log.warn('background.tokens.owners', { groupId, error: errorOf(err) });
      return undefined;
    }
  }

  /** Global and Groups Administrators with `token`, remembered for a day; undefined when none could be read. */
  private async readAdmins(token: string): Promise<KnownPerson[] | undefined> {
    const session = openGraphSession(this.opts.graph, async () => token);
    const found = new Map<string, KnownPerson>();
    let read = false;
    for (const role of DECIDING_ROLE_TEMPLATES) {
      try {
        const body = await session.get<{
          value?: { id: string; displayName?: string | null; '@odata.type'?: string }[];
        }>(withQuery(`/directoryRoles(roleTemplateId='${role}')/members`, { $select: 'id,displayName' }));
        read = true;
        for (const m of body.value ?? []) {
          if (m['@odata.type'] && !m['@odata.type'].endsWith('.user')) continue;
          const id = m.id.toLowerCase();
          found.set(id, { id, name: m.displayName ?? m.id });
          this.names.set(id, m.displayName ?? m.id);
        }
      } catch (err) {
        // A role nobody holds is not activated (404); a reader without the permission gets 403.
        this.opts.log.debug('background.tokens.admins', { role, error: errorOf(err) });
      }
    }
    if (!read) return undefined;
    const admins = [...found.values()];
    await this.remember(ADMINS_KEY, admins, DAY_MS);
    return admins;
  }

  private async rememberRecent(userId: string): Promise<void> {
    const recent = await this.remembered(RECENT_KEY);
    if (recent[0]?.id === userId) return;
    const next = [{ id: userId, name: this.names.get(userId) ?? '' }, ...recent.filter((p) => p.id !== userId)];
    await this.remember(RECENT_KEY, next.slice(0, RECENT_MAX), 30 * DAY_MS);
  }

  private async remembered(key: string): Promise<KnownPerson[]> {
    if (!this.opts.kv) return [];
    try {
      const people = peopleOf(await this.opts.kv.getUnexpired(key, this.clock()));
      for (const p of people) if (p.name && !this.names.has(p.id)) this.names.set(p.id, p.name);
      return people;
    } catch (err) {
      this.opts.log.warn('background.tokens.recall', { key, error: errorOf(err) });
      return [];
    }
  }

  private async remember(key: string, people: KnownPerson[], ttlMs: number): Promise<void> {
    if (!this.opts.kv) return;
    try {
      await this.opts.kv.putExpiring(key, people, new Date(this.clock().getTime() + ttlMs));
    } catch (err) {
      this.opts.log.warn('background.tokens.remember', { key, error: errorOf(err) });
    }
  }
}
