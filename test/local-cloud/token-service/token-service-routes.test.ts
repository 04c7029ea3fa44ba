import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { verifyAccessToken } from '../../../graph-emulator/auth/access-token';
import { ensureSigningKey } from '../../../graph-emulator/auth/signing-key';
import { signChannelToken } from '../../../local-cloud/channel/channel-auth';
import { ensureRsaKey } from '../../../local-cloud/crypto/rsa-key';
import { httpRequest } from '../../../local-cloud/teams/bot-call';
import { magicCodeOf } from '../../../local-cloud/token-service/token-service-routes';
import { jwtClaims, startCloudFixture, type CloudFixture } from '../support/cloud-fixture';
import type { TrustedChild } from '../support/trusted-child';

interface TokenResponse {
  token?: string;
  connectionName?: string;
  channelId?: string;
  expiration?: string;
  error?: { message?: string };
}

describe('local-cloud token service: UserTokenClientImpl against it', function () {
  this.timeout(60_000);
  let f: CloudFixture;
  let w: TrustedChild;
  let ca: string;
  const conn = 'graph';
  const megan = () => f.cloud.teams.user('megan');
  before(async () => {
    f = await startCloudFixture();
    ca = fs.readFileSync(f.cloud.caCertPath, 'utf8');
    w = await f.worker();
    const key = ensureRsaKey(f.dataDir, 'channel-signing-key');
    const channel = { key, issuer: f.cloud.urls.channelTokenIssuer, base: f.cloud.urls.base };
    await w.call('authenticate', {
      activity: { type: 'message', channelId: 'msteams', serviceUrl: f.cloud.urls.serviceUrl },
      authHeader: `Bearer ${signChannelToken(channel, f.cloud.bot.appId, f.cloud.urls.serviceUrl)}`,
    });
  });
  after(async () => f?.cleanup());

  const userToken = (call: string, args: Record<string, unknown> = {}) =>
    w.call<TokenResponse | null>('userToken', { call, userId: megan().id, connectionName: conn, ...args });
  const activityFor = (userKey: string) => {
    const u = f.cloud.teams.user(userKey);
    return {
      type: 'message',
      id: '1',
      channelId: 'msteams',
      serviceUrl: f.cloud.urls.serviceUrl,
      from: { id: u.id, name: u.name, aadObjectId: u.aadObjectId },
      recipient: { id: `28:${f.cloud.bot.appId}`, name: 'groupbot' },
      conversation: { id: f.cloud.teams.personalConversation(userKey).id, conversationType: 'personal' },
    };
  };

  it('has no token before sign-in', async () => {
    assert.equal(await userToken('get'), null);
  });

  it('gives a sign-in resource: a local sign-in link and the SSO tokenExchangeResource', async () => {
    const r = await w.call<{
      signInLink: string;
      tokenExchangeResource: { id: string; uri: string; providerId: string };
    }>('userToken', { call: 'signInResource', connectionName: conn, activity: activityFor('megan') });
    assert.ok(r.signInLink.startsWith(`${f.cloud.urls.base}/api/oauth/signin?signin=`));
    assert.equal(r.tokenExchangeResource.uri, f.cloud.bot.appIdUri);
    assert.ok(r.tokenExchangeResource.id);
  });

  it('exchanges an SSO token for a delegated Graph token the Graph emulator accepts', async () => {
    const r = (await userToken('exchange', { token: f.cloud.issueSsoToken('megan') })) as TokenResponse;
    assert.ok(r.token);
    const claims = verifyAccessToken(ensureSigningKey(f.graphDataDir), r.token);
    assert.equal(claims.upn, 'megan@contoso.com');
    assert.equal(claims.oid, megan().aadObjectId);
    assert.match(claims.scp, /Group\.ReadWrite\.All/);
    assert.equal(r.connectionName, conn);
    const again = (await userToken('get')) as TokenResponse;
    assert.equal(again.token, r.token);
    const status = await w.call<Array<{ connectionName: string; hasToken: boolean }>>('userToken', {
      call: 'status',
      userId: megan().id,
    });
    assert.deepEqual(
      status.map((s) => [s.connectionName, s.hasToken]),
      [[conn, true]],
    );
  });

  it('writes issued sign-ins to the data directory (user-tokens.json)', async () => {
    const stored = JSON.parse(fs.readFileSync(path.join(f.dataDir, 'user-tokens.json'), 'utf8')) as {
      tokens: Record<string, { upn: string }>;
    };
    assert.ok(Object.values(stored.tokens).some((t) => t.upn === 'megan@contoso.com'));
  });

  it('signs the user out', async () => {
    await userToken('signOut');
    assert.equal(await userToken('get'), null);
  });

  it('fails the exchange with "Consent Required" when the user has not consented', async () => {
    f.cloud.teams.setBehaviour('ana', { consented: false });
    const r = await w.call<TokenResponse | null>('userToken', {
      call: 'exchange',
      userId: f.cloud.teams.user('ana').id,
      connectionName: conn,
      token: f.cloud.issueSsoToken('ana'),
    });
    assert.equal(r?.token, undefined);
    assert.match(r?.error?.message ?? '', /Consent Required/);
  });

  it('fails the exchange for a token not issued for the bot (tampered)', async () => {
    const [h, p, s] = f.cloud.issueSsoToken('megan').split('.') as [string, string, string];
    const claims = jwtClaims(`${h}.${p}.${s}`);
    claims.upn = 'alex@contoso.com';
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    const r = await userToken('exchange', { token: forged });
    assert.equal(r?.token, undefined);
  });

  it('completes sign-in through the sign-in page and a one-time magic code, granting consent', async () => {
    f.cloud.teams.setBehaviour('ana', { consented: false });
    const ana = f.cloud.teams.user('ana');
    const res = await w.call<{ signInLink: string }>('userToken', {
      call: 'signInResource',
      connectionName: conn,
      activity: activityFor('ana'),
    });
    const page = await httpRequest(res.signInLink, { method: 'GET', ca });
    assert.equal(page.status, 200);
    const href = /href="([^"]*ana%40contoso\.com[^"]*)"/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(href, 'the page offers ana');
    const done = await httpRequest(new URL(href, res.signInLink).toString(), { method: 'GET', ca });
    const code = magicCodeOf(done.text);
    assert.ok(code);
    const asAna = { userId: ana.id, connectionName: conn };
    assert.equal(
      await w.call('userToken', { call: 'get', ...asAna, code: '000000' === code ? '111111' : '000000' }),
      null,
    );
    const t = await w.call<TokenResponse>('userToken', { call: 'get', ...asAna, code });
    assert.equal(jwtClaims(t.token as string).upn, 'ana@contoso.com');
    assert.equal(f.cloud.teams.behaviour('ana').consented, true);
    await w.call('userToken', { call: 'signOut', ...asAna });
    assert.equal(await w.call('userToken', { call: 'get', ...asAna, code }), null, 'a magic code works once');
  });

  it('answers 401 without the bot token', async () => {
    const r = await httpRequest(
      `${f.cloud.urls.tokenService}/api/usertoken/GetToken?userId=x&connectionName=graph&channelId=msteams`,
      { method: 'GET', ca },
    );
    assert.equal(r.status, 401);
  });
});
