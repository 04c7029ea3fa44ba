/**
 * Runs `node bin/groupbot.js <command>` as a separate process for tests (each in its own process group), waits
 * for the line that says it is ready, keeps its output, and kills it: gracefully (SIGTERM, then SIGKILL after
 * 5 s) or abruptly (SIGKILL, as a crash).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const GROUPBOT = join(__dirname, '..', '..', 'bin', 'groupbot.js');

/** The process did not become ready; the message ends with its output. */
export class GroupbotStartError extends Error {
  constructor(message: string, readonly output: string) {
    super(`${message}\n--- output ---\n${output.split('\n').slice(-30).join('\n')}`);
    this.name = 'GroupbotStartError';
  }
}

export interface GroupbotProcess {
  pid: number;
  /** The match of the `ready` pattern on stdout. */
  ready: RegExpExecArray;
  /** Everything it wrote on stdout and stderr so far. */
  output(): string;
  /** Whether it has exited. */
  readonly running: boolean;
  /** SIGKILL to its process group (a crash); resolves once it has exited. Never rejects. */
  crash(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s; resolves once it has exited. Never rejects. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch (err) {
    // ESRCH: already gone, which is the goal.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/**
 * Starts `groupbot <args>` with `env` over the current environment (BOT_ID and MicrosoftAppId removed: local
 * mode), and resolves once stdout matches `ready`.
 * @throws GroupbotStartError when it exits first or is not ready within `timeoutMs` (default 30 s); it is then killed.
 */
export async function startGroupbot(args: readonly string[], opts: { env?: Record<string, string>; ready: RegExp; timeoutMs?: number }): Promise<GroupbotProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_PROXY: 'localhost,127.0.0.1', ...opts.env };
  delete env.BOT_ID;
  delete env.MicrosoftAppId;
  const child = spawn(process.execPath, [GROUPBOT, ...args], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let all = '';
  child.stderr?.on('data', (c: Buffer) => { all += c.toString('utf8'); });
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const ready = await new Promise<RegExpExecArray | 'exit' | 'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    child.stdout?.on('data', (c: Buffer) => {
      const text = c.toString('utf8');
      stdout += text;
      all += text;
      const m = opts.ready.exec(stdout);
      if (m) { clearTimeout(timer); resolve(m); }
    });
    child.once('exit', () => { clearTimeout(timer); resolve('exit'); });
  });
  const stop = async (): Promise<void> => {
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timer);
  };
  if (ready === 'exit' || ready === 'timeout') {
    await stop();
    throw new GroupbotStartError(ready === 'exit'
      ? `groupbot ${args.join(' ')} exited at start (code ${child.exitCode})`
      : `groupbot ${args.join(' ')} did not print ${opts.ready} within ${timeoutMs} ms`, all);
  }
  return {
    pid: child.pid as number,
    ready,
    output: () => all,
    get running() { return child.exitCode === null && child.signalCode === null; },
    crash: async () => {
      signalGroup(child, 'SIGKILL');
      await exited(child);
    },
    stop,
  };
}
