/**
 * Starts and stops the real Microsoft 365 Agents Playground (the pinned devDependency) for tests: telemetry off,
 * no browser, a fixed personal-chat id, a given config file, its log in a temp folder, bound to 127.0.0.1.
 * Start the bot first: the Playground's UI waits for the bot endpoint.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAYGROUND_PERSONAL_CHAT_ID } from '../../bot/local/playground-config';

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
  constructor(message: string, readonly log: string) {
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

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch (err) {
    // ESRCH: the group is already gone, which is what we want.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited(child);
  clearTimeout(timer);
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
  if (!res.ok || !id) throw new PlaygroundStartError(`the Agents Playground's /_internal/v1/testConfig answered ${res.status} without a personal chat`, '');
  return id;
}

async function startOnce(opts: PlaygroundOptions, port: number, logFile: string): Promise<RunningPlayground | 'port-taken'> {
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
    '--require', PRELOAD, CLI,
    '-p', String(port),
    '-e', opts.botEndpoint,
    '--conversation-id', opts.conversationId ?? PLAYGROUND_PERSONAL_CHAT_ID,
    '--service-url', `${url}/_connector`,
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const readLog = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  let stdout = '';
  const timeoutMs = opts.startTimeoutMs ?? 15000;
  const listened = await new Promise<number | 'exit' | 'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /Listening on (\d+)/.exec(stdout);
      if (match) { clearTimeout(timer); resolve(Number(match[1])); }
    });
    child.once('exit', () => { clearTimeout(timer); resolve('exit'); });
  });
  // stderr is drained so the child never blocks on a full pipe; the log file holds the details.
  child.stderr?.resume();
  if (listened === 'exit' || listened === 'timeout') {
    await stopChild(child);
    throw new PlaygroundStartError(listened === 'exit'
      ? `the Agents Playground exited at start (code ${child.exitCode}); a bad config file is the usual cause`
      : `the Agents Playground did not print "Listening on" within ${timeoutMs} ms`, readLog());
  }
  if (listened !== port) {
    // The Playground silently moves to a random port when ours is taken: treat it as a failed attempt.
    await stopChild(child);
    return 'port-taken';
  }
  const deadline = Date.now() + timeoutMs;
  while (!(await ping(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const code = child.exitCode;
      await stopChild(child);
      throw new PlaygroundStartError(code !== null
        ? `the Agents Playground exited at start (code ${code}); a bad config file is the usual cause`
        : `the Agents Playground on port ${port} did not answer /_debug/ping`, readLog());
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  let personalChatId: string;
  try {
    personalChatId = await servedPersonalChatId(url);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return {
    port,
    url,
    personalChatId,
    logFile,
    pid: child.pid as number,
    readLog,
    stop: () => stopChild(child),
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
