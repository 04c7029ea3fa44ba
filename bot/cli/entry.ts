/**
 * The process entry of the `groupbot` command, in TypeScript (bin/groupbot.js runs it through tsx) and compiled
 * (`node dist/bot/cli/entry.js serve` in production, after `npm run build`). Sets the exit code; never throws.
 */
import { main } from './main';

// restify 11 (pinned: 12 needs Node 22) touches process.binding('http_parser') through a dependency, which prints a
// DEP0111 warning on every start; it is harmless, so only that one warning is silenced.
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const first = rest[0];
  const code = typeof first === 'object' && first !== null ? (first as { code?: unknown }).code : rest[1];
  if (code === 'DEP0111') return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`groupbot: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
