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
 * A fresh in-memory cluster's files, made once per process: initdb in WebAssembly costs seconds, loading its
 * image well under that, so every in-memory store after the first (the terminal chat, the tests) opens faster.
 */
let freshImage: Promise<File | Blob> | undefined;

async function freshMemoryCluster(): Promise<PGlite> {
  freshImage ??= PGlite.create().then(async (db) => {
    const image = await db.dumpDataDir('none');
    await db.close();
    return image;
  });
  return PGlite.create({ loadDataDir: await freshImage });
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
    db = directory ? await PGlite.create(directory) : await freshMemoryCluster();
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
