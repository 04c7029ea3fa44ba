import type { LiteralNode, Operand, PathNode } from './filter-ast';
import { syntaxError } from './filter-lexer';
import {
  COLLECTION_TYPES,
  MAX_LITERAL_LENGTH,
  getter,
  requireMode,
  resolvePath,
  type FilterContext,
  type Predicate,
} from './filter-values';
import { QueryMessages, unsupportedQuery } from './graph-query-error';

/** The (property, string literal) arguments of startsWith / endsWith. */
export function stringArgument(
  args: Operand[],
  ctx: FilterContext,
  pos: number,
): { path: PathNode; lit: Extract<LiteralNode, { type: 'string' }> } {
  const [path, lit] = args;
  if (args.length !== 2 || !path || !lit) throw syntaxError(ctx.source, pos, 'the function takes two arguments');
  if (path.kind !== 'path') throw syntaxError(ctx.source, path.pos, 'the first argument must name a property');
  if (lit.kind !== 'literal' || lit.type !== 'string')
    throw syntaxError(ctx.source, lit.pos, 'the second argument must be a string literal');
  return { path, lit };
}

/** Case and accents folded, as the directory compares names ("francois" starts "François"). */
function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Compiles `startsWith(p,'…')` and `endsWith(p,'…')` (endsWith: advanced only); `contains` is refused.
 * @throws GraphQueryError as the support table requires.
 */
export function compileCall(name: string, args: Operand[], ctx: FilterContext): Predicate {
  const first = args[0];
  if (name === 'contains') {
    if (first && first.kind !== 'literal') {
      const found = resolvePath(first.segments, ctx);
      throw unsupportedQuery(QueryMessages.unsupportedClause(found.name, ctx.schema.resource));
    }
    throw syntaxError(ctx.source, 0, "'contains' is not supported");
  }
  const { path, lit } = stringArgument(args, ctx, first?.pos ?? 0);
  const found = resolvePath(path.segments, ctx);
  if (name === 'endsWith') requireMode(found.spec.filter?.endsWith, found.name, ctx, 'endsWith');
  else requireMode(found.spec.filter?.startsWith, found.name, ctx);
  if (COLLECTION_TYPES.has(found.spec.type)) requireMode(undefined, found.name, ctx);
  if (lit.value.length > MAX_LITERAL_LENGTH) requireMode(undefined, found.name, ctx);
  const get = getter(found.name);
  const want = foldText(lit.value);
  return name === 'endsWith'
    ? (o) => {
        const v = get(o);
        return typeof v === 'string' && foldText(v).endsWith(want);
      }
    : (o) => {
        const v = get(o);
        return typeof v === 'string' && foldText(v).startsWith(want);
      };
}
