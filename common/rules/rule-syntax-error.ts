/** An invalid rule: `reason` says what is wrong in words a person can act on, `column` (1-based) says where. */
export class RuleSyntaxError extends Error {
  /** 1-based column of the problem in the rule text. */
  readonly column: number;
  /** The reason without the position, e.g. "expected a value after -eq". */
  readonly reason: string;

  constructor(reason: string, column: number) {
    super(`${reason} at column ${column}`);
    this.name = 'RuleSyntaxError';
    this.reason = reason;
    this.column = column;
  }
}
