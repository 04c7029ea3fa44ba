/**
 * Starts a bot as a child process (its own process group) and waits for the line that gives its endpoint;
 * stop() sends SIGTERM to the group and SIGKILL after 10 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface BotProcess {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/**
 * Spawns `node <args>` and resolves once stdout matches `readyLine` (its group 1 is the endpoint).
 * @throws Error when the process exits first or is not ready within `timeoutMs`, with its stderr.
 */
export function startBotProcess(args: string[], env: NodeJS.ProcessEnv, readyLine: RegExp, timeoutMs = 180_000): Promise<BotProcess> {
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => { err += d.toString('utf8'); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { void stop().then(() => reject(new Error(`${args.join(' ')} was not ready within ${timeoutMs} ms\n${err.slice(-2000)}`))); }, timeoutMs);
    let ready = false;
    child.once('exit', (code) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}\n${err.slice(-2000)}`));
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = readyLine.exec(out);
      if (!m || ready) return;
      ready = true;
      clearTimeout(timer);
      child.stdout?.resume();
      resolve({ endpoint: m[1] as string, pid: child.pid as number, stop });
    });
  });
}
