import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'postgres-for-tests.sh');
let pending: Promise<string> | undefined;

/**
 * A PostgreSQL URL for tests: TEST_DATABASE_URL when set, otherwise a private server that
 * scripts/postgres-for-tests.sh starts for this process (a new cluster in a temp folder, 127.0.0.1, a free
 * port); it is stopped and its folder deleted when the process exits. Started at most once per process.
 * Throws when the script fails, with its stderr in the message.
 */
export function testDatabaseUrl(): Promise<string> {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) return Promise.resolve(fromEnv);
  pending ??= new Promise<string>((resolve, reject) => {
    execFile('bash', [SCRIPT, 'start'], { timeout: 120_000 }, (error, stdout, stderr) => {
      const [url = '', dir = ''] = stdout.trim().split('\n');
      if (error || !url.startsWith('postgres://') || !dir) {
        reject(new Error(`scripts/postgres-for-tests.sh failed: ${error?.message ?? 'no URL printed'}\n${stderr}`));
        return;
      }
      process.once('exit', () => stopServer(dir));
      resolve(url);
    });
  });
  return pending;
}

/** Stops the server of `dir` and deletes the folder; runs in the 'exit' handler, so synchronously. */
function stopServer(dir: string): void {
  try {
    execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
  } catch (err) {
    process.stderr.write(`postgres-for-tests: could not stop the server in ${dir}: ${(err as Error).message}\n`);
  }
}

/** A fresh schema name (lower-case identifier) so that each test gets empty tables. */
export function uniqueSchemaName(prefix = 'test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Drops the schemas (and everything in them). Throws on connection or SQL errors. */
export async function dropSchemas(databaseUrl: string, schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of schemas) {
      if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new TypeError(`Refusing to drop odd schema name '${schema}'`);
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  } finally {
    await client.end();
  }
}
