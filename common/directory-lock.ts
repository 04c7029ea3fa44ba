import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** Who holds a directory: its process id and the command it runs. */
export interface LockHolder {
  pid: number;
  command: string;
}

/** Thrown when another live process holds the directory. Nothing of the directory was touched. */
export class DirectoryLockedError extends Error {
  readonly pid: number;
  constructor(
    readonly directory: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in '${directory}' is in use by process ${holder.pid} (${holder.command || 'unknown command'}); ` +
        'stop that process first, or use another data directory.',
    );
    this.name = 'DirectoryLockedError';
    this.pid = holder.pid;
  }
}

/** This process, as other processes are told about it. */
function thisProcess(): LockHolder {
  const script = process.argv[1] ? path.basename(process.argv[1]) : 'node';
  const command = [script === 'groupbot.js' ? 'groupbot' : script, ...process.argv.slice(2)].join(' ').slice(0, 200);
  return { pid: process.pid, command };
}

/** The directory's absolute, symlink-free path (the directory itself may not exist yet). */
function canonical(directory: string): string {
  const abs = path.resolve(directory);
  const parent = path.dirname(abs);
  return existsSync(parent) ? path.join(realpathSync(parent), path.basename(abs)) : abs;
}

/**
 * Linux: a socket in the abstract namespace, named after the directory. The kernel lets one process bind a
 * name and frees it the moment that process dies, however it dies, so a dead owner never holds the lock and a
 * reused process id never looks like an owner. A connection to it is answered with the holder's pid and command.
 */
function socketName(directory: string): string {
  return `\0groupbot-lock-${createHash('sha256').update(canonical(directory)).digest('hex').slice(0, 40)}`;
}

function bindLock(name: string, me: LockHolder): Promise<net.Server | 'taken'> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      socket.on('error', () => socket.destroy());
      socket.end(JSON.stringify(me));
    });
    server.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' ? resolve('taken') : reject(err)));
    server.listen(name, () => {
      server.unref();
      resolve(server);
    });
  });
}

/** Asks the holder of an abstract lock socket who it is (pid -1 when it does not answer within a second). */
function askHolder(name: string): Promise<LockHolder> {
  return new Promise((resolve) => {
    let text = '';
    const unknown = { pid: -1, command: 'did not answer' };
    const socket = net.connect(name);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(unknown);
    }, 1000);
    socket.on('data', (d: Buffer) => {
      text += d.toString('utf8');
    });
    socket.on('error', () => {
      clearTimeout(timer);
      resolve(unknown);
    });
    socket.on('end', () => {
      clearTimeout(timer);
      try {
        const h = JSON.parse(text) as LockHolder;
        resolve({ pid: Number(h.pid), command: String(h.command ?? '') });
      } catch (err) {
        resolve({ pid: -1, command: `unreadable answer (${(err as Error).message})` });
      }
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolderFile(file: string): LockHolder | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    if (/^\d+$/.test(text.trim())) return { pid: Number(text.trim()), command: '' };
    const h = JSON.parse(text) as LockHolder;
    return { pid: Number(h.pid), command: String(h.command ?? '') };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { pid: -1, command: `unreadable lock file (${(err as Error).message})` };
  }
}

/** Other systems: an exclusively created file holding the owner's pid; a file whose process is gone is taken over. */
function lockWithFile(directory: string, file: string, me: LockHolder): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolderFile(file);
      if (holder && holder.pid > 0 && (holder.pid === process.pid || isAlive(holder.pid)))
        throw new DirectoryLockedError(directory, holder);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DirectoryLockedError(directory, { pid: -1, command: 'another process took the lock at the same moment' });
}

/** Directories this process holds, so that a second open in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * Takes the lock on `directory` (a PGlite data directory) for this process, before anything in it is opened.
 * On Linux the lock is an abstract socket (freed by the kernel when the holder dies); `<directory>.lock` beside
 * the directory names the holder for people. Resolves to the release function.
 * @throws DirectoryLockedError when a live process (this one included) holds it; the file system's or the
 *   socket's error otherwise.
 */
export async function lockDirectory(directory: string): Promise<() => void> {
  const key = canonical(directory);
  const file = `${directory}.lock`;
  const me = thisProcess();
  if (heldHere.has(key)) throw new DirectoryLockedError(directory, me);
  if (process.platform !== 'linux') {
    const release = lockWithFile(directory, file, me);
    heldHere.add(key);
    return () => {
      heldHere.delete(key);
      release();
    };
  }
  const name = socketName(directory);
  const bound = await bindLock(name, me);
  if (bound === 'taken') throw new DirectoryLockedError(directory, await askHolder(name));
  heldHere.add(key);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(me));
  return () => {
    heldHere.delete(key);
    if (readHolderFile(file)?.pid === process.pid) rmSync(file, { force: true });
    bound.close();
  };
}
