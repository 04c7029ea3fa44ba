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
 * Only `$select`, `$deltatoken` and `$skiptoken` are accepted; other options give 400 Request_UnsupportedQuery.
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
  | { t: 'delta'; s: number; sel: string[] | null }
  | { t: 'initial'; s: number; after: string; sel: string[] | null }
  | { t: 'changes'; from: number; to: number; offset: number; sel: string[] | null };

const DEFAULT_PAGE = 100;
const ALLOWED = new Set(['$select', '$deltatoken', '$skiptoken']);

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
  const bad = () => kind === 'delta'
    ? E.badRequest('The delta token is invalid or has expired. Start a new synchronisation without a token.', 'Request_BadRequest')
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

interface PendingGroup { groupChanged: boolean; members: Map<string, 'member+' | 'member-'> }

/** Net changes per group in (from, to], in order of first change. Never throws. */
function netChanges(log: readonly ChangeEntry[], from: number, to: number): Map<string, PendingGroup> {
  const out = new Map<string, PendingGroup>();
  for (let i = firstAfter(log, from); i < log.length; i++) {
    const c = log[i] as ChangeEntry;
    if (c.seq > to) break;
    let p = out.get(c.groupId);
    if (!p) out.set(c.groupId, (p = { groupChanged: false, members: new Map() }));
    if (c.kind === 'group') p.groupChanged = true;
    else if (c.memberId) {
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
    if (!ALLOWED.has(k)) throw E.badRequest(`The query option '${k}' is not supported with delta queries.`, 'Request_UnsupportedQuery');
  }
  const deltaToken = ctx.req.query.get('$deltatoken');
  const skipToken = ctx.req.query.get('$skiptoken');
  const selectText = ctx.req.query.get('$select');
  let state: TokenState;
  if (skipToken) state = decodeDeltaToken(skipToken, store, 'skip');
  else {
    const sel = selectText ? parseSelect(selectText, schemaFor('group')) : null;
    if (deltaToken === 'latest') return respond(ctx, sel, [], { t: 'delta', s: store.changeSeq, sel }, false);
    state = deltaToken ? decodeDeltaToken(deltaToken, store, 'delta') : { t: 'initial', s: store.changeSeq, after: '', sel };
    if (state.t === 'delta') state = { t: 'changes', from: state.s, to: store.changeSeq, offset: 0, sel: state.sel };
  }
  const size = pageSize(ctx);
  const withMembers = state.sel?.includes('members') ?? false;
  const sel = state.sel?.filter((p) => p !== 'members') ?? null;
  const projection = sel && sel.length === 0 ? ['id'] : sel;

  if (state.t === 'initial') {
    const after = state.after;
    const ids = [...store.groups.keys()].filter((id) => id > after).sort();
    const page = ids.slice(0, size);
    const value = page.map((id) => groupItem(ctx, store.groups.get(id) as GroupObject, projection, withMembers ? store.membersOf(id).map((m) => memberRef(store, m)) : undefined));
    const more = ids.length > size;
    const next: TokenState = more ? { ...state, after: page.at(-1) as string } : { t: 'delta', s: state.s, sel: state.sel };
    return respond(ctx, state.sel, value, next, more);
  }
  if (state.t !== 'changes') throw E.badRequest('The specified page token value has expired or is invalid.', 'Directory_ExpiredPageToken');
  const pending = [...netChanges(store.changes, state.from, state.to)].filter(([, p]) => p.groupChanged || (withMembers && p.members.size > 0));
  const page = pending.slice(state.offset, state.offset + size);
  const value = page.map(([id, p]): Obj => {
    const live = store.groups.get(id);
    if (!live) return { id, '@removed': { reason: store.deleted.has(id) ? 'changed' : 'deleted' } };
    const members = withMembers
      ? [...p.members].map(([m, kind]) => (kind === 'member+' ? memberRef(store, m) : { ...memberRef(store, m), '@removed': { reason: 'deleted' } }))
      : undefined;
    return groupItem(ctx, live, projection, members);
  });
  const more = state.offset + size < pending.length;
  const next: TokenState = more ? { ...state, offset: state.offset + size } : { t: 'delta', s: state.to, sel: state.sel };
  return respond(ctx, state.sel, value, next, more);
}

function respond(ctx: HandlerContext, sel: string[] | null, value: Obj[], next: TokenState, more: boolean): EmuResponse {
  const link = `${ctx.services.baseUrl}/v1.0${ctx.req.path}?${more ? '$skiptoken' : '$deltatoken'}=${encodeDeltaToken(next)}`;
  return {
    status: 200,
    body: { '@odata.context': contextUrl(ctx.services.baseUrl, 'groups', sel ?? undefined), value, [more ? '@odata.nextLink' : '@odata.deltaLink']: link },
  };
}
