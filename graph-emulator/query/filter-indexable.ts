import type { FilterNode } from './filter-ast';
import type { IndexableClause } from './query-types';
import { findProperty } from './schema-lookup';
import type { EntitySchema } from './schema-types';

function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

function scalarName(schema: EntitySchema, segments: string[]): string | undefined {
  if (segments.length !== 1) return undefined;
  const found = findProperty(schema, segments[0] as string);
  if (!found || (found.spec.type !== 'string' && found.spec.type !== 'guid')) return undefined;
  return found.name;
}

/**
 * Picks a top-level AND-conjunct of an already validated filter that a store index can answer:
 * `p eq 'v'`, `p in ('a','b')` (preferred) or `startsWith(p,'v')` on a string property. Values are
 * lower-cased; the full filter must still be applied to the candidates.
 */
export function findIndexable(node: FilterNode, schema: EntitySchema): IndexableClause | undefined {
  let prefix: IndexableClause | undefined;
  for (const c of conjuncts(node)) {
    if (c.kind === 'compare' && c.op === 'eq' && c.left.kind === 'path' && c.right.kind === 'literal') {
      const name = scalarName(schema, c.left.segments);
      if (name && (c.right.type === 'string' || c.right.type === 'guid')) {
        return { property: name, op: 'eq', values: [c.right.value.toLowerCase()] };
      }
    } else if (c.kind === 'in' && c.left.kind === 'path') {
      const name = scalarName(schema, c.left.segments);
      const values: string[] = [];
      for (const v of c.values) if (v.type === 'string' || v.type === 'guid') values.push(v.value.toLowerCase());
      if (name && values.length === c.values.length) return { property: name, op: 'in', values };
    } else if (!prefix && c.kind === 'call' && c.name === 'startsWith') {
      const [path, lit] = c.args;
      if (path?.kind === 'path' && lit?.kind === 'literal' && lit.type === 'string') {
        const name = scalarName(schema, path.segments);
        if (name) prefix = { property: name, op: 'startsWith', values: [lit.value.toLowerCase()] };
      }
    }
  }
  return prefix;
}
