/**
 * The directory: in-memory maps and sorted indexes for reads, write-through to PGlite for durability.
 *
 * Writes go through `write(fn)`: one at a time (a promise-chain lock), `fn` validates against memory and
 * stages mutations (applied to memory at once, with an undo log), derived effects (dynamic membership,
 * licence propagation) are computed by the registered effect hook, then everything is committed to PGlite
 * in one transaction. If the commit fails, memory is rolled back and the error propagates, so an
 * acknowledged write is always on disk and a failed one leaves no trace.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { shareEmptyArrays } from '../model/shared-values';
import { isDynamic, type GroupObject, type LinkRel, type SkuObject, type UserObject } from '../model/types';
import { AuditLog } from '../audit/audit-log';
import { changedProperties, changesOf, type ChangeEntry, type ChangeKind } from './change-log';
import { CompactMultiMap } from './compact-multimap';
import type { Mutation } from './mutation';
import { SortedIndex } from './sorted-index';

const USER_KEYS = ['displayName', 'userPrincipalName', 'mail', 'givenName', 'surname'] as const;
const GROUP_KEYS = ['displayName', 'mail', 'mailNickname'] as const;
export type UserIndexKey = (typeof USER_KEYS)[number];
export type GroupIndexKey = (typeof GROUP_KEYS)[number];

/** Computes follow-up mutations for mutations just staged (dynamic groups, licences). */
export type EffectHook = (tx: WriteTx, staged: readonly Mutation[]) => void;

/** A write in progress: stage mutations (visible in memory at once). */
export interface WriteTx {
  readonly store: DirectoryStore;
  /** Applies a mutation to memory and records it for the commit. Never throws. */
  stage(m: Mutation): void;
  /** Stages unlinks of every relationship of a group, then removes the group row. Never throws. */
  purgeGroup(id: string): void;
}

/** Mutations of writes staged but not yet committed, with the inverse of each (for rollback). */
interface StagedLog {
  all: Mutation[];
  undo: Mutation[][];
}

/** Writes grouped by `writeTogether`: staged one after another, committed at the end in one transaction. */
interface WriteSession extends StagedLog {
  /** Serialises the session's own writes. */
  lock: Promise<unknown>;
}

/** True for a live dynamic group whose rule is evaluated (processing state On). Never throws. */
export function isActiveDynamic(g: GroupObject): boolean {
  return !g.deletedDateTime && isDynamic(g) && g.membershipRuleProcessingState === 'On' && !!g.membershipRule;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(value);
}
function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const s = map.get(key);
  if (s) {
    s.delete(value);
    if (s.size === 0) map.delete(key);
  }
}

export class DirectoryStore {
  readonly users = new Map<string, UserObject>();
  /** Live groups. */
  readonly groups = new Map<string, GroupObject>();
  /** Soft-deleted groups (deletedDateTime set). */
  readonly deleted = new Map<string, GroupObject>();
  readonly skus = new Map<string, SkuObject>();
  /** group id → direct member ids. */
  readonly members = new Map<string, Set<string>>();
  /** group id → owner ids. */
  readonly owners = new Map<string, Set<string>>();
  /** object id → ids of groups it is a direct member of (deleted groups included; filter on read). */
  readonly memberOf = new CompactMultiMap();
  /** object id → ids of groups it owns. */
  readonly ownerOf = new CompactMultiMap();
  /** user id → manager id. */
  readonly managers = new Map<string, string>();
  /** user id → role template ids. */
  readonly roles = new Map<string, Set<string>>();
  readonly meta = new Map<string, string>();
  /** Group change log in sequence order (delta queries). */
  readonly changes: ChangeEntry[] = [];
  /** The directory audit log (member and owner changes by delegated callers); in memory only. */
  readonly audits = new AuditLog();
  /** Sequence number of the last committed change (0 = none). */
  changeSeq = 0;
  readonly userIndex: Record<UserIndexKey, SortedIndex> = {
    displayName: new SortedIndex(),
    userPrincipalName: new SortedIndex(),
    mail: new SortedIndex(),
    givenName: new SortedIndex(),
    surname: new SortedIndex(),
  };
  readonly groupIndex: Record<GroupIndexKey, SortedIndex> = {
    displayName: new SortedIndex(),
    mail: new SortedIndex(),
    mailNickname: new SortedIndex(),
  };
  /** Ids of live dynamic groups with processing state On (kept on every write, so effects never scan all groups). */
  readonly activeDynamic = new Set<string>();
  /** skuId → number of users holding it directly or by group (consumedUnits), kept on every user write. */
  private readonly skuHolders = new Map<string, number>();

  private lock: Promise<unknown> = Promise.resolve();
  private readonly session = new AsyncLocalStorage<WriteSession>();
  private effect: EffectHook = () => undefined;
  /** Properties each staged putGroup changed (null: the group is new, or was deleted or restored). */
  private readonly groupDiffs = new WeakMap<Mutation, string[] | null>();
  /** Called after every committed write with the mutations it made. */
  onCommitted: (ms: readonly Mutation[]) => void = () => undefined;

  private constructor(private readonly db: PGlite) {}

  /** Loads the whole directory from the database into memory. Throws on database errors. */
  static async load(db: PGlite): Promise<DirectoryStore> {
    const s = new DirectoryStore(db);
    const users = await db.query<{ data: UserObject }>('select data from users');
    for (const { data } of users.rows) s.users.set(data.id, shareEmptyArrays(data));
    const groups = await db.query<{ data: GroupObject }>('select data from groups');
    for (const { data } of groups.rows)
      (data.deletedDateTime ? s.deleted : s.groups).set(data.id, shareEmptyArrays(data));
    const links = await db.query<{ rel: LinkRel; src: string; dst: string }>('select rel, src, dst from links');
    for (const l of links.rows) s.applyLink(l.rel, l.src, l.dst, true);
    const changes = await db.query<{
      seq: number;
      group_id: string;
      kind: ChangeKind;
      member_id: string | null;
      props: string | null;
    }>('select seq, group_id, kind, member_id, props from changes order by seq');
    for (const c of changes.rows)
      s.changes.push({
        seq: c.seq,
        groupId: c.group_id,
        kind: c.kind,
        memberId: c.member_id,
        props: c.props ? (JSON.parse(c.props) as string[]) : null,
      });
    s.changeSeq = s.changes.at(-1)?.seq ?? 0;
    const roles = await db.query<{ user_id: string; role_id: string }>('select user_id, role_id from roles');
    for (const r of roles.rows) addTo(s.roles, r.user_id, r.role_id);
    const skus = await db.query<{ data: SkuObject }>('select data from skus');
    for (const { data } of skus.rows) s.skus.set(data.id, data);
    const meta = await db.query<{ key: string; value: string }>('select key, value from meta');
    for (const m of meta.rows) s.meta.set(m.key, m.value);
    s.rebuildIndexes();
    return s;
  }

  /** Registers the hook that derives follow-up mutations (set once at start). */
  setEffectHook(hook: EffectHook): void {
    this.effect = hook;
  }

  private rebuildIndexes(): void {
    for (const k of USER_KEYS) this.userIndex[k].load(this.users.values(), (u) => u[k] as string | null);
    for (const k of GROUP_KEYS) this.groupIndex[k].load(this.groups.values(), (g) => g[k] as string | null);
    this.activeDynamic.clear();
    for (const g of this.groups.values()) if (isActiveDynamic(g)) this.activeDynamic.add(g.id);
    this.skuHolders.clear();
    for (const u of this.users.values()) this.countSkus(u, 1);
  }

  /** Live dynamic groups with processing state On. Never throws. */
  activeDynamicGroups(): GroupObject[] {
    const out: GroupObject[] = [];
    for (const id of this.activeDynamic) {
      const g = this.groups.get(id);
      if (g) out.push(g);
    }
    return out;
  }

  /** Users holding a SKU (Graph's consumedUnits). Never throws. */
  consumedUnits(skuId: string): number {
    return this.skuHolders.get(skuId) ?? 0;
  }

  private countSkus(u: UserObject, delta: 1 | -1): void {
    const licences = u.assignedLicenses;
    for (let i = 0; i < licences.length; i++) {
      const skuId = (licences[i] as { skuId: string }).skuId;
      let dup = false;
      for (let j = 0; j < i && !dup; j++) dup = (licences[j] as { skuId: string }).skuId === skuId;
      if (!dup) this.skuHolders.set(skuId, (this.skuHolders.get(skuId) ?? 0) + delta);
    }
  }

  /** A live group, a user, or undefined. Never throws. */
  object(id: string): UserObject | GroupObject | undefined {
    return this.users.get(id) ?? this.groups.get(id);
  }

  /** Live groups the object is a direct member of. Never throws. */
  directGroupsOf(id: string): string[] {
    return this.memberOf.get(id).filter((g) => this.groups.has(g));
  }

  /** Live groups the object belongs to, directly or through nesting (each once). Never throws. */
  transitiveGroupsOf(id: string): string[] {
    const seen = new Set<string>();
    const queue = this.directGroupsOf(id);
    while (queue.length) {
      const g = queue.pop() as string;
      if (seen.has(g)) continue;
      seen.add(g);
      for (const parent of this.directGroupsOf(g)) if (!seen.has(parent)) queue.push(parent);
    }
    return [...seen];
  }

  /** Direct member ids of a group. Never throws. */
  membersOf(groupId: string): string[] {
    return [...(this.members.get(groupId) ?? [])];
  }

  /** Owner ids of a group. Never throws. */
  ownersOf(groupId: string): string[] {
    return [...(this.owners.get(groupId) ?? [])];
  }

  /** All member ids below a group through nesting (users and groups, each once). Never throws. */
  transitiveMembersOf(groupId: string): string[] {
    const seen = new Set<string>();
    const queue = this.membersOf(groupId);
    while (queue.length) {
      const id = queue.pop() as string;
      if (seen.has(id) || id === groupId) continue;
      seen.add(id);
      if (this.groups.has(id)) for (const m of this.membersOf(id)) if (!seen.has(m)) queue.push(m);
    }
    return [...seen];
  }

  private applyLink(rel: LinkRel, src: string, dst: string, add: boolean): void {
    if (rel === 'manager') {
      if (add) this.managers.set(src, dst);
      else if (this.managers.get(src) === dst) this.managers.delete(src);
      return;
    }
    const fwd = rel === 'member' ? this.members : this.owners;
    const back = rel === 'member' ? this.memberOf : this.ownerOf;
    if (add) {
      addTo(fwd, src, dst);
      back.add(dst, src);
    } else {
      removeFrom(fwd, src, dst);
      back.remove(dst, src);
    }
  }

  private hasLink(rel: LinkRel, src: string, dst: string): boolean {
    if (rel === 'manager') return this.managers.get(src) === dst;
    return (rel === 'member' ? this.members : this.owners).get(src)?.has(dst) ?? false;
  }

  private indexUser(u: UserObject | undefined, add: boolean): void {
    if (!u) return;
    this.countSkus(u, add ? 1 : -1);
    for (const k of USER_KEYS) {
      if (add) this.userIndex[k].add(u[k] as string | null, u.id);
      else this.userIndex[k].remove(u[k] as string | null, u.id);
    }
  }

  private indexGroup(g: GroupObject | undefined, add: boolean): void {
    if (!g) return;
    if (add && isActiveDynamic(g)) this.activeDynamic.add(g.id);
    else if (!add) this.activeDynamic.delete(g.id);
    for (const k of GROUP_KEYS) {
      if (add) this.groupIndex[k].add(g[k] as string | null, g.id);
      else this.groupIndex[k].remove(g[k] as string | null, g.id);
    }
  }

  /** Applies one mutation to memory and returns its inverse (for rollback). Never throws. */
  private apply(m: Mutation): Mutation[] {
    switch (m.op) {
      case 'putUser': {
        const prev = this.users.get(m.user.id);
        this.indexUser(prev, false);
        this.users.set(m.user.id, m.user);
        this.indexUser(m.user, true);
        return [prev ? { op: 'putUser', user: prev } : { op: 'deleteUser', id: m.user.id }];
      }
      case 'deleteUser': {
        const prev = this.users.get(m.id);
        this.indexUser(prev, false);
        this.users.delete(m.id);
        return prev ? [{ op: 'putUser', user: prev }] : [];
      }
      case 'putGroup': {
        const prev = this.groups.get(m.group.id) ?? this.deleted.get(m.group.id);
        this.removeGroupFromMemory(m.group.id);
        if (m.group.deletedDateTime) this.deleted.set(m.group.id, m.group);
        else {
          this.groups.set(m.group.id, m.group);
          this.indexGroup(m.group, true);
        }
        return [prev ? { op: 'putGroup', group: prev } : { op: 'deleteGroup', id: m.group.id }];
      }
      case 'deleteGroup': {
        const prev = this.groups.get(m.id) ?? this.deleted.get(m.id);
        this.removeGroupFromMemory(m.id);
        return prev ? [{ op: 'putGroup', group: prev }] : [];
      }
      case 'link':
      case 'unlink': {
        const add = m.op === 'link';
        if (m.rel === 'manager' && add) {
          const prevManager = this.managers.get(m.src);
          this.applyLink(m.rel, m.src, m.dst, true);
          return prevManager
            ? [{ op: 'link', rel: 'manager', src: m.src, dst: prevManager }]
            : [{ op: 'unlink', rel: 'manager', src: m.src, dst: m.dst }];
        }
        if (this.hasLink(m.rel, m.src, m.dst) === add) return [];
        this.applyLink(m.rel, m.src, m.dst, add);
        return [{ op: add ? 'unlink' : 'link', rel: m.rel, src: m.src, dst: m.dst }];
      }
      case 'putRole':
      case 'deleteRole': {
        const has = this.roles.get(m.userId)?.has(m.roleId) ?? false;
        if (has === (m.op === 'putRole')) return [];
        if (m.op === 'putRole') addTo(this.roles, m.userId, m.roleId);
        else removeFrom(this.roles, m.userId, m.roleId);
        return [{ op: m.op === 'putRole' ? 'deleteRole' : 'putRole', userId: m.userId, roleId: m.roleId }];
      }
      case 'putSku': {
        const prev = this.skus.get(m.sku.id);
        this.skus.set(m.sku.id, m.sku);
        return [prev ? { op: 'putSku', sku: prev } : { op: 'deleteSku', id: m.sku.id }];
      }
      case 'deleteSku': {
        const prev = this.skus.get(m.id);
        this.skus.delete(m.id);
        return prev ? [{ op: 'putSku', sku: prev }] : [];
      }
      case 'setMeta': {
        const prev = this.meta.get(m.key);
        this.meta.set(m.key, m.value);
        return [prev !== undefined ? { op: 'setMeta', key: m.key, value: prev } : { op: 'deleteMeta', key: m.key }];
      }
      case 'deleteMeta': {
        const prev = this.meta.get(m.key);
        this.meta.delete(m.key);
        return prev !== undefined ? [{ op: 'setMeta', key: m.key, value: prev }] : [];
      }
    }
  }

  private removeGroupFromMemory(id: string): void {
    this.indexGroup(this.groups.get(id), false);
    this.groups.delete(id);
    this.deleted.delete(id);
  }

  /**
   * Runs one write: `fn` stages mutations (throwing aborts with nothing changed), effects are derived, and
   * all is committed in one PGlite transaction before the promise resolves. Rejects with fn's error or the
   * database error; memory is rolled back in both cases. Inside `writeTogether`, the write is staged at once
   * (its own failure rolls back only its own mutations) and committed with the others at the end.
   */
  async write<T>(fn: (tx: WriteTx) => T | Promise<T>): Promise<T> {
    const session = this.session.getStore();
    if (session) {
      const run = session.lock.then(() => this.runInSession(session, fn));
      session.lock = run.catch(() => undefined);
      return run;
    }
    const run = this.lock.then(() => this.runWrite(fn));
    this.lock = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs `fn` holding the write lock; every `write` made inside it (same async context) is validated and
   * applied to memory on its own, and all that succeeded are committed together in one PGlite transaction
   * when `fn` settles (one commit for a whole `$batch`). Rejects with fn's error or the database error; then
   * every write made inside is rolled back. Nested calls just run `fn`.
   */
  async writeTogether<T>(fn: () => Promise<T>): Promise<T> {
    if (this.session.getStore()) return fn();
    const run = this.lock.then(async () => {
      const session: WriteSession = { all: [], undo: [], lock: Promise.resolve() };
      let outcome: { ok: true; value: T } | { ok: false; err: unknown };
      try {
        outcome = { ok: true, value: await this.session.run(session, fn) };
      } catch (err) {
        outcome = { ok: false, err };
      }
      await session.lock; // writes fn started but did not await
      try {
        if (!outcome.ok) throw outcome.err;
        await this.commit(session.all);
        return outcome.value;
      } catch (err) {
        this.rollback(session);
        throw err;
      }
    });
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async runWrite<T>(fn: (tx: WriteTx) => T | Promise<T>): Promise<T> {
    const log: StagedLog = { all: [], undo: [] };
    try {
      const result = await this.stageWrite(fn, log);
      await this.commit(log.all);
      return result;
    } catch (err) {
      this.rollback(log);
      throw err;
    }
  }

  private async runInSession<T>(session: WriteSession, fn: (tx: WriteTx) => T | Promise<T>): Promise<T> {
    const log: StagedLog = { all: [], undo: [] };
    try {
      const result = await this.stageWrite(fn, log);
      for (const m of log.all) session.all.push(m);
      for (const u of log.undo) session.undo.push(u);
      return result;
    } catch (err) {
      this.rollback(log);
      throw err;
    }
  }

  /** Undoes staged mutations, newest first. Never throws. */
  private rollback(log: StagedLog): void {
    for (let i = log.undo.length - 1; i >= 0; i--) for (const inv of log.undo[i] as Mutation[]) this.apply(inv);
    log.undo.length = 0;
    log.all.length = 0;
  }

  /** Runs `fn` and the effects it implies, staging into `log`. Throws fn's or an effect's error (log kept for rollback). */
  private async stageWrite<T>(fn: (tx: WriteTx) => T | Promise<T>, log: StagedLog): Promise<T> {
    let pending: Mutation[] = [];
    const tx: WriteTx = {
      store: this,
      stage: (m) => {
        if (m.op === 'putGroup') {
          const prev = this.groups.get(m.group.id);
          this.groupDiffs.set(m, prev && !m.group.deletedDateTime ? changedProperties(prev, m.group) : null);
        }
        log.undo.push(this.apply(m));
        log.all.push(m);
        pending.push(m);
      },
      purgeGroup: (id) => {
        for (const mid of this.membersOf(id)) tx.stage({ op: 'unlink', rel: 'member', src: id, dst: mid });
        for (const oid of this.ownersOf(id)) tx.stage({ op: 'unlink', rel: 'owner', src: id, dst: oid });
        for (const parent of this.memberOf.get(id)) tx.stage({ op: 'unlink', rel: 'member', src: parent, dst: id });
        tx.stage({ op: 'deleteGroup', id });
      },
    };
    const result = await fn(tx);
    for (let round = 0; pending.length && round < 50; round++) {
      const batch = pending;
      pending = [];
      this.effect(tx, batch);
    }
    return result;
  }

  /** Persists staged mutations and their change-log entries in one transaction. Throws database errors. */
  private async commit(all: readonly Mutation[]): Promise<void> {
    if (!all.length) return;
    const changes = changesOf(all, (m) => this.groupDiffs.get(m) ?? null).map((c, i) => ({
      ...c,
      seq: this.changeSeq + 1 + i,
    }));
    await this.db.transaction(async (t) => {
      await persistAll(t, all);
      if (changes.length)
        await t.query(
          'insert into changes (seq, group_id, kind, member_id, props) select (e->>0)::integer, e->>1, e->>2, e->>3, e->>4 from jsonb_array_elements($1::jsonb) e',
          [
            JSON.stringify(
              changes.map((c) => [c.seq, c.groupId, c.kind, c.memberId, c.props ? JSON.stringify(c.props) : null]),
            ),
          ],
        );
    });
    for (const c of changes) this.changes.push(c);
    this.changeSeq += changes.length;
    this.onCommitted(all);
  }

  /**
   * Bulk load for large seeds: applies mutations to memory without effects or undo and persists them with
   * set-based inserts in chunks. Throws on database errors (memory is then inconsistent: callers abort).
   */
  async bulkLoad(ms: Mutation[]): Promise<void> {
    const users: UserObject[] = [];
    const groups: GroupObject[] = [];
    const links: [string, string, string][] = [];
    const rest: Mutation[] = [];
    for (const m of ms) {
      if (m.op === 'putUser') {
        users.push(m.user);
        this.users.set(m.user.id, m.user);
      } else if (m.op === 'putGroup') {
        groups.push(m.group);
        (m.group.deletedDateTime ? this.deleted : this.groups).set(m.group.id, m.group);
      } else if (m.op === 'link') {
        links.push([m.rel, m.src, m.dst]);
        this.applyLink(m.rel, m.src, m.dst, true);
      } else {
        rest.push(m);
        this.apply(m);
      }
    }
    this.rebuildIndexes();
    const CHUNK = 1000;
    await this.db.transaction(async (t) => {
      for (let i = 0; i < users.length; i += CHUNK)
        await t.query(
          "insert into users (id, data) select e->>'id', e from jsonb_array_elements($1::jsonb) e on conflict (id) do update set data = excluded.data",
          [JSON.stringify(users.slice(i, i + CHUNK))],
        );
      for (let i = 0; i < groups.length; i += CHUNK)
        await t.query(
          "insert into groups (id, data) select e->>'id', e from jsonb_array_elements($1::jsonb) e on conflict (id) do update set data = excluded.data",
          [JSON.stringify(groups.slice(i, i + CHUNK))],
        );
      for (let i = 0; i < links.length; i += CHUNK * 4)
        await t.query(
          'insert into links (rel, src, dst) select e->>0, e->>1, e->>2 from jsonb_array_elements($1::jsonb) e on conflict do nothing',
          [JSON.stringify(links.slice(i, i + CHUNK * 4))],
        );
      for (const m of rest) await persist(t, m);
    });
  }
}

/**
 * Persists mutations in order; runs of member/owner link (or unlink) mutations become one set-based statement.
 * Throws database errors.
 */
async function persistAll(t: Transaction, all: readonly Mutation[]): Promise<void> {
  for (let i = 0; i < all.length;) {
    const m = all[i] as Mutation;
    if ((m.op === 'link' || m.op === 'unlink') && m.rel !== 'manager') {
      const run: [string, string, string][] = [];
      let j = i;
      for (; j < all.length; j++) {
        const n = all[j] as Mutation;
        if (n.op !== m.op || n.rel === 'manager') break;
        run.push([n.rel, n.src, n.dst]);
      }
      if (run.length > 1) {
        const rows = JSON.stringify(run);
        if (m.op === 'link')
          await t.query(
            'insert into links (rel, src, dst) select e->>0, e->>1, e->>2 from jsonb_array_elements($1::jsonb) e on conflict do nothing',
            [rows],
          );
        else
          await t.query(
            'delete from links l using jsonb_array_elements($1::jsonb) e where l.rel = e->>0 and l.src = e->>1 and l.dst = e->>2',
            [rows],
          );
        i = j;
        continue;
      }
    }
    await persist(t, m);
    i++;
  }
}

async function persist(t: Transaction, m: Mutation): Promise<void> {
  switch (m.op) {
    case 'putUser':
      await t.query(
        'insert into users (id, data) values ($1, $2) on conflict (id) do update set data = excluded.data',
        [m.user.id, JSON.stringify(m.user)],
      );
      return;
    case 'deleteUser':
      await t.query('delete from users where id = $1', [m.id]);
      return;
    case 'putGroup':
      await t.query(
        'insert into groups (id, data) values ($1, $2) on conflict (id) do update set data = excluded.data',
        [m.group.id, JSON.stringify(m.group)],
      );
      return;
    case 'deleteGroup':
      await t.query('delete from groups where id = $1', [m.id]);
      return;
    case 'link':
      if (m.rel === 'manager') await t.query('delete from links where rel = $1 and src = $2', [m.rel, m.src]);
      await t.query('insert into links (rel, src, dst) values ($1, $2, $3) on conflict do nothing', [
        m.rel,
        m.src,
        m.dst,
      ]);
      return;
    case 'unlink':
      await t.query('delete from links where rel = $1 and src = $2 and dst = $3', [m.rel, m.src, m.dst]);
      return;
    case 'putRole':
      await t.query('insert into roles (user_id, role_id) values ($1, $2) on conflict do nothing', [
        m.userId,
        m.roleId,
      ]);
      return;
    case 'deleteRole':
      await t.query('delete from roles where user_id = $1 and role_id = $2', [m.userId, m.roleId]);
      return;
    case 'putSku':
      await t.query('insert into skus (id, data) values ($1, $2) on conflict (id) do update set data = excluded.data', [
        m.sku.id,
        JSON.stringify(m.sku),
      ]);
      return;
    case 'deleteSku':
      await t.query('delete from skus where id = $1', [m.id]);
      return;
    case 'setMeta':
      await t.query(
        'insert into meta (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value',
        [m.key, m.value],
      );
      return;
    case 'deleteMeta':
      await t.query('delete from meta where key = $1', [m.key]);
      return;
  }
}
