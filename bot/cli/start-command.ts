import * as net from 'node:net';
import * as path from 'node:path';
import { configForCommand } from '../config';
import { createLogger, routeConsoleToLog, setProcessLogger } from '../log';
import { startLocal, writeRuntimeFile } from '../local/local-runtime';
import { playgroundServiceUrl, startPlayground } from '../local/playground-process';
import { writePlaygroundConfig, PLAYGROUND_PERSONAL_CHAT_ID } from '../local/playground-config';
import { acceptsNoArguments } from './no-arguments';
import { waitForSignal } from './serve-command';
import { startLogLevel } from './start-log-level';

/**
 * `groupbot start` (npm start): local mode end to end — the Graph emulator, the bot and the Microsoft 365
 * Agents Playground, all on loopback, telemetry off, no browser opened. Prints the Playground URL once the
 * chat is ready. Ctrl-C stops every part.
 */
export async function run(argv: string[]): Promise<number> {
  if (!acceptsNoArguments('start', argv)) return 2;
  const t0 = Date.now();
  const config = configForCommand('start');
  if (!config) return 2;
  if (config.mode !== 'local') {
    process.stderr.write(
      'groupbot start: BOT_ID is set, so this is production mode; use `groupbot serve` (the Playground is for local mode).\n',
    );
    return 2;
  }
  // At a terminal the human lines come first: routine JSON lines only at LOG_LEVEL=debug (start-log-level.ts).
  const log = createLogger(startLogLevel(config.logLevel, process.stdout.isTTY === true));
  setProcessLogger(log);
  routeConsoleToLog(log);
  // The Playground has no "any free port" of its own (0 makes it pick one silently, which startPlayground
  // then reports as "port taken"), so PLAYGROUND_PORT=0 is resolved to a free loopback port here. It is known
  // before the bot starts, so the bot replies to the Playground's connector and nowhere else.
  const playgroundPort = config.playgroundPort || (await freeLoopbackPort());
  let local;
  try {
    local = await startLocal(config, log, { serviceUrls: [playgroundServiceUrl(playgroundPort)] });
  } catch (err) {
    process.stderr.write(`groupbot start: ${(err as Error).message}\n`);
    return 1;
  }
  const configPath = path.join(config.dataDir, 'playground', 'm365agentsplayground.yml');
  let playground;
  try {
    writePlaygroundConfig(configPath);
    playground = await startPlayground({
      port: playgroundPort,
      botEndpoint: local.bot?.endpoint ?? '',
      configPath,
      logFile: path.join(config.dataDir, 'playground', 'playground.log'),
      conversationId: PLAYGROUND_PERSONAL_CHAT_ID,
    });
  } catch (err) {
    await local.stop();
    process.stderr.write(`groupbot start: ${(err as Error).message}\n`);
    return 1;
  }
  writeRuntimeFile(config, {
    pid: process.pid,
    emulatorUrl: local.emulator.graphUrl,
    caCertPath: local.emulator.caCertPath,
    ...(local.bot ? { botEndpoint: local.bot.endpoint } : {}),
    playgroundUrl: playground.url,
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  process.stdout.write(
    [
      `graph-emulator listening on ${local.emulator.graphUrl}`,
      `groupbot listening on ${local.bot?.endpoint}`,
      `Agents Playground: ${playground.url}  (open it in a browser; you are Megan Bowen, Global Administrator)`,
      `ready in ${seconds} s. Press Ctrl-C to stop.`,
      '',
    ].join('\n'),
  );
  return waitForSignal(async () => {
    await playground.stop();
    await local.stop();
  });
}

/** A port that is free on 127.0.0.1 right now. Rejects when nothing can be bound. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}
