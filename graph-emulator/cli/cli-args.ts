/**
 * The command-line parser of every `groupbot` sub-command (bot/cli and graph-emulator/cli): Node's own
 * `util.parseArgs`, with string options only and errors turned into short sentences for the usage line.
 */
import { parseArgs } from 'node:util';

/** Thrown for bad command-line input; the message is shown to the user as is. */
export class UsageError extends Error {}

/** Options by name (without `--`) and the positional arguments, in order. */
export interface CommandLine {
  options: Record<string, string | undefined>;
  /** The boolean flags named in `flagNames`: true when given. */
  flags: Record<string, boolean>;
  positionals: string[];
}

/**
 * Parses `--name value` and `--name=value` options restricted to `optionNames`, boolean `--flag`s restricted to
 * `flagNames`, plus positional arguments when `allowPositionals` is set (`--` ends the options, so a positional may start with a dash).
 * @throws UsageError for an unknown option, an option without its value, or a positional argument not allowed.
 */
export function parseCommandLine(
  argv: string[],
  optionNames: readonly string[],
  allowPositionals = false,
  flagNames: readonly string[] = [],
): CommandLine {
  const options = Object.fromEntries([
    ...optionNames.map((name) => [name, { type: 'string' as const }]),
    ...flagNames.map((name) => [name, { type: 'boolean' as const }]),
  ]);
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals });
    const all = values as Record<string, string | boolean | undefined>;
    const pick = <T>(names: readonly string[]): Record<string, T> =>
      Object.fromEntries(names.map((name) => [name, all[name]])) as Record<string, T>;
    const flags = Object.fromEntries(flagNames.map((name) => [name, all[name] === true]));
    return { options: pick<string | undefined>(optionNames), flags, positionals };
  } catch (err) {
    throw usageErrorOf(err);
  }
}

/**
 * Parses `--name value` pairs (also `--name=value`) restricted to the allowed names.
 * @throws UsageError for unknown options, missing values or stray arguments.
 */
export function parseOptions(argv: string[], allowed: readonly string[]): Record<string, string> {
  const { options } = parseCommandLine(argv, allowed);
  return Object.fromEntries(Object.entries(options).filter((e): e is [string, string] => e[1] !== undefined));
}

function usageErrorOf(err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err instanceof Error ? err.message : String(err);
  const quoted = /'([^' ]+)[^']*'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown argument '${quoted}'`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(`option '${quoted}' needs a value`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(`unexpected argument '${/argument '(.*)'\./.exec(message)?.[1] ?? quoted}'`);
  }
  return err instanceof Error ? err : new Error(message);
}
