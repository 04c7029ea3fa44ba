import type { EntityKind } from './query-types';
import { schemaFor, schemaOfObject } from './schema-lookup';

export interface ProjectOptions {
  /** The object is read by `GET /groups/{id}`: GET-only properties (docs/graph-behaviour.md, Properties) may be selected. */
  getById: boolean;
  /** Write `@odata.type` first (always done for directoryObject collections). */
  includeType?: boolean;
}

/**
 * Builds the JSON Graph returns for one stored object: the default shape (properties marked D, in Graph's
 * order, missing ones as null) or, under `$select`, `id` plus the selected properties. `$select`-only
 * properties appear only when selected; GET-only ones only when selected on a GET by id (on lists they are
 * dropped silently — docs/graph-behaviour.md, Open questions and our choices); navigation and never-returned properties never.
 * In directoryObject collections each item uses its own type's shape and carries `@odata.type`.
 */
export function projectObject(
  entity: EntityKind,
  obj: Record<string, unknown>,
  select: string[] | undefined,
  opts: ProjectOptions,
): Record<string, unknown> {
  const schema = entity === 'directoryObject' ? schemaOfObject(obj) : schemaFor(entity);
  const out: Record<string, unknown> = {};
  if (entity === 'directoryObject' || opts.includeType) {
    const type = obj['@odata.type'];
    out['@odata.type'] = typeof type === 'string' ? type : `#${schema.typeName}`;
  }
  if (!select) {
    for (const [name, spec] of Object.entries(schema.properties)) {
      if (spec.ret === 'D') out[name] = obj[name] ?? (spec.type.toLowerCase().endsWith('collection') ? [] : null);
    }
    return out;
  }
  out.id = obj.id ?? null;
  for (const name of select) {
    const spec = schema.properties[name];
    if (!spec || spec.ret === 'nav' || spec.ret === 'N') continue;
    if (spec.ret === 'G' && !opts.getById) continue;
    // Graph returns an empty collection, never null, for a collection property with no values.
    out[name] = obj[name] ?? (spec.type.toLowerCase().endsWith('collection') ? [] : null);
  }
  return out;
}
