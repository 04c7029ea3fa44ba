/**
 * The Graph emulator and the local cloud in one process agree on installs: groupbot installed for Olga through
 * Graph (with a delegated token from the local token service, whose scopes include
 * TeamsAppInstallation.ReadWriteForUser) makes the local Teams install it and send installationUpdate (add) and
 * conversationUpdate to a real bot endpoint, exactly as `teams.install` does; Teams' own installs and uninstalls
 * show in Graph's installed-apps list; an uninstall through Graph reaches Teams.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeGraphConnections, createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { installAppForUser } from '../../../bot/directory/teams-app-install';
import { startEmulator, type RunningEmulator } from '../../../graph-emulator';
import { verifyAccessToken } from '../../../graph-emulator/auth/access-token';
import { ensureSigningKey } from '../../../graph-emulator/auth/signing-key';
import { GROUPBOT_CATALOG_APP_ID, type BotSent } from '../../../local-cloud';
import { signChannelToken } from '../../../local-cloud/channel/channel-auth';
import { ensureRsaKey } from '../../../local-cloud/crypto/rsa-key';
import { startCloudFixture, type CloudFixture } from '../support/cloud-fixture';
import type { TrustedChild } from '../support/trusted-child';

const text = (s: BotSent) => String(s.activity?.text ?? '');

describe('local-cloud and Graph emulator: app installs bridged both ways', function () {
  this.timeout(90_000);
  let root: string;
  let graphDataDir: string;
  let emulator: RunningEmulator;
  let f: CloudFixture;
  let bot: TrustedChild;
  let tokens: TrustedChild;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-install-bridge-'));
    graphDataDir = path.join(root, 'graph');
    emulator = await startEmulator({ dataDir: graphDataDir, port: 0, seed: 'demo' });
    f = await startCloudFixture({ graphDataDir });
    bot = await f.worker(path.join(__dirname, '../support/sso-test-bot.ts'));
    f.cloud.teams.setBotEndpoint(`http://127.0.0.1:${String(bot.info.port)}/api/messages`);
    // A bot-side token client (UserTokenClientImpl) authenticated as the bot, to get users' Graph tokens.
    tokens = await f.worker();
    const channel = {
      key: ensureRsaKey(f.dataDir, 'channel-signing-key'),
      issuer: f.cloud.urls.channelTokenIssuer,
      base: f.cloud.urls.base,
    };
    await tokens.call('authenticate', {
      activity: { type: 'message', channelId: 'msteams', serviceUrl: f.cloud.urls.serviceUrl },
      authHeader: `Bearer ${signChannelToken(channel, f.cloud.bot.appId, f.cloud.urls.serviceUrl)}`,
    });
  });
  after(async () => {
    await f?.cleanup();
    await emulator?.stop();
    await closeGraphConnections();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  /** The user's delegated Graph token as the token service hands it to the bot (SSO exchange). */
  const graphTokenOf = async (user: string): Promise<string> => {
    const r = await tokens.call<{ token?: string }>('userToken', {
      call: 'exchange',
      userId: f.cloud.teams.user(user).id,
      connectionName: 'graph',
      token: f.cloud.issueSsoToken(user),
    });
    assert.ok(r.token, 'the token service gave a Graph token');
    return r.token;
  };
  const sessionOf = async (user: string): Promise<GraphSession> => {
    const token = await graphTokenOf(user);
    const client = createGraphClient({ baseUrl: emulator.baseUrl, caPem: emulator.caPem }, async () => token);
    return new GraphSession(client, { baseUrl: emulator.baseUrl });
  };
  const graphInstalled = async (userId: string): Promise<string[]> => {
    const megan = createGraphClient({ baseUrl: emulator.baseUrl, caPem: emulator.caPem }, () =>
      emulator.issueToken('megan@contoso.com', { scopes: ['TeamsAppInstallation.ReadForUser'] }),
    );
    const body = (await megan.api(`/users/${userId}/teamwork/installedApps`).expand('teamsApp').get()) as {
      value: { teamsApp: { id: string } }[];
    };
    return body.value.map((i) => i.teamsApp.id);
  };
  const eventually = async (check: () => boolean, what: string): Promise<void> => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(check(), what);
  };

  it("issues Graph tokens whose scopes include the install permission (the OAuth connection's scopes)", async () => {
    const claims = verifyAccessToken(ensureSigningKey(graphDataDir), await graphTokenOf('ana'));
    assert.ok(claims.scp.split(' ').includes('TeamsAppInstallation.ReadWriteForUser'), claims.scp);
    assert.ok(claims.scp.split(' ').includes('Group.ReadWrite.All'), claims.scp);
  });

  it('a Graph install for Olga sends installationUpdate (add) and conversationUpdate to the bot', async () => {
    const olga = f.cloud.teams.user('olga');
    assert.equal(f.cloud.teams.isInstalled('olga'), false);
    const ana = await sessionOf('ana');
    assert.equal(await installAppForUser(ana, olga.aadObjectId, GROUPBOT_CATALOG_APP_ID), 'installed');
    const chat = f.cloud.teams.personalConversation('olga').id;
    // The sso-test-bot answers installationUpdate with "installed:add" and the bot's conversationUpdate with "welcome".
    assert.equal(text(await f.cloud.teams.nextSent(chat, { timeoutMs: 10_000 })), 'installed:add', bot.errors);
    assert.equal(text(await f.cloud.teams.nextSent(chat, { timeoutMs: 10_000 })), 'welcome', bot.errors);
    assert.equal(f.cloud.teams.isInstalled('olga'), true);
    assert.deepEqual(await graphInstalled(olga.aadObjectId), [GROUPBOT_CATALOG_APP_ID]);
    assert.equal(await installAppForUser(ana, olga.aadObjectId, GROUPBOT_CATALOG_APP_ID), 'already-installed');
  });

  it("shows Teams' own install and uninstall in Graph's installed apps", async () => {
    const bob = f.cloud.teams.user('bob');
    assert.deepEqual(await graphInstalled(bob.aadObjectId), []);
    assert.deepEqual(await f.cloud.teams.install('bob'), [200, 200], bot.errors);
    assert.deepEqual(await graphInstalled(bob.aadObjectId), [GROUPBOT_CATALOG_APP_ID]);
    const ana = await sessionOf('ana');
    assert.equal(await installAppForUser(ana, bob.aadObjectId, GROUPBOT_CATALOG_APP_ID), 'already-installed');
    await f.cloud.teams.uninstall('bob', { notify: false });
    assert.deepEqual(await graphInstalled(bob.aadObjectId), []);
  });

  it('an uninstall through Graph uninstalls in Teams', async () => {
    const olga = f.cloud.teams.user('olga');
    const megan = createGraphClient({ baseUrl: emulator.baseUrl, caPem: emulator.caPem }, () =>
      emulator.issueToken('megan@contoso.com', { scopes: ['TeamsAppInstallation.ReadWriteForUser'] }),
    );
    const list = (await megan.api(`/users/${olga.aadObjectId}/teamwork/installedApps`).get()) as {
      value: { id: string }[];
    };
    await megan.api(`/users/${olga.aadObjectId}/teamwork/installedApps/${list.value[0]?.id ?? ''}`).delete();
    await eventually(() => !f.cloud.teams.isInstalled('olga'), 'Teams no longer has the app for Olga');
  });

  it('botEnv sets TEAMS_APP_CATALOG_ID to the catalog id only when asked', () => {
    assert.equal(f.cloud.botEnv({ databaseUrl: 'postgres://x/y' }).TEAMS_APP_CATALOG_ID, undefined);
    assert.equal(
      f.cloud.botEnv({ databaseUrl: 'postgres://x/y', teamsAppInstall: true }).TEAMS_APP_CATALOG_ID,
      GROUPBOT_CATALOG_APP_ID,
    );
  });
});
