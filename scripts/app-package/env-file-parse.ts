/** A tiny .env parser: KEY=VALUE lines, `#` comments, optional `export`, single or double quotes. */

/** A line that is not a comment, blank or KEY=VALUE. */
export class EnvFileSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'EnvFileSyntaxError';
  }
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses the text of a .env file. Unquoted values lose a trailing ` # comment` and surrounding blanks;
 * double-quoted values understand \n, \t, \" and \\; single-quoted values are taken literally.
 * @throws EnvFileSyntaxError on a line that is not KEY=VALUE or has an unterminated quote.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const body = line.startsWith('export ') ? line.slice(7).trimStart() : line;
    const eq = body.indexOf('=');
    if (eq <= 0) throw new EnvFileSyntaxError(lineNo, `expected KEY=VALUE, got '${line.slice(0, 40)}'`);
    const key = body.slice(0, eq).trim();
    if (!KEY.test(key)) throw new EnvFileSyntaxError(lineNo, `invalid variable name '${key}'`);
    let value = body.slice(eq + 1).trim();
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      const close = value.indexOf(quote, 1);
      let end = close;
      if (quote === '"') {
        end = -1;
        for (let i = 1; i < value.length; i++) {
          if (value[i] === '\\') { i++; continue; }
          if (value[i] === '"') { end = i; break; }
        }
      }
      if (end < 0) throw new EnvFileSyntaxError(lineNo, `unterminated ${quote} quote for ${key}`);
      const inner = value.slice(1, end);
      value = quote === "'" ? inner : inner.replace(/\\([nt"\\])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
    } else {
      const hash = value.search(/\s#/);
      if (hash >= 0) value = value.slice(0, hash).trimEnd();
    }
    out[key] = value;
  });
  return out;
}
