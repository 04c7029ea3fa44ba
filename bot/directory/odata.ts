/** OData literal helpers: user text goes into queries only through these. */

/** Quotes a string for a `$filter` literal: single quotes doubled, then URL-encoded ("O'Brien" → 'O''Brien'). */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(s: string): boolean {
  return GUID.test(s);
}

export function looksLikeEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
}

/** A `$search` phrase: double quotes removed (they delimit the term), the rest kept. */
export function searchTerm(property: string, value: string): string {
  return `"${property}:${value.replace(/"/g, '')}"`;
}

/** Query strings are built where requests are (./resources/request.ts); re-exported for the readers here. */
export { withQuery } from './resources/request';
