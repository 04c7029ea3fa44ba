/**
 * Directory objects by id, whatever their type: `GET /directoryObjects/{id}` (the directoryobject-get page),
 * `POST /directoryObjects/getByIds` `{ids, types?}` (up to 1,000 ids; unknown ids are left out; the
 * directoryobject-getbyids page), and the reference lists `GET /groups/{id}/members/$ref` and `owners/$ref`
 * (`@odata.id` of each object, as the group-list-members page shows for `$ref`).
 */
import { E } from '../http/graph-error';
import { jsonBody, requireGuid, type EmuResponse, type HandlerContext } from '../http/request-context';
import { contextUrl, projectObject } from '../query';
import { Scopes, canSeeMembers, isGuest, requireScope, requireThat } from '../permissions/authorize';
import { liveGroup, typed } from './object-lookup';

const MAX_IDS = 1000;
const TYPES: Record<string, string> = { user: '#microsoft.graph.user', group: '#microsoft.graph.group' };
const KNOWN_TYPES = [
  'user',
  'group',
  'device',
  'serviceprincipal',
  'application',
  'orgcontact',
  'directoryrole',
  'administrativeunit',
];

/** GET /directoryObjects/{id}. Throws E14/E2, E5 (guests may read only themselves). */
export function getDirectoryObject(ctx: HandlerContext): EmuResponse {
  const { store } = ctx.services;
  const id = requireGuid(ctx.params.id ?? '');
  const obj = store.object(id);
  if (!obj) throw E.notFound(ctx.params.id ?? id);
  if (id !== ctx.caller.user.id) {
    requireScope(ctx.caller, Scopes.readDirectoryObjects);
    requireThat(!isGuest(ctx.caller) || store.groups.has(id));
  }
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'directoryObjects/$entity'),
      ...projectObject('directoryObject', typed(obj), undefined, { getById: true }),
    },
  };
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw E.invalidValue(name, 'DirectoryObject');
  return value as string[];
}

/** POST /directoryObjects/getByIds. Throws E5, E8 without ids, 400 for bad ids, unknown types or more than 1,000 ids. */
export function getByIds(ctx: HandlerContext): EmuResponse {
  const { store } = ctx.services;
  requireScope(ctx.caller, Scopes.readDirectoryObjects);
  requireThat(!isGuest(ctx.caller));
  const body = jsonBody(ctx.req, { emptyIsError: true });
  if (body.ids === undefined || body.ids === null) throw E.required('ids', 'DirectoryObject');
  const ids = stringList(body.ids, 'ids').map(requireGuid);
  if (ids.length > MAX_IDS) throw E.badRequest(`At most ${MAX_IDS} ids may be requested at once.`);
  const types =
    body.types === undefined || body.types === null
      ? undefined
      : stringList(body.types, 'types').map((t) => t.toLowerCase().replace(/^microsoft\.graph\./, ''));
  for (const t of types ?? []) if (!KNOWN_TYPES.includes(t)) throw E.invalidValue('types', 'DirectoryObject');
  const value: Record<string, unknown>[] = [];
  for (const id of new Set(ids)) {
    const obj = store.object(id);
    if (!obj) continue;
    const item = typed(obj);
    if (types && !types.some((t) => TYPES[t] === item['@odata.type'])) continue;
    value.push(projectObject('directoryObject', item, undefined, { getById: false }));
  }
  return { status: 200, body: { '@odata.context': contextUrl(ctx.services.baseUrl, 'directoryObjects'), value } };
}

/** GET /groups/{id}/members/$ref and owners/$ref. Throws E14/E2, E5 (hidden memberships as for members). */
export function listReferences(ctx: HandlerContext, rel: 'members' | 'owners'): EmuResponse {
  const { store, baseUrl } = ctx.services;
  requireScope(ctx.caller, Scopes.readMembers);
  const g = liveGroup(store, ctx.params.id ?? '');
  requireThat(
    rel === 'owners'
      ? !isGuest(ctx.caller) || canSeeMembers(store, ctx.caller, g)
      : canSeeMembers(store, ctx.caller, g),
  );
  const ids = rel === 'members' ? store.membersOf(g.id) : store.ownersOf(g.id);
  const value = ids
    .filter((id) => store.object(id))
    .map((id) => ({ '@odata.id': `${baseUrl}/v1.0/directoryObjects/${id}` }));
  return { status: 200, body: { '@odata.context': contextUrl(baseUrl, 'directoryObjects'), value } };
}
