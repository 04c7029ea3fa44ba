/**
 * Benchmark: the Graph emulator on a large tenant (default 100,000 users / 10,000 groups), driven through the
 * Graph JS client exactly as the bot drives it. Prints seeding time and p50/p95 for: user lookup by name
 * prefix, group lookup by name, checkMemberGroups over a 5-level nested chain, a 20-member $batch add
 * (plus $search on users, for reference). Targets: p95 < 20 ms per lookup, seeding 100k users < 60 s.
 * Ends with one table: p50/p95/max per operation against its target, seeding time, RSS and live heap after
 * seeding (one forced full GC clears the seed's garbage first) and at the end, peak RSS, time spent in garbage
 * collection during the measurements, and the load average (the machine is shared).
 * Figures are reported, not asserted: exit 0 unless a request fails (1); a watchdog stops a run that is
 * still going after `timeoutSeconds` (1).
 *
 *   node bin/run-ts.js bench/emulator-lookups.ts [users=100000] [iterations=200] [timeoutSeconds=900]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { closeGraphConnections, createGraphClient } from '../bot/directory/graph-client';
import { startEmulator } from '../graph-emulator';
import { chainGroupId, CHAIN_USER_ID, largeUserId } from '../graph-emulator/seed/large-seed';

type Obj = Record<string, unknown>;

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}

interface Row {
  name: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  target?: number;
}
const rows: Row[] = [];

async function measure(name: string, n: number, fn: (i: number) => Promise<void>, target?: number): Promise<void> {
  for (let i = 0; i < Math.min(10, n); i++) await fn(i); // warm-up
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i + 10);
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const row: Row = {
    name,
    n,
    p50: pct(t, 50),
    p95: pct(t, 95),
    max: Math.max(...t),
    ...(target !== undefined ? { target } : {}),
  };
  rows.push(row);
  console.log(`  measured ${name}: p50 ${row.p50.toFixed(2)} ms, p95 ${row.p95.toFixed(2)} ms`);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
let peakRss = 0;
function sampleRss(): number {
  const rss = process.memoryUsage.rss();
  peakRss = Math.max(peakRss, rss);
  return rss;
}

/**
 * A full garbage collection, so the figures after seeding show the live heap rather than the seed's garbage
 * (the bench runs without --expose-gc; this flag set at run time gives a gc function in a fresh context).
 */
function fullGc(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

function printTable(facts: [string, string][]): void {
  const verdict = (r: Row) =>
    r.target === undefined ? 'reference' : r.p95 < r.target ? `ok (< ${r.target})` : `MISSED (${r.target})`;
  const lines = [
    ['operation', 'n', 'p50 ms', 'p95 ms', 'max ms', 'p95 target'],
    ...rows.map((r) => [r.name, String(r.n), r.p50.toFixed(2), r.p95.toFixed(2), r.max.toFixed(2), verdict(r)]),
  ];
  const widths = (lines[0] as string[]).map((_, c) => Math.max(...lines.map((l) => (l[c] as string).length)));
  const fmt = (l: string[]) =>
    `| ${l.map((cell, c) => (c === 0 || c === 5 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join(' | ')} |`;
  console.log('');
  console.log(fmt(lines[0] as string[]));
  console.log(
    `|${widths.map((w, c) => (c === 0 || c === 5 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const l of lines.slice(1)) console.log(fmt(l));
  console.log('');
  const kw = Math.max(...facts.map(([k]) => k.length));
  for (const [k, v] of facts) console.log(`${k.padEnd(kw)}  ${v}`);
}

async function main(): Promise<void> {
  const users = Number(process.argv[2] ?? 100_000);
  const iterations = Number(process.argv[3] ?? 200);
  const timeoutSeconds = Number(process.argv[4] ?? 900);
  if (
    !Number.isInteger(users) ||
    users < 1 ||
    !Number.isInteger(iterations) ||
    iterations < 1 ||
    !(timeoutSeconds > 0)
  ) {
    console.error(
      'usage: node bin/run-ts.js bench/emulator-lookups.ts [users=100000] [iterations=200] [timeoutSeconds=900]',
    );
    process.exit(2);
  }
  const watchdog = setTimeout(() => {
    console.error(`bench failed: still running after ${timeoutSeconds} s; stopping.`);
    process.exit(1);
  }, timeoutSeconds * 1000);
  watchdog.unref();
  const rssTimer = setInterval(sampleRss, 250);
  rssTimer.unref();
  const loadStart = os.loadavg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-emu-bench-'));
  const t0 = Date.now();
  console.log(`seeding ${users} generated users, ${Math.floor(users / 10)} generated groups (+ demo tenant)...`);
  const emu = await startEmulator({ dataDir, port: 0, seed: { large: users } });
  const firstStart = (Date.now() - t0) / 1000;
  const beforeGc = sampleRss();
  fullGc();
  const afterSeed = { rss: sampleRss(), heap: process.memoryUsage().heapUsed };
  let gcMs = 0;
  let gcCount = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      gcCount++;
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  console.log(`seeded in ${emu.seedSeconds.toFixed(1)} s; measuring (${iterations} iterations per lookup)...`);
  const token = await emu.issueToken('megan@contoso.com');
  const client = createGraphClient({ baseUrl: emu.baseUrl, caPem: emu.caPem }, async () => token);
  try {
    // Names of generated users look like "Maya Kim 1234"; prefixes of 2 words + first digits narrow well.
    const sample = (await client.api(`/users/${largeUserId(12345 % users)}`).get()) as Obj;
    if (!sample.displayName) throw new Error('large tenant not seeded as expected');
    const names: string[] = [];
    for (let i = 0; i < 50; i++)
      names.push(
        (
          (await client
            .api(`/users/${largeUserId((i * 1999) % users)}`)
            .select('displayName')
            .get()) as Obj
        ).displayName as string,
      );
    await measure(
      'user lookup by name prefix ($filter startsWith)',
      iterations,
      async (i) => {
        const name = names[i % names.length] as string;
        const prefix = name.slice(0, Math.max(3, name.length - 2)).replace(/'/g, "''");
        const r = (await client
          .api('/users')
          .filter(encodeURIComponent(`startsWith(displayName,'${prefix}')`))
          .select('id,displayName')
          .top(10)
          .get()) as { value: Obj[] };
        if (!r.value.length) throw new Error(`no user for prefix '${prefix}'`);
      },
      20,
    );
    const groupNames: string[] = [];
    const page = (await client.api('/groups').select('displayName').top(999).get()) as { value: Obj[] };
    for (const g of page.value) groupNames.push(g.displayName as string);
    await measure(
      'group lookup by name ($filter displayName eq)',
      iterations,
      async (i) => {
        const name = (groupNames[(i * 37) % groupNames.length] as string).replace(/'/g, "''");
        const r = (await client
          .api('/groups')
          .filter(encodeURIComponent(`displayName eq '${name}'`))
          .select('id,displayName')
          .get()) as { value: Obj[] };
        if (!r.value.length) throw new Error(`no group '${name}'`);
      },
      20,
    );
    const chain = [1, 2, 3, 4, 5].map(chainGroupId);
    await measure(
      'checkMemberGroups over a 5-level nested chain',
      iterations,
      async () => {
        const r = (await client.api(`/users/${CHAIN_USER_ID}/checkMemberGroups`).post({ groupIds: chain })) as {
          value: string[];
        };
        if (r.value.length !== 5) throw new Error(`expected 5 groups, got ${r.value.length}`);
      },
      20,
    );
    await measure('user $search "displayName:<word>" (reference)', Math.min(iterations, 50), async (i) => {
      const word = (names[i % names.length] as string).split(' ')[1] as string;
      const r = (await client
        .api('/users')
        .header('ConsistencyLevel', 'eventual')
        .search(`"displayName:${word}"`)
        .select('id')
        .top(10)
        .get()) as { value: Obj[] };
      if (!r.value.length) throw new Error(`no user for $search word '${word}'`);
    });
    const batchRuns = Math.min(iterations, 50);
    const groupIds: string[] = [];
    for (let i = 0; i < batchRuns + 10; i++) {
      const g = (await client.api('/groups').post({
        displayName: `Bench batch ${i}`,
        mailEnabled: false,
        mailNickname: `bench-batch-${i}`,
        securityEnabled: true,
      })) as Obj;
      groupIds.push(g.id as string);
    }
    await measure('20-member $batch add', batchRuns, async (i) => {
      const gid = groupIds[i] as string;
      const requests = Array.from({ length: 20 }, (_, k) => ({
        id: String(k + 1),
        method: 'POST',
        url: `/groups/${gid}/members/$ref`,
        headers: { 'Content-Type': 'application/json' },
        body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${largeUserId((i * 20 + k) % users)}` },
      }));
      const r = (await client.api('/$batch').post({ requests })) as { responses: { status: number }[] };
      if (r.responses.some((s) => s.status !== 204))
        throw new Error(`batch step failed: ${JSON.stringify(r.responses.find((s) => s.status !== 204))}`);
    });
    gcObserver.disconnect();
    const end = { rss: sampleRss(), heap: process.memoryUsage().heapUsed };
    const loadEnd = os.loadavg();
    printTable([
      [
        'tenant',
        `${users} generated users, ${Math.floor(users / 10)} generated groups (+ demo tenant), ${iterations} iterations per lookup`,
      ],
      [
        'seeding (target < 60 s)',
        `${emu.seedSeconds.toFixed(1)} s (whole first start: TLS, keys, database, seed, indexes: ${firstStart.toFixed(1)} s)`,
      ],
      [
        'RSS after seeding (before / after a full GC) / at end / peak',
        `${mb(beforeGc)} / ${mb(afterSeed.rss)} / ${mb(end.rss)} / ${mb(peakRss)}`,
      ],
      ['JS heap used after seeding + full GC (live) / at end', `${mb(afterSeed.heap)} / ${mb(end.heap)}`],
      ['GC during measurements', `${gcMs.toFixed(0)} ms in ${gcCount} collections`],
      [
        'load average at start / end',
        `${loadStart.map((l) => l.toFixed(2)).join(' ')} / ${loadEnd.map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)`,
      ],
    ]);
  } finally {
    gcObserver.disconnect();
    await closeGraphConnections();
    await emu.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`bench failed: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
