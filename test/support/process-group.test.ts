import assert from 'node:assert/strict';
import { spawnGroupProcess, type GroupProcess } from './process-group';

/** `node -e <script>` in its own group. */
function node(script: string): GroupProcess {
  return spawnGroupProcess(['-e', script], { env: process.env });
}

describe('test/support/process-group', () => {
  const started: GroupProcess[] = [];
  afterEach(async () => {
    for (const p of started.splice(0)) await p.kill();
  });

  it('resolves the ready match on stdout and keeps both streams', async () => {
    const p = node("console.error('warming up'); console.log('listening on 4242'); setInterval(() => {}, 1000);");
    started.push(p);
    const m = await p.waitFor(/listening on (\d+)/, 10_000);
    assert.notEqual(typeof m, 'string');
    assert.equal((m as RegExpExecArray)[1], '4242');
    assert.match(p.stdout(), /listening on 4242/);
    assert.match(p.output(), /listening on 4242/);
    assert.equal(p.running, true);
    await p.stop(5000);
    assert.equal(p.running, false);
    assert.equal(await p.exited, 'SIGTERM');
  });

  it("answers 'exit' when the process exits before the line, with its exit code", async () => {
    const p = node("console.log('not it'); process.exit(3);");
    started.push(p);
    assert.equal(await p.waitFor(/ready/, 10_000), 'exit');
    assert.equal(await p.exited, 3);
  });

  it("answers 'timeout' when the line does not come in time, and kill() ends it", async () => {
    const p = node('setInterval(() => {}, 1000);');
    started.push(p);
    assert.equal(await p.waitFor(/ready/, 100), 'timeout');
    assert.equal(p.running, true);
    await p.kill();
    assert.equal(await p.exited, 'SIGKILL');
  });
});
