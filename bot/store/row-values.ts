import type { SqlRow } from './sql-client';

/** Thrown when a row does not have the shape the schema promises (a bug or a foreign schema). */
export class StoreRowError extends Error {
  constructor(column: string, expected: string, value: unknown) {
    super(`Store row column '${column}' should be ${expected}, got ${typeof value}`);
    this.name = 'StoreRowError';
  }
}

/** Reads a text column. Throws StoreRowError when it is not a string. */
export function text(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new StoreRowError(column, 'text', value);
  return value;
}

/** Reads a nullable text column. Throws StoreRowError when it is neither null nor a string. */
export function textOrNull(row: SqlRow, column: string): string | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new StoreRowError(column, 'text', value);
  return value;
}

/** Reads an integer column. Throws StoreRowError when it is not a number. */
export function int(row: SqlRow, column: string): number {
  const value = row[column];
  if (typeof value !== 'number') throw new StoreRowError(column, 'integer', value);
  return value;
}

/** Reads a nullable integer column. Throws StoreRowError when it is neither null nor a number. */
export function intOrNull(row: SqlRow, column: string): number | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number') throw new StoreRowError(column, 'integer', value);
  return value;
}

/** Reads a timestamptz column. Throws StoreRowError when it is not a date. */
export function date(row: SqlRow, column: string): Date {
  const value = row[column];
  if (value instanceof Date) return value;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
  throw new StoreRowError(column, 'timestamptz', value);
}

/** Reads a nullable timestamptz column. Throws StoreRowError when it is neither null nor a date. */
export function dateOrNull(row: SqlRow, column: string): Date | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  return date(row, column);
}

/** Reads a nullable jsonb object column. Throws StoreRowError when it holds something other than an object. */
export function objectOrNull(row: SqlRow, column: string): Record<string, unknown> | null {
  let value = row[column];
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') value = JSON.parse(value) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StoreRowError(column, 'a JSON object', value);
  }
  return value as Record<string, unknown>;
}

/** Reads two columns as a person reference; null when the id column is null. */
export function personOrNull(row: SqlRow, idColumn: string, nameColumn: string): { id: string; name: string } | null {
  const id = textOrNull(row, idColumn);
  if (id === null) return null;
  return { id, name: textOrNull(row, nameColumn) ?? '' };
}
