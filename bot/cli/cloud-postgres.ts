/**
 * A private PostgreSQL cluster for `groupbot cloud`, kept under the data directory between runs: created with
 * Debian's binaries (/usr/lib/postgresql/<version>/bin) on first use, started on 127.0.0.1 at a free port (its
 * Unix socket in the cluster's folder), stopped when the command ends. As root the server runs as the `postgres`
 * user, as PostgreSQL refuses to run as root.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** PostgreSQL could not be found or started; the message says what to install or set. */
export class CloudPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CloudPostgresError';
  }
}

export interface PrivatePostgres {
  /** `postgres://groupbot:…@127.0.0.1:P/groupbot` */
  databaseUrl: string;
  /** Stops the server (fast shutdown). Never rejects; problems go to `onProblem`. */
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'PostgreSQL is not installed. Install it (Debian/Ubuntu: `apt-get install postgresql`) or set DATABASE_URL to a PostgreSQL database.';

/** The newest /usr/lib/postgresql/<version>/bin holding initdb and pg_ctl, or undefined. */
export function findPostgresBin(root = '/usr/lib/postgresql'): string | undefined {
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter(
      (v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')) && fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')),
    )
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

function run(cmd: string, args: string[], asPostgres: boolean): Promise<string> {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    execFile(file, argv, { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new CloudPostgresError(`${path.basename(cmd)} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** As `run`, adding (as root) that the postgres user must be able to reach the folder. */
async function runWithHint(cmd: string, args: string[], asPostgres: boolean, dir: string): Promise<string> {
  try {
    return await run(cmd, args, asPostgres);
  } catch (err) {
    if (!asPostgres) throw err;
    throw new CloudPostgresError(
      `${(err as Error).message} (as root the server runs as the postgres user, who must be able to reach ${dir}; set DATA_DIR elsewhere or DATABASE_URL)`,
    );
  }
}

/** A free TCP port on 127.0.0.1 (bound and released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts (creating it on first use) the cluster in `dir`. Rejects with CloudPostgresError when PostgreSQL is not
 * installed or does not start (the message names the server log).
 */
export async function startPrivatePostgres(dir: string): Promise<PrivatePostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new CloudPostgresError(INSTALL_HINT);
  const asPostgres = process.getuid?.() === 0;
  const data = path.join(dir, 'data');
  const credentialsFile = path.join(dir, 'credentials.json');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (asPostgres) await run('chown', ['postgres', dir], false);
  const fresh = !fs.existsSync(path.join(data, 'PG_VERSION'));
  if (fresh) {
    await runWithHint(
      path.join(bin, 'initdb'),
      [
        '-D',
        data,
        '-U',
        'postgres',
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ],
      asPostgres,
      dir,
    );
  }
  const port = await freePort();
  const logFile = path.join(dir, 'server.log');
  // Its own session, so that Ctrl-C in the terminal reaches groupbot only; the server is stopped in order.
  const started = await new Promise<number | null>((resolve) => {
    const args = [
      '-D',
      data,
      '-l',
      logFile,
      '-w',
      '-t',
      '60',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
      'start',
    ];
    const [file, argv] = asPostgres
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args]]
      : [path.join(bin, 'pg_ctl'), args];
    const child = spawn(file, argv, { detached: true, stdio: 'ignore' });
    child.once('error', () => resolve(-1));
    child.once('exit', (code) => resolve(code));
  });
  if (started !== 0) throw new CloudPostgresError(`PostgreSQL did not start; see ${logFile}.`);
  const stop = async (): Promise<void> => {
    await run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop'], asPostgres).catch(
      (err: Error) => process.stderr.write(`groupbot cloud: could not stop PostgreSQL: ${err.message}\n`),
    );
  };
  try {
    let password: string;
    if (fresh || !fs.existsSync(credentialsFile)) {
      password = randomBytes(18).toString('base64url');
      const psql = ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qtA'];
      await run(
        path.join(bin, 'psql'),
        [...psql, '-c', `CREATE ROLE groupbot LOGIN PASSWORD '${password}'`],
        asPostgres,
      );
      await run(path.join(bin, 'psql'), [...psql, '-c', 'CREATE DATABASE groupbot OWNER groupbot'], asPostgres);
      fs.writeFileSync(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
    } else {
      password = (JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as { password: string }).password;
    }
    return { databaseUrl: `postgres://groupbot:${password}@127.0.0.1:${port}/groupbot`, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
