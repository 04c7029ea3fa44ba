import { directoryRoleSchema } from './schema-directory-role';
import type { EntityKind } from './query-types';
import { groupSchema } from './schema-group';
import { subscribedSkuSchema } from './schema-sku';
import type { EntitySchema, PropertySpec } from './schema-types';
import { userSchema } from './schema-user';

/**
 * Members, owners and memberOf lists hold users and groups; their queries may name properties of either
 * derived type. Group specs win where both types define a property (their filter support is the stricter
 * reading of the advanced-queries table).
 */
export const directoryObjectSchema: EntitySchema = {
  typeName: 'microsoft.graph.directoryObject',
  resource: 'DirectoryObject',
  properties: { ...userSchema.properties, ...groupSchema.properties },
  paths: { ...userSchema.paths },
};

/** The schema for an entity kind. */
export function schemaFor(entity: EntityKind): EntitySchema {
  switch (entity) {
    case 'group':
      return groupSchema;
    case 'user':
      return userSchema;
    case 'subscribedSku':
      return subscribedSkuSchema;
    case 'directoryObject':
      return directoryObjectSchema;
    case 'directoryRole':
      return directoryRoleSchema;
  }
}

export interface FoundProperty {
  name: string;
  spec: PropertySpec;
}

const lowerIndexes = new WeakMap<EntitySchema, Map<string, FoundProperty>>();

function lowerIndex(schema: EntitySchema): Map<string, FoundProperty> {
  let map = lowerIndexes.get(schema);
  if (!map) {
    map = new Map();
    for (const [name, spec] of Object.entries(schema.properties)) map.set(name.toLowerCase(), { name, spec });
    for (const [name, spec] of Object.entries(schema.paths ?? {})) map.set(name.toLowerCase(), { name, spec });
    lowerIndexes.set(schema, map);
  }
  return map;
}

/** Finds a property (or a filter-only `a/b` path) by name, case-insensitively as Graph does; undefined if unknown. */
export function findProperty(schema: EntitySchema, name: string): FoundProperty | undefined {
  return lowerIndex(schema).get(name.toLowerCase());
}

/** The concrete schema of one stored directory object, from its `@odata.type` or, failing that, its shape. */
export function schemaOfObject(obj: Record<string, unknown>): EntitySchema {
  const type = obj['@odata.type'];
  if (typeof type === 'string') {
    if (type.endsWith('.group')) return groupSchema;
    if (type.endsWith('.user')) return userSchema;
    if (type.endsWith('.directoryRole')) return directoryRoleSchema;
  }
  if ('securityEnabled' in obj || 'groupTypes' in obj) return groupSchema;
  return userSchema;
}
