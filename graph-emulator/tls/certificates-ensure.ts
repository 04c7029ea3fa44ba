/**
 * The emulator's TLS material: a local certificate authority and a server certificate for localhost and
 * 127.0.0.1 signed by it, generated on first start under `<dataDir>/tls` and reused afterwards. Clients trust
 * the CA (ca-certificate.pem), never the server certificate directly.
 */
import { webcrypto, KeyObject, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

export interface TlsMaterial {
  caCertPath: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

function keyPem(key: webcrypto.CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

function serial(): string {
  // Positive, non-zero serial numbers (leading byte below 0x80).
  const b = randomBytes(16);
  b[0] = ((b[0] as number) & 0x7f) | 0x01;
  return b.toString('hex');
}

async function generate(dir: string): Promise<void> {
  const crypto = webcrypto as unknown as Crypto;
  x509.cryptoProvider.set(crypto);
  const notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  const notAfter = new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000);
  const caKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=groupbot graph-emulator local CA, O=groupbot',
    notBefore,
    notAfter,
    keys: caKeys as unknown as CryptoKeyPair,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey as unknown as CryptoKey),
    ],
  });
  const serverKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=localhost',
    issuer: ca.subject,
    notBefore,
    notAfter,
    signingKey: caKeys.privateKey as unknown as CryptoKey,
    publicKey: serverKeys.publicKey as unknown as CryptoKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey as unknown as CryptoKey),
    ],
  });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Keys first, certificates last: ca-certificate.pem existing means the set is complete.
  fs.writeFileSync(path.join(dir, 'ca-key.pem'), keyPem(caKeys.privateKey), { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'server-key.pem'), keyPem(serverKeys.privateKey), { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'server-certificate.pem'), cert.toString('pem') + '\n');
  fs.writeFileSync(path.join(dir, 'ca-certificate.pem'), ca.toString('pem') + '\n');
}

/**
 * Returns the data directory's TLS material, generating it on first use.
 * Throws when the directory is not writable or the files are unreadable.
 */
export async function ensureCertificates(dataDir: string): Promise<TlsMaterial> {
  const dir = path.join(dataDir, 'tls');
  const caCertPath = path.resolve(dir, 'ca-certificate.pem');
  if (!fs.existsSync(caCertPath)) await generate(dir);
  return {
    caCertPath,
    caPem: fs.readFileSync(caCertPath, 'utf8'),
    certPem: fs.readFileSync(path.join(dir, 'server-certificate.pem'), 'utf8'),
    keyPem: fs.readFileSync(path.join(dir, 'server-key.pem'), 'utf8'),
  };
}
