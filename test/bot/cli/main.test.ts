import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const bin = path.resolve(__dirname, '../../../bin/groupbot.js');

describe('groupbot command line', () => {
  it('lists its commands on --help', () => {
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    for (const name of ['start', 'serve', 'chat', 'parse', 'rule', 'emulator', 'token'])
      assert.match(out, new RegExp(`\\b${name}\\b`));
  });

  it('refuses an unknown command with exit code 2', () => {
    const res = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' });
    assert.equal(res.status, 2);
    assert.match(res.stderr, /unknown command 'frobnicate'/);
  });
});
