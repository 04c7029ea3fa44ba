/**
 * `PATCH /users/{id|upn}` (Graph user update): 204, no body. The emulator lets User Administrators and Global
 * Administrators (with User.ReadWrite.All or Directory.ReadWrite.All in the token) change the user properties
 * the demo tenant carries; everyone else gets E5. Empty body → E13; a known property outside the writable set
 * → E12 (read-only); an unknown one → the unknown-property 400; a wrong value type → "Invalid value specified
 * for property 'p' of resource 'User'.". The change runs through the store, so dynamic groups (processing
 * state On) follow it in the same transaction; Paused groups stay as they are.
 */
import { GLOBAL_ADMINISTRATOR } from '../directory/directory-roles';
import { E } from '../http/graph-error';
import { jsonBody, type EmuResponse, type HandlerContext } from '../http/request-context';
import type { UserObject } from '../model/types';
import { isGlobalAdmin, isUserAdmin, requireScope, requireThat } from '../permissions/authorize';
import { schemaFor } from '../query';
import { userByIdOrUpn } from './object-lookup';

const WRITE_USERS = ['User.ReadWrite.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];

/** Writable string properties (null clears them). */
const STRINGS = new Set([
  'department',
  'jobTitle',
  'city',
  'country',
  'officeLocation',
  'companyName',
  'employeeId',
  'givenName',
  'surname',
  'mobilePhone',
]);
/** Every property the emulator lets a PATCH set. */
export const WRITABLE_USER_PROPERTIES: ReadonlySet<string> = new Set([
  ...STRINGS,
  'displayName',
  'usageLocation',
  'accountEnabled',
  'onPremisesExtensionAttributes',
]);

const MAX_LENGTH: Record<string, number> = {
  displayName: 256,
  givenName: 64,
  surname: 64,
  jobTitle: 128,
  department: 64,
  city: 128,
  country: 128,
  officeLocation: 128,
  companyName: 64,
  employeeId: 16,
  mobilePhone: 64,
};
const EXTENSION_ATTRIBUTE = /^extensionAttribute([1-9]|1[0-5])$/;

const invalid = (p: string) => E.invalidValue(p, 'User');

function checkString(name: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || value.length > (MAX_LENGTH[name] ?? 1024)) throw invalid(name);
  return value;
}

function mergeExtensionAttributes(current: unknown, value: unknown): Record<string, string | null> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalid('onPremisesExtensionAttributes');
  const out: Record<string, string | null> = {};
  for (let i = 1; i <= 15; i++) out[`extensionAttribute${i}`] = null;
  if (current && typeof current === 'object') Object.assign(out, current);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!EXTENSION_ATTRIBUTE.test(k)) throw E.unknownProperty(k, 'microsoft.graph.onPremisesExtensionAttributes');
    if (v !== null && (typeof v !== 'string' || v.length > 1024)) throw invalid(`onPremisesExtensionAttributes/${k}`);
    out[k] = v;
  }
  return out;
}

/**
 * The user with the body's changes applied. Throws E12 for read-only properties, the unknown-property 400,
 * and 400s for values of the wrong type or shape.
 */
export function applyUserPatch(u: UserObject, body: Record<string, unknown>): UserObject {
  const next: UserObject = { ...u };
  const schema = schemaFor('user');
  for (const [key, value] of Object.entries(body)) {
    if (key === '@odata.type') continue;
    if (!WRITABLE_USER_PROPERTIES.has(key)) {
      if (key in schema.properties || key === 'id') throw E.readOnlyProperty(key);
      throw E.unknownProperty(key, 'microsoft.graph.user');
    }
    if (STRINGS.has(key)) next[key] = checkString(key, value);
    else if (key === 'displayName') {
      if (typeof value !== 'string' || !value.trim() || value.length > 256) throw invalid('displayName');
      next.displayName = value;
    } else if (key === 'usageLocation') {
      if (value !== null && (typeof value !== 'string' || !/^[A-Za-z]{2}$/.test(value))) throw invalid('usageLocation');
      next.usageLocation = value === null ? null : value.toUpperCase();
    } else if (key === 'accountEnabled') {
      if (typeof value !== 'boolean') throw invalid('accountEnabled');
      next.accountEnabled = value;
    } else next.onPremisesExtensionAttributes = mergeExtensionAttributes(u.onPremisesExtensionAttributes, value);
  }
  return next;
}

/**
 * Handler of PATCH /users/{id|upn}. Throws E14/E2, E13, E12, E5 (no write scope, not a User or Global
 * Administrator, or a User Administrator changing a Global Administrator), and 400s for bad values.
 */
export async function updateUser(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  userByIdOrUpn(store, ctx.params.id ?? '');
  const body = jsonBody(ctx.req, { emptyIsError: true });
  if (Object.keys(body).filter((k) => k !== '@odata.type').length === 0) throw E.emptyPayload();
  requireScope(ctx.caller, WRITE_USERS);
  requireThat(isUserAdmin(ctx.caller));
  await store.write((tx) => {
    const u = userByIdOrUpn(tx.store, ctx.params.id ?? ''); // fresh read under the write lock
    // User Administrators cannot manage Global Administrators (privileged accounts).
    requireThat(isGlobalAdmin(ctx.caller) || !(store.roles.get(u.id)?.has(GLOBAL_ADMINISTRATOR) ?? false));
    tx.stage({ op: 'putUser', user: applyUserPatch(u, body) });
  });
  return { status: 204 };
}
