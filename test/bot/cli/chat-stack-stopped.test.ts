/**
 * `groupbot chat --group` when the stack it joined stops: it says so plainly and how to start it again (not "fetch
 * failed"), and exits with 1. The real Agents Playground plays the joined stack (its bot endpoint is not needed to
 * join the group chat); stopping it is what stopping `npm start` does to the chat.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnGroupbot, type GroupbotProcess } from './groupbot-process';
import { freePort, startPlayground, type RunningPlayground } from '../../support/playground-launcher';
import { writePlaygroundConfig } from '../../../bot/local/playground-config';
import { isUnreachable, playgroundStoppedText, stackStoppedText } from '../../../bot/chat/stack-stopped';

describe('groupbot chat when the joined stack stops (spawned, real Playground)', function () {
  this.timeout(120_000);
  let dataDir: string;
  let playground: RunningPlayground | undefined;
  let chat: GroupbotProcess | undefined;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-chat-stop-'));
    const configPath = path.join(dataDir, 'playground', 'm365agentsplayground.yml');
    writePlaygroundConfig(configPath);
    playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${await freePort()}/api/messages`,
      configPath,
      logDir: path.join(dataDir, 'playground'),
    });
    // What `npm start` writes for the processes that join it.
    fs.writeFileSync(
      path.join(dataDir, 'local-runtime.json'),
      JSON.stringify({
        pid: playground.pid,
        emulatorUrl: 'https://localhost:9/v1.0',
        caCertPath: path.join(dataDir, 'none.pem'),
        playgroundUrl: playground.url,
      }),
    );
  });
  after(async () => {
    await chat?.cleanup();
    await playground?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('says the stack stopped and how to restart it, then exits 1', async () => {
    chat = spawnGroupbot(['chat', '--as', 'ana@contoso.com', '--group'], { dataDir });
    await chat.waitFor(/In the Playground's group chat as Ana Silva/, 60_000);
    await playground?.stop();
    playground = undefined;
    assert.equal(await chat.exited(30_000), 1, chat.stderr());
    const out = chat.stdout();
    assert.match(out, /no longer answers: the `npm start` this chat joined has stopped\./);
    assert.match(
      out,
      /Start it again with `npm start` \(same DATA_DIR\), then run `groupbot chat --as ana@contoso\.com --group` again\./,
    );
    assert.doesNotMatch(out + chat.stderr(), /fetch failed/);
  });

  it('a 1:1 chat joined to `npm start`: once that process stops, the next line says so and the chat exits 1', async function () {
    this.timeout(180_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-chat-joined-'));
    const start = spawnGroupbot(['start'], { dataDir: dir, env: { PLAYGROUND_PORT: '0' } });
    let joined: GroupbotProcess | undefined;
    try {
      await start.waitFor(/ready in \d+\.\d s/, 150_000);
      joined = spawnGroupbot(['chat', '--as', 'bob@contoso.com'], { dataDir: dir });
      await joined.waitFor(/Chatting as Bob Kelly/, 60_000);
      process.kill(start.pid, 'SIGINT');
      assert.equal(await start.exited(60_000), 0, start.stderr());
      joined.child.stdin?.write('who owns SecurityGroup101\n');
      assert.equal(await joined.exited(60_000), 1, joined.stderr());
      const out = joined.stdout();
      assert.match(out, new RegExp(`\\(process ${start.pid}\\) has stopped`));
      assert.match(out, /Start it again with `npm start` \(same DATA_DIR\)/);
      assert.doesNotMatch(out + joined.stderr(), /fetch failed/);
    } finally {
      await joined?.cleanup();
      await start.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('words both cases and recognises an unreachable server', () => {
    assert.match(playgroundStoppedText('http://localhost:56150', 'ana@contoso.com'), /^The Agents Playground at/);
    assert.match(stackStoppedText(4242, 'ana@contoso.com'), /\(process 4242\) has stopped/);
    assert.equal(isUnreachable(new TypeError('fetch failed')), true);
    assert.equal(isUnreachable(new Error('HTTP 500')), false);
  });
});
