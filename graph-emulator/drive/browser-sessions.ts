/**
 * Browser sessions of the emulator's OneDrive web pages: what a SharePoint sign-in cookie is to a real tenant.
 * A session names one directory user and lives in memory only (lost when the emulator stops) for at most
 * SESSION_TTL_MS. The cookie is `__Host-` prefixed: HttpOnly, Secure, SameSite=Lax, Path=/, no Domain, so the
 * browser sends it only to the emulator's own origin over HTTPS.
 */
import { randomBytes } from 'node:crypto';

/** The session cookie's name (`__Host-`: Secure, Path=/, no Domain, so scoped to the emulator's host). */
export const SESSION_COOKIE = '__Host-graphemu-session';

/** A session lasts eight hours, like a work day's sign-in. */
export const SESSION_TTL_MS = 8 * 60 * 60_000;

interface Session {
  userId: string;
  expiresAt: number;
}

/** In-memory sessions, keyed by a random 256-bit id. */
export class BrowserSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number = SESSION_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens a session for `userId` (expired sessions are dropped first) and returns its id. Never throws. */
  open(userId: string): string {
    const t = this.now();
    for (const [k, s] of this.sessions) if (s.expiresAt <= t) this.sessions.delete(k);
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { userId, expiresAt: t + this.ttlMs });
    return id;
  }

  /** The user id of a live session; undefined when the id is unknown or expired. Never throws. */
  userOf(id: string | undefined): string | undefined {
    if (!id) return undefined;
    const s = this.sessions.get(id);
    if (!s) return undefined;
    if (s.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return s.userId;
  }

  /** The Set-Cookie header value for a new session id. */
  cookieFor(id: string): string {
    return `${SESSION_COOKIE}=${id}; Path=/; Max-Age=${Math.floor(this.ttlMs / 1000)}; Secure; HttpOnly; SameSite=Lax`;
  }
}

/** The session id in a Cookie request header; undefined when there is none. Never throws. */
export function sessionIdOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
