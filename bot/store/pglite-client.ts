import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDirectory } from '../../common/directory-lock';
import { pgliteVersion, preparePgliteDirectory } from '../../common/pglite-template';
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
 * A fresh cluster's files as one image, for in-memory stores: initdb in WebAssembly costs seconds (tens on a loaded
 * machine), loading the image well under that. Made once per machine and PGlite version under the OS temp
 * directory (written through a temporary name and a rename, as the PGlite template), read once per process.
 */
let freshImage: Promise<Blob> | undefined;

function imageFile(): string {
  return join(tmpdir(), `groupbot-pglite-memory-${pgliteVersion()}.tar`);
}

async function makeImage(file: string): Promise<Blob> {
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await PGlite.create();
  const image = await db.dumpDataDir('none');
  await db.close();
  const staging = `${file}.${process.pid}-${Date.now()}`;
  writeFileSync(staging, Buffer.from(await image.arrayBuffer()));
  renameSync(staging, file);
  return image;
}

async function freshMemoryCluster(): Promise<PGlite> {
  freshImage ??= makeImage(imageFile());
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
