/**
 * Production mode, a channel token that names a key the bot knows but is not signed by it (forged): botframework-
 * connector throws jsonwebtoken's "invalid signature" error, which must be answered 401 like every other bad
 * token, not 500 as a failed turn, and run no turn. The channel's OpenID metadata and keys are served on
 * 127.0.0.1 by this test (botbuilder's ToBotFromChannelOpenIdMetadataUrl setting, plain http here because
 * bot/config.ts rightly accepts only https for BOT_OPENID_METADATA_URL and this test has no trusted CA).
 */
import { strict as assert } from 'node:assert';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as restify from 'restify';
import { createServer, listen } from '../../bot/server';
import { CheckedTeamsAdapter } from '../../bot/teams/adapter';
import { createLogger } from '../../bot/log';
import { isProductionServiceUrl } from '../../bot/teams/activity-guard';

const BOT_ID = '00000000-1111-2222-3333-444444444444';
const ISSUER = 'https://api.botframework.com';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An RS256 JWT with header kid `kid`, signed with `key`. */
function jwt(kid: string, key: KeyObject, claims: Record<string, unknown>): string {
  const head = `${b64url({ alg: 'RS256', kid, typ: 'JWT' })}.${b64url(claims)}`;
  return `${head}.${sign('sha256', Buffer.from(head), key).toString('base64url')}`;
}

describe('bot/server: a channel token with a forged signature (production)', function () {
  this.timeout(30_000);
  const channelKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: http.Server;
  let server: restify.Server;
  let port: number;
  let turns = 0;
  const realConsoleError = console.error;

  before(async () => {
    keys = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys` }));
      } else {
        const jwk = channelKey.publicKey.export({ format: 'jwk' });
        res.end(JSON.stringify({ keys: [{ ...jwk, kid: 'k1', use: 'sig', endorsements: ['msteams'] }] }));
      }
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    const metadata = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/.well-known/openid-configuration`;
    const adapter = new CheckedTeamsAdapter({
      MicrosoftAppId: BOT_ID,
      MicrosoftAppPassword: 'not-a-real-secret-value',
      MicrosoftAppTenantId: '5a1c0f3e-8d2b-4c6a-9e7f-3b1d2c4e6f80',
      MicrosoftAppType: 'SingleTenant',
      ToBotFromChannelOpenIdMetadataUrl: metadata,
      ToBotFromChannelTokenIssuer: ISSUER,
    });
    server = createServer({
      adapter,
      logic: async () => {
        turns++;
      },
      log: createLogger('error', () => undefined),
      serviceUrlAllowed: isProductionServiceUrl,
    });
    port = await listen(server, '127.0.0.1', 0);
    // CloudAdapter prints authentication failures with console.error; keep them out of the test output.
    console.error = () => undefined;
  });
  after(async () => {
    console.error = realConsoleError;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => keys.close(() => resolve()));
  });

  const post = async (token: string): Promise<{ status: number; text: string }> => {
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        type: 'message',
        id: 'a1',
        channelId: 'msteams',
        serviceUrl: SERVICE_URL,
        conversation: { id: 'c1' },
        from: { id: '29:x' },
        recipient: { id: '28:bot' },
        text: 'help',
      }),
    });
    return { status: res.status, text: await res.text() };
  };
  const claims = () => ({
    iss: ISSUER,
    aud: BOT_ID,
    serviceurl: SERVICE_URL,
    nbf: Math.floor(Date.now() / 1000) - 60,
    exp: Math.floor(Date.now() / 1000) + 600,
  });

  it('is answered 401, without running the turn', async () => {
    const r = await post(jwt('k1', forgerKey.privateKey, claims()));
    assert.equal(r.status, 401, r.text);
    assert.match(r.text, /Unauthorized/);
    assert.equal(turns, 0);
  });

  it('while a token signed with the channel key reaches the turn (control case)', async () => {
    const r = await post(jwt('k1', channelKey.privateKey, claims()));
    // The turn runs (and may fail later replying to the connector, which is not running): not 401.
    assert.notEqual(r.status, 401, r.text);
    assert.equal(turns, 1);
  });
});
