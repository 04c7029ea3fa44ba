/**
 * `GET /groups/delta` and `GET /groups/microsoft.graph.delta` (docs/graph-behaviour.md, Delta).
 *
 * - Without a token: the initial round, every live group (ordered by id) with `members@delta` listing the
 *   current direct members when `$select` names `members`.
 * - `$deltatoken=latest`: an empty page and a deltaLink ("sync from now").
 * - With a deltaLink's token: the groups changed since (default shape, or `$select` + id), membership changes
 *   as `members@delta` (a removed member carries `@removed: {reason: "deleted"}`), soft-deleted groups as
 *   `{id, @removed: {reason: "changed"}}`, permanently deleted ones with `reason: "deleted"`. Groups whose only
 *   change is membership are left out unless `$select` names `members`.
 * - Every page but the last has an absolute `@odata.nextLink` (`$skiptoken`), the last an `@odata.deltaLink`
 *   (`$deltatoken`). Tokens are opaque, carry the original `$select` and a checksum, and survive restarts (the
 *   change log is in the store). Page size: `Prefer: odata.maxpagesize=N` (1-999), default 100.
 * - `$filter=id eq '…' or id eq '…'` (at most 50 ids) tracks only those groups (the group-delta page).
 * - `Prefer: return=minimal` (the delta-query-overview page): an updated group carries only `id` and the
 *   properties that changed (answer header `Preference-Applied: return=minimal`); new groups come back whole.
 * Only `$select`, `$filter`, `$deltatoken` and `$skiptoken` are accepted; other options give 400
 * Request_UnsupportedQuery.
 */
import { createHash } from 'node:crypto';
import { E } from '../http/graph-error';
import type { EmuResponse, HandlerContext } from '../http/request-context';
import { contextUrl, projectObject, schemaFor } from '../query';
import { parseSelect } from '../query/select-parse';
import type { GroupObject } from '../model/types';
import { Scopes, canSeeMembers, isGuest, requireScope, requireThat } from '../permissions/authorize';
import { firstAfter, type ChangeEntry } from '../store/change-log';
import type { DirectoryStore } from '../store/directory-store';

type Obj = Record<string, unknown>;

/** What a token carries: the round's state and the original `$select` (null = default shape). */
type TokenState =
  | { t: 'delta'; s: number; sel: string[] | null; ids?: string[] }
  | { t: 'initial'; s: number; after: string; sel: string[] | null; ids?: string[] }
  | { t: 'changes'; from: number; to: number; offset: number; sel: string[] | null; ids?: string[] };

const DEFAULT_PAGE = 100;
const ALLOWED = new Set(['$select', '$filter', '$deltatoken', '$skiptoken']);
const MAX_FILTER_IDS = 50;
const ID_CLAUSE = /^\s*id\s+eq\s+'([0-9a-fA-F-]{36})'\s*$/;

/** The ids of `id eq '…' or id eq '…'`. Throws 400 Request_UnsupportedQuery for any other filter. */
function filterIds(text: string): string[] {
  const clauses = text.split(/\s+or\s+/i);
  const ids = clauses.map((c) => ID_CLAUSE.exec(c)?.[1]?.toLowerCase());
  if (ids.some((id) => id === undefined) || ids.length > MAX_FILTER_IDS) {
    throw E.badRequest(
      `Delta queries support only $filter=id eq '{id}', joined with 'or', for at most ${MAX_FILTER_IDS} ids.`,
      'Request_UnsupportedQuery',
    );
  }
  return [...new Set(ids as string[])];
}

function wantsMinimal(ctx: HandlerContext): boolean {
  return /(^|[,;\s])return\s*=\s*minimal\b/i.test(ctx.req.headers['prefer'] ?? '');
}

function checksum(json: string): string {
  return createHash('sha256').update(`groupbot-emulator-delta:${json}`).digest('base64url').slice(0, 12);
}

/** An opaque token for a state. Never throws. */
export function encodeDeltaToken(state: TokenState): string {
  const json = JSON.stringify(state);
  return `${Buffer.from(json).toString('base64url')}.${checksum(json)}`;
}

/** The state in a token. Throws a Graph 400 when the token was edited, forged or comes from another directory. */
export function decodeDeltaToken(token: string, store: DirectoryStore, kind: 'delta' | 'skip'): TokenState {
  const bad = () =>
    kind === 'delta'
      ? E.badRequest(
          'The delta token is invalid or has expired. Start a new synchronisation without a token.',
          'Request_BadRequest',
        )
      : E.badRequest('The specified page token value has expired or is invalid.', 'Directory_ExpiredPageToken');
  const [payload, sum] = token.split('.');
  if (!payload || !sum) throw bad();
  const json = Buffer.from(payload, 'base64url').toString('utf8');
  if (checksum(json) !== sum) throw bad();
  let state: TokenState;
  try {
    state = JSON.parse(json) as TokenState;
  } catch {
    throw bad();
  }
  const seq = state.t === 'changes' ? state.to : state.s;
  if (typeof seq !== 'number' || seq > store.changeSeq || (kind === 'delta') !== (state.t === 'delta')) throw bad();
  return state;
}

function pageSize(ctx: HandlerContext): number {
  const m = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(ctx.req.headers['prefer'] ?? '');
  const n = m ? Number(m[1]) : DEFAULT_PAGE;
  return n >= 1 && n <= 999 ? n : DEFAULT_PAGE;
}

function memberRef(store: DirectoryStore, id: string): Obj {
  const isGroup = store.groups.has(id) || store.deleted.has(id);
  return { '@odata.type': isGroup ? '#microsoft.graph.group' : '#microsoft.graph.user', id };
}

function groupItem(ctx: HandlerContext, g: GroupObject, sel: string[] | null, members: Obj[] | undefined): Obj {
  const item = projectObject('group', g, sel ?? undefined, { getById: false });
  if (members?.length && canSeeMembers(ctx.services.store, ctx.caller, g)) item['members@delta'] = members;
  return item;
}

/** `props`: union of the changed properties, null when one change is a creation, deletion or restore. */
interface PendingGroup {
  groupChanged: boolean;
  props: Set<string> | null;
  members: Map<string, 'member+' | 'member-'>;
}

/** Net changes per group in (from, to], in order of first change. Never throws. */
function netChanges(log: readonly ChangeEntry[], from: number, to: number): Map<string, PendingGroup> {
  const out = new Map<string, PendingGroup>();
  for (let i = firstAfter(log, from); i < log.length; i++) {
    const c = log[i] as ChangeEntry;
    if (c.seq > to) break;
    let p = out.get(c.groupId);
    if (!p) out.set(c.groupId, (p = { groupChanged: false, props: new Set(), members: new Map() }));
    if (c.kind === 'group') {
      if (!p.groupChanged || p.props) p.props = c.props && p.props ? new Set([...p.props, ...c.props]) : null;
      p.groupChanged = true;
    } else if (c.memberId) {
      p.members.delete(c.memberId); // keep the order of the latest change
      p.members.set(c.memberId, c.kind);
    }
  }
  return out;
}

/** Handler of GET /groups/delta and /groups/microsoft.graph.delta. Throws E5, 400 for bad tokens or options. */
export function groupsDelta(ctx: HandlerContext): EmuResponse {
  requireScope(ctx.caller, Scopes.readGroups);
  requireThat(!isGuest(ctx.caller));
  const store = ctx.services.store;
  for (const k of ctx.req.query.keys()) {
    if (!ALLOWED.has(k))
      throw E.badRequest(`The query option '${k}' is not supported with delta queries.`, 'Request_UnsupportedQuery');
  }
  const deltaToken = ctx.req.query.get('$deltatoken');
  const skipToken = ctx.req.query.get('$skiptoken');
  const selectText = ctx.req.query.get('$select');
  let state: TokenState;
  if (skipToken) state = decodeDeltaToken(skipToken, store, 'skip');
  else {
    const sel = selectText ? parseSelect(selectText, schemaFor('group')) : null;
    const filterText = ctx.req.query.get('$filter');
    const ids = filterText === null ? undefined : filterIds(filterText);
    const scope = ids ? { ids } : {};
    if (deltaToken === 'latest') return respond(ctx, sel, [], { t: 'delta', s: store.changeSeq, sel, ...scope }, false);
    state = deltaToken
      ? decodeDeltaToken(deltaToken, store, 'delta')
      : { t: 'initial', s: store.changeSeq, after: '', sel, ...scope };
    if (state.t === 'delta')
      state = {
        t: 'changes',
        from: state.s,
        to: store.changeSeq,
        offset: 0,
        sel: state.sel,
        ...(state.ids ? { ids: state.ids } : {}),
      };
  }
  const size = pageSize(ctx);
  const withMembers = state.sel?.includes('members') ?? false;
  const sel = state.sel?.filter((p) => p !== 'members') ?? null;
  const projection = sel && sel.length === 0 ? ['id'] : sel;

  if (state.t === 'initial') {
    const after = state.after;
    const only = state.ids ? new Set(state.ids) : undefined;
    const ids = [...store.groups.keys()].filter((id) => id > after && (!only || only.has(id))).sort();
    const page = ids.slice(0, size);
    const value = page.map((id) =>
      groupItem(
        ctx,
        store.groups.get(id) as GroupObject,
        projection,
        withMembers ? store.membersOf(id).map((m) => memberRef(store, m)) : undefined,
      ),
    );
    const more = ids.length > size;
    const next: TokenState = more
      ? { ...state, after: page.at(-1) as string }
      : { t: 'delta', s: state.s, sel: state.sel, ...(state.ids ? { ids: state.ids } : {}) };
    return respond(ctx, state.sel, value, next, more);
  }
  if (state.t !== 'changes')
    throw E.badRequest('The specified page token value has expired or is invalid.', 'Directory_ExpiredPageToken');
  const only = state.ids ? new Set(state.ids) : undefined;
  const minimal = wantsMinimal(ctx);
  const pending = [...netChanges(store.changes, state.from, state.to)].filter(
    ([id, p]) => (!only || only.has(id)) && (p.groupChanged || (withMembers && p.members.size > 0)),
  );
  const page = pending.slice(state.offset, state.offset + size);
  const value = page.map(([id, p]): Obj => {
    const live = store.groups.get(id);
    if (!live) return { id, '@removed': { reason: store.deleted.has(id) ? 'changed' : 'deleted' } };
    const members = withMembers
      ? [...p.members].map(([m, kind]) =>
          kind === 'member+' ? memberRef(store, m) : { ...memberRef(store, m), '@removed': { reason: 'deleted' } },
        )
      : undefined;
    const item = groupItem(ctx, live, projection, members);
    return minimal && p.props ? minimalItem(item, p.props) : item;
  });
  const more = state.offset + size < pending.length;
  const next: TokenState = more
    ? { ...state, offset: state.offset + size }
    : { t: 'delta', s: state.to, sel: state.sel, ...(state.ids ? { ids: state.ids } : {}) };
  const res = respond(ctx, state.sel, value, next, more);
  return minimal ? { ...res, headers: { 'Preference-Applied': 'return=minimal' } } : res;
}

/** An updated group reduced to `id`, the changed properties and `members@delta`. Never throws. */
function minimalItem(item: Obj, changed: Set<string>): Obj {
  const out: Obj = { id: item.id };
  for (const [k, v] of Object.entries(item)) if (changed.has(k) || k === 'members@delta') out[k] = v;
  return out;
}

function respond(
  ctx: HandlerContext,
  sel: string[] | null,
  value: Obj[],
  next: TokenState,
  more: boolean,
): EmuResponse {
  const link = `${ctx.services.baseUrl}/v1.0${ctx.req.path}?${more ? '$skiptoken' : '$deltatoken'}=${encodeDeltaToken(next)}`;
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'groups', sel ?? undefined),
      value,
      [more ? '@odata.nextLink' : '@odata.deltaLink']: link,
    },
  };
}
