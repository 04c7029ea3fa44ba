/**
 * Bot Framework channel authentication (login.botframework.com): the OpenID metadata and keys the bot uses to
 * validate the JWT on every activity Teams sends, with `endorsements` naming the channels each key may sign for,
 * and the signing of those JWTs (iss = the channel issuer, aud = the bot's app id, `serviceurl` claim).
 */
import { signJwt } from '../crypto/jwt';
import { publicJwk, type RsaKey } from '../crypto/rsa-key';
import { sendJson, type Route } from '../http/http-kit';

export interface ChannelAuth {
  key: RsaKey;
  /** The `iss` of channel tokens (BOT_TOKEN_ISSUER). */
  issuer: string;
  /** `https://localhost:P` */
  base: string;
}

/** Channels the key is endorsed for. */
export const CHANNEL_ENDORSEMENTS = ['msteams'];

/** The metadata URL (BOT_OPENID_METADATA_URL). */
export function channelMetadataUrl(base: string): string {
  return `${base}/v1/.well-known/openidconfiguration`;
}

/** The metadata and keys routes. Their handlers never throw. */
export function channelAuthRoutes(c: ChannelAuth): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/v1\/\.well-known\/openidconfiguration$/,
      handler: (_r, res) =>
        sendJson(res, 200, {
          issuer: c.issuer,
          authorization_endpoint: `${c.base}/v1/auth`,
          jwks_uri: `${c.base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/\.well-known\/keys$/,
      handler: (_r, res) => sendJson(res, 200, { keys: [publicJwk(c.key, { endorsements: CHANNEL_ENDORSEMENTS })] }),
    },
  ];
}

/** A channel token for activities to the bot (one hour, like the Bot Framework's). */
export function signChannelToken(c: ChannelAuth, botAppId: string, serviceUrl: string): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(c.key, { serviceurl: serviceUrl, nbf: now - 5, exp: now + 3600, iss: c.issuer, aud: botAppId });
}
