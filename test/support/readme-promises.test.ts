/** The README reader the README end-to-end test relies on, against a small sample and the real README. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { approvalSteps, commandBlock, ReadmeShapeError, thingsToTry } from './readme-promises';

const SAMPLE = [
  '### Try an approval',
  '',
  '1. `npm start`, open it.',
  '2. Type `hello` and',
  '   then `1`.',
  '',
  '### Next',
  '',
  'Things to try:',
  '',
  '| you type | what happens |',
  '|---|---|',
  '| `a` · `b \\| c` | one |',
  '| `d` (as Ana) | two |',
  '',
  'The command line also parses and checks without the bot:',
  '',
  '```sh',
  'npx groupbot parse "a # b"   # one intent',
  "echo '{}' | npx groupbot rule eval 'x'",
  '```',
].join('\n');

describe('test/support/readme-promises', () => {
  it('reads the rows, steps and command lines of a sample', () => {
    assert.deepEqual(thingsToTry(SAMPLE), [
      { youType: '`a` · `b \\| c`', examples: ['a', 'b \\| c'], happens: 'one' },
      { youType: '`d` (as Ana)', examples: ['d'], happens: 'two' },
    ]);
    assert.deepEqual(approvalSteps(SAMPLE), [
      { n: 1, text: '`npm start`, open it.', code: ['npm start'] },
      { n: 2, text: 'Type `hello` and then `1`.', code: ['hello', '1'] },
    ]);
    assert.deepEqual(commandBlock(SAMPLE), [
      { command: 'npx groupbot parse "a # b"', comment: 'one intent' },
      { command: "echo '{}' | npx groupbot rule eval 'x'", comment: '' },
    ]);
  });

  it('says which part is missing', () => {
    assert.throws(() => thingsToTry('# nothing'), ReadmeShapeError);
    assert.throws(() => approvalSteps('# nothing'), /Try an approval/);
    assert.throws(() => commandBlock('# nothing'), /parses and checks/);
  });

  it('finds every part in the real README', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    assert.ok(thingsToTry(readme).length >= 10);
    assert.ok(thingsToTry(readme).every((r) => r.examples.length > 0));
    assert.equal(approvalSteps(readme).length, 5);
    assert.ok(
      commandBlock(readme).every((c) => c.command.startsWith('npx groupbot') || c.command.includes('| npx groupbot')),
    );
  });
});
