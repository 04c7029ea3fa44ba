/**
 * The process entry of the `groupbot` command, in TypeScript (bin/groupbot.js runs it through tsx) and compiled
 * (`node dist/bot/cli/entry.js serve` in production, after `npm run build`). Sets the exit code; never throws.
 */
import { main } from './main';
import { routeProcessWarningsToLog } from '../log';

// Node's warnings go through the logger as JSON lines. restify 11 (pinned: 12 needs Node 22) touches
// process.binding('http_parser') through a dependency, which raises a DEP0111 warning on every start; it is
// harmless, so only that one is left out.
routeProcessWarningsToLog(['DEP0111']);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`groupbot: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
