/**
 * `groupbot start` as a real process: the Graph emulator, the bot and the Agents Playground come up on loopback;
 * it prints the Playground URL (the time it took is measured and printed, not asserted: speed belongs in
 * bench/), the Playground answers /_debug/ping and talks to the bot, and SIGINT stops every child process.
 */
import { strict as assert } from 'node:assert';
import { PlaygroundClient, pushText } from '../../support/playground-client';
import {
  spawnGroupbot,
  portOpen,
  descendants,
  alive,
  listeningSockets,
  type GroupbotProcess,
} from './groupbot-process';

describe('groupbot start (spawned)', function () {
  this.timeout(150_000);
  let proc: GroupbotProcess;
  let playgroundPort: number;
  let playgroundUrl: string;
  let botPort: number;
  let graphPort: number;
  let children: number[] = [];

  before(async () => {
    const t0 = Date.now();
    // PLAYGROUND_PORT=0 like every other port here: groupbot picks a free loopback port for the Playground.
    proc = spawnGroupbot(['start'], { env: { PLAYGROUND_PORT: '0' } });
    const m = await proc.waitFor(/Agents Playground: (http:\/\/localhost:(\d+))/, 120_000);
    const seconds = (Date.now() - t0) / 1000;
    process.stdout.write(`      (groupbot start printed the Playground URL after ${seconds.toFixed(1)} s)\n`);
    playgroundUrl = m[1] as string;
    playgroundPort = Number(m[2]);
    botPort = Number((/groupbot listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(proc.stdout()) ?? [])[1]);
    graphPort = Number((/graph-emulator listening on https:\/\/localhost:(\d+)/.exec(proc.stdout()) ?? [])[1]);
  });
  after(async () => {
    await proc?.cleanup();
  });

  it('prints the Playground URL (a free port for PLAYGROUND_PORT=0), and the bot and emulator addresses', () => {
    assert.ok(playgroundPort > 0);
    assert.equal(playgroundUrl, `http://localhost:${playgroundPort}`);
    assert.ok(botPort > 0 && graphPort > 0, proc.stdout());
    assert.match(proc.stdout(), /ready in \d+\.\d s\. Press Ctrl-C to stop\./);
  });

  it('the Playground answers /_debug/ping and relays a chat to the bot', async () => {
    const ping = await fetch(`http://127.0.0.1:${playgroundPort}/_debug/ping`);
    assert.equal(await ping.text(), 'pong');
    const client = await PlaygroundClient.connect(`http://127.0.0.1:${playgroundPort}`);
    try {
      await client.sendPersonal('who owns SecurityGroup101');
      assert.match(pushText(await client.waitForBot(client.config.personalChatId, { timeoutMs: 30_000 })), /Bob Kelly/);
    } finally {
      await client.close();
    }
  });

  it('groupbot itself listens on 127.0.0.1 only', () => {
    const sockets = listeningSockets(proc.pid);
    assert.ok(
      sockets.some((s) => s.port === botPort),
      JSON.stringify(sockets),
    );
    for (const s of sockets) assert.equal(s.address, '127.0.0.1', `port ${s.port} is bound to ${s.address}`);
  });

  it('SIGINT stops every child: exit code 0, no child left, Playground, bot and emulator ports closed', async () => {
    children = descendants(proc.pid);
    assert.ok(children.length >= 1, 'the Playground runs as a child process');
    process.kill(proc.pid, 'SIGINT');
    assert.equal(await proc.exited(60_000), 0, proc.stderr());
    for (const pid of children) assert.equal(alive(pid), false, `child ${pid} is still running`);
    assert.equal(await portOpen(playgroundPort), false, 'the Playground port is closed');
    assert.equal(await portOpen(botPort), false, 'the bot port is closed');
    assert.equal(await portOpen(graphPort), false, 'the emulator port is closed');
  });
});
