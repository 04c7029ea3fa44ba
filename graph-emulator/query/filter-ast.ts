/** A literal value in a `$filter`. */
export type LiteralNode =
  | { kind: 'literal'; type: 'string'; value: string; pos: number }
  | { kind: 'literal'; type: 'guid'; value: string; pos: number }
  | { kind: 'literal'; type: 'datetime'; value: string; pos: number }
  | { kind: 'literal'; type: 'number'; value: number; pos: number }
  | { kind: 'literal'; type: 'boolean'; value: boolean; pos: number }
  | { kind: 'literal'; type: 'null'; value: null; pos: number };

/** A property path such as `displayName`, `a/skuId` or `onPremisesExtensionAttributes/extensionAttribute1`. */
export interface PathNode {
  kind: 'path';
  segments: string[];
  pos: number;
}

/** `proxyAddresses/$count` */
export interface CountNode {
  kind: 'count';
  segments: string[];
  pos: number;
}

export type Operand = PathNode | CountNode | LiteralNode;

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** The boolean expression tree of a `$filter`. */
export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode; pos: number }
  | { kind: 'not'; operand: FilterNode; pos: number }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand; pos: number }
  | { kind: 'in'; left: Operand; values: LiteralNode[]; pos: number }
  | { kind: 'call'; name: string; args: Operand[]; pos: number }
  | { kind: 'lambda'; quantifier: 'any' | 'all'; segments: string[]; variable: string; body: FilterNode; pos: number };
