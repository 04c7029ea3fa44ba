import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { normaliseParams, type SqlClient, type SqlExecutor, type SqlRow } from './sql-client';

function wrap(db: PGlite | Transaction): SqlExecutor {
  return {
    async query<R extends SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]> {
      const result = await db.query<R>(text, normaliseParams(params));
      return result.rows;
    },
    async exec(script: string): Promise<void> {
      await db.exec(script);
    },
  };
}

/**
 * Opens (creating when missing) an embedded PGlite database in `directory`, or in memory when `directory` is
 * undefined. Only one process may open a directory at a time. Throws when the directory cannot be created or
 * the database files are unreadable.
 */
export async function openPgliteClient(directory: string | undefined): Promise<SqlClient> {
  if (directory) mkdirSync(directory, { recursive: true });
  const db = directory ? await PGlite.create(directory) : await PGlite.create();
  const executor = wrap(db);
  let closed = false;
  return {
    kind: 'pglite',
    query: executor.query,
    exec: executor.exec,
    transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      return db.transaction((tx) => work(wrap(tx)));
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
