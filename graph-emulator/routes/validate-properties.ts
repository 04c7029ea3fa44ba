/**
 * `POST /directoryObjects/validateProperties` and `POST /groups/{id}/validateProperties` (docs/graph-behaviour.md, Microsoft 365 groups; E18):
 * checks a Microsoft 365 group's displayName against the Group.Unified naming policy
 * (`PrefixSuffixNamingRequirement`, attributes taken from the user named by `onBehalfOfUserId`, else the
 * caller) and blocked words (`CustomBlockedWordsList`), and its mailNickname for uniqueness among Microsoft
 * 365 groups. Reports the first failure only: 422 Request_UnprocessableEntity with one `details` entry
 * (`MissingPrefixSuffix` + prefix and suffix, `ContainsBlockedWord` — our name, see docs/graph-behaviour.md, Open questions — or
 * `PropertyConflict`). Success → 204. Global and User Administrators are exempt from the policy and the
 * blocked words. Throws E5 without a group read scope, 400 for bad bodies, E14/E2 for bad or unknown ids.
 */
import { E } from '../http/graph-error';
import { jsonBody, requireGuid, type EmuResponse, type HandlerContext } from '../http/request-context';
import type { GroupObject, UserObject } from '../model/types';
import { unifiedSetting } from '../directory/group-settings';
import { GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR } from '../directory/directory-roles';
import { requireScope } from '../permissions/authorize';
import type { DirectoryStore } from '../store/directory-store';
import { checkNickname } from './group-properties';
import { liveGroup } from './object-lookup';

const READ = [
  'Group.Read.All',
  'Group.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  'Directory.AccessAsUser.All',
];

/** Naming-policy attributes and the user properties they stand for. */
const ATTRIBUTES: Record<string, string> = {
  Department: 'department',
  Company: 'companyName',
  Office: 'officeLocation',
  StateOrProvince: 'state',
  CountryOrRegion: 'country',
  Title: 'jobTitle',
};

/** Prefix and suffix a requirement such as `GRP_[GroupName]_[Department]` gives for a user. Never throws. */
export function prefixSuffixFor(requirement: string, user: UserObject): { prefix: string; suffix: string } {
  const expand = (part: string) =>
    part.replace(/\[([^\]]*)\]/g, (_m, token: string) => {
      const prop = ATTRIBUTES[token];
      if (!prop) return token; // a bracketed literal such as [Contoso-]
      const v = user[prop];
      return typeof v === 'string' ? v : '';
    });
  const at = requirement.indexOf('[GroupName]');
  if (at < 0) return { prefix: '', suffix: '' };
  return { prefix: expand(requirement.slice(0, at)), suffix: expand(requirement.slice(at + '[GroupName]'.length)) };
}

function blockedWordIn(displayName: string, list: string): string | undefined {
  const words = list
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  const lower = displayName.toLowerCase();
  return words.find((w) =>
    new RegExp(
      `(^|[^\\p{L}\\p{N}])${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`,
      'u',
    ).test(lower),
  );
}

function validate(
  store: DirectoryStore,
  user: UserObject,
  displayName: string | undefined,
  mailNickname: string | undefined,
  self?: GroupObject,
): void {
  const roles = store.roles.get(user.id);
  const exempt = (roles?.has(GLOBAL_ADMINISTRATOR) ?? false) || (roles?.has(USER_ADMINISTRATOR) ?? false);
  if (displayName !== undefined && !exempt) {
    const { prefix, suffix } = prefixSuffixFor(unifiedSetting(store, 'PrefixSuffixNamingRequirement'), user);
    const lower = displayName.toLowerCase();
    if (
      (prefix || suffix) &&
      (!lower.startsWith(prefix.toLowerCase()) ||
        !lower.endsWith(suffix.toLowerCase()) ||
        displayName.length <= prefix.length + suffix.length)
    ) {
      throw E.validationFailed({
        target: 'displayName',
        code: 'MissingPrefixSuffix',
        message: 'Property displayName does not match the required prefix/suffix pattern',
        prefix,
        suffix,
      });
    }
    const blocked = blockedWordIn(displayName, unifiedSetting(store, 'CustomBlockedWordsList'));
    if (blocked)
      throw E.validationFailed({
        target: 'displayName',
        code: 'ContainsBlockedWord',
        message: `The displayName contains a blocked word: '${blocked}'.`,
      });
  }
  if (mailNickname !== undefined) {
    const taken = store.groupIndex.mailNickname
      .exact(mailNickname)
      .some((id) => id !== self?.id && store.groups.get(id)?.groupTypes.includes('Unified'));
    if (taken)
      throw E.validationFailed({
        target: 'mailNickname',
        code: 'PropertyConflict',
        message: 'Another object with the same value for property mailNickname already exists.',
      });
  }
}

function parseBody(
  ctx: HandlerContext,
  allowed: readonly string[],
): { body: Record<string, unknown>; user: UserObject; displayName?: string; mailNickname?: string } {
  const body = jsonBody(ctx.req, { emptyIsError: true });
  for (const k of Object.keys(body))
    if (!allowed.includes(k)) throw E.unknownProperty(k, 'microsoft.graph.directoryObject');
  const str = (k: string): string | undefined => {
    const v = body[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || !v.trim()) throw E.invalidValue(k);
    return v;
  };
  const displayName = str('displayName');
  const nickname = str('mailNickname');
  const mailNickname = nickname === undefined ? undefined : checkNickname(nickname);
  const onBehalf = str('onBehalfOfUserId');
  let user = ctx.caller.user;
  if (onBehalf !== undefined) {
    const u = ctx.services.store.users.get(requireGuid(onBehalf));
    if (!u) throw E.notFound(onBehalf);
    user = u;
  }
  return {
    body,
    user,
    ...(displayName !== undefined ? { displayName } : {}),
    ...(mailNickname !== undefined ? { mailNickname } : {}),
  };
}

/** Handler of POST /directoryObjects/validateProperties. Throws the errors in the file header. */
export function validateDirectoryObjectProperties(ctx: HandlerContext): EmuResponse {
  requireScope(ctx.caller, READ);
  const { body, user, displayName, mailNickname } = parseBody(ctx, [
    'entityType',
    'displayName',
    'mailNickname',
    'onBehalfOfUserId',
  ]);
  if (body.entityType === undefined) throw E.required('entityType', 'DirectoryObject');
  if (typeof body.entityType !== 'string' || body.entityType.toLowerCase() !== 'group')
    throw E.invalidValue('entityType', 'DirectoryObject');
  validate(ctx.services.store, user, displayName, mailNickname);
  return { status: 204 };
}

/** Handler of POST /groups/{id}/validateProperties (the group's own nickname does not conflict). */
export function validateGroupProperties(ctx: HandlerContext): EmuResponse {
  requireScope(ctx.caller, READ);
  const g = liveGroup(ctx.services.store, ctx.params.id ?? '');
  const { user, displayName, mailNickname } = parseBody(ctx, ['displayName', 'mailNickname', 'onBehalfOfUserId']);
  validate(ctx.services.store, user, displayName, mailNickname, g);
  return { status: 204 };
}
