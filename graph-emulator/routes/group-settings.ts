/**
 * `/groupSettings` (docs/graph-behaviour.md, Microsoft 365 groups): `POST` (201), `GET` list and by id, `PATCH {values}` (204), `DELETE` (204).
 * Only the Group.Unified template is emulated; one settings object per template. Reading needs a directory
 * or group read scope; writing needs Directory.ReadWrite.All and the Global Administrator role (E5 otherwise).
 * Unknown templates or setting names give 400 Request_BadRequest; `$filter` is not supported.
 */
import { randomUUID } from 'node:crypto';
import { E } from '../http/graph-error';
import { jsonBody, requireGuid, type EmuResponse, type HandlerContext } from '../http/request-context';
import { contextUrl } from '../query';
import {
  GROUP_UNIFIED_DEFAULTS,
  GROUP_UNIFIED_TEMPLATE_ID,
  readGroupSettings,
  type GroupSetting,
} from '../directory/group-settings';
import { Scopes, isGlobalAdmin, requireScope, requireThat } from '../permissions/authorize';
import type { WriteTx } from '../store/directory-store';

const WRITE = ['Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];

function parseValues(value: unknown): { name: string; value: string }[] {
  if (!Array.isArray(value)) throw E.invalidValue('values', 'DirectorySetting');
  return value.map((v: unknown) => {
    const o = v as { name?: unknown; value?: unknown } | null;
    if (!o || typeof o.name !== 'string' || typeof o.value !== 'string')
      throw E.invalidValue('values', 'DirectorySetting');
    if (!(o.name in GROUP_UNIFIED_DEFAULTS))
      throw E.badRequest(`The setting '${o.name}' does not exist in template 'Group.Unified'.`);
    if (
      o.name === 'PrefixSuffixNamingRequirement' &&
      (o.value.length > 64 || (o.value && !o.value.includes('[GroupName]')))
    )
      throw E.invalidValue('PrefixSuffixNamingRequirement', 'DirectorySetting');
    return { name: o.name, value: o.value };
  });
}

function save(tx: WriteTx, settings: GroupSetting[]): void {
  tx.stage({ op: 'setMeta', key: 'groupSettings', value: JSON.stringify(settings) });
}

function settingBody(ctx: HandlerContext, s: GroupSetting, entity = true): Record<string, unknown> {
  return {
    ...(entity ? { '@odata.context': contextUrl(ctx.services.baseUrl, 'groupSettings/$entity') } : {}),
    id: s.id,
    displayName: s.displayName,
    templateId: s.templateId,
    values: s.values,
  };
}

function fullValues(values: { name: string; value: string }[]): { name: string; value: string }[] {
  return Object.entries(GROUP_UNIFIED_DEFAULTS).map(([name, value]) => ({
    name,
    value: values.find((v) => v.name === name)?.value ?? value,
  }));
}

/** POST /groupSettings. Throws E5, 400 for unknown templates or names, 409-style 400 when one exists. */
export async function createGroupSetting(ctx: HandlerContext): Promise<EmuResponse> {
  requireScope(ctx.caller, WRITE);
  requireThat(isGlobalAdmin(ctx.caller));
  const body = jsonBody(ctx.req, { emptyIsError: true });
  if (typeof body.templateId !== 'string') throw E.required('templateId', 'DirectorySetting');
  if (body.templateId.toLowerCase() !== GROUP_UNIFIED_TEMPLATE_ID)
    throw E.badRequest(
      `The template '${body.templateId}' is not supported by the emulator; only Group.Unified (${GROUP_UNIFIED_TEMPLATE_ID}) is.`,
    );
  const values = fullValues(parseValues(body.values ?? []));
  const setting: GroupSetting = {
    id: randomUUID(),
    displayName: 'Group.Unified',
    templateId: GROUP_UNIFIED_TEMPLATE_ID,
    values,
  };
  await ctx.services.store.write((tx) => {
    const all = readGroupSettings(tx.store);
    if (all.some((s) => s.templateId === GROUP_UNIFIED_TEMPLATE_ID))
      throw E.badRequest(
        'A conflicting object with one or more of the specified property values is present in the directory.',
      );
    save(tx, [...all, setting]);
  });
  return { status: 201, body: settingBody(ctx, setting) };
}

/** GET /groupSettings. Throws E5 without a read scope, 400 for `$filter`. */
export function listGroupSettings(ctx: HandlerContext): EmuResponse {
  requireScope(ctx.caller, Scopes.readGroups);
  if (ctx.req.query.has('$filter'))
    throw E.badRequest('$filter is not supported on groupSettings.', 'Request_UnsupportedQuery');
  const value = readGroupSettings(ctx.services.store).map((s) => settingBody(ctx, s, false));
  return { status: 200, body: { '@odata.context': contextUrl(ctx.services.baseUrl, 'groupSettings'), value } };
}

function findSetting(ctx: HandlerContext, settings: GroupSetting[]): GroupSetting {
  const id = requireGuid(ctx.params.id ?? '');
  const s = settings.find((x) => x.id === id);
  if (!s) throw E.notFound(ctx.params.id ?? id);
  return s;
}

/** GET /groupSettings/{id}. Throws E14/E2, E5. */
export function getGroupSetting(ctx: HandlerContext): EmuResponse {
  requireScope(ctx.caller, Scopes.readGroups);
  return { status: 200, body: settingBody(ctx, findSetting(ctx, readGroupSettings(ctx.services.store))) };
}

/** PATCH /groupSettings/{id} `{values}`: merges the values. Throws E14/E2, E5, E13, 400 for bad values. */
export async function updateGroupSetting(ctx: HandlerContext): Promise<EmuResponse> {
  requireScope(ctx.caller, WRITE);
  requireThat(isGlobalAdmin(ctx.caller));
  const body = jsonBody(ctx.req, { emptyIsError: true });
  const changes = parseValues(body.values);
  await ctx.services.store.write((tx) => {
    const all = readGroupSettings(tx.store);
    const s = findSetting(ctx, all);
    const merged = s.values.map((v) => changes.find((c) => c.name === v.name) ?? v);
    save(
      tx,
      all.map((x) => (x.id === s.id ? { ...s, values: merged } : x)),
    );
  });
  return { status: 204 };
}

/** DELETE /groupSettings/{id}. Throws E14/E2, E5. */
export async function deleteGroupSetting(ctx: HandlerContext): Promise<EmuResponse> {
  requireScope(ctx.caller, WRITE);
  requireThat(isGlobalAdmin(ctx.caller));
  await ctx.services.store.write((tx) => {
    const all = readGroupSettings(tx.store);
    const s = findSetting(ctx, all);
    save(
      tx,
      all.filter((x) => x.id !== s.id),
    );
  });
  return { status: 204 };
}
