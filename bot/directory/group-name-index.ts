/**
 * The tenant's group names (id, display name, mail nickname) as the dictionary the entity spotter reads
 * (bot/language/entity-gazetteer.ts), cached per tenant in memory and, when a store is configured, in its
 * key-value table. A turn costs at most one Graph round trip for it and none while the cache is fresh: with
 * nothing cached the turn reads the first page (999 names) and the rest is listed after the turn; a stale cache
 * is used as it is and refreshed after the turn. Above `maxGroups` names the index keeps the first ones and says
 * so (`truncated`).
 */
import { logOf, type Logger } from '../log';
import type { GraphSession } from './graph-session';
import { listGroups } from './resources/groups';

/** One group as the index keeps it. */
export interface GroupName {
  id: string;
  displayName: string;
  mailNickname?: string | null;
  /** What a choice card shows to tell two namesakes apart (kind, address, visibility). */
  mail?: string | null;
  mailEnabled?: boolean;
  securityEnabled?: boolean;
  groupTypes?: string[];
  visibility?: string | null;
}

/** The names of one tenant's groups at one time. */
export interface GroupNameSnapshot {
  groups: GroupName[];
  /** When the listing finished (ISO time). */
  builtAt: string;
  /** True when the tenant has more groups than the index keeps, or the listing is still under way. */
  truncated: boolean;
  /** True while only the first page is known (the rest is being listed). */
  partial?: boolean;
}

/** The part of the store's key-value table the index uses (bot/store's KeyValueRepository fits). */
export interface ExpiringValues {
  /** Throws on database errors. */
  putExpiring(key: string, value: unknown, expiresAt: Date): Promise<void>;
  /** Throws on database errors. */
  getUnexpired(key: string, now: Date): Promise<unknown>;
}

export interface GroupNameIndexOptions {
  /** Where snapshots are kept between restarts and shared between instances; memory only when absent. */
  keyValue?: ExpiringValues;
  /** A snapshot older than this is refreshed after the turn (default 10 minutes). */
  maxAgeMs?: number;
  /** At most this many names are kept (default 20,000). */
  maxGroups?: number;
  now?: () => Date;
  log?: Logger;
}

interface Page {
  value?: Array<Partial<Omit<GroupName, 'displayName'>> & { displayName?: string | null }>;
  '@odata.nextLink'?: string;
}

const KEY = 'groupNames:';
const KEEP_MS = 7 * 24 * 3600_000;
const FIRST_PAGE = listGroups({
  $select: 'id,displayName,mailNickname,mail,mailEnabled,securityEnabled,groupTypes,visibility',
  $top: 999,
}).url;

function namesOf(page: Page): GroupName[] {
  return (page.value ?? [])
    .filter((g): g is GroupName => !!g.id && !!g.displayName)
    .map((g) => ({
      id: g.id,
      displayName: g.displayName,
      mailNickname: g.mailNickname ?? null,
      mail: g.mail ?? null,
      mailEnabled: g.mailEnabled === true,
      securityEnabled: g.securityEnabled === true,
      groupTypes: Array.isArray(g.groupTypes) ? g.groupTypes : [],
      visibility: g.visibility ?? null,
    }));
}

/** The cached group names of each tenant; see the module comment for what a turn costs. */
export class GroupNameIndex {
  private readonly memory = new Map<string, GroupNameSnapshot>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly maxAgeMs: number;
  private readonly maxGroups: number;
  private readonly now: () => Date;

  constructor(private readonly opts: GroupNameIndexOptions = {}) {
    this.maxAgeMs = opts.maxAgeMs ?? 10 * 60_000;
    this.maxGroups = opts.maxGroups ?? 20_000;
    this.now = opts.now ?? (() => new Date());
  }

  /**
   * The tenant's group names for this turn: the cached snapshot (no Graph request), or with none cached the
   * first page read now (one request) while the rest is listed in the background. A stale snapshot is returned
   * and refreshed in the background. Throws DomainError only when that one first-page read fails.
   */
  async forTurn(tenantId: string, session: GraphSession): Promise<GroupNameSnapshot> {
    const cached = await this.cached(tenantId);
    if (cached) {
      if (this.isStale(cached)) this.refreshLater(tenantId, session);
      return cached;
    }
    const page = await session.get<Page>(FIRST_PAGE);
    const names = namesOf(page);
    const groups = names.slice(0, this.maxGroups);
    const more = page['@odata.nextLink'];
    const snapshot: GroupNameSnapshot = {
      groups,
      builtAt: this.now().toISOString(),
      truncated: more !== undefined || names.length > groups.length,
      ...(more !== undefined ? { partial: true } : {}),
    };
    this.memory.set(tenantId, snapshot);
    if (more !== undefined && groups.length < this.maxGroups) this.refreshLater(tenantId, session);
    else this.storeLater(tenantId, snapshot);
    return snapshot;
  }

  /** Resolves when the background listings and writes started so far are done (tests, shutdown). Never rejects. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /**
   * Lists every group name of the tenant now (following nextLinks up to `maxGroups`) and keeps the snapshot.
   * Throws DomainError when Graph refuses the listing.
   */
  async refresh(tenantId: string, session: GraphSession): Promise<GroupNameSnapshot> {
    const groups: GroupName[] = [];
    let url: string | undefined = FIRST_PAGE;
    while (url !== undefined && groups.length < this.maxGroups) {
      const page: Page = await session.get<Page>(url);
      groups.push(...namesOf(page));
      url = page['@odata.nextLink'];
    }
    const truncated = url !== undefined || groups.length > this.maxGroups;
    if (truncated)
      logOf(this.opts).warn('groupNames.truncated', { tenantId, kept: Math.min(groups.length, this.maxGroups) });
    const snapshot = { groups: groups.slice(0, this.maxGroups), builtAt: this.now().toISOString(), truncated };
    this.memory.set(tenantId, snapshot);
    await this.opts.keyValue?.putExpiring(KEY + tenantId, snapshot, new Date(this.now().getTime() + KEEP_MS));
    return snapshot;
  }

  private async cached(tenantId: string): Promise<GroupNameSnapshot | undefined> {
    const inMemory = this.memory.get(tenantId);
    if (inMemory || !this.opts.keyValue) return inMemory;
    const stored = (await this.opts.keyValue.getUnexpired(KEY + tenantId, this.now())) as GroupNameSnapshot | undefined;
    if (stored && Array.isArray(stored.groups)) this.memory.set(tenantId, stored);
    return stored && Array.isArray(stored.groups) ? stored : undefined;
  }

  private isStale(s: GroupNameSnapshot): boolean {
    return s.partial === true || this.now().getTime() - Date.parse(s.builtAt) > this.maxAgeMs;
  }

  /** Starts a full listing after the turn, one at a time per tenant; a failure is logged, the old snapshot kept. */
  private refreshLater(tenantId: string, session: GraphSession): void {
    this.later(tenantId, () => this.refresh(tenantId, session).then(() => undefined));
  }

  private storeLater(tenantId: string, snapshot: GroupNameSnapshot): void {
    const kv = this.opts.keyValue;
    if (kv)
      this.later(tenantId, () => kv.putExpiring(KEY + tenantId, snapshot, new Date(this.now().getTime() + KEEP_MS)));
  }

  private later(tenantId: string, work: () => Promise<void>): void {
    if (this.running.has(tenantId)) return;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((err: unknown) => logOf(this.opts).warn('groupNames.refreshFailed', { tenantId, error: err }))
      .finally(() => this.running.delete(tenantId));
    this.running.set(tenantId, run);
  }
}
