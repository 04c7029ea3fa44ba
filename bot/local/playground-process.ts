import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { childProcessEnv } from '../config';

export interface PlaygroundOptions {
  port: number;
  /** The bot's endpoint including local mode's secret path segment (the Playground's credential). */
  botEndpoint: string;
  configPath: string;
  logFile: string;
  conversationId?: string;
  /** How long to wait for the "Listening on N" line. */
  timeoutMs?: number;
}

export interface RunningPlayground {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** The serviceUrl the Playground puts in its activities (its mock Bot Connector), for a Playground on `port`. */
export function playgroundServiceUrl(port: number): string {
  return `http://127.0.0.1:${port}/_connector`;
}

/**
 * Starts the Microsoft 365 Agents Playground (pinned devDependency) as a child process, offline: telemetry
 * off, no Statsbeat probe, no browser opened. Resolves once it listens on the requested port; rejects if it
 * exits, picks another port (it does that silently when the port is taken) or does not start in time.
 */
export function startPlayground(opts: PlaygroundOptions): Promise<RunningPlayground> {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  // This process's environment passed through (bot/config.ts builds it), with the Playground's own settings on top.
  const env = childProcessEnv({
    APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: opts.logFile,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: opts.configPath,
    // The preload ends the Playground when this process is gone (see loopback-preload.cjs).
    GROUPBOT_PLAYGROUND_PARENT: String(process.pid),
    NO_PROXY: 'localhost,127.0.0.1',
  });
  // The preload makes the Playground bind 127.0.0.1 only (it listens on every interface by itself).
  const preload = path.join(__dirname, 'loopback-preload.cjs');
  const serviceUrl = playgroundServiceUrl(opts.port);
  const args = [
    '--require',
    preload,
    cli,
    '-p',
    String(opts.port),
    '-e',
    opts.botEndpoint,
    '--service-url',
    serviceUrl,
    '--disable-telemetry',
    ...(opts.conversationId ? ['--conversation-id', opts.conversationId] : []),
  ];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let out = '';
    let seen = false;
    const timer = setTimeout(
      () =>
        fail(
          new Error(`The Agents Playground did not start within ${opts.timeoutMs ?? 15000} ms; see ${opts.logFile}.`),
        ),
      opts.timeoutMs ?? 15000,
    );
    const fail = (err: Error) => {
      clearTimeout(timer);
      killGroup(child);
      reject(err);
    };
    child.on('exit', (code) =>
      fail(new Error(`The Agents Playground exited with code ${code}; its log is ${opts.logFile}.`)),
    );
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (!m || seen) return;
      seen = true;
      const port = Number(m[1]);
      if (port !== opts.port)
        return fail(
          new Error(`Port ${opts.port} is taken (the Playground chose ${port}); set PLAYGROUND_PORT to a free port.`),
        );
      // "Listening" comes before the config is validated; a refused config exits just after. Wait for the API.
      waitForApi(`http://127.0.0.1:${port}`, () => child.exitCode !== null).then(
        () => {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolve({ port, url: `http://localhost:${port}`, stop: () => stopChild(child) });
        },
        (err: Error) => fail(err),
      );
    });
  });
}

/** Polls the Playground's config endpoint until it answers with a personal chat (the config was accepted). */
async function waitForApi(base: string, exited: () => boolean): Promise<void> {
  for (;;) {
    if (exited()) throw new Error('The Agents Playground stopped right after starting (its config was refused?).');
    try {
      const res = await fetch(`${base}/_internal/v1/testConfig`);
      if (res.ok) return;
    } catch (err) {
      if (!/ECONNREFUSED|fetch failed/.test(String((err as Error).message ?? err))) throw err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => killGroup(child, 'SIGKILL'), 4000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    killGroup(child);
  });
}
