import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { signChannelToken } from '../../../local-cloud/channel/channel-auth';
import { ensureRsaKey } from '../../../local-cloud/crypto/rsa-key';
import { startCloudFixture, type CloudFixture } from '../support/cloud-fixture';
import type { TrustedChild } from '../support/trusted-child';

describe("local-cloud channel auth: botframework-connector's JWT validation of channel tokens", function () {
  this.timeout(60_000);
  let f: CloudFixture;
  let w: TrustedChild;
  let token: (appId?: string, serviceUrl?: string) => string;
  before(async () => {
    f = await startCloudFixture();
    w = await f.worker();
    const key = ensureRsaKey(path.join(f.dataDir), 'channel-signing-key');
    const auth = { key, issuer: f.cloud.urls.channelTokenIssuer, base: f.cloud.urls.base };
    token = (appId = f.cloud.bot.appId, serviceUrl = f.cloud.urls.serviceUrl) =>
      signChannelToken(auth, appId, serviceUrl);
  });
  after(async () => f?.cleanup());

  const activity = (over: Record<string, unknown> = {}) => ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl: f.cloud.urls.serviceUrl,
    text: 'hi',
    ...over,
  });

  it('accepts a token the local channel signs (metadata, keys, endorsements, issuer, audience, serviceurl)', async () => {
    const r = await w.call<{ claims: Record<string, unknown>; audience: string }>('authenticate', {
      activity: activity(),
      authHeader: `Bearer ${token()}`,
    });
    assert.equal(r.claims.aud, f.cloud.bot.appId);
    assert.equal(r.claims.serviceurl, f.cloud.urls.serviceUrl);
    assert.equal(r.claims.iss, f.cloud.urls.channelTokenIssuer);
    assert.equal(r.audience, 'https://api.botframework.com');
  });

  it('rejects a tampered token', async () => {
    const [h, p, s] = token().split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    claims.serviceurl = 'https://evil.example/';
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    const e = await w.fail('authenticate', {
      activity: activity({ serviceUrl: 'https://evil.example/' }),
      authHeader: `Bearer ${forged}`,
    });
    assert.match(e.message, /invalid signature/i);
  });

  it('rejects a token for another bot', async () => {
    const e = await w.fail('authenticate', {
      activity: activity(),
      authHeader: `Bearer ${token('00000000-0000-0000-0000-000000000001')}`,
    });
    assert.match(e.message, /Invalid AppId/);
  });

  it('rejects an activity whose serviceUrl differs from the token claim', async () => {
    const e = await w.fail('authenticate', {
      activity: activity({ serviceUrl: `${f.cloud.urls.base}/emea/` }),
      authHeader: `Bearer ${token()}`,
    });
    assert.match(e.message, /ServiceUrl claim/);
  });

  it('rejects a channel the key is not endorsed for', async () => {
    const e = await w.fail('authenticate', {
      activity: activity({ channelId: 'webchat' }),
      authHeader: `Bearer ${token()}`,
    });
    assert.match(e.message, /endorsement/);
  });

  it('rejects a request without a token', async () => {
    const e = await w.fail('authenticate', { activity: activity(), authHeader: '' });
    assert.match(e.message, /Unauthorized|auth/i);
  });
});
