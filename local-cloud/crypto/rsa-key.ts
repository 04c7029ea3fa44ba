/**
 * RSA signing keys of the local cloud, created once per data directory (`<dataDir>/keys/<name>.pem`) with an
 * exclusive create, and their JWK form (`kid`, `n`, `e`) for the keys endpoints.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RsaKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** `kid`: a hash of the public key. */
  kid: string;
}

/** A public key as a JSON Web Key, with optional extra members (e.g. `endorsements`). */
export interface PublicJwk {
  kty: 'RSA';
  use: 'sig';
  kid: string;
  n: string;
  e: string;
  [extra: string]: unknown;
}

/** Loads the named key, creating it on first use. Throws on file-system errors. */
export function ensureRsaKey(dataDir: string, name: string): RsaKey {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, `${name}.pem`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
    try {
      fs.linkSync(tmp, file); // fails with EEXIST when another process created it first
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey, kid: createHash('sha256').update(der).digest('base64url').slice(0, 27) };
}

/** The key's public JWK, with `extra` members added. Never throws for an RSA key. */
export function publicJwk(key: RsaKey, extra: Record<string, unknown> = {}): PublicJwk {
  const jwk = key.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kty: 'RSA', use: 'sig', kid: key.kid, n: jwk.n, e: jwk.e, ...extra };
}
