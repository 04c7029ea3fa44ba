/**
 * `groupbot cloud` as a real process: Graph emulator, local cloud and `groupbot serve` in production mode (on the
 * test PostgreSQL through DATABASE_URL), chatting on stdin/stdout as a Teams user with SSO; "exit" stops everything.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { spawnGroupProcess, type GroupProcess } from '../../support/process-group';
import { dropSchemas, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';
import { withSearchPath } from '../../production/support/production-stack';
import { portOpen } from './groupbot-process';

const BIN = path.resolve(__dirname, '../../../bin/groupbot.js');
const NOT_INHERITED = /^(BOT_|MicrosoftApp|OAUTH_|AAD_|DATABASE_URL$|GRAPH_|DATA_DIR$|PORT$|HOST$|NODE_OPTIONS$)/;

describe('groupbot cloud (spawned)', function () {
  this.timeout(240_000);
  let dir: string;
  let serverUrl: string;
  const schema = uniqueSchemaName('cloud');
  const procs: GroupProcess[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-cloud-'));
    serverUrl = await testDatabaseUrl();
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
    } finally {
      await admin.end();
    }
  });
  after(async () => {
    for (const p of procs) await p.kill();
    await dropSchemas(serverUrl, [schema]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (args: string[], input: string, databaseUrl?: string): GroupProcess => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!NOT_INHERITED.test(k)) env[k] = v;
    Object.assign(env, { DATA_DIR: dir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
    const p = spawnGroupProcess([BIN, 'cloud', ...args], { env, stdin: 'pipe' });
    p.child.stdin?.end(input);
    procs.push(p);
    return p;
  };

  it('--help prints the usage and exits 0 without starting anything', async () => {
    const p = run(['--help'], '');
    assert.equal(await p.exited, 0);
    assert.match(p.stdout(), /usage: groupbot cloud \[--as <upn>\] \[--no-sso\]/);
    assert.equal(fs.existsSync(path.join(dir, 'cloud')), false, 'nothing was created');
  });

  it('--as ana@contoso.com: signs in with SSO, answers "who owns Marketing", and "exit" stops everything', async () => {
    const p = run(['--as', 'ana@contoso.com'], 'who owns Marketing\nexit\n', withSearchPath(serverUrl, schema));
    const code = await Promise.race([
      p.exited,
      new Promise((resolve) => setTimeout(() => resolve('timeout'), 200_000)),
    ]);
    const out = p.stdout();
    assert.equal(code, 0, `exit code\n${p.output().slice(-3000)}`);
    const served = /groupbot serve +http:\/\/127\.0\.0\.1:(\d+)\/api\/messages \(production mode/.exec(out);
    assert.ok(served, 'the bot ran in production mode');
    assert.match(out, /In Teams as Ana Silva <ana@contoso\.com>/);
    assert.match(out, /bot> \[sign-in card\]/);
    assert.match(out, /\(sign-in: Teams exchanged your SSO token \(signin\/tokenExchange\) → HTTP 200\)/);
    assert.match(out, /bot> Owners of Marketing/);
    assert.match(out, /Olga Owner · olga@contoso\.com/);
    assert.doesNotMatch(out + p.stderr(), /eyJ[A-Za-z0-9_-]{10,}\./, 'no token is printed');
    assert.equal(await portOpen(Number(served[1])), false, 'the bot process is gone (its port is closed)');
  });
});
