/**
 * Prints how many messages of each corpus the parser reads exactly as expected, and lists the misses.
 * The round 3 corpora (ROUND3_FILES) are scored here only; with --styles their misses are counted by style.
 * With --directory the parse reads each message through the demo tenant's group names, as a turn does
 * (`parseIntent(text, { gazetteer })`).
 * Run: node bin/run-ts.js test/bot/language/corpus-score.ts [--directory] [--misses] [--styles]
 */
import { isDeepStrictEqual } from 'node:util';
import { parseIntent, type Intent } from '../../../bot/language';
import { buildGazetteer, type Gazetteer } from '../../../bot/language/entity-gazetteer';
import { DEMO_GROUPS } from '../../../graph-emulator/seed/demo-tenant';
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

/** The demo tenant's group names as the turn's gazetteer holds them. */
function demoGazetteer(): Gazetteer {
  return buildGazetteer({
    groups: Object.values(DEMO_GROUPS).map((g) => ({
      id: g.id,
      displayName: g.displayName,
      mailNickname: g.mailNickname,
    })),
  });
}

function main(): void {
  const showMisses = process.argv.includes('--misses');
  const showStyles = process.argv.includes('--styles');
  const gazetteer = process.argv.includes('--directory') ? demoGazetteer() : undefined;
  const parse = (text: string): Intent => parseIntent(text, gazetteer ? { gazetteer } : {});
  for (const [label, file] of [...Object.entries(CORPUS_FILES), ...Object.entries(ROUND3_FILES)]) {
    const cases = loadCorpus(file);
    const misses = cases.filter((c) => !isDeepStrictEqual(parse(c.text), c.expect));
    const pct = ((100 * (cases.length - misses.length)) / cases.length).toFixed(1);
    process.stdout.write(`${label} (${file}): ${cases.length - misses.length}/${cases.length} = ${pct}%\n`);
    if (showStyles && cases.some((c) => c.style !== undefined)) process.stdout.write(styleBreakdown(cases, misses));
    if (showMisses) {
      for (const m of misses) {
        process.stdout.write(
          `  ${JSON.stringify(m.text)}\n    want ${JSON.stringify(m.expect)}\n    got  ${JSON.stringify(parse(m.text))}\n`,
        );
      }
    }
  }
}

main();
