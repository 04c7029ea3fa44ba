/**
 * Opens the emulator's embedded PGlite database under `<dataDir>/pgdata` and makes sure its schema exists.
 * A new data directory starts as a copy of the machine's empty PGlite template (common/pglite-template.ts).
 */
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { preparePgliteDirectory } from '../../common/pglite-template';

const SCHEMA = `
create table if not exists meta (key text primary key, value text not null);
create table if not exists users (id text primary key, data jsonb not null);
create table if not exists groups (id text primary key, data jsonb not null);
create table if not exists links (rel text not null, src text not null, dst text not null, primary key (rel, src, dst));
create table if not exists roles (user_id text not null, role_id text not null, primary key (user_id, role_id));
create table if not exists skus (id text primary key, data jsonb not null);
create table if not exists changes (seq integer primary key, group_id text not null, kind text not null, member_id text);
alter table changes add column if not exists props text;
`;

/**
 * Opens (creating on first use) the database of a data directory. Resolves to the open PGlite handle.
 * Throws when the directory cannot be created or PGlite fails to start (e.g. another process holds it).
 */
export async function openDatabase(dataDir: string, pgliteTemplateDir?: string): Promise<PGlite> {
  const pgdata = path.join(dataDir, 'pgdata');
  await preparePgliteDirectory(pgdata, pgliteTemplateDir);
  const db = new PGlite(pgdata);
  await db.waitReady;
  await db.exec(SCHEMA);
  return db;
}
