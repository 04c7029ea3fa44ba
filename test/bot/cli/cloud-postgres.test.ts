/**
 * The private PostgreSQL of `groupbot cloud`: found in Debian's layout, created under a folder on first use, and
 * reused (same data, same generated password) on the next start.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { findPostgresBin, startPrivatePostgres } from '../../../bot/cli/cloud-postgres';

async function query(databaseUrl: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('groupbot cloud: private PostgreSQL', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-cloud-pg-'));
    // As root the server runs as the postgres user, who must be able to reach the folder.
    fs.chmodSync(dir, 0o755);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('picks the newest version folder that has initdb and pg_ctl, and none when there is none', () => {
    const root = path.join(dir, 'lib');
    for (const [version, files] of [
      ['13', ['initdb', 'pg_ctl']],
      ['16', ['initdb']],
      ['15', ['initdb', 'pg_ctl']],
    ] as const) {
      fs.mkdirSync(path.join(root, version, 'bin'), { recursive: true });
      for (const f of files) fs.writeFileSync(path.join(root, version, 'bin', f), '');
    }
    assert.equal(findPostgresBin(root), path.join(root, '15', 'bin'));
    assert.equal(findPostgresBin(path.join(dir, 'nothing-here')), undefined);
  });

  it('creates a cluster on first use, and the next start finds the same data with the same password', async () => {
    const clusterDir = path.join(dir, 'cluster');
    const first = await startPrivatePostgres(clusterDir);
    try {
      assert.match(first.databaseUrl, /^postgres:\/\/groupbot:[^@]+@127\.0\.0\.1:\d+\/groupbot$/);
      await query(first.databaseUrl, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    } finally {
      await first.stop();
    }
    const second = await startPrivatePostgres(clusterDir);
    try {
      assert.deepEqual(await query(second.databaseUrl, 'SELECT v FROM kept'), [{ v: 'still here' }]);
    } finally {
      await second.stop();
    }
    await assert.rejects(query(second.databaseUrl, 'SELECT 1'), 'the server is stopped');
  });
});
