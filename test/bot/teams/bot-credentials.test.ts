/**
 * A bot whose login authority is not a Microsoft host (BOT_LOGIN_URL on loopback, as with the local cloud) gets
 * its own token from that authority alone: MSAL is configured with knownAuthorities, so it never asks
 * login.microsoftonline.com for instance discovery. Checked end to end against a tiny Entra-shaped HTTPS server on
 * 127.0.0.1 (certificate from the Graph emulator's local CA), which also plays the Bot Framework token service
 * (BOT_TOKEN_SERVICE_URL) for the user-token path bot/runtime.ts uses outside a turn. The bot runs in a child
 * process started with NODE_EXTRA_CA_CERTS, exactly as a production-mode bot trusts the local cloud.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ensureCertificates } from '../../../graph-emulator/tls/certificates-ensure';
import { loadConfig } from '../../../bot/config';
import { botCredentialsFactory, privateAuthorityClient } from '../../../bot/teams/bot-credentials';

const APP_ID = '00000000-1111-2222-3333-444444444444';
const SECRET = 'local-secret-value-0123456789';
const TENANT = '5a1c0f3e-8d2b-4c6a-9e7f-3b1d2c4e6f80';
const BOT_TOKEN = 'bot-token-from-the-local-authority';
const USER_TOKEN = 'user-graph-token-from-the-local-token-service';

interface Seen {
  method: string;
  path: string;
  body: string;
  authorization?: string;
}

describe('bot/teams/bot-credentials (a login authority that is not Microsoft)', function () {
  this.timeout(60_000);
  let dir: string;
  let server: https.Server;
  let origin: string;
  let caCertPath: string;
  const seen: Seen[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-bot-credentials-'));
    const tls = await ensureCertificates(dir);
    caCertPath = tls.caCertPath;
    server = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', origin);
        seen.push({
          method: req.method ?? '',
          path: url.pathname,
          body,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        });
        const json = (status: number, value: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        if (url.pathname === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
          return json(200, {
            issuer: `${origin}/${TENANT}/v2.0`,
            authorization_endpoint: `${origin}/${TENANT}/oauth2/v2.0/authorize`,
            token_endpoint: `${origin}/${TENANT}/oauth2/v2.0/token`,
            jwks_uri: `${origin}/${TENANT}/discovery/v2.0/keys`,
            end_session_endpoint: `${origin}/${TENANT}/oauth2/v2.0/logout`,
          });
        }
        if (url.pathname === `/${TENANT}/oauth2/v2.0/token` && req.method === 'POST') {
          const form = new URLSearchParams(body);
          const ok =
            form.get('grant_type') === 'client_credentials' &&
            form.get('client_id') === APP_ID &&
            form.get('client_secret') === SECRET &&
            form.get('scope') === 'https://api.botframework.com/.default';
          return ok
            ? json(200, { token_type: 'Bearer', expires_in: 3600, access_token: BOT_TOKEN })
            : json(401, { error: 'invalid_client' });
        }
        if (url.pathname === '/api/usertoken/GetToken') {
          return req.headers.authorization === `Bearer ${BOT_TOKEN}`
            ? json(200, {
                channelId: url.searchParams.get('channelId'),
                connectionName: url.searchParams.get('connectionName'),
                token: USER_TOKEN,
                expiration: new Date(Date.now() + 3_600_000).toISOString(),
              })
            : json(401, { error: { code: 'Unauthorized' } });
        }
        json(404, { error: 'not_found' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function botEnv(): Record<string, string> {
    return {
      BOT_ID: APP_ID,
      BOT_PASSWORD: SECRET,
      BOT_TENANT_ID: TENANT,
      DATABASE_URL: 'postgres://127.0.0.1:1/groupbot',
      BOT_LOGIN_URL: `${origin}/${TENANT}`,
      BOT_TOKEN_SERVICE_URL: origin,
    };
  }

  it('uses MSAL with knownAuthorities naming the loopback host, and the default factory for Microsoft hosts', () => {
    const local = botCredentialsFactory(loadConfig(botEnv()));
    assert.equal(local?.constructor.name, 'MsalServiceClientCredentialsFactory');
    const { BOT_LOGIN_URL: _login, ...publicEnv } = botEnv();
    assert.equal(botCredentialsFactory(loadConfig(publicEnv)), undefined);
    assert.equal(botCredentialsFactory(loadConfig({ ...publicEnv, BOT_CLOUD: 'china' })), undefined);
    assert.equal(botCredentialsFactory(loadConfig({})), undefined, 'local mode');
    // The MSAL client is configured as said (its configuration is what MSAL reads to skip instance discovery).
    const app = privateAuthorityClient(APP_ID, SECRET, `${origin}/${TENANT}`) as unknown as {
      config: { auth: { authority: string; knownAuthorities: string[] } };
    };
    assert.equal(app.config.auth.authority, `${origin}/${TENANT}`);
    assert.deepEqual(app.config.auth.knownAuthorities, [new URL(origin).host]);
  });

  it("gets the bot's token and a user's cached token from loopback only, never from a Microsoft host", async () => {
    seen.length = 0;
    const child = spawn(process.execPath, [path.resolve('bin/run-ts.js'), 'test/bot/teams/bot-credentials-child.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_EXTRA_CA_CERTS: caCertPath, ...botEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    assert.equal(code, 0, `child failed: ${out}\n${err}`);
    assert.equal(result.factory, 'MsalServiceClientCredentialsFactory');
    assert.equal(result.botToken, BOT_TOKEN);
    assert.equal(result.userToken, USER_TOKEN);
    assert.deepEqual(result.remote, [], 'no connection left loopback');
    const paths = seen.map((s) => `${s.method} ${s.path}`);
    assert.ok(paths.includes(`GET /${TENANT}/v2.0/.well-known/openid-configuration`), paths.join('\n'));
    assert.ok(paths.includes(`POST /${TENANT}/oauth2/v2.0/token`), paths.join('\n'));
    assert.ok(paths.includes('GET /api/usertoken/GetToken'), paths.join('\n'));
    assert.ok(!`${out}${err}`.includes(SECRET), 'the secret is never printed');
  });
});
