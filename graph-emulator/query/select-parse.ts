import { QueryMessages, badRequest } from './graph-query-error';
import { findProperty } from './schema-lookup';
import type { EntitySchema } from './schema-types';

/**
 * Parses `$select` into canonical property names (request order, duplicates dropped). Navigation
 * properties are accepted (they are only filled by `$expand`).
 * @throws GraphQueryError 400 Request_BadRequest "Could not find a property named '<p>' on type '<type>'."
 */
export function parseSelect(source: string, schema: EntitySchema): string[] {
  const names: string[] = [];
  for (const raw of source.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    const found = name.includes('/') ? undefined : findProperty(schema, name);
    if (!found) throw badRequest(QueryMessages.unknownProperty(name, schema.typeName));
    if (!names.includes(found.name)) names.push(found.name);
  }
  if (names.length === 0) throw badRequest(`Invalid $select expression: '${source}'.`);
  return names;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/**
 * Parses `$expand` into navigation property names; nested options such as `members($select=id)` are
 * dropped (support for them is unclear: docs/graph-behaviour.md, Open questions and our choices).
 * @throws GraphQueryError 400 Request_BadRequest for unknown properties and for non-navigation properties.
 */
export function parseExpand(source: string, schema: EntitySchema): string[] {
  const names: string[] = [];
  for (const raw of splitTopLevel(source)) {
    const name = (raw.split('(')[0] ?? '').trim();
    if (name === '') continue;
    const found = findProperty(schema, name);
    if (!found || name.includes('/')) throw badRequest(QueryMessages.unknownProperty(name, schema.typeName));
    if (found.spec.ret !== 'nav') {
      throw badRequest(
        `Property '${found.name}' on type '${schema.typeName}' is not a navigation property or complex property. Only navigation properties can be expanded.`,
      );
    }
    if (!names.includes(found.name)) names.push(found.name);
  }
  if (names.length === 0) throw badRequest(`Invalid $expand expression: '${source}'.`);
  return names;
}
