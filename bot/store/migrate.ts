import type { SqlClient } from './sql-client';
import { MIGRATIONS, type Migration } from './migrations';

/** Thrown when the database holds a migration this code does not know (a newer groupbot wrote it). */
export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `The database schema is at version ${databaseVersion}, newer than this groupbot knows (${codeVersion}). ` +
        'Upgrade groupbot, or point it at another database.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Applies every migration the database lacks, in order, in one transaction that holds a transaction-scoped
 * advisory lock: two processes starting together serialise here, and the second finds nothing to do.
 * `schema` (optional) is created inside the same locked transaction. Returns the versions it applied.
 * Throws SchemaTooNewError, or the database's error (the transaction is then rolled back, nothing applied).
 */
export async function applyMigrations(
  client: SqlClient,
  schema?: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`groupbot-migrations:${schema ?? ''}`]);
    if (schema !== undefined) await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const databaseNewest = Math.max(0, ...applied);
    if (databaseNewest > newest) throw new SchemaTooNewError(databaseNewest, newest);
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
