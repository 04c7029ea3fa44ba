/**
 * Reads a .env file with Node's own parser (`util.parseEnv`), after a line check that Node does not make: Node
 * silently skips or merges a line that is not KEY=VALUE, which would hide a typo in a setting.
 */
import { parseEnv } from 'node:util';

/** A line that is not a comment, blank or KEY=VALUE. */
export class EnvFileSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'EnvFileSyntaxError';
  }
}

const ASSIGNMENT = /^(?:export\s+)?([^=\s]*)\s*=\s*(.*)$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses the text of a .env file: KEY=VALUE lines, `#` comments (a `#` starts a comment unless the value is
 * quoted), optional `export`, single, double or backtick quotes (double quotes turn `\n` into a newline).
 * @throws EnvFileSyntaxError on a line that is not KEY=VALUE, an invalid name, or a quote left open on its line.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const body = text.replace(/^\uFEFF/, '');
  body.split(/\r?\n/).forEach((raw, index) => checkLine(raw.trim(), index + 1));
  return parseEnv(body) as Record<string, string>;
}

function checkLine(line: string, lineNo: number): void {
  if (!line || line.startsWith('#')) return;
  const match = ASSIGNMENT.exec(line);
  if (!match) throw new EnvFileSyntaxError(lineNo, `expected KEY=VALUE, got '${line.slice(0, 40)}'`);
  const [, key = '', value = ''] = match;
  if (!KEY.test(key)) throw new EnvFileSyntaxError(lineNo, `invalid variable name '${key}'`);
  const quote = value[0];
  if ((quote === '"' || quote === "'" || quote === '`') && value.indexOf(quote, 1) < 0) {
    throw new EnvFileSyntaxError(lineNo, `unterminated ${quote} quote for ${key}`);
  }
}
