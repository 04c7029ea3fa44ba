/**
 * Starts and stops the real Microsoft 365 Agents Playground (the pinned devDependency) for tests: telemetry off,
 * no browser, a fixed personal-chat id, a given config file, its log in a temp folder, bound to 127.0.0.1.
 * Start the bot first: the Playground's UI waits for the bot endpoint.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAYGROUND_PERSONAL_CHAT_ID } from '../../bot/local/playground-config';
import { spawnGroupProcess } from './process-group';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Port for the Playground; 0 or omitted picks a free one. */
  port?: number;
  /** A Playground YAML config (M365_AGENTS_PLAYGROUND_CONFIG_PATH); omitted = the Playground's built-in default. */
  configPath?: string;
  /**
   * Fixed personal-chat conversation id (--conversation-id). It applies only without a config file: a config's
   * personalChat.id wins. Default: PLAYGROUND_PERSONAL_CHAT_ID, the id groupbot's config uses too.
   */
  conversationId?: string;
  /** Folder for the log file; omitted = a new temp folder. */
  logDir?: string;
  /** How long to wait for "Listening on <port>" and /_debug/ping. Default 15 s. */
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  port: number;
  /** http://127.0.0.1:<port>: the UI and the API. */
  url: string;
  /** The personal chat's conversation id as the running Playground reports it. */
  personalChatId: string;
  logFile: string;
  pid: number;
  /** The Playground's log so far (the only place it explains a refused config). */
  readLog(): string;
  /** SIGTERM to the process group, SIGKILL after 5 s. Resolves once the process has exited. Never rejects. */
  stop(): Promise<void>;
}

/** The log's error lines (the reason for a refused config), or its last lines when there are none. */
function logSummary(log: string): string {
  const lines = log.split('\n');
  const errors = lines.filter((l) => l.startsWith('error '));
  return (errors.length ? errors : lines.slice(-15)).join('\n');
}

/** The Playground did not start; the message includes the end of its log. */
export class PlaygroundStartError extends Error {
  constructor(
    message: string,
    readonly log: string,
  ) {
    super(`${message}${log ? `\n--- playground log ---\n${logSummary(log)}` : ''}`);
    this.name = 'PlaygroundStartError';
  }
}

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
const PRELOAD = join(__dirname, '..', '..', 'bot', 'local', 'loopback-preload.cjs');

/** Asks the OS for a free 127.0.0.1 port. Rejects only if nothing can be bound. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function ping(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_debug/ping`);
    return res.ok && (await res.text()).includes('pong');
  } catch (err) {
    if (err instanceof TypeError) return false; // connection refused while starting
    throw err;
  }
}

async function servedPersonalChatId(url: string): Promise<string> {
  const res = await fetch(`${url}/_internal/v1/testConfig`);
  const body = (await res.json()) as { config?: { personalChat?: { id?: string } } };
  const id = body.config?.personalChat?.id;
  if (!res.ok || !id)
    throw new PlaygroundStartError(
      `the Agents Playground's /_internal/v1/testConfig answered ${res.status} without a personal chat`,
      '',
    );
  return id;
}

async function startOnce(
  opts: PlaygroundOptions,
  port: number,
  logFile: string,
): Promise<RunningPlayground | 'port-taken'> {
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    NO_PROXY: 'localhost,127.0.0.1',
  };
  if (opts.configPath) env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = opts.configPath;
  else delete env.M365_AGENTS_PLAYGROUND_CONFIG_PATH;
  const args = [
    '--require',
    PRELOAD,
    CLI,
    '-p',
    String(port),
    '-e',
    opts.botEndpoint,
    '--conversation-id',
    opts.conversationId ?? PLAYGROUND_PERSONAL_CHAT_ID,
    '--service-url',
    `${url}/_connector`,
    '--disable-telemetry',
  ];
  const proc = spawnGroupProcess(args, { env });
  const stop = (): Promise<void> => proc.stop(5000);
  const readLog = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const timeoutMs = opts.startTimeoutMs ?? 15000;
  const listening = await proc.waitFor(/Listening on (\d+)/, timeoutMs);
  if (listening === 'exit' || listening === 'timeout') {
    await stop();
    throw new PlaygroundStartError(
      listening === 'exit'
        ? `the Agents Playground exited at start (code ${proc.child.exitCode}); a bad config file is the usual cause`
        : `the Agents Playground did not print "Listening on" within ${timeoutMs} ms`,
      readLog(),
    );
  }
  if (Number(listening[1]) !== port) {
    // The Playground silently moves to a random port when ours is taken: treat it as a failed attempt.
    await stop();
    return 'port-taken';
  }
  const deadline = Date.now() + timeoutMs;
  while (!(await ping(url))) {
    if (proc.child.exitCode !== null || Date.now() > deadline) {
      const code = proc.child.exitCode;
      await stop();
      throw new PlaygroundStartError(
        code !== null
          ? `the Agents Playground exited at start (code ${code}); a bad config file is the usual cause`
          : `the Agents Playground on port ${port} did not answer /_debug/ping`,
        readLog(),
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  let personalChatId: string;
  try {
    personalChatId = await servedPersonalChatId(url);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    port,
    url,
    personalChatId,
    logFile,
    pid: proc.pid,
    readLog,
    stop,
  };
}

/**
 * Starts the Playground and waits until it prints `Listening on <port>` for the requested port and answers
 * /_debug/ping. A free port is tried up to three times when none was given.
 * @throws PlaygroundStartError when it exits (e.g. refused config), times out, or the given port is taken.
 */
export async function startPlayground(opts: PlaygroundOptions): Promise<RunningPlayground> {
  const logDir = opts.logDir ?? mkdtempSync(join(tmpdir(), 'groupbot-playground-'));
  const logFile = join(logDir, 'm365agentsplayground.log');
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = opts.port || (await freePort());
    const started = await startOnce(opts, port, logFile);
    if (started !== 'port-taken') return started;
    if (opts.port) throw new PlaygroundStartError(`port ${opts.port} is taken`, '');
  }
  throw new PlaygroundStartError('could not find a free port for the Agents Playground after 3 tries', '');
}
