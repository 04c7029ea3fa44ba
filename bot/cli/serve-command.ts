import { configForCommand } from '../config';
import { acceptsNoArguments } from './no-arguments';
import { createLogger, routeConsoleToLog, setProcessLogger } from '../log';
import { startLocal, writeRuntimeFile } from '../local/local-runtime';
import { startBot, openBotStore } from '../runtime';
import { OAuthTokenSource } from '../teams/user-tokens';

/**
 * `groupbot serve`: the bot alone. Local mode (no BOT_ID): with the embedded Graph emulator, or with the running
 * one at GRAPH_EMULATOR_URL (several bot processes on one directory); production: against Microsoft Graph with
 * the users' own tokens from the OAuth connection. Stops cleanly on SIGINT/SIGTERM.
 */
export async function run(argv: string[]): Promise<number> {
  if (!acceptsNoArguments('serve', argv)) return 2;
  const config = configForCommand('serve');
  if (!config) return 2;
  const log = createLogger(config.logLevel);
  setProcessLogger(log);
  routeConsoleToLog(log);
  let stop: () => Promise<void>;
  if (config.mode === 'local') {
    let local;
    try {
      local = await startLocal(config, log, { serviceUrls: config.localServiceUrls });
    } catch (err) {
      process.stderr.write(`groupbot serve: ${(err as Error).message}\n`);
      return 1;
    }
    writeRuntimeFile(config, {
      pid: process.pid,
      emulatorUrl: local.emulator.graphUrl,
      caCertPath: local.emulator.caCertPath,
      ...(local.bot ? { botEndpoint: local.bot.endpoint } : {}),
    });
    const graphLine = config.graphEmulatorUrl
      ? `using the shared graph-emulator at ${local.emulator.graphUrl}`
      : `graph-emulator listening on ${local.emulator.graphUrl}`;
    process.stdout.write(`groupbot listening on ${local.bot?.endpoint}\n${graphLine}\n`);
    stop = local.stop;
  } else {
    let store;
    let bot;
    try {
      store = await openBotStore(config);
      bot = await startBot(config, {
        graph: { baseUrl: config.graphBaseUrl, ...config.directory },
        tokens: new OAuthTokenSource('graph'),
        log,
        store,
      });
    } catch (err) {
      await store?.close();
      process.stderr.write(`groupbot serve: ${(err as Error).message}\n`);
      return 1;
    }
    const running = { bot, store };
    process.stdout.write(`groupbot listening on ${config.host}:${bot.port}/api/messages\n`);
    stop = async () => {
      await running.bot.stop();
      await running.store.close();
    };
  }
  return waitForSignal(stop);
}

/**
 * Resolves with exit code 0 after SIGINT/SIGTERM once `stop` finished. Later signals are ignored while it stops:
 * Ctrl-C on `npm start` can deliver SIGINT twice (from the terminal, and forwarded by npm when its script shell
 * execs the command, as bash does), and the second must not kill the process half-way through stopping.
 */
export function waitForSignal(stop: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = () => {
      if (stopping) return;
      stopping = true;
      stop().then(
        () => resolve(0),
        (err: Error) => {
          process.stderr.write(`groupbot: error while stopping: ${err.message}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
