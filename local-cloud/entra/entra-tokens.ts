/**
 * Tokens local Entra issues, signed with its key: the bot's app-only token for the Bot Framework (client
 * credentials) and the SSO token Teams gets for a user (aud = the bot's App ID URI, scp access_as_user).
 */
import { randomUUID } from 'node:crypto';
import { signJwt } from '../crypto/jwt';
import type { RsaKey } from '../crypto/rsa-key';

/** The Teams client's application id (the client Teams' SSO tokens are issued to). */
export const TEAMS_CLIENT_APP_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
/** The Bot Framework API resource. */
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';

export interface EntraIssuer {
  key: RsaKey;
  /** `https://localhost:P` */
  base: string;
}

/** The issuer Entra writes into tokens for a tenant: `<base>/<tenant>/v2.0`. */
export function entraIssuer(base: string, tenantId: string): string {
  return `${base}/${tenantId}/v2.0`;
}

/** An app-only token (client credentials). */
export function signAppToken(
  e: EntraIssuer,
  t: { tenantId: string; appId: string; audience: string; lifetimeSeconds?: number },
): { token: string; expiresIn: number } {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = t.lifetimeSeconds ?? 3599;
  const token = signJwt(e.key, {
    aud: t.audience,
    iss: entraIssuer(e.base, t.tenantId),
    iat: now,
    nbf: now,
    exp: now + expiresIn,
    appid: t.appId,
    azp: t.appId,
    appidacr: '1',
    idtyp: 'app',
    sub: t.appId,
    oid: t.appId,
    tid: t.tenantId,
    uti: randomUUID(),
    ver: '2.0',
  });
  return { token, expiresIn };
}

export interface SsoSubject {
  tenantId: string;
  oid: string;
  upn: string;
  name: string;
  /** The resource Teams asked for (the tokenExchangeResource uri). */
  audience: string;
}

/** The SSO token Teams obtains for the signed-in user and sends in signin/tokenExchange. */
export function signSsoToken(e: EntraIssuer, s: SsoSubject, lifetimeSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(e.key, {
    aud: s.audience,
    iss: entraIssuer(e.base, s.tenantId),
    iat: now,
    nbf: now,
    exp: now + lifetimeSeconds,
    azp: TEAMS_CLIENT_APP_ID,
    appid: TEAMS_CLIENT_APP_ID,
    name: s.name,
    oid: s.oid,
    preferred_username: s.upn,
    upn: s.upn,
    scp: 'access_as_user',
    sub: s.oid,
    tid: s.tenantId,
    uti: randomUUID(),
    ver: '2.0',
  });
}
