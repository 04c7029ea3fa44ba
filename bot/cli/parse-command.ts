/**
 * `groupbot parse "<text>"` prints one JSON Intent; `groupbot parse -` reads one utterance per line from stdin
 * and prints one JSON Intent per line, in the same order (JSONL), as lines arrive.
 */
import * as readline from 'node:readline';
import { UsageError, parseCommandLine } from '../../graph-emulator/cli/cli-args';
import { INTENT_NAMES, intentSpec, parseIntent } from '../language';

const USAGE =
  'usage: groupbot parse "<text>"   (one JSON Intent)\n' +
  '       groupbot parse -          (one utterance a line on stdin, one JSON a line out)\n' +
  '       groupbot parse --intents  (the intent table: each intent, its slots by role, help line and examples)\n';

/** One line a row of the intent table (bot/language/intent-table.ts), as JSON. */
function intentTableLines(): string {
  return INTENT_NAMES.map((name) => {
    const row = intentSpec(name);
    const shape = (row.slots as unknown as { shape: Record<string, unknown> }).shape;
    return JSON.stringify({
      intent: name,
      slots: Object.keys(shape),
      people: row.people ?? [],
      groups: row.groups ?? [],
      times: row.times ?? [],
      text: row.text ?? [],
      wholeText: row.wholeText === true,
      help: row.help ?? null,
      examples: row.examples,
    });
  })
    .map((line) => line + '\n')
    .join('');
}

/** Writes `chunk` to stdout, waiting for 'drain' when the pipe is full. Rejects when stdout fails. */
function write(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    process.stdout.once('error', onError);
    const done = (): void => {
      process.stdout.off('error', onError);
      resolve();
    };
    if (process.stdout.write(chunk)) done();
    else process.stdout.once('drain', done);
  });
}

/** Parses stdin line by line; resolves with the exit code (0, or 1 when stdout closed early). */
async function parseStdin(): Promise<number> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let batch = '';
  try {
    for await (const line of lines) {
      batch += JSON.stringify(parseIntent(line)) + '\n';
      if (batch.length >= 16_384) {
        await write(batch);
        batch = '';
      }
    }
    if (batch.length > 0) await write(batch);
    return 0;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return 0;
    process.stderr.write(`groupbot parse: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    lines.close();
  }
}

/**
 * Runs `groupbot parse`. Exit codes: 0 done, 2 usage error. Never throws: stdin and stdout failures are
 * reported on stderr with exit code 1.
 */
export async function run(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv.length === 1 && argv[0] === '--intents') {
    await write(intentTableLines());
    return 0;
  }
  let words: string[];
  try {
    words = parseCommandLine(argv, [], true).positionals;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`groupbot parse: ${err.message} (put -- before text that starts with a dash)\n${USAGE}`);
    return 2;
  }
  if (words.length === 1 && words[0] === '-') return parseStdin();
  const text = words.join(' ');
  await write(JSON.stringify(parseIntent(text)) + '\n');
  return 0;
}
