/**
 * Checks the bearer token the bot sends to the connector and the token service: an app-only token from local
 * Entra (signature, issuer, audience https://api.botframework.com, lifetime) for a registered bot app.
 */
import type { IncomingMessage } from 'node:http';
import { JwtRejected, verifyJwt } from '../crypto/jwt';
import type { RsaKey } from '../crypto/rsa-key';
import { BOT_FRAMEWORK_RESOURCE, entraIssuer } from '../entra/entra-tokens';
import { HttpError, bearerToken } from '../http/http-kit';

export interface BotTokenCheck {
  entraKey: RsaKey;
  base: string;
  tenantId: string;
  botAppId: string;
}

/** Returns the caller's app id. Throws HttpError 401 (Bot Framework's body) when the token is missing or invalid. */
export function requireBotToken(c: BotTokenCheck, req: IncomingMessage): string {
  const denied = new HttpError(401, { message: 'Authorization has been denied for this request.' });
  const token = bearerToken(req);
  if (!token) throw denied;
  try {
    const claims = verifyJwt(c.entraKey, token, {
      issuer: entraIssuer(c.base, c.tenantId),
      audience: BOT_FRAMEWORK_RESOURCE,
    });
    const appId = String(claims.appid ?? claims.azp ?? '');
    if (appId !== c.botAppId) throw new JwtRejected('unknown app');
    return appId;
  } catch (err) {
    if (err instanceof JwtRejected) throw denied;
    throw err;
  }
}
