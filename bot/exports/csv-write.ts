/**
 * CSV text as spreadsheets read it (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or
 * line break quoted, quotes doubled), with a byte-order mark so Excel reads UTF-8 names correctly, and cells
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) prefixed with
 * an apostrophe. Pure; never throws.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, guarded and quoted as needed. Never throws. */
export function csvCell(value: string | null | undefined): string {
  let v = value ?? '';
  if (FORMULA_START.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A whole CSV document from a header and rows, starting with a UTF-8 byte-order mark. Never throws. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
