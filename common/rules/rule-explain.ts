/**
 * Says in plain English which clauses decided a rule for one object: all clauses of a satisfied -and, the first
 * satisfied clause of an -or; for a non-match, the first failing clause of an -and ("city is Paris, not Seattle")
 * or every failing clause of an -or.
 */
import { NEGATED_OPS, type CompareOp, type RuleValue } from './rule-ast';
import { asInstant, asText, instantOf, itemsOf, type CompiledExpr, type EvalEnv } from './rule-evaluate';

export interface Explanation {
  readonly value: boolean;
  readonly why: string;
}

/** A property label in words: `user.jobTitle` → "job title", `user.extensionAttribute3` → "extension attribute 3". */
export function friendlyName(label: string): string {
  const name = label.slice(label.indexOf('.') + 1);
  const ext = /^extension_[0-9a-f]{32}_(.+)$/i.exec(name);
  if (ext) return `${ext[1] ?? name} (extension)`;
  const special: Record<string, string> = {
    objectId: 'object id',
    userPrincipalName: 'user principal name (UPN)',
    mail: 'mail',
    deviceOSType: 'device OS type',
    deviceOSVersion: 'device OS version',
    usageLocation: 'usage location',
    employeeHireDate: 'hire date',
    physicalDeliveryOfficeName: 'office',
    facsimileTelephoneNumber: 'fax number',
    mobile: 'mobile phone',
    _: 'item',
  };
  if (special[name]) return special[name];
  if (name.startsWith('assignedPlan.')) return friendlyName(`x.${name.slice('assignedPlan.'.length)}`);
  return name
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

function showDate(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function showExpected(value: RuleValue, env: EvalEnv): string {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'number':
      return value.text;
    case 'bool':
      return String(value.value);
    case 'null':
      return 'empty';
    case 'dateTime':
      return showDate(value.epochMs);
    case 'now': {
      const at = instantOf(value, env.nowMs);
      const base = value.offset ? `now ${value.offset.sign} ${value.offset.duration.text}` : 'now';
      return at === null ? base : `${showDate(at)} (${base})`;
    }
    case 'array':
      return value.items.map((i) => showExpected(i, env)).join(', ');
  }
}

function showActual(actual: unknown, isDate: boolean): string | null {
  if (isDate) {
    const ms = asInstant(actual);
    return ms === null ? null : showDate(ms);
  }
  return asText(actual);
}

const VERBS: Partial<Record<CompareOp, [string, string]>> = {
  startsWith: ['starts with', 'does not start with'],
  endsWith: ['ends with', 'does not end with'],
  contains: ['contains', 'does not contain'],
  match: ['matches', 'does not match'],
  notStartsWith: ['does not start with', 'starts with'],
  notEndsWith: ['does not end with', 'ends with'],
  notContains: ['does not contain', 'contains'],
  notMatch: ['does not match', 'matches'],
};

/** One comparison in words; `name` is empty for the `_` item, whose value then speaks for itself. */
export function describeComparison(
  name: string,
  op: CompareOp,
  value: RuleValue,
  actual: unknown,
  result: boolean,
  env: EvalEnv,
  isDate: boolean,
): string {
  const a = showActual(actual, isDate);
  const e = showExpected(value, env);
  const subject = name === '' ? (a ?? 'an empty item') : name;
  const is = (what: string): string => (name === '' ? what : `${name} is ${what}`);
  const shown = a ?? 'empty';
  if (value.kind === 'null') {
    const empty = a === null;
    return empty ? is('empty') : is(`set (${shown})`);
  }
  switch (op) {
    case 'eq':
      return result ? (name === '' ? `${shown} equals ${e}` : `${name} equals ${e}`) : is(`${shown}, not ${e}`);
    case 'ne':
      return result ? is(`${shown}, not ${e}`) : name === '' ? `${shown} equals ${e}` : `${name} equals ${e}`;
    case 'in':
      return result ? is(`${shown}, one of ${e}`) : is(`${shown}, not one of ${e}`);
    case 'notIn':
      return result ? is(`${shown}, not one of ${e}`) : is(`${shown}, which is in the excluded list (${e})`);
    case 'le':
      return a === null ? is('empty') : result ? is(`${shown}, on or before ${e}`) : is(`${shown}, after ${e}`);
    case 'ge':
      return a === null ? is('empty') : result ? is(`${shown}, on or after ${e}`) : is(`${shown}, before ${e}`);
    default: {
      const [yes, no] = VERBS[op] ?? ['matches', 'does not match'];
      if (a === null) {
        const negated = op.startsWith('not');
        const suffix = result === negated ? '' : ' (empty values are treated as not matching here)';
        return `${is('empty')}, so it ${negated ? yes : no} ${e}${suffix}`;
      }
      if (result) return name === '' ? `${shown} ${yes} ${e}` : `${subject} ${yes} ${e} (${shown})`;
      return name === '' ? `${shown} ${no} ${e}` : `${name} is ${shown}, which ${no} ${e}`;
    }
  }
}

const POSITIVE_VERB: Partial<Record<CompareOp, string>> = {
  eq: 'equals',
  startsWith: 'starts with',
  endsWith: 'ends with',
  contains: 'contains',
  match: 'matches',
  in: 'is one of',
};

/** A string operator applied directly to a multi-valued property: any item (positive) or no item (negated). */
function describeCollectionCompare(
  label: string,
  expr: Extract<CompiledExpr, { type: 'compare' }>,
  actual: unknown,
  value: boolean,
  env: EvalEnv,
): string {
  const items = itemsOf(actual);
  const { op, value: expected } = expr.node;
  if (expected.kind === 'null')
    return items.length === 0
      ? `${label} is empty`
      : `${label} is set (${items.length} item${items.length === 1 ? '' : 's'})`;
  if (items.length === 0) return `${label} is empty`;
  const positive = NEGATED_OPS[op] ?? op;
  const verb = POSITIVE_VERB[positive] ?? positive;
  const e = showExpected(expected, env);
  const hit = items.find((item) => !!asText(item) && expr.leaf([item], env) === (positive === op));
  const hitText = hit === undefined ? undefined : asText(hit);
  const anyHit = (positive === op) === value;
  if (anyHit && hitText) return `${label} has an item that ${verb} ${e} (${hitText})`;
  return `no item of ${label} ${verb} ${e}`;
}

function joinAll(parts: string[]): string {
  return parts.join(', and ');
}

/** Evaluates and explains a compiled expression for one object (or one collection item). */
export function explainExpr(
  expr: CompiledExpr,
  obj: unknown,
  env: EvalEnv,
  isDate: (e: CompiledExpr) => boolean,
): Explanation {
  switch (expr.type) {
    case 'and': {
      const parts: string[] = [];
      for (const o of expr.operands) {
        const r = explainExpr(o, obj, env, isDate);
        if (!r.value) return r;
        parts.push(r.why);
      }
      return { value: true, why: joinAll(parts) };
    }
    case 'or': {
      const parts: string[] = [];
      for (const o of expr.operands) {
        const r = explainExpr(o, obj, env, isDate);
        if (r.value) return r;
        parts.push(r.why);
      }
      return { value: false, why: joinAll(parts) };
    }
    case 'not': {
      const r = explainExpr(expr.operand, obj, env, isDate);
      return r.value ? { value: false, why: `${r.why}, which the rule excludes` } : { value: true, why: r.why };
    }
    case 'collection': {
      const name = friendlyName(expr.node.property);
      const items = itemsOf(expr.get(obj));
      if (items.length === 0) {
        return expr.node.quantifier === 'any'
          ? { value: false, why: `${name} is empty` }
          : { value: true, why: `${name} is empty, so every item trivially qualifies` };
      }
      const results = items.map((item) => explainExpr(expr.body, item, env, isDate));
      if (expr.node.quantifier === 'any') {
        const hit = results.find((r) => r.value);
        return hit
          ? { value: true, why: `${name} has a qualifying item: ${hit.why}` }
          : { value: false, why: `no item of ${name} qualifies (${results[0]?.why ?? ''})` };
      }
      const miss = results.find((r) => !r.value);
      return miss
        ? { value: false, why: `an item of ${name} does not qualify: ${miss.why}` }
        : { value: true, why: `every item of ${name} qualifies` };
    }
    case 'compare': {
      const actual = expr.get(obj);
      const value = expr.leaf(actual, env);
      const label = expr.node.subject.name === '_' ? '' : friendlyName(expr.node.subject.name);
      if (expr.isCollection) return { value, why: describeCollectionCompare(label, expr, actual, value, env) };
      return { value, why: describeComparison(label, expr.node.op, expr.node.value, actual, value, env, isDate(expr)) };
    }
  }
}
