/**
 * `<dataDir>/users-index.json`: UPN → {id, displayName, tenantId} for every user, written by the emulator so
 * that `groupbot token` can issue tokens without opening the database (PGlite allows one process per data
 * directory, and the emulator may be running).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface IndexedUser {
  id: string;
  upn: string;
  displayName: string;
}
export interface UsersIndex {
  tenantId: string;
  users: Record<string, IndexedUser>;
}

export function usersIndexPath(dataDir: string): string {
  return path.join(dataDir, 'users-index.json');
}

/** Writes the index atomically (temp file + rename). Throws on file-system errors. */
export function writeUsersIndex(dataDir: string, index: UsersIndex): void {
  const file = usersIndexPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(index));
  fs.renameSync(tmp, file);
}

/** Reads the index; undefined when the file does not exist. Throws when it exists but is unreadable. */
export function readUsersIndex(dataDir: string): UsersIndex | undefined {
  const file = usersIndexPath(dataDir);
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as UsersIndex;
}
