/**
 * The router with the OData name forms generated SDKs send: the v1.0 CSDL declares the namespace
 * `microsoft.graph` with the alias `graph`, so `members/graph.user` and `deletedItems/graph.group` name the same
 * targets as their `microsoft.graph.*` forms; actions and functions may be called by their qualified name
 * (`users/{id}/microsoft.graph.checkMemberGroups`, `deletedItems/{id}/microsoft.graph.restore`); and a function
 * without parameters may be called with empty parentheses (`groups/delta()`). A directory role may also be named
 * by its alternate key, `directoryRoles(roleTemplateId='…')` (the directoryrole-get and -list-members pages).
 * This router rewrites those segments to the forms the route table uses before matching. OneDrive's path
 * addressing, `drive/root:/folder/file.csv:/content`, becomes `drive/root:/{path}/content` with the whole item
 * path as one parameter (taken as given, never normalised).
 */
import { Router, type RouteMatch } from '../http/router';

/** Entity types used in casts (kept qualified: the `{cast}` parameter expects them so). */
const TYPES = new Set([
  'user',
  'group',
  'device',
  'serviceprincipal',
  'orgcontact',
  'application',
  'directoryrole',
  'administrativeunit',
  'directoryobject',
]);

/** `directoryRoles(roleTemplateId='…')`, the alternate key of a directory role. */
const ROLE_TEMPLATE_KEY = /^directoryRoles\(roleTemplateId='([^']*)'\)$/i;

/**
 * One path segment in the route table's form: `graph.` expanded, `()` dropped, a qualified action or function
 * name reduced to its bare name. Never throws.
 */
export function normaliseSegment(segment: string): string {
  const noCall = /^[A-Za-z.]+\(\)$/.test(segment) ? segment.slice(0, -2) : segment;
  const qualified = /^graph\./i.test(noCall) ? `microsoft.${noCall}` : noCall;
  const m = /^microsoft\.graph\.([A-Za-z]+)$/i.exec(qualified);
  return m && !TYPES.has((m[1] as string).toLowerCase()) ? (m[1] as string) : qualified;
}

export class AliasRouter extends Router {
  /**
   * As Router.match, on normalised segments. A leading `directoryRoles(roleTemplateId='T')` matches as
   * `directoryRoles/T`, and the match carries `roleTemplateId: T` instead of `id`, so handlers know which key
   * they were given. Throws as Router.match does.
   */
  override match(method: string, segs: string[]): RouteMatch {
    const drivePath = collapseDrivePath(segs);
    if (drivePath) {
      const { before, itemPath, after } = drivePath;
      const found = super.match(method, [...before.map(normaliseSegment), 'root:', '{path}', ...after]);
      return { ...found, params: { ...found.params, path: itemPath } };
    }
    const normalised = segs.map(normaliseSegment);
    const key = ROLE_TEMPLATE_KEY.exec(normalised[0] ?? '');
    if (!key) return super.match(method, normalised);
    const found = super.match(method, ['directoryRoles', key[1] as string, ...normalised.slice(1)]);
    const { id: _id, ...params } = found.params;
    return { ...found, params: { ...params, roleTemplateId: key[1] as string } };
  }
}

/**
 * `[..., 'drive', 'root:', 'a', 'b.csv:', 'content']` → before `[..., 'drive']`, itemPath `a/b.csv`, after
 * `['content']`; `root:/a/b.csv` without the closing colon takes the rest of the path. Undefined when the path
 * has no `drive/root:` segment followed by a path. Never throws.
 */
export function collapseDrivePath(
  segs: readonly string[],
): { before: string[]; itemPath: string; after: string[] } | undefined {
  const k = segs.findIndex((s, i) => i > 0 && s.toLowerCase() === 'root:' && segs[i - 1]?.toLowerCase() === 'drive');
  if (k < 0 || k === segs.length - 1) return undefined;
  const parts: string[] = [];
  let i = k + 1;
  for (; i < segs.length; i++) {
    const s = segs[i] as string;
    if (s.endsWith(':')) {
      parts.push(s.slice(0, -1));
      i++;
      break;
    }
    parts.push(s);
  }
  return { before: segs.slice(0, k), itemPath: parts.join('/'), after: segs.slice(i) };
}
