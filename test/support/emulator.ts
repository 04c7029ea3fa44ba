/**
 * Test helper: one Graph emulator per test file (port 0, temp data directory, demo tenant), tokens and
 * `@microsoft/microsoft-graph-client` clients for any demo user, configured exactly as the bot configures
 * them (bot/directory/graph-client.ts: customHosts + the emulator CA through an undici dispatcher).
 *
 *   const emu = await startTestEmulator();          // in before()
 *   const client = await emu.clientFor('megan@contoso.com');
 *   await emu.stop();                               // in after()
 *
 * or, for a whole describe block (hooks registered for you):
 *
 *   const emu = useTestEmulator();                  // in the describe callback
 *   before(async () => { megan = await emu.clientFor('megan@contoso.com'); });
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { closeGraphConnections, createGraphClient } from '../../bot/directory/graph-client';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../graph-emulator';

export interface TestEmulator {
  emulator: RunningEmulator;
  /** `https://localhost:P` */
  baseUrl: string;
  dataDir: string;
  /** A bearer token for a directory user (default scopes = what the bot asks for). */
  token(upn: string, scopes?: string[]): Promise<string>;
  /** A Graph client acting as a directory user. */
  clientFor(upn: string, scopes?: string[]): Promise<Client>;
  /** A raw HTTPS request to the emulator (control endpoints, bad input the SDK would not send). */
  raw(
    method: string,
    pathAndQuery: string,
    opts?: { token?: string; body?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }>;
  /** Stops the emulator and deletes its data directory. */
  stop(): Promise<void>;
}

/**
 * Starts an emulator on a fresh temp directory. Rejects when the emulator cannot start.
 */
export async function startTestEmulator(opts: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-emu-test-'));
  const emulator = await startEmulator({ port: 0, seed: 'demo', ...opts, dataDir });
  const { Agent } = await import('undici');
  const agent = new Agent({ connect: { ca: emulator.caPem } });
  const token = (upn: string, scopes?: string[]) => emulator.issueToken(upn, scopes ? { scopes } : {});
  return {
    emulator,
    baseUrl: emulator.baseUrl,
    dataDir,
    token,
    clientFor: async (upn, scopes) => {
      const t = await token(upn, scopes);
      return createGraphClient({ baseUrl: emulator.baseUrl, caPem: emulator.caPem }, async () => t);
    },
    raw: async (method, pathAndQuery, o = {}) => {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.Authorization = `Bearer ${o.token}`;
      if (o.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['Content-Type'] = 'application/json';
      const res = await fetch(`${emulator.baseUrl}${pathAndQuery}`, {
        method,
        headers,
        ...(o.body !== undefined ? { body: o.body } : {}),
        dispatcher: agent,
      } as RequestInit);
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
    },
    stop: async () => {
      await emulator.stop();
      await agent.close();
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For the describe block it is called in: registers a before() hook that starts an emulator (as
 * startTestEmulator) and an after() hook that closes the Graph client connections and stops it. Call it before
 * the block's own before() hooks: mocha runs hooks in the order they were registered.
 * @returns the running emulator, to use inside hooks and tests; its members throw an Error when read outside them.
 */
export function useTestEmulator(opts: Partial<EmulatorOptions> = {}): TestEmulator {
  let current: TestEmulator | undefined;
  const running = (): TestEmulator => {
    if (!current)
      throw new Error('the test emulator runs only between the before() and after() hooks of its describe block');
    return current;
  };
  before(async () => {
    current = await startTestEmulator(opts);
  });
  after(async () => {
    await closeGraphConnections();
    await current?.stop();
    current = undefined;
  });
  return {
    get emulator() {
      return running().emulator;
    },
    get baseUrl() {
      return running().baseUrl;
    },
    get dataDir() {
      return running().dataDir;
    },
    token: (upn, scopes) => running().token(upn, scopes),
    clientFor: (upn, scopes) => running().clientFor(upn, scopes),
    raw: (method, pathAndQuery, o) => running().raw(method, pathAndQuery, o),
    stop: async () => {
      const stopping = running();
      current = undefined;
      await stopping.stop();
    },
  };
}
