/**
 * A freshly initialised, empty PGlite cluster, kept once per machine under the OS temp directory and copied
 * into every new data directory. PGlite's initdb costs 10+ s on a loaded 2-core machine; a copy takes well
 * under a second. The template is built atomically (temp name, then rename) and is a cleanly shut-down
 * PostgreSQL data directory, so a copy is one too. Used by the bot's store and the Graph emulator.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export function pgliteVersion(): string {
  // The package's exports hide package.json: walk up from its entry point.
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The machine's template directory: under the OS temp directory, one per PGlite version. */
function defaultTemplateDir(): string {
  return path.join(os.tmpdir(), `groupbot-pglite-template-${pgliteVersion()}`);
}

function isCluster(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'PG_VERSION'));
}

async function ensureTemplate(dir: string): Promise<string> {
  if (isCluster(dir)) return dir;
  const building = `${dir}.building-${process.pid}-${Date.now()}`;
  const db = new PGlite(building);
  await db.waitReady;
  await db.close();
  try {
    fs.renameSync(building, dir);
  } catch (err) {
    // Another process won the race: its template is as good as ours.
    fs.rmSync(building, { recursive: true, force: true });
    if (!isCluster(dir)) throw err;
  }
  return dir;
}

/**
 * Makes `target` a PGlite data directory: does nothing when it already is one, otherwise copies the template
 * into it (through a staging name and a rename, so a crash never leaves half a cluster). An existing empty
 * directory is replaced. `templateDir` is GROUPBOT_PGLITE_TEMPLATE (BotConfig.pgliteTemplateDir) when set. Throws on
 * file-system errors.
 */
export async function preparePgliteDirectory(target: string, templateDir?: string): Promise<void> {
  if (isCluster(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const template = await ensureTemplate(templateDir ?? defaultTemplateDir());
  const staging = `${target}.staging-${process.pid}-${Date.now()}`;
  fs.cpSync(template, staging, { recursive: true });
  if (isCluster(target)) {
    fs.rmSync(staging, { recursive: true, force: true });
    return;
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
}
