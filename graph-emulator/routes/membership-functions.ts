/**
 * checkMemberGroups, getMemberGroups, checkMemberObjects, getMemberObjects (docs/graph-behaviour.md, Membership functions) on users, groups,
 * directoryObjects and `/me`; all transitive over nested groups. Results are string collections.
 */
import { E } from '../http/graph-error';
import { jsonBody, requireGuid, type EmuResponse, type HandlerContext } from '../http/request-context';
import { DIRECTORY_ROLES } from '../directory/directory-roles';
import { Scopes, isGuest, requireScope, requireThat } from '../permissions/authorize';
import { subjectOf, type SubjectKind } from './object-lookup';

export type MembershipFunction = 'checkMemberGroups' | 'getMemberGroups' | 'checkMemberObjects' | 'getMemberObjects';

const MAX_IDS = 20;
const MAX_RESULTS = 11000;

function stringCollection(ctx: HandlerContext, value: string[]): EmuResponse {
  return {
    status: 200,
    body: { '@odata.context': `${ctx.services.baseUrl}/v1.0/$metadata#Collection(Edm.String)`, value },
  };
}

/** Handler for `{subject}/{function}`. Throws E14/E2 for the subject, E5, 400 for bad bodies. */
export function runMembershipFunction(
  ctx: HandlerContext,
  subjectKind: SubjectKind,
  fn: MembershipFunction,
): EmuResponse {
  const { store } = ctx.services;
  const subject = subjectOf(ctx, subjectKind);
  const subjectIsGroup = store.groups.has(subject.id);
  if (subject.id === ctx.caller.user.id) requireScope(ctx.caller, [...Scopes.readSelf, ...Scopes.readGroups]);
  else {
    requireScope(ctx.caller, subjectIsGroup ? Scopes.readGroups : Scopes.readOtherMemberships);
    requireThat(!isGuest(ctx.caller));
  }
  const body = jsonBody(ctx.req, { emptyIsError: true });
  const groups = store.transitiveGroupsOf(subject.id);
  const roleObjectIds = subjectIsGroup
    ? []
    : DIRECTORY_ROLES.filter((r) => store.roles.get(subject.id)?.has(r.roleTemplateId)).map((r) => r.id);

  if (fn === 'checkMemberGroups' || fn === 'checkMemberObjects') {
    const key = fn === 'checkMemberGroups' ? 'groupIds' : 'ids';
    const ids = body[key];
    if (!Array.isArray(ids)) throw E.required(key, fn);
    if (ids.length > MAX_IDS) throw E.badRequest(`The number of ${key} exceeds the maximum of ${MAX_IDS}.`);
    const mine = new Set(fn === 'checkMemberGroups' ? groups : [...groups, ...roleObjectIds]);
    const wanted = ids.map((x) =>
      typeof x === 'string'
        ? requireGuid(x)
        : (() => {
            throw E.invalidValue(key, fn);
          })(),
    );
    return stringCollection(
      ctx,
      [...new Set(wanted)].filter((id) => mine.has(id)),
    );
  }
  const flag = body.securityEnabledOnly;
  if (typeof flag !== 'boolean') throw E.required('securityEnabledOnly', fn);
  let result = flag ? groups.filter((id) => store.groups.get(id)?.securityEnabled === true) : groups;
  if (!flag) result = [...result, ...roleObjectIds];
  if (result.length > MAX_RESULTS)
    throw E.badRequest(
      `The number of results exceeds ${MAX_RESULTS}; use transitiveMemberOf instead.`,
      'DirectoryResultSizeLimitExceeded',
    );
  return stringCollection(ctx, result);
}
