import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DirectoryLockedError, lockDirectory } from '../../../bot/store/directory-lock';

describe('lockDirectory (one process per PGlite directory)', () => {
  let base: string;
  beforeEach(() => { base = mkdtempSync(join(tmpdir(), 'groupbot-lock-')); });
  afterEach(() => { rmSync(base, { recursive: true, force: true }); });

  it('refuses a second holder until released', () => {
    const dir = join(base, 'bot-store');
    const release = lockDirectory(dir);
    assert.equal(existsSync(`${dir}.lock`), true);
    assert.throws(() => lockDirectory(dir), (err: unknown) => err instanceof DirectoryLockedError && err.pid === process.pid && /in use by process/.test(err.message));
    release();
    assert.equal(existsSync(`${dir}.lock`), false);
    lockDirectory(dir)();
  });

  it('takes over a lock left by a dead process', () => {
    const dir = join(base, 'bot-store');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${dir}.lock`, dead.stdout);
    const release = lockDirectory(dir);
    assert.equal(readFileSync(`${dir}.lock`, 'utf8'), String(process.pid));
    release();
  });

  it('refuses a lock held by another live process', () => {
    const dir = join(base, 'bot-store');
    writeFileSync(`${dir}.lock`, String(process.ppid));
    assert.throws(() => lockDirectory(dir), DirectoryLockedError);
  });
});
