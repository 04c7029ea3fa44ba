/** A row as the database driver returns it: column name → value (Date for timestamptz, object for jsonb). */
export type SqlRow = Record<string, unknown>;

/** Runs SQL. Both drivers (PGlite and `pg`) are wrapped to this one shape so every query runs on both. */
export interface SqlExecutor {
  /**
   * Runs one parameterised statement and returns its rows. `Date` parameters are sent as ISO 8601 strings.
   * Throws the driver's error (a PostgreSQL error with `code`) when the statement fails.
   */
  query<R extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters. Throws the driver's error on failure. */
  exec(script: string): Promise<void>;
}

/** A connection (PGlite) or a pool of connections (PostgreSQL). */
export interface SqlClient extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction (READ COMMITTED): committed when it resolves, rolled back when it throws.
   * Rethrows whatever `work` or the driver throws.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Closes the connection(s). Safe to call twice. */
  close(): Promise<void>;
}

/** Converts parameters to what both drivers accept identically (Dates as ISO strings). */
export function normaliseParams(params: readonly unknown[] | undefined): unknown[] {
  if (!params) return [];
  return params.map((p) => (p instanceof Date ? p.toISOString() : p));
}
