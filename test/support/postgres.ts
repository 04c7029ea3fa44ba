import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';

let pending: Promise<string> | undefined;

/**
 * A PostgreSQL URL for tests: TEST_DATABASE_URL when set, otherwise the URL printed by
 * scripts/postgres-for-tests.sh (which installs Debian's PostgreSQL if needed and starts a throwaway cluster on
 * 127.0.0.1). Runs the script at most once per process. Give the calling hook a long timeout (first install).
 * Throws when the script fails, with its stderr in the message.
 */
export function testDatabaseUrl(): Promise<string> {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) return Promise.resolve(fromEnv);
  pending ??= new Promise<string>((resolve, reject) => {
    const script = join(__dirname, '..', '..', 'scripts', 'postgres-for-tests.sh');
    execFile('bash', [script], { timeout: 600_000 }, (error, stdout, stderr) => {
      const url = stdout.trim().split('\n').pop() ?? '';
      if (error || !url.startsWith('postgres://')) {
        reject(new Error(`scripts/postgres-for-tests.sh failed: ${error?.message ?? 'no URL printed'}\n${stderr}`));
        return;
      }
      resolve(url);
    });
  });
  return pending;
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
