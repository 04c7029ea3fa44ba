/**
 * Files the bot offers for download outside Teams (the Playground): kept in memory under an unguessable token
 * (32 random bytes, base64url) for a short time, served by the bot's own loopback server at
 * `/downloads/<token>/<file name>`. A link works until it expires (default 15 minutes); nothing is written to
 * disk and nothing is listed.
 */
import { randomBytes } from 'node:crypto';

export interface StoredFile {
  name: string;
  contentType: string;
  body: Buffer;
  expiresAt: number;
}

export const DOWNLOAD_PREFIX = '/downloads/';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class DownloadStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(private readonly opts: { ttlMs?: number; maxFiles?: number; now?: () => number } = {}) {}

  /** Keeps a file and returns its path and expiry. The oldest file goes when maxFiles (default 50) are held. Never throws. */
  put(name: string, contentType: string, body: Buffer): { path: string; expiresAt: number } {
    this.sweep();
    const max = this.opts.maxFiles ?? 50;
    while (this.files.size >= max) this.files.delete(this.files.keys().next().value as string);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + (this.opts.ttlMs ?? 15 * 60_000);
    this.files.set(token, { name, contentType, body, expiresAt });
    return { path: `${DOWNLOAD_PREFIX}${token}/${encodeURIComponent(name)}`, expiresAt };
  }

  /** The file behind a request path, or undefined (unknown, malformed or expired token). Never throws. */
  lookup(path: string): StoredFile | undefined {
    if (!path.startsWith(DOWNLOAD_PREFIX)) return undefined;
    const token = path.slice(DOWNLOAD_PREFIX.length).split('/')[0] ?? '';
    if (!TOKEN.test(token)) return undefined;
    const f = this.files.get(token);
    if (!f) return undefined;
    if (f.expiresAt <= this.now()) {
      this.files.delete(token);
      return undefined;
    }
    return f;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, f] of this.files) if (f.expiresAt <= now) this.files.delete(k);
  }
}

/** Status, headers and body of a download response for a request path (404 when unknown or expired). Never throws. */
export function downloadResponse(
  store: DownloadStore,
  path: string,
): { status: number; headers: Record<string, string>; body: Buffer } {
  const f = store.lookup(path);
  const common = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  if (!f)
    return {
      status: 404,
      headers: { ...common, 'Content-Type': 'text/plain; charset=utf-8' },
      body: Buffer.from('This download link is unknown or has expired. Ask the bot for a new export.\n'),
    };
  const ascii = f.name.replace(/[^A-Za-z0-9._ -]/g, '_');
  return {
    status: 200,
    headers: {
      ...common,
      'Content-Type': f.contentType,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      'Content-Length': String(f.body.length),
    },
    body: f.body,
  };
}
