/**
 * Compact RS256 JWTs: signing with a local key, and verifying a token against one key with the checks every
 * local part makes (signature, issuer, audience, lifetime with five minutes of clock skew).
 */
import { createSign, createVerify } from 'node:crypto';
import type { RsaKey } from './rsa-key';

export type JwtClaims = Record<string, unknown>;

/** Signs `claims` (RS256, `kid` header). Never throws for a valid key. */
export function signJwt(key: RsaKey, claims: JwtClaims): string {
  const header = { typ: 'JWT', alg: 'RS256', kid: key.kid, x5t: key.kid };
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url')}`;
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Why a token was refused (the message names the failed check, never the token). */
export class JwtRejected extends Error {}

/** Decodes a JWT's payload without verifying it; undefined when it is not a JWT. */
export function decodeJwt(token: string): JwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as JwtClaims) : undefined;
  } catch (err) {
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}

export interface VerifyExpectations {
  issuer: string | readonly string[];
  audience: string | readonly string[];
  nowMs?: number;
}

/**
 * Verifies signature (RS256 with `key`), issuer, audience and lifetime; returns the claims.
 * Throws JwtRejected for a malformed, badly signed, foreign or expired token.
 */
export function verifyJwt(key: RsaKey, token: string, expect: VerifyExpectations): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtRejected('malformed token');
  const [h, p, sig] = parts as [string, string, string];
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: unknown; kid?: unknown };
  } catch (err) {
    if (err instanceof SyntaxError) throw new JwtRejected('malformed token header');
    throw err;
  }
  if (header.alg !== 'RS256') throw new JwtRejected('unsupported signing algorithm');
  if (!createVerify('RSA-SHA256').update(`${h}.${p}`).verify(key.publicKey, Buffer.from(sig, 'base64url')))
    throw new JwtRejected('invalid signature');
  const claims = decodeJwt(token);
  if (!claims) throw new JwtRejected('malformed token payload');
  const issuers = typeof expect.issuer === 'string' ? [expect.issuer] : expect.issuer;
  if (!issuers.includes(String(claims.iss))) throw new JwtRejected('invalid issuer');
  const audiences = typeof expect.audience === 'string' ? [expect.audience] : expect.audience;
  if (!audiences.includes(String(claims.aud))) throw new JwtRejected('invalid audience');
  const now = Math.floor((expect.nowMs ?? Date.now()) / 1000);
  if (typeof claims.exp !== 'number' || claims.exp + 300 <= now) throw new JwtRejected('token expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now + 300) throw new JwtRejected('token not yet valid');
  return claims;
}
