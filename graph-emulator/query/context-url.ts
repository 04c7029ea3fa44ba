/**
 * Builds an `@odata.context` value, e.g. `contextUrl('https://localhost:8443', 'groups', ['id','displayName'])`
 * → `https://localhost:8443/v1.0/$metadata#groups(id,displayName)`. `base` may already end in `/v1.0`.
 * A path ending in `/$entity` keeps that suffix after the select list (`groups(displayName)/$entity`).
 */
export function contextUrl(base: string, path: string, select?: string[]): string {
  const root = base.replace(/\/+$/, '');
  const versioned = root.endsWith('/v1.0') ? root : `${root}/v1.0`;
  let entitySet = path.replace(/^\/+/, '');
  let suffix = '';
  if (entitySet.endsWith('/$entity')) {
    entitySet = entitySet.slice(0, -'/$entity'.length);
    suffix = '/$entity';
  }
  const selected = select && select.length > 0 ? `(${select.join(',')})` : '';
  return `${versioned}/$metadata#${entitySet}${selected}${suffix}`;
}
