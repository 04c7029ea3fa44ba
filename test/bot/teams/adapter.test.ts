/**
 * Production mode enforces Bot Framework JWT validation: with bot credentials configured (BOT_ID, BOT_PASSWORD,
 * BOT_TENANT_ID), a POST /api/messages without a valid bearer token is refused with 401 and never reaches the
 * Application. Checked offline: a spy on socket connects proves that no refusal here needed the network (no
 * OpenID metadata fetch). A token whose issuer is a real Bot Framework issuer would make the adapter fetch the
 * signing keys from login.botframework.com; that case needs the internet and is not exercised here.
 */
import { strict as assert } from 'node:assert';
import * as net from 'node:net';
import { createAdapter } from '../../../bot/teams/adapter';
import { createServer, listen } from '../../../bot/server';
import { isProductionServiceUrl } from '../../../bot/teams/activity-guard';
import { startBot, type RunningBot } from '../../../bot/runtime';
import { openStore, type Store } from '../../../bot/store';
import { loadConfig, type BotConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/log';
import { OAuthTokenSource } from '../../../bot/teams/user-tokens';
import type * as restify from 'restify';

const PRODUCTION_ENV = {
  BOT_ID: '00000000-1111-2222-3333-444444444444',
  BOT_PASSWORD: 'not-a-real-secret-value',
  BOT_TENANT_ID: '5a1c0f3e-8d2b-4c6a-9e7f-3b1d2c4e6f80',
  OAUTH_CONNECTION_NAME: 'graph',
  DATABASE_URL: 'postgres://127.0.0.1:1/groupbot',
  PORT: '0',
  LOG_LEVEL: 'error',
};

/** A JWT-shaped token, unsigned, with the given issuer. */
function fakeJwt(iss: string): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${b64({ iss, aud: PRODUCTION_ENV.BOT_ID, exp: Math.floor(Date.now() / 1000) + 600 })}.c2ln`;
}

const ACTIVITY = {
  type: 'message',
  id: 'a1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: 'c1' },
  from: { id: '29:x', aadObjectId: '17da675f-27c5-4df3-8e3d-7b27d437674d' },
  recipient: { id: '28:bot' },
  text: 'help',
};

describe('bot/teams/adapter (production: JWT validation enforced)', function () {
  this.timeout(30_000);
  let config: BotConfig;
  const remoteConnects: string[] = [];
  const connectsSeen: string[] = [];
  const realConnect = net.Socket.prototype.connect;
  const realConsoleError = console.error;
  const consoleLines: string[] = [];

  before(() => {
    config = { ...loadConfig(PRODUCTION_ENV), host: '127.0.0.1' };
    // Record every outgoing TCP connection that is not to loopback (the refusals must not need the network).
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      // net.connect() passes its normalized arguments as one array; socket.connect(options|port, host) does not.
      const list = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
      const first = list[0] as { host?: string; path?: string } | number | string | undefined;
      const host =
        typeof first === 'object' && first
          ? first.path
            ? 'ipc'
            : (first.host ?? 'localhost')
          : typeof list[1] === 'string'
            ? list[1]
            : 'localhost';
      connectsSeen.push(host);
      if (!['127.0.0.1', 'localhost', '::1', 'ipc'].includes(host)) remoteConnects.push(host);
      return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof net.Socket.prototype.connect;
    // CloudAdapter prints the AuthenticationError with console.error; keep it out of the test output, and check it.
    console.error = (...args: unknown[]) => {
      consoleLines.push(args.map(String).join(' '));
    };
  });
  after(() => {
    net.Socket.prototype.connect = realConnect;
    console.error = realConsoleError;
  });

  it('BOT_ID/BOT_PASSWORD/BOT_TENANT_ID select production mode', () => {
    assert.equal(config.mode, 'production');
    assert.equal(config.botId, PRODUCTION_ENV.BOT_ID);
    assert.equal(config.botTenantId, PRODUCTION_ENV.BOT_TENANT_ID);
  });

  describe('the adapter built directly, behind bot/server', () => {
    let server: restify.Server;
    let port: number;
    let turns = 0;
    const logLines: string[] = [];
    before(async () => {
      const adapter = createAdapter(config);
      server = createServer({
        adapter,
        logic: async () => {
          turns++;
        },
        log: createLogger('warn', (l) => logLines.push(l)),
        serviceUrlAllowed: isProductionServiceUrl,
      });
      port = await listen(server, '127.0.0.1', 0);
    });
    after(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    const cases: [string, Record<string, string>][] = [
      ['no Authorization header', {}],
      ['an empty bearer', { authorization: 'Bearer ' }],
      ['a token that is not a JWT', { authorization: 'Bearer not-a-jwt' }],
      [
        'a JWT from an issuer Bot Framework does not trust',
        { authorization: `Bearer ${fakeJwt('https://evil.example.com/')}` },
      ],
      ['a Basic credential', { authorization: 'Basic dXNlcjpwYXNz' }],
    ];
    for (const [what, headers] of cases) {
      it(`refuses ${what} with 401, without running the turn or using the network`, async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(ACTIVITY),
        });
        assert.equal(res.status, 401, await res.text());
        assert.equal(turns, 0);
        assert.deepEqual(remoteConnects, []);
      });
    }

    it('the connection spy does see connections (so its silence above means something)', async () => {
      const before = connectsSeen.length;
      await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: 'close' } });
      const agentless = await new Promise<number>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.end();
          resolve(connectsSeen.length);
        });
        socket.once('error', reject);
      });
      assert.ok(agentless > before, `connects seen: ${connectsSeen.join(', ')}`);
      assert.ok(connectsSeen.includes('127.0.0.1'));
    });

    it('an unauthenticated invoke is refused the same way', async () => {
      const body = {
        ...ACTIVITY,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'confirm', data: { verb: 'confirm', pendingId: 'p' } } },
      };
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 401);
      assert.equal(turns, 0);
    });

    it('the refusals are logged as JSON lines, and the bot password reaches neither the log nor the console', () => {
      const refusals = logLines
        .map((l) => JSON.parse(l) as { event: string })
        .filter((e) => e.event === 'http.unauthorized');
      assert.ok(refusals.length >= cases.length, `logged: ${logLines.join('\n')}`);
      assert.ok(![...logLines, ...consoleLines].some((l) => l.includes(PRODUCTION_ENV.BOT_PASSWORD)));
    });

    it('refuses a serviceUrl that is not plain https with 400 before any token check', async () => {
      for (const serviceUrl of ['http://127.0.0.1:22/', 'file:///etc/passwd', 'https://user:pw@evil.example.com/']) {
        const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...ACTIVITY, serviceUrl }),
        });
        assert.equal(res.status, 400, serviceUrl);
        assert.match(await res.text(), /serviceUrl/);
      }
      assert.equal(turns, 0);
    });

    it('an https serviceUrl of any host still needs a valid token (botbuilder binds it to the JWT)', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...ACTIVITY, serviceUrl: 'https://evil.example.com/' }),
      });
      assert.equal(res.status, 401);
      assert.equal(turns, 0);
      assert.deepEqual(remoteConnects, []);
    });
  });

  describe('the whole production bot (startBot with the loaded config)', () => {
    let bot: RunningBot;
    let store: Store;
    before(async function () {
      this.timeout(180_000); // an in-memory store opens first (PGlite, slow on a loaded machine)
      store = await openStore({ memory: true });
      bot = await startBot(config, {
        store,
        graph: { baseUrl: config.graphBaseUrl },
        tokens: new OAuthTokenSource('graph'),
        log: createLogger('error', () => undefined),
      });
    });
    after(async () => {
      await bot?.stop();
      await store?.close();
    });

    it('refuses an unauthenticated POST /api/messages with 401 and still answers /healthz', async () => {
      const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ACTIVITY),
      });
      assert.equal(res.status, 401);
      assert.equal((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status, 200);
      assert.deepEqual(remoteConnects, []);
    });

    it('still answers a malformed activity with 400 (shape is checked before authentication)', async () => {
      const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"message"}',
      });
      assert.equal(res.status, 400);
    });
  });
});

describe('bot/teams/adapter (the cloud: BOT_CLOUD presets and BOT_* overrides reach botbuilder)', () => {
  const { PORT: _port, LOG_LEVEL: _level, ...base } = PRODUCTION_ENV;
  const TENANT = PRODUCTION_ENV.BOT_TENANT_ID;
  /** The settings botbuilder gets, as a plain object. */
  const settingsFor = (env: Record<string, string>) =>
    createAdapter(loadConfig({ ...base, ...env })).botFrameworkAuthConfig as Record<string, unknown>;

  // Values from Microsoft's pages cited in bot/cloud-endpoints.ts (public: botframework-connector's constants and
  // "OAuth URL support"; gcch and dod: "Configure Bot Framework bots for US Government customers"; china:
  // "Configure a bot in Azure operated by 21Vianet"), written out here so a typo in a preset fails.
  const expected: Record<string, Record<string, unknown>> = {
    public: {
      ChannelService: '',
      ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${TENANT}`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      OAuthUrl: 'https://token.botframework.com',
    },
    gcch: {
      ChannelService: 'https://botframework.azure.us',
      ToChannelFromBotLoginUrl: `https://login.microsoftonline.us/${TENANT}`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.us',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.us',
      ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
      OAuthUrl: 'https://tokengcch.botframework.azure.us',
    },
    dod: {
      ChannelService: 'https://botframework.azure.us',
      ToChannelFromBotLoginUrl: `https://login.microsoftonline.us/${TENANT}`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.us',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.us',
      ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
      OAuthUrl: 'https://apiDoD.botframework.azure.us',
    },
    china: {
      ChannelService: 'https://botframework.azure.cn',
      ToChannelFromBotLoginUrl: `https://login.partner.microsoftonline.cn/${TENANT}`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.azure.cn',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.azure.cn',
      ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.azure.cn/v1/.well-known/openidconfiguration',
      OAuthUrl: 'https://token.botframework.azure.cn',
    },
  };

  for (const [cloud, want] of Object.entries(expected)) {
    it(`BOT_CLOUD=${cloud} gives botbuilder that cloud's endpoints, with the app's identity`, () => {
      const settings = settingsFor(cloud === 'public' ? {} : { BOT_CLOUD: cloud });
      for (const [key, value] of Object.entries(want)) assert.equal(settings[key], value, `${cloud} ${key}`);
      assert.equal(settings.MicrosoftAppId, PRODUCTION_ENV.BOT_ID);
      assert.equal(settings.MicrosoftAppTenantId, TENANT);
      assert.equal(settings.MicrosoftAppType, 'SingleTenant');
      assert.equal(settings.ValidateAuthority, true);
    });
  }

  it("a multi-tenant bot logs in at its cloud's Bot Framework tenant", () => {
    assert.equal(
      settingsFor({ BOT_TYPE: 'MultiTenant' }).ToChannelFromBotLoginUrl,
      'https://login.microsoftonline.com/botframework.com',
    );
    assert.equal(
      settingsFor({ BOT_TYPE: 'MultiTenant', BOT_CLOUD: 'gcch' }).ToChannelFromBotLoginUrl,
      'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us',
    );
  });

  it('each BOT_* variable overrides its setting on top of the preset (the local cloud sets them all)', () => {
    const local = 'https://localhost:9443';
    const settings = settingsFor({
      BOT_CLOUD: 'gcch',
      BOT_LOGIN_URL: `${local}/${TENANT}`,
      BOT_OAUTH_SCOPE: 'https://api.local.test',
      BOT_TOKEN_ISSUER: 'https://issuer.local.test',
      BOT_OPENID_METADATA_URL: `${local}/v1/.well-known/openidconfiguration`,
      BOT_TOKEN_SERVICE_URL: `${local}/`,
      BOT_CHANNEL_SERVICE: 'https://channel.local.test',
    });
    assert.equal(settings.ToChannelFromBotLoginUrl, `${local}/${TENANT}`);
    assert.equal(settings.ToChannelFromBotOAuthScope, 'https://api.local.test');
    assert.equal(settings.ToBotFromChannelTokenIssuer, 'https://issuer.local.test');
    assert.equal(settings.ToBotFromChannelOpenIdMetadataUrl, `${local}/v1/.well-known/openidconfiguration`);
    assert.equal(settings.OAuthUrl, local, 'a trailing slash is dropped');
    assert.equal(settings.ChannelService, 'https://channel.local.test');
    assert.equal(settings.ValidateAuthority, false, 'a private authority is not validated against Microsoft');
    const adapter = createAdapter(loadConfig({ ...base, BOT_LOGIN_URL: `${local}/${TENANT}` }));
    assert.equal(adapter.credentialsFactory.constructor.name, 'MsalServiceClientCredentialsFactory');
    const publicAdapter = createAdapter(loadConfig(base));
    assert.equal(publicAdapter.credentialsFactory.constructor.name, 'ConfigurationServiceClientCredentialFactory');
  });

  it('local mode stays anonymous, with no endpoints', () => {
    const adapter = createAdapter(loadConfig({}));
    assert.deepEqual(adapter.botFrameworkAuthConfig, {});
  });
});
