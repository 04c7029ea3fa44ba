/**
 * `groupbot emulator --port P --data DIR [--seed demo|large:N] [--dynamic-delay-ms MS]`: runs the Graph emulator
 * until SIGINT or SIGTERM. Prints `graph-emulator listening on https://localhost:P/v1.0` and `ca-certificate: <path>`.
 */
import { startEmulator } from '../index';
import { UsageError, parseOptions } from './cli-args';

const USAGE =
  'usage: groupbot emulator --port P --data DIR [--seed demo|large:N] [--dynamic-delay-ms MS] [--replication-lag-seconds S]';

function parseSeed(value: string | undefined): 'demo' | { large: number } {
  if (value === undefined || value === 'demo') return 'demo';
  const m = /^large:(\d+)$/.exec(value);
  if (!m) throw new UsageError(`--seed must be 'demo' or 'large:N' (N users), got '${value}'`);
  const n = Number(m[1]);
  if (n < 10 || n > 2_000_000) throw new UsageError(`--seed large:N needs N between 10 and 2000000, got ${n}`);
  return { large: n };
}

/** Runs the command; resolves to the exit code once stopped. Never throws. */
export async function run(argv: string[]): Promise<number> {
  let opts: Record<string, string>;
  let seed: 'demo' | { large: number };
  let port: number;
  let dynamicProcessingDelayMs: number | undefined;
  let replicationLagSeconds: number | undefined;
  try {
    opts = parseOptions(argv, ['port', 'data', 'seed', 'dynamic-delay-ms', 'replication-lag-seconds']);
    if (!opts.data) throw new UsageError('--data DIR is required');
    port = opts.port === undefined ? 0 : Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a port number (0-65535), got '${opts.port}'`);
    seed = parseSeed(opts.seed);
    const delay = opts['dynamic-delay-ms'];
    if (delay !== undefined) {
      dynamicProcessingDelayMs = /^\d+$/.test(delay) ? Number(delay) : NaN;
      if (!(dynamicProcessingDelayMs <= 3_600_000))
        throw new UsageError(`--dynamic-delay-ms must be a whole number of milliseconds, got '${delay}'`);
    }
    const lag = opts['replication-lag-seconds'];
    if (lag !== undefined) {
      replicationLagSeconds = /^\d+$/.test(lag) ? Number(lag) : NaN;
      if (!(replicationLagSeconds <= 3600))
        throw new UsageError(`--replication-lag-seconds must be a whole number from 0 to 3600, got '${lag}'`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`groupbot emulator: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  let emulator;
  try {
    emulator = await startEmulator({
      dataDir: opts.data,
      port,
      seed,
      ...(dynamicProcessingDelayMs !== undefined ? { dynamicProcessingDelayMs } : {}),
      ...(replicationLagSeconds !== undefined ? { replicationLagSeconds } : {}),
    });
  } catch (err) {
    process.stderr.write(`groupbot emulator: could not start on '${opts.data}': ${(err as Error).message}\n`);
    return 1;
  }
  if (emulator.seedSeconds > 0)
    process.stdout.write(
      `seeded ${typeof seed === 'object' ? `large:${seed.large}` : 'demo'} tenant in ${emulator.seedSeconds.toFixed(1)} s\n`,
    );
  process.stdout.write(`graph-emulator listening on ${emulator.graphUrl}\n`);
  process.stdout.write(`ca-certificate: ${emulator.caCertPath}\n`);
  const running = emulator;
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      process.stdout.write(`graph-emulator stopping (${signal})\n`);
      running.stop().then(
        () => resolve(0),
        (err: unknown) => {
          process.stderr.write(`groupbot emulator: error while stopping: ${(err as Error).message}\n`);
          resolve(1);
        },
      );
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}
