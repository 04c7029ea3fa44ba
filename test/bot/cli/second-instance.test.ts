/**
 * One process per data directory, as real processes: while `groupbot start` runs on a DATA_DIR, a second
 * `groupbot emulator` on its Graph directory, a second `groupbot start` and a `groupbot serve` sharing its bot store
 * each fail at once with a sentence naming the running process, touching none of its database files. After the
 * first process is SIGKILLed and the directory opened again, every write it acknowledged is there.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { Agent, request } from 'undici';
import { LocalIdentity } from '../../../bot/local/local-identity';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { spawnGroupbot, type GroupbotProcess } from './groupbot-process';

/** path → size and mtime of every file under `dir`, to prove a refused process wrote nothing there. */
function fileStates(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.set(p, `${statSync(p).size}:${statSync(p).mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

describe('a second instance on a live data directory (spawned processes)', function () {
  this.timeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'groupbot-second-'));
  const graphDir = join(dataDir, 'graph');
  let first: GroupbotProcess;
  let graphOrigin: string;
  let agent: Agent;
  let token: string;
  const created: string[] = [];

  const createGroup = async (name: string): Promise<void> => {
    const res = await request(`${graphOrigin}/v1.0/groups`, {
      method: 'POST',
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        displayName: name,
        mailEnabled: false,
        mailNickname: name.replace(/\W/g, ''),
        securityEnabled: true,
      }),
    });
    const text = await res.body.text();
    assert.equal(res.statusCode, 201, text);
    created.push((JSON.parse(text) as { id: string }).id);
  };

  /** Starts `args` on the live DATA_DIR and expects it to exit 1 quickly, naming the first process. */
  const refused = async (
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ stderr: string; seconds: number }> => {
    const t0 = Date.now();
    const second = spawnGroupbot(args, { dataDir, env: { PLAYGROUND_PORT: '0', ...env } });
    const code = await second.exited(60_000);
    const seconds = (Date.now() - t0) / 1000;
    assert.equal(code, 1, `groupbot ${args.join(' ')} should fail:\n${second.stdout()}\n${second.stderr()}`);
    assert.doesNotMatch(second.stdout(), /listening on|Agents Playground:/, 'nothing was started');
    return { stderr: second.stderr(), seconds };
  };

  let playgroundPort = 0;
  before(async function () {
    this.timeout(150_000);
    first = spawnGroupbot(['start'], { dataDir, env: { PLAYGROUND_PORT: '0' } });
    playgroundPort = Number((await first.waitFor(/Agents Playground: http:\/\/localhost:(\d+)/, 140_000))[1]);
    graphOrigin = (
      /graph-emulator listening on (https:\/\/localhost:\d+)\/v1\.0/.exec(first.stdout()) as RegExpExecArray
    )[1] as string;
    agent = new Agent({ connect: { ca: readFileSync(join(graphDir, 'tls', 'ca-certificate.pem'), 'utf8') } });
    token = new LocalIdentity(graphDir).tokenFor(DEMO_USERS.megan.upn);
    for (let i = 0; i < 25; i++) await createGroup(`Acknowledged Before ${i}`);
  });

  after(async function () {
    this.timeout(30_000);
    await agent?.close();
    await first?.cleanup();
  });

  let filesBefore: Map<string, string>;
  it('a second `groupbot emulator` on the Graph directory fails at once, naming the running process', async () => {
    filesBefore = new Map([...fileStates(join(graphDir, 'pgdata')), ...fileStates(join(dataDir, 'bot-store'))]);
    const { stderr, seconds } = await refused(['emulator', '--port', '0', '--data', graphDir]);
    process.stdout.write(`      (refused after ${seconds.toFixed(1)} s)\n`);
    assert.match(stderr, new RegExp(`in use by process ${first.pid} \\(groupbot start\\)`));
  });

  it('a second `groupbot start` (npm start) on the DATA_DIR fails at once with the same sentence', async () => {
    const { stderr, seconds } = await refused(['start']);
    process.stdout.write(`      (refused after ${seconds.toFixed(1)} s)\n`);
    assert.match(stderr, /^groupbot start: The data directory '.*' is already in use\./m);
    assert.match(stderr, new RegExp(`in use by process ${first.pid} \\(groupbot start\\); stop that process first`));
  });

  it('a `groupbot serve` on the shared emulator but the same bot store fails at once too', async () => {
    const { stderr } = await refused(['serve'], {
      GRAPH_EMULATOR_URL: `${graphOrigin}/v1.0`,
      GRAPH_EMULATOR_DATA_DIR: graphDir,
    });
    assert.match(stderr, new RegExp(`bot-store' is in use by process ${first.pid} \\(groupbot start\\)`));
  });

  it("the refused processes touched none of the running databases' files", () => {
    const filesAfter = new Map([...fileStates(join(graphDir, 'pgdata')), ...fileStates(join(dataDir, 'bot-store'))]);
    assert.deepEqual(filesAfter, filesBefore);
  });

  it('every acknowledged write survives a SIGKILL of the first process and a restart on the directory', async () => {
    for (let i = 0; i < 25; i++) await createGroup(`Acknowledged After ${i}`);
    process.kill(-first.pid, 'SIGKILL');
    await first.exited(30_000);
    // Its Agents Playground (its own process group) notices and exits instead of keeping its port.
    await waitForClosedPort(playgroundPort, 10_000);
    const again = spawnGroupbot(['emulator', '--port', '0', '--data', graphDir], { dataDir });
    try {
      graphOrigin = (
        await again.waitFor(/graph-emulator listening on (https:\/\/localhost:\d+)\/v1\.0/, 90_000)
      )[1] as string;
      const missing: string[] = [];
      for (const id of created) {
        const res = await request(`${graphOrigin}/v1.0/groups/${id}?$select=id`, {
          dispatcher: agent,
          headers: { authorization: `Bearer ${token}` },
        });
        await res.body.text();
        if (res.statusCode !== 200) missing.push(`${id} → ${res.statusCode}`);
      }
      assert.equal(created.length, 50);
      assert.deepEqual(missing, [], 'acknowledged groups lost');
    } finally {
      again.child.kill('SIGKILL');
      await again.exited(30_000).catch(() => undefined);
    }
  });
});

/** Resolves once nothing accepts connections on the loopback port; throws after `timeoutMs`. */
async function waitForClosedPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (!open) return;
    if (Date.now() > deadline) throw new Error(`port ${port} still open ${timeoutMs} ms after its parent was killed`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
