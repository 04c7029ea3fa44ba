/**
 * Test support for the command layer: the real Graph emulator (demo tenant) in a fresh temporary directory,
 * and full CommandContexts for demo users built as the bot builds them (createGraphClient + GraphSession, every
 * service on a fresh PGlite store in memory: test/support/bot-services.ts; pending operations in memory).
 * Round trips are read from the emulator's request counter.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Agent, fetch } from 'undici';
import { startEmulator, DEMO_USERS, type EmulatorOptions, type RunningEmulator } from '../../../graph-emulator';
import { createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { MemoryPendingStore } from '../../../bot/commands/pending-memory';
import type { CommandContext, Reply } from '../../../bot/commands/context';
import { openTestServices, type TestServices } from '../../support/bot-services';

export interface Harness {
  emulator: RunningEmulator;
  /** The services every context gets (journal, history, requests…), on the harness's own in-memory store. */
  services: TestServices;
  /** A context acting as the demo user with this UPN; `pending` may be shared between contexts. */
  ctx(upn: string, opts?: { pending?: MemoryPendingStore; progress?: Reply[] }): Promise<CommandContext>;
  /** HTTP requests to /v1.0 since the last reset (a $batch counts once). */
  requests(): Promise<number>;
  resetStats(): Promise<void>;
  faults(body: Record<string, unknown> | null): Promise<void>;
  stop(): Promise<void>;
}

export const UPN = {
  megan: 'megan@contoso.com',
  bob: 'bob@contoso.com',
  ana: 'ana@contoso.com',
  guest: 'pat_fabrikam.com#EXT#@contoso.onmicrosoft.com',
} as const;

/**
 * Starts an emulator on a fresh data directory. `dynamicProcessingDelayMs` as startEmulator's (its default,
 * a few seconds, when not given; 0 = dynamic groups are filled inside the write); `replicationLagSeconds` too
 * (default 0: no replication delay).
 */
export async function startHarness(
  seed: EmulatorOptions['seed'] = 'demo',
  opts: Pick<EmulatorOptions, 'dynamicProcessingDelayMs' | 'replicationLagSeconds' | 'batchStepOrder'> = {},
): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-commands-'));
  const emulator = await startEmulator({ dataDir, port: 0, seed, ...opts });
  const agent = new Agent({ connect: { ca: emulator.caPem } });
  const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${emulator.baseUrl}${route}`, {
      method,
      dispatcher: agent,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const users = Object.values(DEMO_USERS) as { id: string; upn: string; displayName: string }[];
  const services = await openTestServices({ graph: { baseUrl: emulator.baseUrl, caPem: emulator.caPem } });
  return {
    emulator,
    services,
    async ctx(upn, opts = {}) {
      const user = users.find((u) => u.upn.toLowerCase() === upn.toLowerCase());
      if (!user) throw new Error(`no demo user ${upn}`);
      const token = await emulator.issueToken(upn);
      const client = createGraphClient({ baseUrl: emulator.baseUrl, caPem: emulator.caPem }, async () => token);
      const progress = opts.progress;
      const actor = { id: user.id, displayName: user.displayName, userPrincipalName: user.upn };
      const graph = new GraphSession(client, { baseUrl: emulator.baseUrl }, async () => undefined);
      const parts: Partial<CommandContext> = { pending: opts.pending ?? new MemoryPendingStore() };
      if (progress) parts.progress = async (r: Reply) => void progress.push(r);
      return services.context(actor, graph, parts);
    },
    async requests() {
      const s = (await control('GET', '/_emulator/stats')) as { requests: number };
      return s.requests;
    },
    async resetStats() {
      await control('POST', '/_emulator/stats/reset');
    },
    async faults(body) {
      await (body ? control('POST', '/_emulator/faults', body) : control('DELETE', '/_emulator/faults'));
    },
    async stop() {
      await services.close();
      await emulator.stop();
      await agent.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The pending id a card's button carries for `verb` (first match), read from the card JSON. */
export function buttonData(reply: Reply | undefined, verb: string): Record<string, unknown> | undefined {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (
        (o['type'] === 'Action.Execute' || o['type'] === 'Action.Submit') &&
        (o['data'] as Record<string, unknown> | undefined)?.['verb'] === verb
      )
        found.push(o['data'] as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(reply?.card);
  return found[0];
}

/** Every reply's text joined, for assertions. */
export function allText(o: { replies: Reply[] }): string {
  return o.replies.map((r) => r.text).join('\n');
}
