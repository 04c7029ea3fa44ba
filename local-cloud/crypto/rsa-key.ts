/**
 * RSA signing keys of the local cloud, created once per data directory (`<dataDir>/keys/<name>.pem`) with an
 * exclusive create, and their JWK form (`kid`, `n`, `e`) for the keys endpoints.
 */
import { ensureRsaKeyFile, type SigningKey } from '../../graph-emulator/auth/signing-key';

/** An RSA signing key with its `kid` (a hash of the public key). */
export type RsaKey = SigningKey;

/** A public key as a JSON Web Key, with optional extra members (e.g. `endorsements`). */
export interface PublicJwk {
  kty: 'RSA';
  use: 'sig';
  kid: string;
  n: string;
  e: string;
  [extra: string]: unknown;
}

/** Loads the named key (`<dataDir>/keys/<name>.pem`), creating it on first use. Throws on file-system errors. */
export function ensureRsaKey(dataDir: string, name: string): RsaKey {
  return ensureRsaKeyFile(dataDir, name);
}

/** The key's public JWK, with `extra` members added. Never throws for an RSA key. */
export function publicJwk(key: RsaKey, extra: Record<string, unknown> = {}): PublicJwk {
  const jwk = key.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kty: 'RSA', use: 'sig', kid: key.kid, n: jwk.n, e: jwk.e, ...extra };
}
