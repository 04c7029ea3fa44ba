/**
 * Benchmark of bot/language: parses the test corpora (the first corpus, the people corpus and the held-back set) N times (default 50, `--rounds N`) after a warm-up
 * and prints the time per utterance, for the pure parse and for the parse through the demo tenant's group names, (p50, p95, p99, max, in µs) and the throughput in utterances per second.
 * Run: node bin/run-ts.js bench/language-parse.ts [--rounds N]
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseIntent, type Intent } from '../bot/language';
import { buildGazetteer, type Gazetteer } from '../bot/language/entity-gazetteer';
import { DEMO_GROUPS } from '../graph-emulator/seed/demo-tenant';

function roundsFromArgs(argv: string[]): number {
  const i = argv.indexOf('--rounds');
  const n = i >= 0 ? Number(argv[i + 1]) : 50;
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write('usage: language-parse.ts [--rounds N]  (N a positive integer)\n');
    process.exit(2);
  }
  return n;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Figures {
  samples: Float64Array;
  medians: Float64Array;
  wallSeconds: number;
}

/** Parses every text `rounds` times after a warm-up; all samples and each utterance's median, sorted. */
function measure(texts: string[], rounds: number, parse: (t: string) => Intent): Figures {
  for (let i = 0; i < 5; i += 1) for (const t of texts) parse(t);
  const samples = new Float64Array(texts.length * rounds);
  const perUtterance = texts.map(() => new Float64Array(rounds));
  let k = 0;
  let sink = 0;
  const wallStart = process.hrtime.bigint();
  for (let r = 0; r < rounds; r += 1) {
    for (const t of texts) {
      const start = process.hrtime.bigint();
      sink += parse(t).intent.length;
      const us = Number(process.hrtime.bigint() - start) / 1000;
      samples[k] = us;
      (perUtterance[k % texts.length] as Float64Array)[r] = us;
      k += 1;
    }
  }
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  if (sink === 0) process.stdout.write('');
  samples.sort();
  // The median of each utterance over the rounds, so that a descheduled process on a shared machine does not count.
  const medians = Float64Array.from(perUtterance, (xs) => percentile(xs.sort(), 50)).sort();
  return { samples, medians, wallSeconds };
}

const fmt = (n: number): string => n.toFixed(1);

function report(label: string, rounds: number, f: Figures): string {
  const { samples, medians } = f;
  return (
    `  ${label}\n` +
    `    µs per utterance, all parses: p50 ${fmt(percentile(samples, 50))}  p95 ${fmt(percentile(samples, 95))}  p99 ${fmt(percentile(samples, 99))}  max ${fmt(samples[samples.length - 1] ?? NaN)}\n` +
    `    µs per utterance, median of its ${rounds} rounds: p50 ${fmt(percentile(medians, 50))}  p95 ${fmt(percentile(medians, 95))}  p99 ${fmt(percentile(medians, 99))}  max ${fmt(medians[medians.length - 1] ?? NaN)}\n` +
    `    target (issue 23): p50 ≤ 60 µs and p99 ≤ 300 µs per utterance (medians) → ${
      percentile(medians, 50) <= 60 && percentile(medians, 99) <= 300 ? 'met' : 'NOT met'
    }\n` +
    `    throughput: ${Math.round(samples.length / f.wallSeconds)} utterances/s (wall ${f.wallSeconds.toFixed(2)} s, timer overhead included)\n`
  );
}

/** The demo tenant's group names, as a turn's directory pass holds them. */
function demoGazetteer(): Gazetteer {
  const groups = Object.values(DEMO_GROUPS).map((g) => ({
    id: g.id,
    displayName: g.displayName,
    mailNickname: g.mailNickname,
  }));
  return buildGazetteer({ groups });
}

function main(): void {
  const rounds = roundsFromArgs(process.argv.slice(2));
  const files = ['corpus.jsonl', 'corpus-people.jsonl', 'corpus-heldback.jsonl'];
  const texts = files.flatMap((file) =>
    readFileSync(path.resolve(__dirname, '../test/bot/language', file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
  const gazetteer = demoGazetteer();
  const pure = measure(texts, rounds, (t) => parseIntent(t));
  const directory = measure(texts, rounds, (t) => parseIntent(t, { gazetteer }));
  process.stdout.write(
    `language-parse: ${texts.length} corpus utterances × ${rounds} rounds = ${pure.samples.length} parses each (node ${process.version})\n` +
      report('groupbot parse (the pure parse)', rounds, pure) +
      report(`through the directory (the demo tenant's ${gazetteer.entries.length} group names)`, rounds, directory),
  );
}

main();
