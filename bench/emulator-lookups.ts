/**
 * Benchmark: the Graph emulator on a large tenant (default 100,000 users / 10,000 groups), driven through the
 * Graph JS client exactly as the bot drives it. Prints seeding time and p50/p95 for: user lookup by name
 * prefix, group lookup by name, checkMemberGroups over a 5-level nested chain, a 20-member $batch add
 * (plus $search on users, for reference). Targets: p95 < 20 ms per lookup, seeding 100k users < 60 s.
 *
 *   node bin/run-ts.js bench/emulator-lookups.ts [users=100000] [iterations=200]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeGraphConnections, createGraphClient } from '../bot/directory/graph-client';
import { startEmulator } from '../graph-emulator';
import { chainGroupId, CHAIN_USER_ID, largeUserId } from '../graph-emulator/seed/large-seed';

type Obj = Record<string, unknown>;

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}

async function measure(name: string, n: number, fn: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < Math.min(10, n); i++) await fn(i); // warm-up
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i + 10);
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(`${name.padEnd(48)} n=${String(n).padEnd(4)} p50=${pct(t, 50).toFixed(2).padStart(7)} ms  p95=${pct(t, 95).toFixed(2).padStart(7)} ms`);
}

async function main(): Promise<void> {
  const users = Number(process.argv[2] ?? 100_000);
  const iterations = Number(process.argv[3] ?? 200);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-emu-bench-'));
  const t0 = Date.now();
  const emu = await startEmulator({ dataDir, port: 0, seed: { large: users } });
  console.log(`tenant: ${users} generated users, ${Math.floor(users / 10)} generated groups (+ demo tenant)`);
  console.log(`seeding: ${emu.seedSeconds.toFixed(1)} s; whole first start (TLS, keys, database, seed, indexes): ${((Date.now() - t0) / 1000).toFixed(1)} s; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  const token = await emu.issueToken('megan@contoso.com');
  const client = createGraphClient({ baseUrl: emu.baseUrl, caPem: emu.caPem }, async () => token);
  try {
    // Names of generated users look like "Maya Kim 1234"; prefixes of 2 words + first digits narrow well.
    const sample = (await client.api(`/users/${largeUserId(12345 % users)}`).get()) as Obj;
    if (!sample.displayName) throw new Error('large tenant not seeded as expected');
    const names: string[] = [];
    for (let i = 0; i < 50; i++) names.push(((await client.api(`/users/${largeUserId((i * 1999) % users)}`).select('displayName').get()) as Obj).displayName as string);
    await measure('user lookup by name prefix ($filter startsWith)', iterations, async (i) => {
      const name = names[i % names.length] as string;
      const prefix = name.slice(0, Math.max(3, name.length - 2)).replace(/'/g, "''");
      const r = (await client.api('/users').filter(encodeURIComponent(`startsWith(displayName,'${prefix}')`)).select('id,displayName').top(10).get()) as { value: Obj[] };
      if (!r.value.length) throw new Error(`no user for prefix '${prefix}'`);
    });
    const groupNames: string[] = [];
    const page = (await client.api('/groups').select('displayName').top(999).get()) as { value: Obj[] };
    for (const g of page.value) groupNames.push(g.displayName as string);
    await measure('group lookup by name ($filter displayName eq)', iterations, async (i) => {
      const name = (groupNames[(i * 37) % groupNames.length] as string).replace(/'/g, "''");
      const r = (await client.api('/groups').filter(encodeURIComponent(`displayName eq '${name}'`)).select('id,displayName').get()) as { value: Obj[] };
      if (!r.value.length) throw new Error(`no group '${name}'`);
    });
    const chain = [1, 2, 3, 4, 5].map(chainGroupId);
    await measure('checkMemberGroups over a 5-level nested chain', iterations, async () => {
      const r = (await client.api(`/users/${CHAIN_USER_ID}/checkMemberGroups`).post({ groupIds: chain })) as { value: string[] };
      if (r.value.length !== 5) throw new Error(`expected 5 groups, got ${r.value.length}`);
    });
    await measure('user $search "displayName:<word>" (reference)', Math.min(iterations, 50), async (i) => {
      const word = (names[i % names.length] as string).split(' ')[1] as string;
      await client.api('/users').header('ConsistencyLevel', 'eventual').search(`"displayName:${word}"`).select('id').top(10).get();
    });
    const batchRuns = Math.min(iterations, 50);
    const groupIds: string[] = [];
    for (let i = 0; i < batchRuns + 10; i++) {
      const g = (await client.api('/groups').post({ displayName: `Bench batch ${i}`, mailEnabled: false, mailNickname: `bench-batch-${i}`, securityEnabled: true })) as Obj;
      groupIds.push(g.id as string);
    }
    await measure('20-member $batch add', batchRuns, async (i) => {
      const gid = groupIds[i] as string;
      const requests = Array.from({ length: 20 }, (_, k) => ({ id: String(k + 1), method: 'POST', url: `/groups/${gid}/members/$ref`, headers: { 'Content-Type': 'application/json' }, body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${largeUserId((i * 20 + k) % users)}` } }));
      const r = (await client.api('/$batch').post({ requests })) as { responses: { status: number }[] };
      if (r.responses.some((s) => s.status !== 204)) throw new Error(`batch step failed: ${JSON.stringify(r.responses.find((s) => s.status !== 204))}`);
    });
  } finally {
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
