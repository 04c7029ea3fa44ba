/**
 * Translates a rule into an equivalent Graph /users `$filter` (advanced query: send `ConsistencyLevel: eventual`
 * and `$count=true`) when one exists, so the bot can count matches on real Graph without downloading the tenant.
 * Everything else gets a plain reason: substring and regex tests, -all, properties Graph cannot filter, device,
 * Direct Reports and memberOf rules.
 */
import type { CompareNode, ExprNode, RuleAst, RuleValue } from './rule-ast';
import { defOf, instantOf } from './rule-evaluate';

type Part =
  | { kind: 'filter'; text: string; compound: 'and' | 'or' | null }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'all' };

/** Quotes text as an OData string literal (single quotes doubled). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const filter = (text: string, compound: 'and' | 'or' | null = null): Part => ({ kind: 'filter', text, compound });
const unsupported = (reason: string): Part => ({ kind: 'unsupported', reason });

function literal(v: RuleValue, nowMs: number): string | undefined {
  switch (v.kind) {
    case 'string':
      return odataString(v.value);
    case 'number':
      return odataString(v.text);
    case 'bool':
      return String(v.value);
    case 'null':
      return 'null';
    case 'dateTime':
    case 'now': {
      const ms = instantOf(v, nowMs);
      return ms === null ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
    }
    case 'array':
      return undefined;
  }
}

function listOf(v: RuleValue, nowMs: number): { list: string; hasNull: boolean } {
  const items = v.kind === 'array' ? v.items : [];
  const texts = items.filter((i) => i.kind !== 'null').map((i) => literal(i, nowMs) ?? "''");
  return { list: `(${texts.join(',')})`, hasNull: items.some((i) => i.kind === 'null') };
}

const NO_SUBSTRING = 'Graph /users $filter has no substring test';

function itemCompare(node: CompareNode, variable: string, nowMs: number): Part {
  const lit = literal(node.value, nowMs);
  if (lit === undefined) return unsupported(`-${node.op} with a list has no $filter equivalent inside -any`);
  const ref =
    node.subject.name === '_' ? variable : `${variable}/${node.subject.name.slice(node.subject.name.indexOf('.') + 1)}`;
  if (node.op === 'eq') {
    const guid =
      node.subject.name === 'assignedPlan.servicePlanId' && node.value.kind === 'string' ? node.value.value : undefined;
    return filter(`${ref} eq ${guid ?? lit}`);
  }
  if (node.op === 'startsWith' && node.subject.name === '_') return filter(`startsWith(${ref},${lit})`);
  if (node.op === 'contains' || node.op === 'notContains')
    return unsupported(`-contains has no $filter equivalent (${NO_SUBSTRING})`);
  if (node.op === 'match' || node.op === 'notMatch') return unsupported('-match has no $filter equivalent');
  return unsupported(
    `-${node.op} inside -any has no $filter equivalent (only -eq${node.subject.name === '_' ? ' and -startsWith' : ''})`,
  );
}

function compare(node: CompareNode, nowMs: number): Part {
  const label = node.subject.name;
  const def = defOf(label, 'user');
  if (!def.filterPath || def.filter === 'none') return unsupported(`${label} cannot be used in a Graph /users $filter`);
  const p = def.filterPath;
  const v = node.value;
  const op = node.op;
  if (op === 'match' || op === 'notMatch') return unsupported('-match has no $filter equivalent');
  if (op === 'contains' || op === 'notContains')
    return unsupported(`-${op} has no $filter equivalent (${NO_SUBSTRING})`);
  if (def.type === 'stringCollection') {
    if (v.kind === 'null') return unsupported(`${label} -${op} null has no $filter equivalent`);
    const lit = literal(v, nowMs);
    if (lit === undefined) return unsupported(`${label} -${op} with a list has no $filter equivalent`);
    if (op === 'eq' || op === 'ne') {
      const any = `${p}/any(x:x eq ${lit})`;
      return filter(op === 'eq' ? any : `not(${any})`);
    }
    if (op === 'startsWith' || op === 'notStartsWith') {
      const any = `${p}/any(x:startsWith(x,${lit}))`;
      return filter(op === 'startsWith' ? any : `not(${any})`);
    }
    return unsupported(`-${op} on ${label} has no $filter equivalent (only -eq and -startsWith on each item)`);
  }
  if (v.kind === 'null') {
    if (label === 'user.objectId' && op === 'ne') return { kind: 'all' };
    return filter(`${p} ${op === 'eq' ? 'eq' : 'ne'} null`);
  }
  switch (op) {
    case 'eq':
    case 'ne':
    case 'le':
    case 'ge': {
      const lit = literal(v, nowMs);
      return lit === undefined ? unsupported(`-${op} value has no $filter equivalent`) : filter(`${p} ${op} ${lit}`);
    }
    case 'in':
    case 'notIn': {
      const { list, hasNull } = listOf(v, nowMs);
      const positive = hasNull ? `(${p} in ${list} or ${p} eq null)` : `${p} in ${list}`;
      return filter(op === 'in' ? positive : `not(${positive})`);
    }
    case 'startsWith':
    case 'notStartsWith': {
      if (def.filter !== 'text') return unsupported(`-startsWith on ${label} has no $filter equivalent`);
      const f = `startsWith(${p},${literal(v, nowMs) ?? "''"})`;
      return filter(op === 'startsWith' ? f : `not(${f})`);
    }
    case 'endsWith':
    case 'notEndsWith': {
      if (p !== 'mail' && p !== 'userPrincipalName')
        return unsupported(
          `-endsWith has a $filter equivalent only on user.mail and user.userPrincipalName, not on ${label}`,
        );
      const f = `endsWith(${p},${literal(v, nowMs) ?? "''"})`;
      return filter(op === 'endsWith' ? f : `not(${f})`);
    }
    default:
      return unsupported(`-${op} has no $filter equivalent`);
  }
}

function wrap(part: { text: string; compound: 'and' | 'or' | null }, inside: 'and' | 'or'): string {
  return part.compound && part.compound !== inside ? `(${part.text})` : part.text;
}

function translate(node: ExprNode, nowMs: number, variable: string | undefined): Part {
  switch (node.type) {
    case 'compare':
      return variable ? itemCompare(node, variable, nowMs) : compare(node, nowMs);
    case 'not': {
      const inner = translate(node.operand, nowMs, variable);
      if (inner.kind === 'unsupported') return inner;
      if (inner.kind === 'all') return unsupported('the rule matches nobody');
      return filter(`not(${inner.text})`);
    }
    case 'and':
    case 'or': {
      const parts: { text: string; compound: 'and' | 'or' | null }[] = [];
      for (const operand of node.operands) {
        const part = translate(operand, nowMs, variable);
        if (part.kind === 'unsupported') return part;
        if (part.kind === 'all') {
          if (node.type === 'or') return part;
          continue;
        }
        parts.push(part);
      }
      if (parts.length === 0) return { kind: 'all' };
      if (parts.length === 1)
        return filter((parts[0] as { text: string }).text, (parts[0] as { compound: 'and' | 'or' | null }).compound);
      return filter(parts.map((p) => wrap(p, node.type)).join(` ${node.type} `), node.type);
    }
    case 'collection': {
      if (variable) return unsupported('nested -any/-all has no $filter equivalent');
      if (node.quantifier === 'all') return unsupported('-all has no $filter equivalent on /users');
      const def = defOf(node.property, 'user');
      if (!def.filterPath && def.type !== 'planCollection')
        return unsupported(`${node.property} cannot be used in a Graph /users $filter`);
      const path = def.filterPath ?? 'assignedPlans';
      const body = translate(node.body, nowMs, 'x');
      if (body.kind !== 'filter') return body.kind === 'all' ? unsupported('-any body matches everything') : body;
      return filter(`${path}/any(x:${body.text})`);
    }
  }
}

/**
 * The equivalent `$filter` for /users, or a plain reason why there is none. `nowMs` resolves `system.now`
 * (the filter is then a snapshot). Never throws.
 */
export function toODataFilter(ast: RuleAst, nowMs: number): { filter: string } | { unsupported: string } {
  if (ast.kind === 'directReports')
    return {
      unsupported: 'a Direct Reports rule has no $filter equivalent; list /users/{manager id}/directReports instead',
    };
  if (ast.kind === 'memberOf')
    return { unsupported: 'a memberOf rule has no $filter equivalent; list the members of the source groups instead' };
  if (ast.target === 'device')
    return { unsupported: 'device rules are not translated; this translator targets Graph /users' };
  const part = translate(ast.root, nowMs, undefined);
  if (part.kind === 'unsupported') return { unsupported: part.reason };
  if (part.kind === 'all') return { unsupported: 'the rule matches every user; count /users without a $filter' };
  return { filter: part.text };
}
