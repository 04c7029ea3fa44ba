/**
 * Benchmark of the entity spotter (bot/language/entity-spot.ts): a gazetteer of 2,000 generated group names and
 * 500 people, the messages of the corpora (corpus.jsonl, corpus-people.jsonl, corpus-round3.jsonl) and a fixed
 * 20-word message, each spotted N times (default 200, `--rounds N`) after a warm-up. Prints µs per message
 * (p50, p95, p99) and the time to build the gazetteer.
 * Run: node bin/run-ts.js bench/entity-spot.ts [--rounds N]
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildGazetteer } from '../bot/language/entity-gazetteer';
import { spotEntities } from '../bot/language/entity-spot';

const WORDS = (
  'alpha beta gamma delta sales marketing finance legal platform core identity services readers alerts project ' +
  'phoenix falcon engineering research development design executive leadership vendor portal access seattle ' +
  'london paris berlin tokyo employees admins helpdesk operations security network cloud data analytics support ' +
  'customer success partners contractors interns managers directors board audit compliance risk payroll benefits'
).split(' ');
const FIRST =
  'Adele Alex Ana Bob Debra Diego Enrico Grace Henrietta Isaiah Joni Lee Lidia Lynne Megan Miriam Nestor Patti Pradeep Raul'.split(
    ' ',
  );
const LAST =
  'Vance Wilber Silva Kelly Berger Siciliani Cattaneo Taylor Mueller Langer Sherman Gu Holloway Robbins Bowen Graham Wilke Fernandez Gupta Razo Smith'.split(
    ' ',
  );

function rounds(argv: string[]): number {
  const i = argv.indexOf('--rounds');
  const n = i >= 0 ? Number(argv[i + 1]) : 200;
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write('usage: entity-spot.ts [--rounds N]  (N a positive integer)\n');
    process.exit(2);
  }
  return n;
}

/** 2,000 distinct names of two or three words, deterministic (a linear congruential walk over WORDS). */
function groupNames(): string[] {
  const out = new Set<string>();
  let x = 23;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) >>> 16) % WORDS.length;
  for (let guard = 0; out.size < 2000 && guard < 1_000_000; guard += 1) {
    const n = out.size % 3 === 0 ? 3 : 2;
    const words = Array.from({ length: n }, () => WORDS[next()] as string);
    out.add(words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' '));
  }
  return [...out];
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function measure(texts: string[], n: number, spot: (t: string) => number): Float64Array {
  for (let i = 0; i < 5; i += 1) for (const t of texts) spot(t);
  const samples = new Float64Array(texts.length * n);
  let k = 0;
  for (let r = 0; r < n; r += 1)
    for (const t of texts) {
      const start = process.hrtime.bigint();
      spot(t);
      samples[k] = Number(process.hrtime.bigint() - start) / 1000;
      k += 1;
    }
  return samples.sort();
}

function main(): void {
  const n = rounds(process.argv.slice(2));
  const buildStart = process.hrtime.bigint();
  const gazetteer = buildGazetteer({
    groups: groupNames().map((displayName, i) => ({ id: `g${i}`, displayName })),
    people: Array.from({ length: 500 }, (_, i) => {
      const given = FIRST[i % FIRST.length] as string;
      return { id: `p${i}`, displayName: `${given} ${LAST[(i * 7) % LAST.length] as string}${i}`, givenName: given };
    }),
  });
  const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  const files = ['corpus.jsonl', 'corpus-people.jsonl', 'corpus-round3.jsonl'];
  const corpus = files.flatMap((file) =>
    readFileSync(path.resolve(__dirname, '../test/bot/language', file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
  const twenty = [
    'hi team, could you plz get Deb and Izzy onto the phoenix project grp and the finance readers asap, ty — Sam from IT',
  ];
  let sink = 0;
  const spot = (t: string) => (sink += spotEntities(t, gazetteer).length);
  const fmt = (s: Float64Array) =>
    `p50 ${percentile(s, 50).toFixed(1)}  p95 ${percentile(s, 95).toFixed(1)}  p99 ${percentile(s, 99).toFixed(1)}`;
  const all = measure(corpus, n, spot);
  const fixed = measure(twenty, n * 20, spot);
  process.stdout.write(
    `entity-spot: gazetteer of ${gazetteer.entries.length} entries (2,000 groups, 500 people) built in ${buildMs.toFixed(1)} ms (node ${process.version})\n` +
      `  20-word message (${twenty[0]?.split(/\s+/).length} words), µs: ${fmt(fixed)}\n` +
      `  ${corpus.length} corpus messages × ${n} rounds, µs per message: ${fmt(all)}\n` +
      `  (${sink} spans found in all)\n`,
  );
}

main();
