/**
 * The process entry of the `groupbot` command, in TypeScript (bin/groupbot.js runs it through tsx) and compiled
 * (`node dist/bot/cli/entry.js serve` in production, after `npm run build`). Sets the exit code; never throws.
 */
import { main } from './main';
import { routeProcessWarningsToLog } from '../log';

// Node's own warnings (deprecations and the like) go through the logger as JSON lines.
routeProcessWarningsToLog();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`groupbot: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
