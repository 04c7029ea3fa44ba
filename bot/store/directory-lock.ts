import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Thrown when another live process holds the directory. */
export class DirectoryLockedError extends Error {
  constructor(readonly directory: string, readonly pid: number) {
    super(`The embedded database in '${directory}' is in use by process ${pid}; ` +
      'stop it, or set DATABASE_URL to share a PostgreSQL database between processes.');
    this.name = 'DirectoryLockedError';
  }
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

/**
 * Takes `<directory>.lock` (beside the directory, which PGlite owns) for this process (PGlite allows one process per directory). A lock left by a
 * dead process is taken over. Returns the release function. Throws DirectoryLockedError when a live process holds
 * it, or the file system's error.
 */
export function lockDirectory(directory: string): () => void {
  const path = `${directory}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) throw new DirectoryLockedError(directory, holder);
      if (holder === process.pid) throw new DirectoryLockedError(directory, holder);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new DirectoryLockedError(directory, -1);
}
