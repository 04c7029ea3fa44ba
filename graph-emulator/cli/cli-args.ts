/** Minimal `--name value` argument parsing for the emulator's sub-commands. */

/** Thrown for bad command-line input; the message is shown to the user as is. */
export class UsageError extends Error {}

/**
 * Parses `--name value` pairs (also `--name=value`) restricted to the allowed names.
 * Throws UsageError for unknown options, missing values or stray arguments.
 */
export function parseOptions(argv: string[], allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    if (!allowed.includes(name)) throw new UsageError(`unknown option '--${name}'`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`option '--${name}' needs a value`);
    out[name] = value;
  }
  return out;
}
