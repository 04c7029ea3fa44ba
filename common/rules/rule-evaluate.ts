/**
 * Evaluates a parsed rule over Graph v1.0 JSON (docs/dynamic-rules.md, Operators): case-insensitive text, null-safe positive operators,
 * negated operators on empty values per `negatedOnNull`, -any false / -all true on empty collections, dates as
 * instants with `system.now` pinned by the caller. Expressions compile once into closures, so a rule costs a few
 * property reads and string comparisons per object.
 */
import { shiftInstant } from './iso-duration';
import { lookupProperty, type PropertyDef, type RuleTarget } from './property-catalog';
import { translateDotNetRegex } from './regex-dialect';
import {
  NEGATED_OPS,
  type CollectionNode,
  type CompareNode,
  type CompareOp,
  type ExprNode,
  type RuleValue,
} from './rule-ast';

/** What an evaluation depends on besides the object itself. */
export interface EvalEnv {
  /** `system.now`, in epoch milliseconds. */
  readonly nowMs: number;
  /** How negated operators (-ne "x", -notStartsWith, -notIn, …) treat an empty value: true counts it as a match. */
  readonly negatedOnNull: boolean;
}

export type Getter = (obj: unknown) => unknown;
export type Predicate = (obj: unknown, env: EvalEnv) => boolean;
/** Tests one value (already read from the object) against a comparison. */
export type LeafTest = (actual: unknown, env: EvalEnv) => boolean;

export type CompiledExpr =
  | {
      readonly type: 'compare';
      readonly node: CompareNode;
      readonly get: Getter;
      readonly isCollection: boolean;
      readonly leaf: LeafTest;
      readonly test: Predicate;
    }
  | {
      readonly type: 'collection';
      readonly node: CollectionNode;
      readonly get: Getter;
      readonly body: CompiledExpr;
      readonly test: Predicate;
    }
  | { readonly type: 'and' | 'or'; readonly operands: readonly CompiledExpr[]; readonly test: Predicate }
  | { readonly type: 'not'; readonly operand: CompiledExpr; readonly test: Predicate };

function readKey(obj: unknown, key: string | number): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  const record = obj as Record<string, unknown>;
  const direct = record[key];
  if (direct !== undefined || typeof key === 'number') return direct;
  if (!key.startsWith('extension_')) return undefined;
  const lower = key.toLowerCase();
  for (const k of Object.keys(record)) if (k.toLowerCase() === lower) return record[k];
  return undefined;
}

/** Reads a catalog path from Graph JSON; absent values read as undefined. Never throws. */
export function readPath(obj: unknown, path: readonly (string | number)[]): unknown {
  let cur = obj;
  for (const key of path) cur = readKey(cur, key);
  return cur;
}

/** A text value as the evaluator sees it: null when absent or not scalar. */
export function asText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function asBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  return null;
}

/** An instant from Graph JSON (ISO string or epoch number); null when absent or unparseable. */
export function asInstant(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string' || v === '') return null;
  const withZone = /T.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) || !v.includes('T') ? v : `${v}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : ms;
}

/** The instant a date value stands for at `nowMs`. */
export function instantOf(value: RuleValue, nowMs: number): number | null {
  if (value.kind === 'dateTime') return value.epochMs;
  if (value.kind !== 'now') return null;
  if (!value.offset) return nowMs;
  return shiftInstant(nowMs, value.offset.duration, value.offset.sign === 'plus' ? 1 : -1);
}

function upperText(v: RuleValue): string | null {
  if (v.kind === 'string') return v.value.toUpperCase();
  if (v.kind === 'number') return v.text.toUpperCase();
  return null;
}

function textLeaf(op: CompareOp, value: RuleValue): LeafTest {
  const positive = NEGATED_OPS[op];
  if (positive) {
    const pos = textLeaf(positive, value);
    if (value.kind === 'null') return (a) => asText(a) !== null;
    return (a, env) => (asText(a) === null ? env.negatedOnNull : !pos(a, env));
  }
  if (value.kind === 'null') return (a) => asText(a) === null;
  if (op === 'in') {
    const items = value.kind === 'array' ? value.items : [];
    const set = new Set(items.map(upperText).filter((s): s is string => s !== null));
    const hasNull = items.some((i) => i.kind === 'null');
    return (a) => {
      const t = asText(a);
      return t === null ? hasNull : set.has(t.toUpperCase());
    };
  }
  if (op === 'match') {
    const re = translateDotNetRegex(value.kind === 'string' ? value.value : '');
    return (a) => {
      const t = asText(a);
      return t !== null && re.test(t);
    };
  }
  const e = upperText(value) ?? '';
  switch (op) {
    case 'eq':
      return (a) => {
        const t = asText(a);
        return t !== null && t.toUpperCase() === e;
      };
    case 'startsWith':
      return (a) => {
        const t = asText(a);
        return t !== null && t.toUpperCase().startsWith(e);
      };
    case 'endsWith':
      return (a) => {
        const t = asText(a);
        return t !== null && t.toUpperCase().endsWith(e);
      };
    case 'contains':
      return (a) => {
        const t = asText(a);
        return t !== null && t.toUpperCase().includes(e);
      };
    default:
      return () => false;
  }
}

function boolLeaf(op: CompareOp, value: RuleValue): LeafTest {
  if (value.kind === 'null') return op === 'eq' ? (a) => asBool(a) === null : (a) => asBool(a) !== null;
  const expected = value.kind === 'bool' && value.value;
  if (op === 'eq') return (a) => asBool(a) === expected;
  return (a, env) => {
    const b = asBool(a);
    return b === null ? env.negatedOnNull : b !== expected;
  };
}

function dateLeaf(op: CompareOp, value: RuleValue): LeafTest {
  if (value.kind === 'null') return op === 'eq' ? (a) => asInstant(a) === null : (a) => asInstant(a) !== null;
  return (a, env) => {
    const actual = asInstant(a);
    const expected = instantOf(value, env.nowMs);
    if (expected === null) return false;
    if (actual === null) return op === 'ne' ? env.negatedOnNull : false;
    switch (op) {
      case 'eq':
        return actual === expected;
      case 'ne':
        return actual !== expected;
      case 'le':
        return actual <= expected;
      case 'ge':
        return actual >= expected;
      default:
        return false;
    }
  };
}

/** Builds the test of one comparison over a single value of the given property type. */
export function compileLeaf(def: PropertyDef | undefined, op: CompareOp, value: RuleValue): LeafTest {
  if (def?.type === 'bool') return boolLeaf(op, value);
  if (def?.type === 'dateTime') return dateLeaf(op, value);
  return textLeaf(op, value);
}

/** The items of a collection value; anything that is not an array reads as empty. */
export function itemsOf(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

function collectionCompare(op: CompareOp, value: RuleValue, def: PropertyDef): LeafTest {
  if (value.kind === 'null') return op === 'eq' ? (a) => itemsOf(a).length === 0 : (a) => itemsOf(a).length > 0;
  const positive = NEGATED_OPS[op];
  const itemTest = compileLeaf({ ...def, type: 'string' }, positive ?? op, value);
  if (positive) return (a, env) => !itemsOf(a).some((item) => itemTest(item, env));
  return (a, env) => itemsOf(a).some((item) => itemTest(item, env));
}

function itemGetter(name: string): Getter {
  if (name === '_') return (item) => item;
  const field = name.slice(name.indexOf('.') + 1);
  return (item) => readKey(item, field);
}

/** Compiles an expression tree for a target into closures. Throws only on a tree the parser would not produce. */
export function compileExpr(node: ExprNode, target: RuleTarget): CompiledExpr {
  switch (node.type) {
    case 'and': {
      const operands = node.operands.map((o) => compileExpr(o, target));
      const tests = operands.map((o) => o.test);
      return {
        type: 'and',
        operands,
        test: (obj, env) => {
          for (let i = 0; i < tests.length; i++) if (!(tests[i] as Predicate)(obj, env)) return false;
          return true;
        },
      };
    }
    case 'or': {
      const operands = node.operands.map((o) => compileExpr(o, target));
      const tests = operands.map((o) => o.test);
      return {
        type: 'or',
        operands,
        test: (obj, env) => {
          for (let i = 0; i < tests.length; i++) if ((tests[i] as Predicate)(obj, env)) return true;
          return false;
        },
      };
    }
    case 'not': {
      const operand = compileExpr(node.operand, target);
      return { type: 'not', operand, test: (obj, env) => !operand.test(obj, env) };
    }
    case 'collection': {
      const def = defOf(node.property, target);
      const get: Getter = (obj) => readPath(obj, def.path);
      const body = compileExpr(node.body, target);
      const bodyTest = body.test;
      const test: Predicate =
        node.quantifier === 'any'
          ? (obj, env) => itemsOf(get(obj)).some((item) => bodyTest(item, env))
          : (obj, env) => itemsOf(get(obj)).every((item) => bodyTest(item, env));
      return { type: 'collection', node, get, body, test };
    }
    case 'compare': {
      if (node.subject.kind === 'item') {
        const get = itemGetter(node.subject.name);
        const leaf = compileLeaf(undefined, node.op, node.value);
        return { type: 'compare', node, get, isCollection: false, leaf, test: (obj, env) => leaf(get(obj), env) };
      }
      const def = defOf(node.subject.name, target);
      const path = def.path;
      const get: Getter =
        path.length === 1 && typeof path[0] === 'string' && !path[0].startsWith('extension_')
          ? ((key: string) => (obj: unknown) =>
              obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined)(path[0])
          : (obj) => readPath(obj, path);
      const isCollection = def.type === 'stringCollection';
      const leaf = isCollection ? collectionCompare(node.op, node.value, def) : compileLeaf(def, node.op, node.value);
      return { type: 'compare', node, get, isCollection, leaf, test: (obj, env) => leaf(get(obj), env) };
    }
  }
}

/** The catalog entry of a canonical `user.x` / `device.x` name. Throws Error when the name is not in the catalog. */
export function defOf(label: string, target: RuleTarget): PropertyDef {
  const def = lookupProperty(target, label.slice(label.indexOf('.') + 1));
  if (!def) throw new Error(`internal: property ${label} is not in the catalog`);
  return def;
}
