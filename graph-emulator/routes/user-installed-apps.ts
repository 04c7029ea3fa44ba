/**
 * Apps in a user's personal scope (docs/approver-reach.md): `GET /users/{id}/teamwork/installedApps` with
 * `$expand=teamsApp|teamsAppDefinition` and `$filter=teamsApp/id eq '…'` or `teamsApp/externalId eq '…'`,
 * `GET …/installedApps/{installationId}`, `POST …/installedApps` with `{"teamsApp@odata.bind":
 * "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}"}` (201, no body; 409 Conflict when the app is
 * already installed; 404 when the catalog has no such app), `DELETE …/installedApps/{installationId}` (204), and
 * `GET /appCatalogs/teamsApps` (the tenant catalog). Permissions: permissions/teams-app-install.ts.
 */
import { E, GraphHttpError } from '../http/graph-error';
import { isGraphHostUrl } from '../http/graph-host';
import { jsonBody, type EmuResponse, type HandlerContext } from '../http/request-context';
import { contextUrl } from '../query';
import { requireInstallFor, requireReadCatalog, requireReadUserApps } from '../permissions/teams-app-install';
import {
  APP_CATALOG,
  catalogApp,
  findInstall,
  installMetaKey,
  installsOf,
  newInstall,
  type CatalogApp,
  type UserAppInstall,
} from '../teamwork/app-catalog';
import { nowIso } from '../directory/object-factory';
import { userByIdOrUpn } from './object-lookup';

type Obj = Record<string, unknown>;
const RESOURCE = 'userScopeTeamsAppInstallation';
const BIND = 'teamsApp@odata.bind';
const CATALOG_REF = /^https?:\/\/[^/]+\/(?:v1\.0|beta)\/appCatalogs\/teamsApps\/([^/?#]+)$/i;
const EXPANDABLE = new Set(['teamsapp', 'teamsappdefinition']);
const FILTER = /^\s*teamsApp\/(id|externalId)\s+eq\s+'([^']*)'\s*$/i;

/** Teams' own error shape for an app that is already there (our wording). */
const alreadyInstalled = (): GraphHttpError =>
  new GraphHttpError(409, 'Conflict', 'The app is already installed in the personal scope of this user.');

/** Teams' error for a catalog id the tenant does not have (our wording). */
const notInCatalog = (id: string): GraphHttpError =>
  new GraphHttpError(404, 'NotFound', `The app '${id}' was not found in the organization's app catalog.`);

function appBody(app: CatalogApp): Obj {
  return { ...app };
}

function definitionBody(app: CatalogApp): Obj {
  return {
    id: Buffer.from(`${app.id}##1.0.0`).toString('base64'),
    teamsAppId: app.id,
    displayName: app.displayName,
    version: '1.0.0',
  };
}

/** The expanded navigation properties `$expand` asks for. Throws 400 for anything else. */
function expansions(ctx: HandlerContext): Set<string> {
  const raw = ctx.req.query.get('$expand');
  const out = new Set<string>();
  if (!raw) return out;
  for (const part of raw.split(',')) {
    const name = part.trim().toLowerCase();
    if (!EXPANDABLE.has(name))
      throw E.badRequest(
        `Could not find a property named '${part.trim()}' on type 'microsoft.graph.${RESOURCE}'.`,
        'BadRequest',
      );
    out.add(name);
  }
  return out;
}

function installationBody(install: UserAppInstall, expand: Set<string>): Obj {
  const app = catalogApp(install.teamsAppId);
  const body: Obj = { id: install.id };
  if (expand.has('teamsapp')) body.teamsApp = app ? appBody(app) : null;
  if (expand.has('teamsappdefinition')) body.teamsAppDefinition = app ? definitionBody(app) : null;
  return body;
}

/** GET /users/{id}/teamwork/installedApps. Throws E5, E2/E14 for the user, 400 for unsupported options. */
export function listUserInstalledApps(ctx: HandlerContext): EmuResponse {
  requireReadUserApps(ctx.caller);
  const user = userByIdOrUpn(ctx.services.store, ctx.params.id ?? '');
  const expand = expansions(ctx);
  let installs = installsOf(ctx.services.store, user.id);
  const filter = ctx.req.query.get('$filter');
  if (filter) {
    const m = FILTER.exec(filter);
    if (!m) throw E.badRequest(`Invalid filter clause: '${filter}'.`, 'BadRequest');
    const [, prop, value] = m as unknown as [string, string, string];
    installs = installs.filter((i) => {
      if (prop.toLowerCase() === 'id') return i.teamsAppId === value.toLowerCase();
      return catalogApp(i.teamsAppId)?.externalId.toLowerCase() === value.toLowerCase();
    });
  }
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, `users('${user.id}')/teamwork/installedApps`),
      value: installs.map((i) => installationBody(i, expand)),
    },
  };
}

function installById(ctx: HandlerContext, userId: string): UserAppInstall {
  const wanted = ctx.params.installId ?? '';
  const found = installsOf(ctx.services.store, userId).find((i) => i.id === wanted);
  if (!found) throw E.notFound(wanted);
  return found;
}

/** GET /users/{id}/teamwork/installedApps/{installId}. Throws E5, E2. */
export function getUserInstalledApp(ctx: HandlerContext): EmuResponse {
  requireReadUserApps(ctx.caller);
  const user = userByIdOrUpn(ctx.services.store, ctx.params.id ?? '');
  const install = installById(ctx, user.id);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, `users('${user.id}')/teamwork/installedApps/$entity`),
      ...installationBody(install, expansions(ctx)),
    },
  };
}

/** The catalog app id a bind URL names. Throws 400 when the value is not such a URL. */
function boundAppId(value: unknown): string {
  if (typeof value !== 'string' || !isGraphHostUrl(value.trim())) throw E.invalidValue(BIND, RESOURCE);
  const m = CATALOG_REF.exec(value.trim());
  if (!m) throw E.invalidValue(BIND, RESOURCE);
  return decodeURIComponent(m[1] as string);
}

/**
 * POST /users/{id}/teamwork/installedApps → 201 (no body). Throws E5 (scopes), E2/E14 for the user, 400 for the
 * body, 404 NotFound for an app the catalog lacks, 409 Conflict when the user already has it.
 */
export async function installUserApp(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  const user = userByIdOrUpn(store, ctx.params.id ?? '');
  requireInstallFor(ctx.caller, user.id);
  const body = jsonBody(ctx.req, { emptyIsError: true });
  for (const key of Object.keys(body))
    if (key !== BIND && key !== 'consentedPermissionSet') throw E.unknownProperty(key, `microsoft.graph.${RESOURCE}`);
  if (body[BIND] === undefined) throw E.required('teamsApp', RESOURCE);
  const appId = boundAppId(body[BIND]);
  const app = catalogApp(appId);
  if (!app) throw notInCatalog(appId);
  await store.write((tx) => {
    if (findInstall(store, user.id, app.id)) throw alreadyInstalled();
    const install = newInstall(user.id, app.id, 'graph', nowIso());
    tx.stage({ op: 'setMeta', key: installMetaKey(user.id, app.id), value: JSON.stringify(install) });
  });
  return { status: 201 };
}

/** DELETE /users/{id}/teamwork/installedApps/{installId} → 204. Throws E5, E2. */
export async function uninstallUserApp(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  const user = userByIdOrUpn(store, ctx.params.id ?? '');
  requireInstallFor(ctx.caller, user.id);
  await store.write((tx) => {
    const install = installById(ctx, user.id);
    tx.stage({ op: 'deleteMeta', key: installMetaKey(user.id, install.teamsAppId) });
  });
  return { status: 204 };
}

/** GET /appCatalogs/teamsApps (`$filter` on id, externalId or distributionMethod with eq). Throws E5, 400. */
export function listCatalogApps(ctx: HandlerContext): EmuResponse {
  requireReadCatalog(ctx.caller);
  let apps = [...APP_CATALOG];
  const filter = ctx.req.query.get('$filter');
  if (filter) {
    const m = /^\s*(id|externalId|distributionMethod)\s+eq\s+'([^']*)'\s*$/i.exec(filter);
    if (!m) throw E.badRequest(`Invalid filter clause: '${filter}'.`, 'BadRequest');
    const prop = (m[1] as string).toLowerCase();
    const value = (m[2] as string).toLowerCase();
    apps = apps.filter((a) =>
      prop === 'id' ? a.id === value : prop === 'externalid' ? a.externalId === value : a.distributionMethod === value,
    );
  }
  return {
    status: 200,
    body: { '@odata.context': contextUrl(ctx.services.baseUrl, 'appCatalogs/teamsApps'), value: apps.map(appBody) },
  };
}
