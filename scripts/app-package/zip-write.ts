/** Writes the app package zip with fflate (a maintained zip library), reproducibly: fixed dates, fixed order. */
import { deflateSync, zipSync, type Zippable } from 'fflate';

/** One file of the archive. */
export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Uint8Array;
}

/** Every entry is stamped 1980-01-01 (the earliest zip date), so the same inputs give the same bytes. */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Builds a zip archive in memory, in the given order. Entries are deflated (level 9) unless that would make them
 * bigger; then they are stored.
 * @throws Error on an empty, absolute, duplicate, backslashed or `..` entry name.
 */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const { name, data } of entries) {
    if (!name || name.startsWith('/') || name.split('/').includes('..') || name.includes('\\')) {
      throw new Error(`invalid zip entry name '${name}'`);
    }
    if (Object.hasOwn(files, name)) throw new Error(`duplicate zip entry '${name}'`);
    const level = deflateSync(data, { level: 9 }).length < data.length ? 9 : 0;
    files[name] = [data, { level, mtime: FIXED_DATE }];
  }
  return Buffer.from(zipSync(files));
}
