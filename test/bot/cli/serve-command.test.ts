/**
 * `groupbot serve` as a real process (local mode, temp DATA_DIR, ports 0): it prints where it listens, answers
 * /healthz, listens on 127.0.0.1 only, and stops on SIGTERM with exit code 0, closing its ports.
 */
import { strict as assert } from 'node:assert';
import { spawnGroupbot, portOpen, listeningSockets, type GroupbotProcess } from './groupbot-process';

describe('groupbot serve (spawned)', function () {
  this.timeout(120_000);
  let proc: GroupbotProcess;
  let botPort: number;
  let graphPort: number;

  before(async () => {
    proc = spawnGroupbot(['serve']);
    const bot = await proc.waitFor(/groupbot listening on http:\/\/127\.0\.0\.1:(\d+)\/api\/messages/, 90_000);
    const graph = await proc.waitFor(/graph-emulator listening on https:\/\/localhost:(\d+)\/v1\.0/);
    botPort = Number(bot[1]);
    graphPort = Number(graph[1]);
  });
  after(async () => {
    await proc?.cleanup();
  });

  it('answers GET /healthz with 200', async () => {
    const res = await fetch(`http://127.0.0.1:${botPort}/healthz`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; mode: string };
    assert.equal(body.status, 'ok');
    assert.equal(body.mode, 'local');
  });

  it('every socket it listens on is bound to 127.0.0.1', () => {
    const sockets = listeningSockets(proc.pid);
    const ports = sockets.map((s) => s.port);
    assert.ok(ports.includes(botPort) && ports.includes(graphPort), JSON.stringify(sockets));
    for (const s of sockets) assert.equal(s.address, '127.0.0.1', `port ${s.port} is bound to ${s.address}`);
  });

  it('stops on SIGTERM with exit code 0 and closes its ports', async () => {
    process.kill(proc.pid, 'SIGTERM');
    assert.equal(await proc.exited(30_000), 0, proc.stderr());
    assert.equal(await portOpen(botPort), false);
    assert.equal(await portOpen(graphPort), false);
    assert.doesNotMatch(proc.stderr(), /error while stopping|Error:/);
  });
});
