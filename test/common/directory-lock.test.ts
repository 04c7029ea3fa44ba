import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryLockedError, lockDirectory } from '../../common/directory-lock';

const LOCK_MODULE = join(__dirname, '..', '..', 'common', 'directory-lock.ts');

/** A separate process that takes the lock, prints "locked" and then waits to be killed. */
function holderProcess(dir: string): Promise<ChildProcess> {
  const script = `require(${JSON.stringify(LOCK_MODULE)}).lockDirectory(${JSON.stringify(dir)}).then(() => { process.stdout.write('locked\\n'); setInterval(() => undefined, 1000); });`;
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}

describe('lockDirectory (one process per PGlite directory)', function () {
  this.timeout(20_000);
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'groupbot-lock-'));
  });
  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('refuses a second holder in the same process until released', async () => {
    const dir = join(base, 'bot-store');
    const release = await lockDirectory(dir);
    assert.equal(existsSync(`${dir}.lock`), true);
    await assert.rejects(
      lockDirectory(dir),
      (err: unknown) =>
        err instanceof DirectoryLockedError && err.pid === process.pid && /in use by process/.test(err.message),
    );
    release();
    assert.equal(existsSync(`${dir}.lock`), false);
    (await lockDirectory(dir))();
  });

  it('refuses a directory held by another live process, naming its pid and command', async () => {
    const dir = join(base, 'graph', 'pgdata');
    const holder = await holderProcess(dir);
    try {
      await assert.rejects(lockDirectory(dir), (err: unknown) => {
        assert.ok(err instanceof DirectoryLockedError);
        assert.equal(err.pid, holder.pid);
        assert.match(err.message, new RegExp(`in use by process ${holder.pid} \\(`));
        return true;
      });
    } finally {
      holder.kill('SIGKILL');
      await exited(holder);
    }
  });

  it('is free again the moment its holder is SIGKILLed (the stale lock file is taken over)', async () => {
    const dir = join(base, 'bot-store');
    const holder = await holderProcess(dir);
    holder.kill('SIGKILL');
    await exited(holder);
    assert.equal(existsSync(`${dir}.lock`), true, 'the killed holder left its lock file behind');
    const release = await lockDirectory(dir);
    assert.equal((JSON.parse(readFileSync(`${dir}.lock`, 'utf8')) as { pid: number }).pid, process.pid);
    release();
  });

  it('is not fooled by a lock file naming a live process that holds nothing (a reused pid)', async () => {
    const dir = join(base, 'bot-store');
    writeFileSync(`${dir}.lock`, String(process.ppid));
    const dead = spawnSync(process.execPath, ['-e', '0']);
    assert.equal(dead.status, 0);
    const release = await lockDirectory(dir);
    release();
  });
});
