/**
 * Child process of bench/bot-turn.ts: the plain botbuilder echo bot (test/support/echo-bot.ts) on 127.0.0.1,
 * port 0. Prints "listening <endpoint>" once ready; stops on SIGTERM/SIGINT.
 */
import { startEchoBot } from '../../test/support/echo-bot';

startEchoBot({ port: 0 }).then(
  (bot) => {
    process.stdout.write(`listening ${bot.endpoint}\n`);
    // Nothing to flush: exit at once (closing the server would wait for the benchmark's keep-alive sockets).
    const stop = (): void => process.exit(0);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  },
  (err: Error) => {
    process.stderr.write(`echo-serve: ${err.message}\n`);
    process.exitCode = 1;
  },
);
