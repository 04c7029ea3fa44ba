import { strict as assert } from 'node:assert';
import { EnvFileSyntaxError, parseEnvFile } from '../../scripts/app-package/env-file-parse';

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines, skipping comments and blanks, trimming trailing comments', () => {
    const text = '\uFEFF# header\n\nBOT_ID=abc # the id\nexport PORT = 3978\nEMPTY=\nHASH="a#b"\r\n';
    assert.deepEqual(parseEnvFile(text), { BOT_ID: 'abc', PORT: '3978', EMPTY: '', HASH: 'a#b' });
  });

  it('handles quoted values: newlines in double quotes, single quotes taken literally', () => {
    assert.deepEqual(parseEnvFile(`A="x # y\\nz"\nB='lit\\n'`), { A: 'x # y\nz', B: 'lit\\n' });
  });

  it('names the line of a syntax error', () => {
    assert.throws(
      () => parseEnvFile('A=1\nnot a pair\n'),
      (err: unknown) => err instanceof EnvFileSyntaxError && err.line === 2,
    );
    assert.throws(() => parseEnvFile('A="open\n'), /line 1: unterminated/);
    assert.throws(() => parseEnvFile('1A=x'), /invalid variable name/);
  });
});
