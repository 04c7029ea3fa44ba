/**
 * Starts every part of the local cloud on one HTTPS server on 127.0.0.1 and returns the handle `startLocalCloud`
 * promises: local Entra, the channel's OpenID metadata, the token service, the Teams connector, and the Teams
 * client that drives the bot.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { signAccessToken } from '../graph-emulator/auth/access-token';
import { DEFAULT_SCOPES, GRAPH_AUDIENCE } from '../graph-emulator/auth/delegated-scopes';
import { ensureSigningKey } from '../graph-emulator/auth/signing-key';
import { DEMO_TENANT_ID } from '../graph-emulator/seed/demo-tenant';
import { ensureCertificates } from '../graph-emulator/tls/certificates-ensure';
import { GROUPBOT_CATALOG_APP_ID } from '../graph-emulator/teamwork/app-catalog';
import { appInstallHub } from '../graph-emulator/teamwork/install-hub';
import { TEAMS_APP_INSTALL_SCOPE } from '../graph-emulator/permissions/teams-app-install';
import { channelAuthRoutes, channelMetadataUrl, type ChannelAuth } from './channel/channel-auth';
import { connectorRoutes, SERVICE_PATH } from './connector/connector-routes';
import { ensureRsaKey } from './crypto/rsa-key';
import { ensureAppRegistration } from './entra/app-registration';
import { entraRoutes } from './entra/entra-routes';
import { BOT_FRAMEWORK_RESOURCE, signSsoToken, type EntraIssuer } from './entra/entra-tokens';
import { listenCloud } from './http/cloud-server';
import type { Route } from './http/http-kit';
import type { LocalCloud, LocalCloudOptions } from './cloud-types';
import { SentLog } from './teams/sent-log';
import { GraphInstallBridge } from './teams/graph-install-bridge';
import { LocalTeamsClient } from './teams/teams-client';
import { TeamsDirectory } from './teams/teams-directory';
import { SignInFlow } from './token-service/sign-in-flow';
import { tokenServiceRoutes } from './token-service/token-service-routes';
import { UserTokenStore } from './token-service/user-token-store';

/** Monotonic numeric ids, like Teams' message ids (milliseconds since the epoch). */
function activityIds(): () => string {
  let last = 0;
  return () => {
    last = Math.max(Date.now(), last + 1);
    return String(last);
  };
}

/** See startLocalCloud. Rejects when a directory is unusable or the port is taken. */
export async function startCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const dataDir = path.resolve(options.dataDir);
  const graphDataDir = path.resolve(options.graphDataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(graphDataDir, { recursive: true });
  const onError =
    options.onError ??
    ((err: unknown) =>
      process.stderr.write(
        `local-cloud: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      ));
  const tls = await ensureCertificates(graphDataDir);
  const graphKey = ensureSigningKey(graphDataDir);
  const entraKey = ensureRsaKey(dataDir, 'entra-signing-key');
  const channelKey = ensureRsaKey(dataDir, 'channel-signing-key');
  const tenantId = DEMO_TENANT_ID;
  const app = ensureAppRegistration(dataDir, tenantId, options.connectionName ?? 'graph');
  const directory = new TeamsDirectory(dataDir, app.appId);
  const log = new SentLog(path.join(dataDir, 'messages.jsonl'));
  const newActivityId = activityIds();
  // The OAuth connection's scopes: groupbot's, plus the optional delegated permission to install it for approvers.
  const scopes = options.graphScopes ?? [...DEFAULT_SCOPES, TEAMS_APP_INSTALL_SCOPE];
  const store = new UserTokenStore(dataDir, (u) => {
    const lifetimeSeconds = 3600;
    return {
      token: signAccessToken(graphKey, {
        userId: u.oid,
        upn: u.upn,
        displayName: u.name,
        tenantId,
        scopes,
        lifetimeSeconds,
      }),
      expiration: new Date(Date.now() + lifetimeSeconds * 1000).toISOString(),
    };
  });

  // Routes need the base URL, known once listening: they read it through these holders.
  const entra: EntraIssuer = { key: entraKey, base: '' };
  const channel: ChannelAuth = { key: channelKey, issuer: '', base: '' };
  const auth = { entraKey, base: '', tenantId, botAppId: app.appId };
  const routes: Route[] = [];
  const server = await listenCloud(tls, routes, options.port ?? 0, onError);
  const base = `https://localhost:${server.port}`;
  entra.base = base;
  channel.base = base;
  channel.issuer = `${base}/botframework`;
  auth.base = base;
  const serviceUrl = `${base}${SERVICE_PATH}`;

  routes.push(
    ...channelAuthRoutes(channel),
    ...entraRoutes(entra, () => [app], tenantId),
    ...tokenServiceRoutes({
      auth,
      app,
      store,
      flow: new SignInFlow(),
      graphResource: GRAPH_AUDIENCE,
      consented: (oid) => directory.findUser(oid) !== undefined && directory.behaviour(oid).consented,
      grantConsent: (oid) => {
        if (directory.findUser(oid)) directory.setBehaviour(oid, { consented: true });
      },
      users: () => directory.users().map((u) => ({ oid: u.aadObjectId, upn: u.upn, name: u.name })),
      tokenExchangeUrl: options.tokenExchangeUrl ?? app.appIdUri,
    }),
    ...connectorRoutes({ auth, directory, log, newActivityId }),
  );

  const ssoToken = (user: { aadObjectId: string; upn: string; name: string }, audience: string) =>
    signSsoToken(entra, { tenantId, oid: user.aadObjectId, upn: user.upn, name: user.name, audience });
  const installs = new GraphInstallBridge({
    hub: appInstallHub(graphDataDir),
    catalogAppId: GROUPBOT_CATALOG_APP_ID,
    directory,
    onError,
  });
  const teams = new LocalTeamsClient({
    directory,
    log,
    channelAuth: channel,
    botAppId: app.appId,
    botName: app.name,
    appIdUri: app.appIdUri,
    serviceUrl,
    caPem: tls.caPem,
    newActivityId,
    ssoToken,
    onError,
    onPersonalInstall: (oid, installed) => installs.recordInGraph(oid, installed),
  });
  if (options.botEndpoint) teams.setBotEndpoint(options.botEndpoint);
  await installs.start(teams);

  const urls = {
    base,
    login: `${base}/${tenantId}`,
    channelOpenIdMetadata: channelMetadataUrl(base),
    channelTokenIssuer: channel.issuer,
    tokenService: base,
    serviceUrl,
  };
  let stopped: Promise<void> | undefined;
  return {
    urls,
    caCertPath: tls.caCertPath,
    tenantId,
    bot: {
      appId: app.appId,
      password: app.secret,
      appIdUri: app.appIdUri,
      connectionName: app.connectionName,
      name: app.name,
    },
    teams,
    botEnv: (o) => ({
      BOT_ID: app.appId,
      BOT_PASSWORD: app.secret,
      BOT_TENANT_ID: tenantId,
      BOT_TYPE: 'SingleTenant',
      OAUTH_CONNECTION_NAME: app.connectionName,
      AAD_APP_ID_URI: app.appIdUri,
      DATABASE_URL: o.databaseUrl,
      ...(o.graphBaseUrl ? { GRAPH_BASE_URL: o.graphBaseUrl } : {}),
      BOT_LOGIN_URL: urls.login,
      BOT_OAUTH_SCOPE: BOT_FRAMEWORK_RESOURCE,
      BOT_TOKEN_ISSUER: urls.channelTokenIssuer,
      BOT_OPENID_METADATA_URL: urls.channelOpenIdMetadata,
      BOT_TOKEN_SERVICE_URL: urls.tokenService,
      BOT_CHANNEL_SERVICE: '',
      NODE_EXTRA_CA_CERTS: tls.caCertPath,
      ...(o.port !== undefined ? { PORT: String(o.port) } : {}),
      ...(o.teamsAppInstall ? { TEAMS_APP_CATALOG_ID: GROUPBOT_CATALOG_APP_ID } : {}),
    }),
    issueSsoToken: (user) => ssoToken(directory.user(user), app.appIdUri),
    stop: () =>
      (stopped ??= (async () => {
        await installs.stop();
        await teams.idle();
        await server.close();
      })()),
  };
}
