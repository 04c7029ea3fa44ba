/**
 * The token service's store of users' tokens per (userId, connectionName, channelId), persisted in
 * `<dataDir>/user-tokens.json`: who signed in and the delegated Graph token last issued to them. A token close to
 * expiry is re-issued on read, as the real service refreshes with the refresh token it keeps.
 */
import * as path from 'node:path';
import { JsonFile } from '../state/json-file';

export interface SignedInUser {
  oid: string;
  upn: string;
  name: string;
}

export interface StoredToken extends SignedInUser {
  token: string;
  /** ISO time. */
  expiration: string;
}

type TokenDoc = { tokens: Record<string, StoredToken> };

const key = (userId: string, connectionName: string, channelId: string) =>
  [userId, connectionName.toLowerCase(), channelId].join('\u0000');

export class UserTokenStore {
  private readonly file: JsonFile<TokenDoc>;

  /** Throws on an unreadable store file. */
  constructor(
    dataDir: string,
    private readonly mint: (u: SignedInUser) => { token: string; expiration: string },
  ) {
    this.file = new JsonFile<TokenDoc>(path.join(dataDir, 'user-tokens.json'), () => ({ tokens: {} }));
  }

  /** Stores a fresh token for the user; returns it. */
  put(userId: string, connectionName: string, channelId: string, user: SignedInUser): StoredToken {
    const stored: StoredToken = { oid: user.oid, upn: user.upn, name: user.name, ...this.mint(user) };
    this.file.update((d) => {
      d.tokens[key(userId, connectionName, channelId)] = stored;
    });
    return stored;
  }

  /** The user's token, re-issued when it has less than five minutes left; undefined when not signed in. */
  get(userId: string, connectionName: string, channelId: string): StoredToken | undefined {
    const stored = this.file.data.tokens[key(userId, connectionName, channelId)];
    if (!stored) return undefined;
    if (Date.parse(stored.expiration) - Date.now() > 5 * 60_000) return stored;
    return this.put(userId, connectionName, channelId, stored);
  }

  /** Forgets the user's token for one connection, or for all when connectionName is empty. Returns how many. */
  remove(userId: string, connectionName: string | undefined, channelId: string): number {
    const doomed = Object.keys(this.file.data.tokens).filter((k) => {
      const [u, c, ch] = k.split('\u0000');
      return u === userId && ch === channelId && (!connectionName || c === connectionName.toLowerCase());
    });
    if (doomed.length)
      this.file.update((d) => {
        for (const k of doomed) delete d.tokens[k];
      });
    return doomed.length;
  }

  /** Whether the user holds a token for the connection. */
  has(userId: string, connectionName: string, channelId: string): boolean {
    return this.file.data.tokens[key(userId, connectionName, channelId)] !== undefined;
  }
}
