import { UsageError, parseCommandLine } from '../../graph-emulator/cli/cli-args';

/**
 * For sub-commands configured by environment variables only (`start`, `serve`): false, with a usage line on
 * stderr, when `argv` holds anything. Throws nothing for bad input.
 */
export function acceptsNoArguments(command: string, argv: string[]): boolean {
  try {
    parseCommandLine(argv, []);
    return true;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(
      `groupbot ${command}: ${err.message}\nusage: groupbot ${command}   (settings come from environment variables; see the README, Configuration)\n`,
    );
    return false;
  }
}
