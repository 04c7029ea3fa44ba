/** Turns rule text into a CompiledRule: parse once, compile the evaluator once, answer many objects. */
import { toODataFilter } from './odata-translate';
import type { RuleTarget } from './property-catalog';
import type { RuleAst } from './rule-ast';
import { compileExpr, type CompiledExpr, type EvalEnv } from './rule-evaluate';
import { explainExpr } from './rule-explain';
import { parseRule } from './rule-parser';
import { printRule } from './rule-print';
import { RuleSyntaxError } from './rule-syntax-error';

export interface RuleContext {
  /** `system.now` for this evaluation; defaults to the current time. Pin it for previews. */
  now?: Date;
  /** Direct group ids of the user, for memberOf rules (otherwise read from the object's `memberOf`). */
  memberOf?: readonly string[];
  /**
   * How negated operators (-ne "x", -notStartsWith, -notIn, …) treat an empty value; Entra's behaviour is
   * undocumented. Default true (counted as a match).
   */
  negatedOnNull?: boolean;
}

export interface CompiledRule {
  readonly text: string;
  readonly canonical: string;
  readonly kind: 'expression' | 'directReports' | 'memberOf';
  readonly target: RuleTarget;
  /** For directReports: the manager id; for memberOf: the source group ids. */
  readonly managerId?: string;
  readonly sourceGroupIds?: readonly string[];
  /** The parsed tree (meaning only). */
  readonly ast: RuleAst;
  /** Whether the object satisfies the rule. Never throws. */
  matches(user: Record<string, unknown>, ctx?: RuleContext): boolean;
  /** Whether the object satisfies the rule, and the deciding clauses in plain English. Never throws. */
  explain(user: Record<string, unknown>, ctx?: RuleContext): { matched: boolean; reason: string };
  /** The equivalent Graph /users $filter, or a plain reason why there is none; `ctx.now` resolves system.now. Never throws. */
  toODataFilter(ctx?: RuleContext): { filter: string } | { unsupported: string };
  /** Warnings a preview must show (uncertain null semantics, regex dialect...). */
  readonly warnings: readonly string[];
}

function envOf(ctx: RuleContext | undefined): EvalEnv {
  return { nowMs: (ctx?.now ?? new Date()).getTime(), negatedOnNull: ctx?.negatedOnNull ?? true };
}

function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string')
    return (v as { id: string }).id;
  return undefined;
}

function directGroupIds(user: Record<string, unknown>, ctx: RuleContext | undefined): string[] {
  const source: readonly unknown[] = ctx?.memberOf ?? (Array.isArray(user['memberOf']) ? user['memberOf'] : []);
  return source
    .map(idOf)
    .filter((s): s is string => s !== undefined)
    .map((s) => s.toLowerCase());
}

function isDateCompare(e: CompiledExpr): boolean {
  return (
    e.type === 'compare' &&
    (e.node.value.kind === 'dateTime' || e.node.value.kind === 'now' || /employeeHireDate$/i.test(e.node.subject.name))
  );
}

/** Compiles rule text. Throws RuleSyntaxError (with a 1-based column) when the rule is invalid. */
export function compileRule(text: string): CompiledRule {
  const { ast, warnings } = parseRule(text);
  const canonical = printRule(ast);
  const base = {
    text,
    canonical,
    kind: ast.kind,
    target: ast.target,
    ast,
    warnings,
    toODataFilter: (ctx?: RuleContext) => toODataFilter(ast, envOf(ctx).nowMs),
  };

  if (ast.kind === 'directReports') {
    const managerOf = (user: Record<string, unknown>): string | undefined => idOf(user['manager'])?.toLowerCase();
    return {
      ...base,
      managerId: ast.managerId,
      matches: (user) => managerOf(user) === ast.managerId,
      explain: (user) => {
        const m = managerOf(user);
        if (m === ast.managerId) return { matched: true, reason: `reports directly to ${ast.managerId}` };
        return {
          matched: false,
          reason: m === undefined ? 'has no manager on record' : `reports to ${m}, not ${ast.managerId}`,
        };
      },
    };
  }
  if (ast.kind === 'memberOf') {
    const wanted = new Set(ast.groupIds.map((g) => g.toLowerCase()));
    return {
      ...base,
      sourceGroupIds: ast.groupIds,
      matches: (user, ctx) => directGroupIds(user, ctx).some((g) => wanted.has(g)),
      explain: (user, ctx) => {
        const hit = directGroupIds(user, ctx).find((g) => wanted.has(g));
        return hit
          ? { matched: true, reason: `is a direct member of source group ${hit}` }
          : {
              matched: false,
              reason: `is not a direct member of any of the ${wanted.size} source group${wanted.size === 1 ? '' : 's'}`,
            };
      },
    };
  }
  const expr = compileExpr(ast.root, ast.target);
  const test = expr.test;
  return {
    ...base,
    matches: (user, ctx) => test(user, envOf(ctx)),
    explain: (user, ctx) => {
      const r = explainExpr(expr, user, envOf(ctx), isDateCompare);
      return { matched: r.value, reason: r.why };
    },
  };
}

export type RuleCheck = { valid: true; canonical: string } | { valid: false; error: string; column: number };

/** Validates rule text: the canonical form, or the reason and 1-based column. Never throws. */
export function checkRule(text: string): RuleCheck {
  try {
    return { valid: true, canonical: printRule(parseRule(text).ast) };
  } catch (err) {
    if (err instanceof RuleSyntaxError) return { valid: false, error: err.reason, column: err.column };
    throw err;
  }
}
