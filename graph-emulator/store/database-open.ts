/**
 * Opens the emulator's embedded PGlite database under `<dataDir>/pgdata` and makes sure its schema exists.
 *
 * PGlite's initdb costs 10+ s on a loaded 2-core machine, so a freshly initialised, empty cluster is kept
 * once per machine under the OS temp directory (built atomically: temp name, then rename) and copied for
 * every new data directory. A copied cluster is a plain, cleanly shut-down PostgreSQL data directory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const SCHEMA = `
create table if not exists meta (key text primary key, value text not null);
create table if not exists users (id text primary key, data jsonb not null);
create table if not exists groups (id text primary key, data jsonb not null);
create table if not exists links (rel text not null, src text not null, dst text not null, primary key (rel, src, dst));
create table if not exists roles (user_id text not null, role_id text not null, primary key (user_id, role_id));
create table if not exists skus (id text primary key, data jsonb not null);
create table if not exists changes (seq integer primary key, group_id text not null, kind text not null, member_id text);
`;

function pgliteVersion(): string {
  // The package's exports hide package.json: walk up from its entry point.
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function templateDir(): string {
  const version = pgliteVersion();
  return process.env.GROUPBOT_PGLITE_TEMPLATE ?? path.join(os.tmpdir(), `groupbot-pglite-template-${version}`);
}

async function ensureTemplate(): Promise<string> {
  const dir = templateDir();
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  const building = `${dir}.building-${process.pid}-${Date.now()}`;
  const db = new PGlite(building);
  await db.waitReady;
  await db.close();
  try {
    fs.renameSync(building, dir);
  } catch (err) {
    // Another process won the race: its template is as good as ours.
    fs.rmSync(building, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw err;
  }
  return dir;
}

/**
 * Opens (creating on first use) the database of a data directory. Resolves to the open PGlite handle.
 * Throws when the directory cannot be created or PGlite fails to start (e.g. another process holds it).
 */
export async function openDatabase(dataDir: string): Promise<PGlite> {
  const pgdata = path.join(dataDir, 'pgdata');
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    fs.mkdirSync(dataDir, { recursive: true });
    const template = await ensureTemplate();
    const staging = `${pgdata}.staging-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(template, staging, { recursive: true });
    fs.rmSync(pgdata, { recursive: true, force: true });
    fs.renameSync(staging, pgdata);
  }
  const db = new PGlite(pgdata);
  await db.waitReady;
  await db.exec(SCHEMA);
  return db;
}
