/**
 * Access tokens: RS256 JWTs shaped like Entra delegated tokens for Microsoft Graph (aud, iss, tid, oid, upn,
 * preferred_username, name, scp, iat/nbf/exp), signed with the data directory's key.
 */
import { createSign, createVerify } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { SigningKey } from './signing-key';
import { EMULATOR_CLIENT_ID, GRAPH_AUDIENCE } from './delegated-scopes';

export interface TokenSubject {
  userId: string;
  upn: string;
  displayName: string;
  tenantId: string;
  scopes: readonly string[];
  /** Lifetime in seconds; default 3600. */
  lifetimeSeconds?: number;
}

/** Claims the emulator reads back from a verified token. */
export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  upn: string;
  preferred_username: string;
  name: string;
  scp: string;
  iat: number;
  nbf: number;
  exp: number;
}

/** Signs a token for a subject. Never throws for valid keys. */
export function signAccessToken(key: SigningKey, s: TokenSubject): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', kid: key.kid };
  const claims = {
    aud: GRAPH_AUDIENCE,
    iss: `https://sts.windows.net/${s.tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + (s.lifetimeSeconds ?? 3600),
    appid: EMULATOR_CLIENT_ID,
    azp: EMULATOR_CLIENT_ID,
    idtyp: 'user',
    name: s.displayName,
    oid: s.userId,
    preferred_username: s.upn,
    scp: s.scopes.join(' '),
    sub: s.userId,
    tid: s.tenantId,
    upn: s.upn,
    uti: randomUUID(),
    ver: '1.0',
  };
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url');
  return `${input}.${signature}`;
}

/**
 * Tokens whose RS256 signature already verified, per signing key: an RSA verify is the costliest step of a
 * request, and clients send the same token again and again. Only the signature check is skipped; lifetime and
 * audience are checked on every request. Bounded: cleared when full.
 */
const verifiedSignatures = new WeakMap<SigningKey, Set<string>>();
const MAX_VERIFIED = 1024;

function signatureValid(key: SigningKey, token: string, signed: string, sig: string): boolean {
  let seen = verifiedSignatures.get(key);
  if (seen?.has(token)) return true;
  if (!createVerify('RSA-SHA256').update(signed).verify(key.publicKey, Buffer.from(sig, 'base64url'))) return false;
  if (!seen) verifiedSignatures.set(key, (seen = new Set()));
  if (seen.size >= MAX_VERIFIED) seen.clear();
  seen.add(token);
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a token was refused; the message is what the 401 says. */
export class TokenRejected extends Error {}

/**
 * Verifies signature, audience and lifetime. Returns the claims.
 * Throws TokenRejected with the 401 message for an empty, malformed, badly signed, foreign or expired token.
 */
export function verifyAccessToken(key: SigningKey, token: string | undefined, nowMs = Date.now()): TokenClaims {
  if (!token) throw new TokenRejected('Access token is empty.');
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenRejected('IDX14100: JWT is not well formed, there are no dots (.).');
  const [h, p, sig] = parts as [string, string, string];
  let header: { alg?: string };
  let claims: Partial<TokenClaims>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    throw new TokenRejected('Invalid JWT token. The token is malformed.');
  }
  if (!isObject(header) || !isObject(claims)) throw new TokenRejected('Invalid JWT token. The token is malformed.');
  if (header.alg !== 'RS256' || !signatureValid(key, token, `${h}.${p}`, sig)) {
    throw new TokenRejected('Access token validation failure. Invalid signature.');
  }
  if (claims.aud !== GRAPH_AUDIENCE && claims.aud !== '00000003-0000-0000-c000-000000000000') {
    throw new TokenRejected('Access token validation failure. Invalid audience.');
  }
  const now = Math.floor(nowMs / 1000);
  if (
    typeof claims.exp !== 'number' ||
    claims.exp <= now ||
    (typeof claims.nbf === 'number' && claims.nbf > now + 300)
  ) {
    throw new TokenRejected('Lifetime validation failed, the token is expired.');
  }
  if (typeof claims.oid !== 'string' || typeof claims.upn !== 'string')
    throw new TokenRejected('Access token validation failure.');
  if (typeof claims.scp !== 'string' || typeof claims.tid !== 'string') {
    throw new TokenRejected('Access token validation failure. The token carries no delegated permissions (scp).');
  }
  return claims as TokenClaims;
}
