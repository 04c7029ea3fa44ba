import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDirectory } from '../../common/directory-lock';
import { preparePgliteDirectory } from '../../common/pglite-template';
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
 * undefined. Only one process (and one open store) may use a directory at a time: a lock file enforces it.
 * Throws DirectoryLockedError when the directory is in use, or when it cannot be created or read.
 */
export async function openPgliteClient(directory: string | undefined, templateDir?: string): Promise<SqlClient> {
  let unlock = (): void => undefined;
  if (directory) {
    unlock = await lockDirectory(directory);
    mkdirSync(directory, { recursive: true });
    try {
      await preparePgliteDirectory(directory, templateDir);
    } catch (err) {
      unlock();
      throw err;
    }
  }
  let db: PGlite;
  try {
    db = directory ? await PGlite.create(directory) : await PGlite.create();
  } catch (err) {
    unlock();
    throw err;
  }
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
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}
