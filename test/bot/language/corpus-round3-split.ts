/**
 * Splits the round 3 corpus (issue 23) into a tuning file and a held-back file, at random but reproducibly:
 * the messages of every style are sorted by text, shuffled with a fixed seed and the first 38% (at least one)
 * of each style are held back, so both files cover every style.
 * Run: node bin/run-ts.js test/bot/language/corpus-round3-split.ts <input.jsonl>...
 * Given the two files it wrote, it writes them again unchanged (the split depends only on the set of messages).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROUND3_FILES, type CorpusCase } from './corpus-load';

const SEED = 23;
const HELD_BACK_SHARE = 0.38;

/** mulberry32: a small seeded generator of floats in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const picked = out[j] as T;
    out[j] = out[i] as T;
    out[i] = picked;
  }
  return out;
}

/** Reads cases from JSON-lines files. Throws when a line is not JSON or has no style. */
function readCases(files: string[]): CorpusCase[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line, i) => {
        const parsed = JSON.parse(line) as CorpusCase;
        if (typeof parsed.style !== 'string') throw new Error(`${file} line ${i + 1} has no style`);
        return parsed;
      }),
  );
}

function main(): void {
  const inputs = process.argv.slice(2);
  if (inputs.length === 0) throw new Error('usage: corpus-round3-split.ts <input.jsonl>...');
  const cases = readCases(inputs);
  const random = seededRandom(SEED);
  const styles = [...new Set(cases.map((c) => c.style ?? ''))].sort();
  const tuning: CorpusCase[] = [];
  const heldBack: CorpusCase[] = [];
  for (const style of styles) {
    const ofStyle = cases.filter((c) => c.style === style).sort((a, b) => (a.text < b.text ? -1 : 1));
    const shuffled = shuffle(ofStyle, random);
    const held = Math.max(1, Math.round(ofStyle.length * HELD_BACK_SHARE));
    heldBack.push(...shuffled.slice(0, held));
    tuning.push(...shuffled.slice(held));
  }
  const line = (c: CorpusCase): string => JSON.stringify({ text: c.text, expect: c.expect, style: c.style });
  const write = (file: string, list: CorpusCase[]): void =>
    writeFileSync(path.join(__dirname, file), shuffle(list, random).map(line).join('\n') + '\n');
  write(ROUND3_FILES.round3, tuning);
  write(ROUND3_FILES.round3HeldBack, heldBack);
  process.stdout.write(
    `${tuning.length} to ${ROUND3_FILES.round3}, ${heldBack.length} to ${ROUND3_FILES.round3HeldBack}\n`,
  );
}

main();
