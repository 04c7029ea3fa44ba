/**
 * Prints how many messages of each corpus the parser reads exactly as expected, and lists the misses.
 * Run: node bin/run-ts.js test/bot/language/corpus-score.ts [--misses]
 */
import { isDeepStrictEqual } from 'node:util';
import { parseIntent } from '../../../bot/language';
import { CORPUS_FILES, loadCorpus } from './corpus-load';

function main(): void {
  const showMisses = process.argv.includes('--misses');
  for (const [label, file] of Object.entries(CORPUS_FILES)) {
    const cases = loadCorpus(file);
    const misses = cases.filter((c) => !isDeepStrictEqual(parseIntent(c.text), c.expect));
    const pct = ((100 * (cases.length - misses.length)) / cases.length).toFixed(1);
    process.stdout.write(`${label} (${file}): ${cases.length - misses.length}/${cases.length} = ${pct}%\n`);
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
