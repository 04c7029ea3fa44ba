/**
 * Prints how many messages of each corpus the parser reads exactly as expected, and lists the misses.
 * The round 3 corpora (ROUND3_FILES) are scored here only; with --styles their misses are counted by style.
 * Run: node bin/run-ts.js test/bot/language/corpus-score.ts [--misses] [--styles]
 */
import { isDeepStrictEqual } from 'node:util';
import { parseIntent } from '../../../bot/language';
import { CORPUS_FILES, ROUND3_FILES, loadCorpus, type CorpusCase } from './corpus-load';

function styleBreakdown(cases: CorpusCase[], misses: CorpusCase[]): string {
  const styles = [...new Set(cases.map((c) => c.style ?? '(none)'))].sort();
  return styles
    .map((style) => {
      const total = cases.filter((c) => (c.style ?? '(none)') === style).length;
      const missed = misses.filter((c) => (c.style ?? '(none)') === style).length;
      return `    ${style}: ${total - missed}/${total} read, ${missed} missed\n`;
    })
    .join('');
}

function main(): void {
  const showMisses = process.argv.includes('--misses');
  const showStyles = process.argv.includes('--styles');
  for (const [label, file] of [...Object.entries(CORPUS_FILES), ...Object.entries(ROUND3_FILES)]) {
    const cases = loadCorpus(file);
    const misses = cases.filter((c) => !isDeepStrictEqual(parseIntent(c.text), c.expect));
    const pct = ((100 * (cases.length - misses.length)) / cases.length).toFixed(1);
    process.stdout.write(`${label} (${file}): ${cases.length - misses.length}/${cases.length} = ${pct}%\n`);
    if (showStyles && cases.some((c) => c.style !== undefined)) process.stdout.write(styleBreakdown(cases, misses));
    if (showMisses) {
      for (const m of misses) {
        process.stdout.write(
          `  ${JSON.stringify(m.text)}\n    want ${JSON.stringify(m.expect)}\n    got  ${JSON.stringify(parseIntent(m.text))}\n`,
        );
      }
    }
  }
}

main();
