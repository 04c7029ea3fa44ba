/**
 * Benchmark: the hygiene scan ("group hygiene") on a large seeded tenant (default 50,000 generated groups, every
 * 100th without members, and 20,000 users, plus the demo tenant), made a little untidy first (30 groups without
 * owners, 20 disabled members, a guest in 10 groups). Prints, for an administrator's whole-tenant scan and for an
 * owner's scan of their own groups, the Graph round trips per scan (a $batch counts once, read from the
 * emulator's request counter), the median and p95 scan time, and the peak RSS of this process (the emulator
 * runs in it too) before and during the scans. Figures are reported, not asserted: exit 0 unless a request fails
 * (1).
 *
 *   node bin/run-ts.js bench/hygiene-scan.ts [groups=50000] [users=20000] [iterations=3]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Agent, fetch } from 'undici';
import { closeGraphConnections, createGraphClient } from '../bot/directory/graph-client';
import { GraphSession } from '../bot/directory/graph-session';
import { scanHygiene } from '../bot/hygiene/hygiene-scan';
import type { HygieneReport } from '../bot/hygiene/hygiene-report';
import { startEmulator, DEMO_USERS } from '../graph-emulator';
import { largeUserId } from '../graph-emulator/seed/large-seed';

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}

async function main(): Promise<number> {
  const groups = Number(process.argv[2] ?? 50_000);
  const users = Number(process.argv[3] ?? 20_000);
  const iterations = Number(process.argv[4] ?? 3);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-bench-hygiene-'));
  console.log(`seeding ${users} generated users, ${groups} generated groups, every 100th empty (+ demo tenant)...`);
  const emu = await startEmulator({ dataDir, port: 0, seed: { large: users, groups, emptyEvery: 100 } });
  const agent = new Agent({ connect: { ca: emu.caPem } });
  const control = async (method: string, route: string): Promise<unknown> => {
    const res = await fetch(`${emu.baseUrl}${route}`, { method, dispatcher: agent });
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const sessionAs = async (upn: string, scopes?: string[]): Promise<GraphSession> => {
    const token = await emu.issueToken(upn, scopes ? { scopes } : {});
    const client = createGraphClient({ baseUrl: emu.baseUrl, caPem: emu.caPem }, async () => token);
    return new GraphSession(client, { baseUrl: emu.baseUrl });
  };
  try {
    const megan = await sessionAs(DEMO_USERS.megan.upn);
    console.log(`seeded in ${emu.seedSeconds.toFixed(1)} s; making the tenant untidy...`);
    const ref = (id: string) => ({ '@odata.id': megan.directoryObjectUrl(id) });
    for (let i = 0; i < 30; i++) {
      const body = {
        displayName: `Orphan ${i}`,
        mailNickname: `orphan-${i}`,
        mailEnabled: false,
        securityEnabled: true,
      };
      const g = await megan.post<{ id: string }>('/groups', body);
      for (let k = 0; k < 3; k++) await megan.post(`/groups/${g.id}/members/$ref`, ref(largeUserId(i * 3 + k)));
      if (i < 10) await megan.post(`/groups/${g.id}/members/$ref`, ref(DEMO_USERS.pat.id));
    }
    const writer = await sessionAs(DEMO_USERS.megan.upn, ['Directory.ReadWrite.All']);
    for (let i = 0; i < 20; i++) await writer.patch(`/users/${largeUserId(1000 + i * 37)}`, { accountEnabled: false });

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 50);
    const run = async (label: string, session: GraphSession): Promise<void> => {
      const times: number[] = [];
      const trips: number[] = [];
      let last: HygieneReport | undefined;
      for (let i = 0; i < iterations + 1; i++) {
        await control('POST', '/_emulator/stats/reset');
        const t0 = process.hrtime.bigint();
        last = await scanHygiene({ session, now: new Date(), expiringDays: 30, maxLines: 8 });
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const stats = (await control('GET', '/_emulator/stats')) as { requests: number };
        if (i >= 1) {
          times.push(ms);
          trips.push(stats.requests);
        } // one warm-up scan
      }
      const found = (last?.sections ?? []).map((s) => `${s.key} ${s.total}`).join(', ');
      const timing = `median ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms over ${times.length} scans`;
      console.log(`${label}: ${Math.max(...trips)} round trips per scan; ${timing} (${found})`);
    };
    const total = Number(await megan.get<unknown>('/groups/$count', { eventual: true }));
    await run(`administrator, whole tenant (${total} groups, ${users} users)`, megan);
    await run('owner (Lee Gu), own groups', await sessionAs(DEMO_USERS.lee.upn));
    clearInterval(sampler);
    const mb = (n: number): string => `${(n / 1048576).toFixed(0)} MB`;
    console.log(
      `RSS of this process (emulator + scan): ${mb(rssBefore)} after seeding, peak ${mb(rssPeak)} during the scans, ` +
        `process peak ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
    console.log(
      `load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} (the machine is shared)`,
    );
    return 0;
  } finally {
    await closeGraphConnections();
    await agent.close();
    await emu.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module || process.argv[1] === __filename) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      process.stderr.write(`hygiene-scan: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
