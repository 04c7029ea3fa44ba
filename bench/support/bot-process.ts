/**
 * Starts a bot as a child process (its own process group) and waits for the line that gives its endpoint;
 * stop() sends SIGTERM to the group and SIGKILL after 10 s.
 */
import { spawnGroupProcess } from '../../test/support/process-group';

export interface BotProcess {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Spawns `node <args>` and resolves once stdout matches `readyLine` (its group 1 is the endpoint).
 * @throws Error when the process exits first or is not ready within `timeoutMs`, with its stderr.
 */
export async function startBotProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  readyLine: RegExp,
  timeoutMs = 180_000,
): Promise<BotProcess> {
  const proc = spawnGroupProcess(args, { env });
  const stop = (): Promise<void> => proc.stop(10_000);
  const ready = await proc.waitFor(readyLine, timeoutMs);
  if (ready === 'timeout') {
    await stop();
    throw new Error(`${args.join(' ')} was not ready within ${timeoutMs} ms\n${proc.stderr().slice(-2000)}`);
  }
  if (ready === 'exit')
    throw new Error(`${args.join(' ')} exited with ${proc.child.exitCode}\n${proc.stderr().slice(-2000)}`);
  return { endpoint: ready[1] as string, pid: proc.pid, stop };
}
