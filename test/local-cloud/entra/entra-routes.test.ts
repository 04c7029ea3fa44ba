import { strict as assert } from 'node:assert';
import { startLocalCloud } from '../../../local-cloud';
import { startCloudFixture, type CloudFixture } from '../support/cloud-fixture';
import type { TrustedChild } from '../support/trusted-child';

describe('local-cloud Entra: MSAL client credentials against the local authority', function () {
  this.timeout(60_000);
  let f: CloudFixture;
  let w: TrustedChild;
  before(async () => {
    f = await startCloudFixture();
    w = await f.worker();
  });
  after(async () => f?.cleanup());

  const request = (over: Record<string, unknown> = {}) => ({
    clientId: f.cloud.bot.appId,
    clientSecret: f.cloud.bot.password,
    authority: f.cloud.urls.login,
    scope: 'https://api.botframework.com/.default',
    ...over,
  });

  it('issues the bot an app-only token for the Bot Framework', async () => {
    const r = await w.call<{ claims: Record<string, unknown>; tokenType: string }>('msalToken', request());
    assert.equal(r.tokenType, 'Bearer');
    assert.equal(r.claims.aud, 'https://api.botframework.com');
    assert.equal(r.claims.appid, f.cloud.bot.appId);
    assert.equal(r.claims.tid, f.cloud.tenantId);
    assert.equal(r.claims.iss, `${f.cloud.urls.login}/v2.0`);
    assert.ok((r.claims.exp as number) > Date.now() / 1000 + 3000);
  });

  it('refuses a wrong secret with AADSTS7000215 (invalid_client)', async () => {
    const e = await w.fail('msalToken', request({ clientSecret: 'not-the-secret' }));
    assert.match(e.message, /invalid_client|AADSTS7000215/);
    assert.doesNotMatch(e.message, /not-the-secret/);
  });

  it('refuses an app not registered in the tenant with AADSTS700016', async () => {
    const e = await w.fail('msalToken', request({ clientId: '11111111-2222-3333-4444-555555555555' }));
    assert.match(e.message, /AADSTS700016/);
  });

  it('refuses a resource other than the Bot Framework for app-only tokens', async () => {
    const e = await w.fail('msalToken', request({ scope: 'https://graph.microsoft.com/.default' }));
    assert.match(e.message, /AADSTS500011/);
  });

  it('refuses another tenant in the authority', async () => {
    const other = f.cloud.urls.login.replace(f.cloud.tenantId, '99999999-9999-4999-8999-999999999999');
    const e = await w.fail('msalToken', request({ authority: other }));
    assert.match(e.message, /invalid_tenant|AADSTS90002|endpoints_resolution_error|openid/i);
  });

  it('keeps the registration and keys across a restart on the same data directory', async () => {
    const again = await startLocalCloud({ dataDir: f.dataDir, graphDataDir: f.graphDataDir });
    try {
      assert.equal(again.bot.appId, f.cloud.bot.appId);
      assert.equal(again.bot.password, f.cloud.bot.password);
      assert.equal(again.caCertPath, f.cloud.caCertPath);
    } finally {
      await again.stop();
    }
  });
});
