/**
 * Starts a TypeScript child process (tsx) with an environment that trusts the local CA (NODE_EXTRA_CA_CERTS is
 * read only at process start), and talks to it one JSON line per request: the parent side of client-worker.ts.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as readline from 'node:readline';

export interface WorkerError {
  message: string;
  status?: number;
  code?: string;
}

export class TrustedChild {
  private next = 1;
  private readonly waiting = new Map<number, (r: { ok: boolean; result?: unknown; error?: WorkerError }) => void>();
  private stderr = '';
  /** The child's ready line (e.g. a port it listens on). */
  info: Record<string, unknown> = {};

  private constructor(private readonly proc: ChildProcessWithoutNullStreams) {}

  /** Spawns `file` and waits for its `{ready: true}` line. Rejects when it exits first. */
  static start(file: string, env: Record<string, string>): Promise<TrustedChild> {
    const proc = spawn(process.execPath, ['-r', 'tsx/cjs', file], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const child = new TrustedChild(proc);
    proc.stderr.on('data', (c: Buffer) => (child.stderr = (child.stderr + c.toString()).slice(-4000)));
    return new Promise((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`worker exited (${code}) before ready: ${child.stderr}`)));
      readline.createInterface({ input: proc.stdout }).on('line', (line) => {
        const msg = JSON.parse(line) as { ready?: boolean; id?: number; ok: boolean };
        if (msg.ready) {
          child.info = msg as Record<string, unknown>;
          return resolve(child);
        }
        const done = msg.id !== undefined ? child.waiting.get(msg.id) : undefined;
        if (done && msg.id !== undefined) {
          child.waiting.delete(msg.id);
          done(msg as { ok: boolean });
        }
      });
    });
  }

  /** Runs an op; resolves with its result or rejects with the worker's error (message, status, code). */
  async call<T = unknown>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const r = await this.send(op, args);
    if (!r.ok) throw Object.assign(new Error((r.error as WorkerError).message), r.error);
    return r.result as T;
  }

  /** Runs an op that must fail; resolves with the error. Rejects when it succeeds. */
  async fail(op: string, args: Record<string, unknown> = {}): Promise<WorkerError> {
    const r = await this.send(op, args);
    if (r.ok) throw new Error(`${op} succeeded, expected a failure: ${JSON.stringify(r.result)}`);
    return r.error as WorkerError;
  }

  private send(op: string, args: Record<string, unknown>) {
    const id = this.next++;
    return new Promise<{ ok: boolean; result?: unknown; error?: WorkerError }>((resolve) => {
      this.waiting.set(id, resolve);
      this.proc.stdin.write(`${JSON.stringify({ id, op, args })}\n`);
    });
  }

  /** The last 4000 characters the child wrote to stderr. */
  get errors(): string {
    return this.stderr;
  }

  /** Ends the child (closes its stdin, then waits for exit). */
  stop(): Promise<void> {
    if (this.proc.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.stdin.end();
    });
  }
}
