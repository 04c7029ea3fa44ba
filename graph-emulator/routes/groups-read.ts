/**
 * `GET /groups`, `GET /groups/$count` and `GET /groups/{id}` (docs/graph-behaviour.md: Properties, Reading and querying): default vs `$select`
 * shapes, the query subset via the QUERY part, answers narrowed through the store's name/mail indexes.
 */
import { E } from '../http/graph-error';
import { respondCollection, planFor } from '../http/collection-respond';
import type { EmuResponse, HandlerContext } from '../http/request-context';
import type { IndexableClause } from '../query';
import { contextUrl, projectObject } from '../query';
import { Scopes, isGuest, requireScope, requireThat } from '../permissions/authorize';
import type { DirectoryStore, GroupIndexKey } from '../store/directory-store';
import { liveGroup } from './object-lookup';
import { expandGroup } from './relation-expand';
import { processingStatusJson, withoutBetaSelect } from './beta-properties';
import type { GroupObject } from '../model/types';
import { hasMembersWithLicenseErrors } from '../directory/license-errors';

type Obj = Record<string, unknown>;

/**
 * Candidates for an indexable clause over a map of objects with sorted indexes, produced lazily (in index
 * order, each once) so a page stops the scan early; undefined when no index serves the clause.
 */
export function indexLookup<K extends string>(
  clause: IndexableClause,
  indexes: Partial<Record<K, { exact(v: string): string[]; prefixIds(v: string): Iterable<string> }>>,
  byId: Map<string, Obj>,
): Iterable<Obj> | undefined {
  let ids: Iterable<string>;
  if (clause.property === 'id') ids = clause.values;
  else {
    const idx = indexes[clause.property as K];
    if (!idx) return undefined;
    ids =
      clause.op === 'startsWith' ? idx.prefixIds(clause.values[0] ?? '') : clause.values.flatMap((v) => idx.exact(v));
  }
  // A single key scans one index range, where each object appears once; several values may repeat one.
  return objectsOf(ids, byId, clause.values.length > 1);
}

function* objectsOf(ids: Iterable<string>, byId: Map<string, Obj>, dedupe: boolean): Generator<Obj> {
  const seen = dedupe ? new Set<string>() : undefined;
  for (const id of ids) {
    const o = byId.get(id);
    if (!o || seen?.has(id)) continue;
    seen?.add(id);
    yield o;
  }
}

function groupLookup(store: DirectoryStore) {
  return (clause: IndexableClause) =>
    indexLookup<GroupIndexKey>(clause, store.groupIndex, store.groups as Map<string, Obj>);
}

/** The groups with Graph's computed `hasMembersWithLicenseErrors` added (directory/license-errors.ts). Lazy. */
function* withLicenceFlag(store: DirectoryStore, groups: Iterable<Obj>): Generator<Obj> {
  for (const g of groups) yield { ...g, hasMembersWithLicenseErrors: hasMembersWithLicenseErrors(store, String(g.id)) };
}

/** GET /groups and /groups/$count. Throws E5 for guests; query errors per docs/graph-behaviour.md, Reading and querying. */
export function listGroups(ctx: HandlerContext, countSegment = false): EmuResponse {
  requireScope(ctx.caller, Scopes.readGroups);
  requireThat(!isGuest(ctx.caller));
  const store = ctx.services.store;
  // hasMembersWithLicenseErrors is computed, never stored: only a filter that names it pays for it.
  const licenceFlag = /hasMembersWithLicenseErrors/i.test(ctx.req.query.get('$filter') ?? '');
  const lag = ctx.services.replication;
  // Groups created moments ago are not in lists, filters or searches yet when replication lag is on.
  const lookup = groupLookup(store);
  return respondCollection(ctx, {
    entity: 'group',
    collection: 'groups',
    contextPath: 'groups',
    all: () => {
      const groups = lag ? lag.replicated(store.groups.values() as Iterable<Obj>) : store.groups.values();
      return licenceFlag ? withLicenceFlag(store, groups) : groups;
    },
    lookup: (clause) => {
      const found = lookup(clause);
      const seen = found && lag ? lag.replicated(found) : found;
      return seen && licenceFlag ? withLicenceFlag(store, seen) : seen;
    },
    countSegment,
    relationCount: (o, relation) => (relation === 'owners' ? store.ownersOf(String(o.id)).length : 0),
    project: (o, plan) =>
      expandGroup(
        store,
        ctx.caller,
        o as GroupObject,
        projectObject('group', o, plan.select, { getById: false }),
        plan.expand,
      ),
  });
}

/** GET /groups/{id}. Throws E14/E2, E5 without a read scope. */
export function getGroup(original: HandlerContext): EmuResponse {
  const { ctx, wanted } = withoutBetaSelect(original);
  requireScope(ctx.caller, Scopes.readGroups);
  const g = liveGroup(ctx.services.store, ctx.params.id ?? '');
  const plan = planFor(ctx, { entity: 'group', collection: 'groups' });
  if (plan.filter || plan.search)
    throw E.badRequest('Query option $filter or $search is not allowed on a single object.', 'Request_BadRequest');
  const json = expandGroup(
    ctx.services.store,
    ctx.caller,
    g,
    projectObject('group', g, plan.select, { getById: true }),
    plan.expand,
  );
  if (wanted) json.membershipRuleProcessingStatus = processingStatusJson(ctx, g);
  return {
    status: 200,
    body: { '@odata.context': contextUrl(ctx.services.baseUrl, 'groups/$entity', plan.select), ...json },
  };
}
