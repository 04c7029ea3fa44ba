/**
 * One `node` child process in its own process group, for tests and benchmarks: it keeps what the process writes,
 * waits for a line on its stdout, and signals the whole group (the process and everything it started).
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface GroupProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything it wrote on stdout so far. */
  stdout(): string;
  /** Everything it wrote on stderr so far. */
  stderr(): string;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Whether it has not exited yet. */
  readonly running: boolean;
  /** Resolves with the exit code (or the signal name, or -1) once it has exited. Never rejects. */
  readonly exited: Promise<number | string>;
  /**
   * The first match of `re` on stdout (what is there already, then as output arrives); `'exit'` if it exits
   * first, `'timeout'` if neither happens within `timeoutMs`. Never rejects.
   */
  waitFor(re: RegExp, timeoutMs: number): Promise<RegExpExecArray | 'exit' | 'timeout'>;
  /**
   * Sends `signal` to the process group; nothing once it has exited.
   * @throws the OS error for anything but ESRCH (the group is already gone, which is the goal).
   */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once it has exited. Throws as signal() does. */
  stop(graceMs: number): Promise<void>;
  /** SIGKILL to the group (a crash); resolves once it has exited. Throws as signal() does. */
  kill(): Promise<void>;
}

/**
 * Spawns `node <args>` with exactly `env`, detached into its own process group, stdout and stderr piped and kept.
 * `stdin: 'pipe'` leaves stdin open for the caller (`child.stdin`); the default ignores it.
 */
export function spawnGroupProcess(
  args: readonly string[],
  opts: { env: NodeJS.ProcessEnv; stdin?: 'ignore' | 'pipe' },
): GroupProcess {
  const child = spawn(process.execPath, args, {
    env: opts.env,
    detached: true,
    stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let all = '';
  let exitValue: number | string | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  child.stdout?.on('data', (d: Buffer) => {
    const text = d.toString('utf8');
    out += text;
    all += text;
    notify();
  });
  child.stderr?.on('data', (d: Buffer) => {
    const text = d.toString('utf8');
    err += text;
    all += text;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitValue = code ?? signal ?? -1;
      notify();
      resolve(exitValue);
    });
  });
  const signalGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  };
  return {
    child,
    pid: child.pid as number,
    stdout: () => out,
    stderr: () => err,
    output: () => all,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    exited,
    waitFor(re, timeoutMs) {
      return new Promise((resolve) => {
        const check = (): void => {
          const m = re.exec(out);
          if (m) {
            done();
            resolve(m);
            return;
          }
          if (exitValue !== undefined) {
            done();
            resolve('exit');
          }
        };
        const timer = setTimeout(() => {
          done();
          resolve('timeout');
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    signal: signalGroup,
    async stop(graceMs) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      try {
        await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    async kill() {
      signalGroup('SIGKILL');
      await exited;
    },
  };
}
