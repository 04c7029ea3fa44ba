/**
 * Membership history figures (docs/history.md) on embedded PGlite:
 * - storage per 10,000 recorded changes (events, their index, checkpoints and the id dictionary);
 * - "members of G on D" for a 5,000-member group over a year of history (100 changes a day in 5-minute rounds,
 *   about 36,500 changes): median, p95 and max of 200 questions at random times (target: p95 under 200 ms).
 * Run: node bin/run-ts.js bench/history-store.ts
 */
import { randomUUID } from 'node:crypto';
import { openPgliteClient } from '../bot/store/pglite-client';
import { applyMigrations } from '../bot/store/migrate';
import { storeOn } from '../bot/store/open-store';
import type { MembershipEvent } from '../bot/store/history-repository';

const MEMBERS = 5000;
const CHANGES_PER_DAY = 100;
const DAYS = 365;
const QUESTIONS = 200;
const ROUND_MS = 5 * 60_000;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main(): Promise<void> {
  const db = await openPgliteClient(undefined);
  await applyMigrations(db);
  const store = storeOn(db);
  const rand = prng(7);
  const start = new Date(Date.UTC(2025, 11, 1));
  const groupId = randomUUID();
  await store.history.watch({ groupId, groupName: 'Bench', watcherId: 'bench', watcherName: 'Bench' }, start);

  // The group: 5,000 members (baseline), a pool of 8,000 people coming and going.
  const pool: string[] = Array.from({ length: 8000 }, () => randomUUID());
  const inGroup = new Set(pool.slice(0, MEMBERS));
  await store.history.recordRound(groupId, {
    events: [...inGroup].map((m): MembershipEvent => ({
      memberId: m,
      change: 'added',
      relation: 'member',
      at: start,
      actorId: null,
      source: 'delta',
      baseline: true,
    })),
    deltaLink: 'https://graph.microsoft.com/v1.0/groups/delta?$deltatoken=bench',
    polledAt: start,
  });
  const actors: string[] = Array.from({ length: 20 }, () => randomUUID());

  const size = async (): Promise<number> => {
    const rows = await db.query(
      `SELECT sum(pg_total_relation_size(c))::float8 AS bytes FROM unnest(ARRAY['membership_events', 'membership_checkpoints', 'history_ids']::regclass[]) c`,
    );
    return Number(rows[0]?.['bytes'] ?? 0);
  };

  // A year of changes, one round a day here (the rounds a day hold 5-minute spaced times).
  const before = await size();
  let recorded = 0;
  let sizeAt10k = 0;
  const t0 = Date.now();
  for (let day = 0; day < DAYS; day++) {
    const events: MembershipEvent[] = [];
    for (let i = 0; i < CHANGES_PER_DAY; i++) {
      const at = new Date(start.getTime() + day * 86_400_000 + (i + 1) * ROUND_MS);
      // Keep the group near 5,000: remove when above, add when below.
      const remove = inGroup.size > MEMBERS || (inGroup.size === MEMBERS && rand() < 0.5);
      const candidates = remove ? [...inGroup] : pool.filter((p) => !inGroup.has(p));
      const who = candidates[Math.floor(rand() * candidates.length)] as string;
      if (remove) inGroup.delete(who);
      else inGroup.add(who);
      events.push({
        memberId: who,
        change: remove ? 'removed' : 'added',
        relation: 'member',
        at,
        actorId: actors[Math.floor(rand() * actors.length)] as string,
        source: rand() < 0.3 ? 'groupbot' : 'delta',
      });
    }
    await store.history.recordRound(groupId, {
      events,
      deltaLink: `https://graph.microsoft.com/v1.0/groups/delta?$deltatoken=${day}`,
      polledAt: new Date(start.getTime() + (day + 1) * 86_400_000),
    });
    recorded += events.length;
    if (sizeAt10k === 0 && recorded >= 10_000) sizeAt10k = (await size()) - before;
  }
  const writeSeconds = (Date.now() - t0) / 1000;
  const total = (await size()) - before;

  // Questions: "members of G on D" at random times of the year, checked against a replay on the first few.
  const times: number[] = [];
  for (let q = 0; q < QUESTIONS; q++) {
    const at = new Date(start.getTime() + Math.floor(rand() * DAYS * 86_400_000));
    const q0 = performance.now();
    const state = await store.history.membershipAt(groupId, at);
    times.push(performance.now() - q0);
    if (!state || state.members.length < MEMBERS - 200 || state.members.length > MEMBERS + 200)
      throw new Error(`unexpected membership size ${state?.members.length}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  process.stdout.write(
    [
      `history store (PGlite): ${recorded} changes over ${DAYS} days for a ${MEMBERS}-member group, written in ${writeSeconds.toFixed(1)} s`,
      `storage per 10,000 changes: ${kb(sizeAt10k)} (first 10,000, checkpoints included); whole year: ${kb(total)} = ${kb((total / recorded) * 10_000)} per 10,000`,
      `"members of G on D" over the year (${QUESTIONS} questions): median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${(sorted.at(-1) as number).toFixed(1)} ms (target p95 < 200 ms)`,
    ].join('\n') + '\n',
  );
  await store.close();
}

main().catch((err: Error) => {
  process.stderr.write(`history-store bench: ${err.stack ?? err.message}\n`);
  process.exitCode = 1;
});
