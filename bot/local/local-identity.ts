import { signAccessToken } from '../../graph-emulator/auth/access-token';
import { DEFAULT_SCOPES } from '../../graph-emulator/auth/delegated-scopes';
import { ensureSigningKey, type SigningKey } from '../../graph-emulator/auth/signing-key';
import { readUsersIndex, type IndexedUser, type UsersIndex } from '../../graph-emulator/auth/users-index-file';

/**
 * Local mode's identity provider: signs in a directory user of the local Graph emulator, as Entra would in
 * production, by minting a delegated token with the emulator's signing key. Reads only the key and the
 * emulator's users index, so it works beside a running emulator process.
 */
/** A minted token is used again until this much of its hour is left, as a token service's cache would. */
const REUSE_MS = 55 * 60 * 1000;

export class LocalIdentity {
  private key: SigningKey | undefined;
  private index: UsersIndex | undefined;
  /** Tokens minted this process, by user id: signing one costs about a millisecond per turn otherwise. */
  private readonly minted = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly graphDataDir: string,
    private readonly scopes: readonly string[] = DEFAULT_SCOPES,
  ) {}

  /** Finds a user by UPN or object id; re-reads the index once when not found (users created since). */
  find(upnOrId: string): IndexedUser | undefined {
    const hit = this.lookup(upnOrId);
    if (hit) return hit;
    this.index = readUsersIndex(this.graphDataDir);
    return this.lookup(upnOrId);
  }

  /**
   * A bearer token for the user (the one minted earlier while it has more than 5 minutes left). Throws when the
   * user is not in the local directory.
   */
  tokenFor(upnOrId: string): string {
    const user = this.find(upnOrId);
    if (!user) throw new Error(`There is no user '${upnOrId}' in the local directory.`);
    const cached = this.minted.get(user.id);
    if (cached && cached.until > Date.now()) return cached.token;
    this.key ??= ensureSigningKey(this.graphDataDir);
    this.index ??= readUsersIndex(this.graphDataDir);
    const token = signAccessToken(this.key, {
      userId: user.id,
      upn: user.upn,
      displayName: user.displayName,
      tenantId: this.index?.tenantId ?? '',
      scopes: this.scopes,
    });
    this.minted.set(user.id, { token, until: Date.now() + REUSE_MS });
    return token;
  }

  private lookup(upnOrId: string): IndexedUser | undefined {
    this.index ??= readUsersIndex(this.graphDataDir);
    if (!this.index) return undefined;
    const key = upnOrId.toLowerCase();
    return this.index.users[key] ?? Object.values(this.index.users).find((u) => u.id.toLowerCase() === key);
  }
}
