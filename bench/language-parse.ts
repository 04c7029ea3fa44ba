/**
 * Benchmark of bot/language: parses the test corpora (the first corpus, the people corpus and the held-back set) N times (default 50, `--rounds N`) after a warm-up
 * and prints the time per utterance (p50, p95, p99, max, in µs) and the throughput in utterances per second.
 * Run: node bin/run-ts.js bench/language-parse.ts [--rounds N]
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseIntent } from '../bot/language';

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

function main(): void {
  const rounds = roundsFromArgs(process.argv.slice(2));
  const files = ['corpus.jsonl', 'corpus-people.jsonl', 'corpus-heldback.jsonl'];
  const texts = files.flatMap((file) =>
    readFileSync(path.resolve(__dirname, '../test/bot/language', file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
  for (let i = 0; i < 5; i += 1) for (const t of texts) parseIntent(t);

  const samples = new Float64Array(texts.length * rounds);
  const perUtterance = texts.map(() => new Float64Array(rounds));
  let k = 0;
  let sink = 0;
  const wallStart = process.hrtime.bigint();
  for (let r = 0; r < rounds; r += 1) {
    for (const t of texts) {
      const start = process.hrtime.bigint();
      sink += parseIntent(t).intent.length;
      const us = Number(process.hrtime.bigint() - start) / 1000;
      samples[k] = us;
      (perUtterance[k % texts.length] as Float64Array)[r] = us;
      k += 1;
    }
  }
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  samples.sort();
  // The median of each utterance over the rounds, so that a descheduled process on a shared machine does not count.
  const medians = Float64Array.from(perUtterance, (xs) => percentile(xs.sort(), 50)).sort();
  const fmt = (n: number): string => n.toFixed(1);
  process.stdout.write(
    `language-parse: ${texts.length} corpus utterances × ${rounds} rounds = ${samples.length} parses (node ${process.version})\n` +
      `  µs per utterance, all parses: p50 ${fmt(percentile(samples, 50))}  p95 ${fmt(percentile(samples, 95))}  p99 ${fmt(percentile(samples, 99))}  max ${fmt(samples[samples.length - 1] ?? NaN)}\n` +
      `  µs per utterance, median of its ${rounds} rounds: p50 ${fmt(percentile(medians, 50))}  p95 ${fmt(percentile(medians, 95))}  p99 ${fmt(percentile(medians, 99))}  max ${fmt(medians[medians.length - 1] ?? NaN)}\n` +
      `  target (issue 23): p50 ≤ 60 µs and p99 ≤ 300 µs per utterance (medians) → ${
        percentile(medians, 50) <= 60 && percentile(medians, 99) <= 300 ? 'met' : 'NOT met'
      }\n` +
      `  throughput: ${Math.round(samples.length / wallSeconds)} utterances/s (wall ${wallSeconds.toFixed(2)} s, timer overhead included)\n`,
  );
  if (sink === 0) process.stdout.write('');
}

main();
