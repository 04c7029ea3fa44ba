/**
 * A small checker for the fields of a JSON object, written for the activity guard (./activity-guard.ts), which
 * runs on every turn: plain loops over a table of rules, no schema library. Objects are loose (fields without a
 * rule pass through as sent); an optional field that is JSON null is taken as absent. Pure.
 */

/** What one field must be. */
export interface FieldRule {
  kind: 'string' | 'boolean' | 'object' | 'array' | 'any';
  /** Absent (or null) is refused; otherwise absent and null are both "not given". */
  required?: boolean;
  /** An empty string is "not given" too (Teams sends replyToId ""). */
  emptyIsAbsent?: boolean;
  /** Length bounds of a string. */
  min?: number;
  max?: number;
  /** Tests a string must pass, each with what to say when it does not. */
  tests?: readonly (readonly [(text: string) => boolean, string])[];
  /** An object's own fields (a loose object); absent: any object of string keys. */
  fields?: FieldRules;
  /** Every element of an array. */
  items?: FieldRule;
}

export type FieldRules = Readonly<Record<string, FieldRule>>;

/** The first problem found, with the path of the field. */
export interface FieldProblem {
  path: string;
  /** 'missing' (required, absent), 'type' (wrong JSON type) or 'invalid' (a bound or test failed). */
  kind: 'missing' | 'type' | 'invalid';
  /** For 'type': what the field must be and what it was; for 'invalid': the sentence. */
  expected?: string;
  received?: string;
  message?: string;
}

export type FieldCheck = { ok: true; value: Record<string, unknown> } | { ok: false; problem: FieldProblem };

/** What a value is, in the words of a type problem: 'null', 'array', or its typeof. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const at = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key));

/** A string's bounds and tests; undefined when it passes. */
function stringProblem(text: string, rule: FieldRule, path: string): FieldProblem | undefined {
  if (rule.min !== undefined && text.length < rule.min)
    return { path, kind: 'invalid', message: `must be at least ${rule.min} character${rule.min === 1 ? '' : 's'}` };
  if (rule.max !== undefined && text.length > rule.max)
    return { path, kind: 'invalid', message: `must be at most ${rule.max} characters` };
  for (const [test, message] of rule.tests ?? []) if (!test(text)) return { path, kind: 'invalid', message };
  return undefined;
}

/** Checks one present, non-null value against its rule: the value to hand on (objects copied), or a problem. */
function checkValue(value: unknown, rule: FieldRule, path: string): { value: unknown } | { problem: FieldProblem } {
  const type = (expected: string): { problem: FieldProblem } => ({
    problem: { path, kind: 'type', expected, received: kindOf(value) },
  });
  switch (rule.kind) {
    case 'any':
      return { value };
    case 'string': {
      if (typeof value !== 'string') return type('string');
      const problem = stringProblem(value, rule, path);
      return problem ? { problem } : { value };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { value } : type('boolean');
    case 'object': {
      if (!isPlainObject(value)) return type('object');
      if (!rule.fields) return { value };
      const checked = checkFields(value, rule.fields, path);
      return checked.ok ? { value: checked.value } : { problem: checked.problem };
    }
    case 'array':
      return checkArray(value, rule, path, type);
  }
}

function checkArray(
  value: unknown,
  rule: FieldRule,
  path: string,
  type: (expected: string) => { problem: FieldProblem },
): { value: unknown } | { problem: FieldProblem } {
  if (!Array.isArray(value)) return type('array');
  const items = rule.items;
  if (!items) return { value };
  const out: unknown[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (item === undefined || item === null) {
      if (items.required)
        return { problem: { path: at(path, i), kind: 'type', expected: items.kind, received: kindOf(item) } };
      out[i] = undefined;
      continue;
    }
    const checked = checkValue(item, items, at(path, i));
    if ('problem' in checked) return checked;
    out[i] = checked.value;
  }
  return { value: out };
}

/**
 * Checks `input`'s fields against `rules` (fields without a rule pass through). On success `value` is a copy in
 * which optional fields that were null (or "" where `emptyIsAbsent`) are absent, at every level that has rules.
 * Never throws.
 */
export function checkFields(input: Record<string, unknown>, rules: FieldRules, path = ''): FieldCheck {
  const out: Record<string, unknown> = { ...input };
  for (const key in rules) {
    const rule = rules[key] as FieldRule;
    const value = Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;
    const absent = value === undefined || value === null || (rule.emptyIsAbsent === true && value === '');
    if (absent) {
      if (rule.required) {
        return value === null
          ? { ok: false, problem: { path: at(path, key), kind: 'type', expected: rule.kind, received: 'null' } }
          : { ok: false, problem: { path: at(path, key), kind: 'missing' } };
      }
      delete out[key];
      continue;
    }
    const checked = checkValue(value, rule, at(path, key));
    if ('problem' in checked) return { ok: false, problem: checked.problem };
    out[key] = checked.value;
  }
  return { ok: true, value: out };
}
