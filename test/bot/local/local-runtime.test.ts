/**
 * bot/local/local-runtime: startLocal brings up the real Graph emulator and the bot on 127.0.0.1 only, tokens
 * from the local identity provider work against the emulator, the runtime file tells `groupbot chat` whether a
 * stack is running, and failures (data directory in use, bot port taken) give a clear message and leave nothing
 * behind.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import {
  startLocal,
  readRunningRuntime,
  writeRuntimeFile,
  runtimeFile,
  graphDataDir,
  type LocalRuntime,
} from '../../../bot/local/local-runtime';
import { loadConfig, type BotConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/log';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { listeningSockets, portOpen } from '../cli/groupbot-process';

describe('bot/local/local-runtime', function () {
  this.timeout(120_000);
  let dir: string;
  let config: BotConfig;
  let local: LocalRuntime | undefined;
  const log = createLogger('error', () => undefined);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-local-'));
    config = { ...loadConfig({ PORT: '0', GRAPH_EMULATOR_PORT: '0', LOG_LEVEL: 'error' }), dataDir: dir };
    local = await startLocal(config, log);
  });
  after(async () => {
    await local?.stop();
    await closeGraphConnections();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('binds the bot and the emulator to 127.0.0.1 only', () => {
    const running = local as LocalRuntime;
    assert.equal((running.bot?.server.address() as net.AddressInfo).address, '127.0.0.1');
    const mine = listeningSockets(process.pid).filter(
      (s) => s.port === running.bot?.port || s.port === running.emulator.port,
    );
    assert.equal(mine.length, 2, JSON.stringify(mine));
    for (const s of mine) assert.equal(s.address, '127.0.0.1', `port ${s.port} is bound to ${s.address}`);
  });

  it('keeps the emulator data under <DATA_DIR>/graph and mints working tokens for demo users', async () => {
    const running = local as LocalRuntime;
    assert.ok(fs.existsSync(graphDataDir(config)));
    const token = running.identity.tokenFor('megan@contoso.com');
    const agent = new Agent({ connect: { ca: running.emulator.caPem } });
    try {
      const res = await undiciFetch(`${running.emulator.graphUrl}/me?$select=id,displayName`, {
        headers: { authorization: `Bearer ${token}` },
        dispatcher: agent,
      });
      assert.equal(res.status, 200);
      const me = (await res.json()) as { id: string; displayName: string };
      assert.equal(me.id, DEMO_USERS.megan.id);
      assert.equal(me.displayName, 'Megan Bowen');
    } finally {
      await agent.close();
    }
  });

  it('finds users by UPN and by object id, and refuses unknown users with a sentence', () => {
    const identity = (local as LocalRuntime).identity;
    assert.equal(identity.find('ANA@contoso.com')?.id, DEMO_USERS.ana.id);
    assert.equal(identity.find(DEMO_USERS.bob.id)?.upn, DEMO_USERS.bob.upn);
    assert.equal(identity.find('nobody@contoso.com'), undefined);
    assert.throws(
      () => identity.tokenFor('nobody@contoso.com'),
      /There is no user 'nobody@contoso\.com' in the local directory/,
    );
  });

  it('the runtime file names a running stack, and is ignored once its process is gone', () => {
    const running = local as LocalRuntime;
    writeRuntimeFile(config, {
      pid: process.pid,
      emulatorUrl: running.emulator.graphUrl,
      caCertPath: running.emulator.caCertPath,
      botEndpoint: running.bot?.endpoint ?? '',
    });
    assert.equal(readRunningRuntime(config)?.botEndpoint, running.bot?.endpoint);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeRuntimeFile(config, {
      pid: Number(gone.stdout),
      emulatorUrl: running.emulator.graphUrl,
      caCertPath: running.emulator.caCertPath,
    });
    assert.equal(readRunningRuntime(config), undefined);
    fs.rmSync(runtimeFile(config));
    assert.equal(readRunningRuntime(config), undefined);
  });

  it('a second stack on the same DATA_DIR is refused with a message naming the directory, and the first keeps working', async () => {
    await assert.rejects(startLocal(config, log), (err: Error) => {
      // The emulator's directory lock refuses it before anything is opened, naming the holder (this process).
      assert.match(err.message, new RegExp(`is already in use\\. .* in use by process ${process.pid} \\(`));
      assert.ok(err.message.includes(config.dataDir), err.message);
      return true;
    });
    const res = await fetch(`http://127.0.0.1:${(local as LocalRuntime).bot?.port}/healthz`);
    assert.equal(res.status, 200);
  });

  it('stop() closes both ports; a taken bot port is reported and leaves nothing running', async () => {
    const running = local as LocalRuntime;
    const ports = [running.bot?.port as number, running.emulator.port];
    await running.stop();
    local = undefined;
    for (const p of ports) assert.equal(await portOpen(p), false, `port ${p} still open`);

    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      await assert.rejects(
        startLocal({ ...config, port: taken }, log),
        new RegExp(`The bot could not listen on 127\\.0\\.0\\.1:${taken}`),
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
    // The failed start released the data directory: a new stack starts on it.
    local = await startLocal(config, log);
    assert.ok(local.bot && (await portOpen(local.bot.port)));
  });
});
