/**
 * Benchmark: a pasted list of 1,000 people added to a group through the bot's own command path (resolution
 * table, confirmation with look-ahead, write), against the Graph emulator on a large tenant, driven through
 * the Graph JS client as the bot drives it. Counts Graph HTTP requests with the emulator's request counter
 * and prints them next to the theoretical minimum that Graph's limits allow; times the run with 100 ms of
 * injected latency per HTTP request; runs once more with 20% of requests and batch steps answered 429
 * (Retry-After honoured) and checks that every person ends added or named as failed; reports the longest gap
 * between progress updates. Figures are printed, not asserted; exit 1 only if a run breaks.
 *
 *   node bin/run-ts.js bench/bulk-membership.ts [people=1000]
 *   (BENCH_DEBUG=1 also prints the emulator's request counters per route for each scenario)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Agent, fetch } from 'undici';
import { startEmulator, DEMO_USERS, type RunningEmulator } from '../graph-emulator';
import { largeTenantMutations } from '../graph-emulator/seed/large-seed';
import { closeGraphConnections, createGraphClient } from '../bot/directory/graph-client';
import { GraphSession } from '../bot/directory/graph-session';
import { MemoryPendingStore } from '../bot/commands/pending-memory';
import { continuePending, runIntent } from '../bot/commands/dispatch';
import type { CommandContext, Outcome, Reply } from '../bot/commands/context';
import { BINDS_PER_PATCH } from '../bot/directory/members-bulk-write';
import { IN_LIMIT } from '../bot/directory/users-bulk-resolve';
import { BATCH_STEPS } from '../bot/directory/batch-pool';
import { openTestServices } from '../test/support/bot-services';

const PEOPLE = Number(process.argv[2] ?? 1000);

interface Run {
  name: string;
  requests: number;
  minimum: number;
  seconds: number;
  added: number;
  failed: number;
  other: number;
  maxProgressGap: number;
  progressUpdates: number;
}

function dataOf(o: Outcome, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (v: unknown): void => {
    if (found || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    const e = v as Record<string, unknown>;
    const d = e['data'] as Record<string, unknown> | undefined;
    if (e['type'] === 'Action.Execute' && d?.['verb'] === verb) {
      found = d;
      return;
    }
    Object.values(e).forEach(walk);
  };
  o.replies.forEach((r) => walk(r.card));
  return found;
}

/** Fewest `$batch` requests: lookups 15 per step, one step for the group, PATCH binds of 20, 20 steps per batch. */
function theoreticalMinimum(people: number, byName: boolean): number {
  const lookups = Math.ceil(people / IN_LIMIT) + 1;
  const writes = Math.ceil(people / BINDS_PER_PATCH);
  return Math.ceil(lookups / BATCH_STEPS) + Math.ceil(writes / BATCH_STEPS) + (byName ? 0 : 0);
}

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-bench-bulk-'));
  const t0 = Date.now();
  const emu = await startEmulator({ dataDir, port: 0, seed: { large: Math.max(PEOPLE + 200, 1200) } });
  console.log(
    `emulator seeded with ${Math.max(PEOPLE + 200, 1200)} generated users in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  const agent = new Agent({ connect: { ca: emu.caPem } });
  // Every service a turn has (journal, history…), on PGlite in memory, as the bot runs with a store.
  const services = await openTestServices({ graph: { baseUrl: emu.baseUrl, caPem: emu.caPem } });
  const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${emu.baseUrl}${route}`, {
      method,
      dispatcher: agent,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const users = largeTenantMutations(PEOPLE + 200)
    .filter((m): m is Extract<typeof m, { op: 'putUser' }> => m.op === 'putUser')
    .map((m) => m.user as unknown as { userPrincipalName: string; displayName: string; mail?: string | null })
    .filter((u) => u.displayName !== 'Chain Member');
  const upns = users.slice(0, PEOPLE).map((u) => u.userPrincipalName);
  const names = users.slice(0, PEOPLE).map((u) => u.displayName);
  const mixed = users
    .slice(0, PEOPLE)
    .map((u, i) =>
      i % 3 === 0 ? u.displayName : i % 3 === 1 ? u.userPrincipalName : (u.mail ?? u.userPrincipalName).toUpperCase(),
    );

  const runs: Run[] = [];
  let failures = 0;
  const scenario = async (
    name: string,
    list: string[],
    group: string,
    faults: Record<string, unknown> | null,
    byName = false,
  ): Promise<void> => {
    const token = await emu.issueToken('megan@contoso.com');
    const client = createGraphClient({ baseUrl: emu.baseUrl, caPem: emu.caPem }, async () => token);
    const stamps: number[] = [];
    const megan = DEMO_USERS.megan as { id: string; displayName: string; upn: string };
    const ctx: CommandContext = services.context(
      { id: megan.id, displayName: megan.displayName, userPrincipalName: megan.upn },
      new GraphSession(client, { baseUrl: emu.baseUrl }),
      {
        pending: new MemoryPendingStore(),
        progress: async (_r: Reply) => {
          stamps.push(Date.now());
        },
      },
    );
    if (faults) await control('POST', '/_emulator/faults', faults);
    else await control('DELETE', '/_emulator/faults');
    await control('POST', '/_emulator/stats/reset');
    const start = Date.now();
    const table = await runIntent({ intent: 'addMembers', users: list, groups: [group] }, ctx);
    const batch = dataOf(table, 'bulkAdd');
    if (!batch)
      throw new Error(
        `${name}: no resolution table: ${table.replies
          .map((r) => r.text)
          .join(' ')
          .slice(0, 300)}`,
      );
    const confirm = await continuePending(String(batch['batchId']), { values: {} }, ctx);
    const ok = dataOf(confirm, 'confirm');
    if (!ok)
      throw new Error(
        `${name}: no confirmation: ${confirm.replies
          .map((r) => r.text)
          .join(' ')
          .slice(0, 300)}`,
      );
    const writeStart = Date.now();
    stamps.push(writeStart);
    const done = await continuePending(String(ok['pendingId']), { confirmed: true }, ctx);
    const end = Date.now();
    stamps.push(end);
    const stats = (await control('GET', '/_emulator/stats')) as { requests: number };
    if (process.env.BENCH_DEBUG) console.log(name, JSON.stringify(stats));
    await control('DELETE', '/_emulator/faults');
    const text = done.replies.map((r) => r.text).join('\n');
    const added = (text.match(/ was added to /g) ?? []).length + (text.match(/ was already a member/g) ?? []).length;
    const failed =
      (text.match(/ could not be added this time/g) ?? []).length + (text.match(/ was not added: /g) ?? []).length;
    // The chat text lists 50 lines; the card's heading counts every row.
    const heading = JSON.stringify(done.replies[0]?.card ?? {}).match(
      /Added (\d+) (?:person|people) to [^."]*\.(?: (\d+) was| (\d+) were)?[^"]*?(?:(\d+) failed)?/,
    );
    const addedAll = heading ? Number(heading[1]) + Number(heading[2] ?? heading[3] ?? 0) : added;
    const failedAll = heading?.[4] ? Number(heading[4]) : failed;
    const gaps = stamps.sort((a, b) => a - b).map((t, i, a) => (i === 0 ? 0 : t - (a[i - 1] as number)));
    runs.push({
      name,
      requests: stats.requests,
      minimum: theoreticalMinimum(list.length, byName),
      seconds: (end - start) / 1000,
      added: addedAll,
      failed: failedAll,
      other: list.length - addedAll - failedAll,
      maxProgressGap: Math.max(...gaps) / 1000,
      progressUpdates: stamps.length - 2,
    });
    if (addedAll + failedAll !== list.length) failures++;
    // Leave the group as it was for the next scenario.
  };

  try {
    await scenario(`${PEOPLE} UPNs`, upns, 'Finance Readers', null);
    await scenario(`${PEOPLE} display names`, names, 'Research and Development', null, true);
    await scenario(`${PEOPLE} mixed (names, UPNs, mails)`, mixed, 'Design Team', null, true);
    await scenario(`${PEOPLE} UPNs, 100 ms per HTTP request`, upns, 'SecurityGroup101', {
      latencyMs: 100,
      latencyScope: 'http',
    });
    await scenario(`${PEOPLE} UPNs, 20% 429 (Retry-After 1 s)`, upns, 'Engineering All', {
      status: 429,
      probability: 0.2,
      seed: 42,
      retryAfterSeconds: 1,
    });
  } catch (err) {
    console.error(`bulk-membership: ${(err as Error).message}`);
    failures++;
  } finally {
    await closeGraphConnections();
    await services.close();
    await agent.close();
    await emu.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  console.log('');
  console.log(
    'scenario                                   | Graph HTTP requests | theoretical min | seconds | added | failed | unaccounted | progress updates | longest gap (s)',
  );
  for (const r of runs) {
    console.log(
      `${r.name.padEnd(42)} | ${String(r.requests).padStart(19)} | ${String(r.minimum).padStart(15)} | ${r.seconds.toFixed(2).padStart(7)} | ${String(r.added).padStart(5)} | ${String(r.failed).padStart(6)} | ${String(r.other).padStart(11)} | ${String(r.progressUpdates).padStart(16)} | ${r.maxProgressGap.toFixed(2).padStart(15)}`,
    );
  }
  console.log(
    'targets: <= 60 requests for UPNs, <= 120 for display names; < 6 s with 100 ms latency; nobody unaccounted with 429s; progress gap <= 2 s.',
  );
  console.log(
    'theoretical min = ceil((ceil(n/15) lookups + 1 group lookup) / 20) + ceil(ceil(n/20) PATCH binds / 20) $batch requests (no look-ahead).',
  );
  return failures ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    console.error(`bulk-membership: ${err.message}`);
    process.exitCode = 1;
  },
);
void (null as unknown as RunningEmulator);
