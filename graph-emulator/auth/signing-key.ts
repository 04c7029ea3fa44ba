/**
 * The RSA key that signs the emulator's access tokens, created once per data directory
 * (`<dataDir>/keys/token-signing-key.pem`). Created with an exclusive open so that the emulator and a
 * concurrent `groupbot token` never end up with two different keys.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Key id (`kid` header): a hash of the public key. */
  kid: string;
}

/** Loads the data directory's signing key, creating it on first use. Throws on file-system errors. */
export function ensureSigningKey(dataDir: string): SigningKey {
  return ensureRsaKeyFile(dataDir, 'token-signing-key');
}

/**
 * Loads the RSA key `<dataDir>/keys/<name>.pem`, creating it on first use with an exclusive create (a link of a
 * private temporary file), so that concurrent processes never end up with two different keys. The local cloud
 * keeps its Entra and channel keys this way too. Throws on file-system errors.
 */
export function ensureRsaKeyFile(dataDir: string, name: string): SigningKey {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, `${name}.pem`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, pem, { mode: 0o600 });
    try {
      fs.linkSync(tmp, file); // atomic "create if absent": fails with EEXIST when another process won
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
