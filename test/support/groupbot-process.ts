/**
 * Runs `node bin/groupbot.js <command>` as a separate process for tests (each in its own process group), waits
 * for the line that says it is ready, keeps its output, and kills it: gracefully (SIGTERM, then SIGKILL after
 * 5 s) or abruptly (SIGKILL, as a crash).
 */
import { join } from 'node:path';
import { spawnGroupProcess } from './process-group';

const GROUPBOT = join(__dirname, '..', '..', 'bin', 'groupbot.js');

/** The process did not become ready; the message ends with its output. */
export class GroupbotStartError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
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

/**
 * Starts `groupbot <args>` with `env` over the current environment (BOT_ID and MicrosoftAppId removed: local
 * mode), and resolves once stdout matches `ready`.
 * @throws GroupbotStartError when it exits first or is not ready within `timeoutMs` (default 30 s); it is then killed.
 */
export async function startGroupbot(
  args: readonly string[],
  opts: { env?: Record<string, string>; ready: RegExp; timeoutMs?: number },
): Promise<GroupbotProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_PROXY: 'localhost,127.0.0.1', ...opts.env };
  delete env.BOT_ID;
  delete env.MicrosoftAppId;
  const proc = spawnGroupProcess([GROUPBOT, ...args], { env });
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const ready = await proc.waitFor(opts.ready, timeoutMs);
  const stop = (): Promise<void> => proc.stop(5000);
  if (ready === 'exit' || ready === 'timeout') {
    await stop();
    throw new GroupbotStartError(
      ready === 'exit'
        ? `groupbot ${args.join(' ')} exited at start (code ${proc.child.exitCode})`
        : `groupbot ${args.join(' ')} did not print ${opts.ready} within ${timeoutMs} ms`,
      proc.output(),
    );
  }
  return {
    pid: proc.pid,
    ready,
    output: proc.output,
    get running() {
      return proc.running;
    },
    crash: () => proc.kill(),
    stop,
  };
}
