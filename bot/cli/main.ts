/**
 * The `groupbot` command line: one sub-command per file, loaded only when called so that
 * `groupbot parse` does not pay for the emulator or the Teams stack.
 */
export type SubCommand = (argv: string[]) => Promise<number>;

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading: only the chosen sub-command's modules are loaded (tsx runs import() as ESM, which cannot resolve extension-less paths). */
const SUBCOMMANDS: Record<string, { summary: string; load: () => Promise<SubCommand> }> = {
  start: {
    summary: 'local mode: Graph emulator + bot + Agents Playground',
    load: async () => (require('./start-command') as { run: SubCommand }).run,
  },
  serve: {
    summary: 'run the bot alone (local or production mode)',
    load: async () => (require('./serve-command') as { run: SubCommand }).run,
  },
  chat: {
    summary: 'chat with the bot in this terminal: chat [--as <upn>]',
    load: async () => (require('./chat-command') as { run: SubCommand }).run,
  },
  cloud: {
    summary: 'production mode on this machine (local cloud + Teams chat here): cloud [--as <upn>] [--no-sso]',
    load: async () => (require('./cloud-command') as { run: SubCommand }).run,
  },
  parse: {
    summary: 'parse "<text>" or parse - (one utterance a line on stdin)',
    load: async () => (require('./parse-command') as { run: SubCommand }).run,
  },
  rule: {
    summary: 'rule check "<rule>" | rule eval "<rule>" (users as JSON lines on stdin)',
    load: async () => (require('./rule-command') as { run: SubCommand }).run,
  },
  emulator: {
    summary: 'run the local Graph v1.0 emulator: emulator --port P --data DIR',
    load: async () => (require('../../graph-emulator/cli/emulator-command') as { run: SubCommand }).run,
  },
  token: {
    summary: 'print a bearer token for a demo user: token --as UPN --data DIR',
    load: async () => (require('../../graph-emulator/cli/token-command') as { run: SubCommand }).run,
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

function usage(): string {
  const lines = ['usage: groupbot <command> [options]', '', 'commands:'];
  for (const [name, { summary }] of Object.entries(SUBCOMMANDS)) lines.push(`  ${name.padEnd(9)} ${summary}`);
  return lines.join('\n') + '\n';
}

/** Runs the command line; resolves to the process exit code. Throws only on programming errors. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = SUBCOMMANDS[name];
  if (!entry) {
    process.stderr.write(`groupbot: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const run = await entry.load();
  return run(rest);
}
