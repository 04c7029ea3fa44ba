/**
 * The parsed form of a dynamic membership rule. It holds meaning only (no positions), so two texts that mean the
 * same rule (`eq` vs `-EQ`, `$null` vs `null`, redundant parentheses) parse to deep-equal trees.
 */
import type { RuleTarget } from './property-catalog';

export type CompareOp =
  | 'eq'
  | 'ne'
  | 'startsWith'
  | 'notStartsWith'
  | 'endsWith'
  | 'notEndsWith'
  | 'contains'
  | 'notContains'
  | 'match'
  | 'notMatch'
  | 'in'
  | 'notIn'
  | 'le'
  | 'ge';

/** An ISO 8601 duration such as `P30D` or `PT12H`, split into its fields. */
export interface IsoDuration {
  readonly text: string;
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export type RuleValue =
  | { readonly kind: 'string'; readonly value: string }
  | {
      readonly kind: 'number';
      readonly value: number;
      /** As written, e.g. `1.50`; text properties compare against this. */ readonly text: string;
    }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'dateTime'; readonly text: string; readonly epochMs: number }
  | {
      readonly kind: 'now';
      readonly offset: { readonly sign: 'plus' | 'minus'; readonly duration: IsoDuration } | null;
    }
  | { readonly kind: 'array'; readonly items: readonly RuleValue[] };

/** What a comparison looks at: a property (`user.department`) or, inside -any/-all, the item (`_`, `assignedPlan.service`). */
export type Subject =
  { readonly kind: 'property'; readonly name: string } | { readonly kind: 'item'; readonly name: string };

export interface CompareNode {
  readonly type: 'compare';
  readonly subject: Subject;
  readonly op: CompareOp;
  readonly value: RuleValue;
}
export interface CollectionNode {
  readonly type: 'collection';
  readonly property: string;
  readonly quantifier: 'any' | 'all';
  readonly body: ExprNode;
}
export interface AndNode {
  readonly type: 'and';
  readonly operands: readonly ExprNode[];
}
export interface OrNode {
  readonly type: 'or';
  readonly operands: readonly ExprNode[];
}
export interface NotNode {
  readonly type: 'not';
  readonly operand: ExprNode;
}
export type ExprNode = CompareNode | CollectionNode | AndNode | OrNode | NotNode;

export type RuleAst =
  | { readonly kind: 'expression'; readonly target: RuleTarget; readonly root: ExprNode }
  | { readonly kind: 'directReports'; readonly target: 'user'; readonly managerId: string }
  | { readonly kind: 'memberOf'; readonly target: RuleTarget; readonly groupIds: readonly string[] };

/** Operators that are the negation of a positive operator, and that positive operator. */
export const NEGATED_OPS: Partial<Record<CompareOp, CompareOp>> = {
  ne: 'eq',
  notStartsWith: 'startsWith',
  notEndsWith: 'endsWith',
  notContains: 'contains',
  notMatch: 'match',
  notIn: 'in',
};
