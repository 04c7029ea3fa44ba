import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { loadConfig } from '../../bot/config';
import { startCloudFixture, type CloudFixture } from './support/cloud-fixture';

describe('local-cloud botEnv: the production-mode environment for groupbot serve', function () {
  this.timeout(30_000);
  let f: CloudFixture;
  before(async () => (f = await startCloudFixture()));
  after(async () => f?.cleanup());

  it('gives exactly the agreed variables, pointing at this cloud', () => {
    const env = f.cloud.botEnv({
      databaseUrl: 'postgres://db.invalid/x',
      graphBaseUrl: 'https://localhost:1/v1.0',
      port: 0,
    });
    assert.deepEqual(Object.keys(env).sort(), [
      'AAD_APP_ID_URI',
      'BOT_CHANNEL_SERVICE',
      'BOT_ID',
      'BOT_LOGIN_URL',
      'BOT_OAUTH_SCOPE',
      'BOT_OPENID_METADATA_URL',
      'BOT_PASSWORD',
      'BOT_TENANT_ID',
      'BOT_TOKEN_ISSUER',
      'BOT_TOKEN_SERVICE_URL',
      'BOT_TYPE',
      'DATABASE_URL',
      'GRAPH_BASE_URL',
      'NODE_EXTRA_CA_CERTS',
      'OAUTH_CONNECTION_NAME',
      'PORT',
    ]);
    assert.equal(env.BOT_ID, f.cloud.bot.appId);
    assert.equal(env.AAD_APP_ID_URI, `api://botid-${f.cloud.bot.appId}`);
    assert.equal(env.BOT_TENANT_ID, '5a1c0f3e-8d2b-4c6a-9e7f-3b1d2c4e6f80');
    for (const name of ['BOT_LOGIN_URL', 'BOT_OPENID_METADATA_URL', 'BOT_TOKEN_SERVICE_URL', 'BOT_TOKEN_ISSUER'])
      assert.ok(env[name]?.startsWith(f.cloud.urls.base), name);
    assert.ok(fs.readFileSync(env.NODE_EXTRA_CA_CERTS as string, 'utf8').includes('BEGIN CERTIFICATE'));
  });

  it("is read by the bot's own configuration as production mode with this cloud's endpoints", () => {
    const config = loadConfig(f.cloud.botEnv({ databaseUrl: 'postgres://db.invalid/x' }));
    assert.equal(config.mode, 'production');
    assert.deepEqual(
      {
        loginUrl: config.botEndpoints?.loginUrl,
        tokenIssuer: config.botEndpoints?.tokenIssuer,
        openIdMetadataUrl: config.botEndpoints?.openIdMetadataUrl,
        tokenServiceUrl: config.botEndpoints?.tokenServiceUrl,
      },
      {
        loginUrl: f.cloud.urls.login,
        tokenIssuer: f.cloud.urls.channelTokenIssuer,
        openIdMetadataUrl: f.cloud.urls.channelOpenIdMetadata,
        tokenServiceUrl: f.cloud.urls.tokenService,
      },
    );
  });
});
