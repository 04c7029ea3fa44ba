/**
 * Per-user OneDrive drives of the emulator, kept on disk under `<dataDir>/drives/<userId>/`: `drive.json` (the
 * drive, its items and sharing links) and `content/<itemId>` (file bytes). Every write replaces files by rename,
 * so a crash leaves the old or the new state, never half of one; writes run one at a time. A drive is created
 * the first time its owner uses it (OneDrive for Business provisions on first use); guests have none (Graph
 * answers 404 "User's mysite not found." for a user without a OneDrive).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { UserObject } from '../model/types';

/** One file or folder. The root is a folder with an empty name and no parent. */
export interface DriveItemRecord {
  id: string;
  /** A GUID, the stable part of eTag and cTag. */
  uid: string;
  name: string;
  parentId: string | null;
  folder: boolean;
  size: number;
  mimeType?: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Bumped on every content change (eTag/cTag version). */
  version: number;
}

/** Link types and scopes the emulator creates (driveItem: createLink). */
export type LinkType = 'view' | 'edit';
export type LinkScope = 'organization' | 'users';

/** A sharing link (a permission with a `link` facet). */
export interface SharingLinkRecord {
  id: string;
  itemId: string;
  type: LinkType;
  scope: LinkScope;
  /** 32 random bytes, base64url: the unguessable part of the link's webUrl. */
  token: string;
  createdDateTime: string;
}

export interface DriveRecord {
  id: string;
  ownerId: string;
  /**
   * The owner's part of web addresses, from their UPN as OneDrive for Business names personal sites
   * (megan@contoso.com → megan_contoso_com; a digit is added when another drive has it): no object id in a link.
   */
  ownerKey: string;
  rootId: string;
  createdDateTime: string;
  items: Record<string, DriveItemRecord>;
  links: Record<string, SharingLinkRecord>;
}

/** Characters OneDrive for Business refuses in a name. */
const INVALID_NAME = /["*:<>?\\|\u0000-\u001f]/;

/** True when a file or folder name can be stored (non-empty, no refused character, no leading/trailing space). */
export function isValidItemName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !INVALID_NAME.test(name) && name.trim() === name && name !== '.';
}

/** Whether a directory user has a OneDrive: members do, guests do not. Never throws. */
export function hasDrive(user: UserObject): boolean {
  return user.userType !== 'Guest';
}

/** An OneDrive for Business style item id: "01" and 32 base32 characters. */
function newItemId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = randomBytes(32);
  let s = '01';
  for (const b of bytes) s += alphabet[b % 32];
  return s;
}

export class DriveStore {
  private readonly cache = new Map<string, DriveRecord>();
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * `dir` is `<dataDir>/drives`, created when first written; `upnOf` gives a user's UPN (for the owner key of a
   * new drive).
   */
  constructor(
    private readonly dir: string,
    private readonly upnOf: (userId: string) => string | undefined,
  ) {}

  /** The id of the user whose drive has this owner key, or undefined. Throws on file system errors. */
  async ownerByKey(key: string): Promise<string | undefined> {
    const lower = key.toLowerCase();
    const cached = [...this.cache.values()].find((d) => d.ownerKey === lower);
    if (cached) return cached.ownerId;
    if (!fs.existsSync(this.dir)) return undefined;
    for (const userId of await fs.promises.readdir(this.dir)) {
      if (this.cache.has(userId) || !fs.existsSync(this.driveFile(userId))) continue;
      const d = await this.drive(userId);
      if (d.ownerKey === lower) return d.ownerId;
    }
    return undefined;
  }

  /** The user's drive, created on first use. Throws on file system errors. */
  async drive(userId: string): Promise<DriveRecord> {
    const cached = this.cache.get(userId);
    if (cached) return cached;
    const file = this.driveFile(userId);
    if (fs.existsSync(file)) {
      const d = JSON.parse(await fs.promises.readFile(file, 'utf8')) as DriveRecord;
      this.cache.set(userId, d);
      return d;
    }
    return this.serial(async () => {
      const again = this.cache.get(userId);
      if (again) return again;
      const now = new Date().toISOString();
      const root: DriveItemRecord = {
        id: newItemId(),
        uid: randomUUID(),
        name: 'root',
        parentId: null,
        folder: true,
        size: 0,
        createdDateTime: now,
        lastModifiedDateTime: now,
        version: 1,
      };
      const base = (this.upnOf(userId) ?? userId).toLowerCase().replace(/[^a-z0-9]/g, '_');
      let ownerKey = base;
      for (let n = 1; (await this.ownerByKey(ownerKey)) !== undefined; n++) ownerKey = `${base}${n}`;
      const d: DriveRecord = {
        id: `b!${randomBytes(48).toString('base64url')}`,
        ownerId: userId,
        ownerKey,
        rootId: root.id,
        createdDateTime: now,
        items: { [root.id]: root },
        links: {},
      };
      await this.save(d);
      return d;
    });
  }

  /** The item at a path below the root ("groupbot exports/x.csv"), or undefined. Throws on file system errors. */
  async itemAtPath(userId: string, itemPath: string): Promise<DriveItemRecord | undefined> {
    const d = await this.drive(userId);
    let current = d.items[d.rootId] as DriveItemRecord;
    for (const name of splitItemPath(itemPath)) {
      const next = childNamed(d, current.id, name);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  /**
   * Writes a file at a path below the root, creating missing folders. `conflict`: `replace` keeps the item (new
   * content, same id), `fail` refuses an existing name, `rename` picks "name 1.ext", "name 2.ext"… Resolves to the
   * item and whether it is new; `undefined` item when `fail` met an existing one, `'folder'` when a folder holds
   * the name. Throws on file system errors.
   */
  async putFile(
    userId: string,
    itemPath: string,
    bytes: Buffer,
    mimeType: string,
    conflict: 'replace' | 'fail' | 'rename',
  ): Promise<{ item?: DriveItemRecord; created: boolean; clash?: 'exists' | 'folder' }> {
    await this.drive(userId);
    return this.serial(async () => {
      const d = this.cache.get(userId) as DriveRecord;
      const names = splitItemPath(itemPath);
      const fileName = names.pop() as string;
      const now = new Date().toISOString();
      let parent = d.items[d.rootId] as DriveItemRecord;
      for (const name of names) {
        let next = childNamed(d, parent.id, name);
        if (next && !next.folder) return { created: false, clash: 'folder' as const };
        if (!next) {
          next = {
            id: newItemId(),
            uid: randomUUID(),
            name,
            parentId: parent.id,
            folder: true,
            size: 0,
            createdDateTime: now,
            lastModifiedDateTime: now,
            version: 1,
          };
          d.items[next.id] = next;
        }
        parent = next;
      }
      let name = fileName;
      let existing = childNamed(d, parent.id, name);
      if (existing?.folder) return { created: false, clash: 'folder' as const };
      if (existing && conflict === 'fail') return { created: false, clash: 'exists' as const };
      if (existing && conflict === 'rename') {
        const dot = fileName.lastIndexOf('.');
        const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
        for (let n = 1; existing; n++) {
          name = `${stem} ${n}${ext}`;
          existing = childNamed(d, parent.id, name);
        }
      }
      const item: DriveItemRecord = existing
        ? { ...existing, size: bytes.length, mimeType, lastModifiedDateTime: now, version: existing.version + 1 }
        : {
            id: newItemId(),
            uid: randomUUID(),
            name,
            parentId: parent.id,
            folder: false,
            size: bytes.length,
            mimeType,
            createdDateTime: now,
            lastModifiedDateTime: now,
            version: 1,
          };
      const contentDir = path.join(this.dir, userId, 'content');
      await fs.promises.mkdir(contentDir, { recursive: true });
      const tmp = path.join(contentDir, `${item.id}.${randomBytes(6).toString('hex')}.tmp`);
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, path.join(contentDir, item.id));
      d.items[item.id] = item;
      await this.save(d);
      return { item, created: !existing };
    });
  }

  /** The item with this id in the user's drive, or undefined. Throws on file system errors. */
  async item(userId: string, itemId: string): Promise<DriveItemRecord | undefined> {
    const d = await this.drive(userId);
    return Object.prototype.hasOwnProperty.call(d.items, itemId) ? d.items[itemId] : undefined;
  }

  /** The path of an item below the root ("" for the root), folders joined with "/". Never throws. */
  pathOf(d: DriveRecord, item: DriveItemRecord): string {
    const names: string[] = [];
    for (let cur: DriveItemRecord | undefined = item; cur && cur.parentId; cur = d.items[cur.parentId])
      names.unshift(cur.name);
    return names.join('/');
  }

  /** A file's bytes. Throws when the content file is missing or unreadable. */
  async content(userId: string, itemId: string): Promise<Buffer> {
    return fs.promises.readFile(path.join(this.dir, userId, 'content', itemId));
  }

  /**
   * The item's sharing link of this type and scope: the existing one (`created` false) or a new one. Throws on
   * file system errors.
   */
  async createLink(
    userId: string,
    itemId: string,
    type: LinkType,
    scope: LinkScope,
  ): Promise<{ link: SharingLinkRecord; created: boolean }> {
    await this.drive(userId);
    return this.serial(async () => {
      const d = this.cache.get(userId) as DriveRecord;
      const found = Object.values(d.links).find((l) => l.itemId === itemId && l.type === type && l.scope === scope);
      if (found) return { link: found, created: false };
      const link: SharingLinkRecord = {
        id: randomUUID(),
        itemId,
        type,
        scope,
        token: randomBytes(32).toString('base64url'),
        createdDateTime: new Date().toISOString(),
      };
      d.links[link.id] = link;
      await this.save(d);
      return { link, created: true };
    });
  }

  /** The link of the user's drive with this token, or undefined (also for a user without a drive file). */
  async linkByToken(userId: string, token: string): Promise<SharingLinkRecord | undefined> {
    if (!fs.existsSync(this.driveFile(userId)) && !this.cache.has(userId)) return undefined;
    const d = await this.drive(userId);
    return Object.values(d.links).find((l) => l.token === token);
  }

  private driveFile(userId: string): string {
    return path.join(this.dir, userId, 'drive.json');
  }

  private async save(d: DriveRecord): Promise<void> {
    const file = this.driveFile(d.ownerId);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.promises.writeFile(tmp, JSON.stringify(d));
    await fs.promises.rename(tmp, file);
    this.cache.set(d.ownerId, d);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** "a/b/c.csv" → ["a", "b", "c.csv"] (empty parts dropped). Never throws. */
export function splitItemPath(itemPath: string): string[] {
  return itemPath.split('/').filter((s) => s.length > 0);
}

function childNamed(d: DriveRecord, parentId: string, name: string): DriveItemRecord | undefined {
  const lower = name.toLowerCase();
  return Object.values(d.items).find((i) => i.parentId === parentId && i.name.toLowerCase() === lower);
}
