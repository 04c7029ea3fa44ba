/**
 * Child process of bot-credentials.test.ts, started with NODE_EXTRA_CA_CERTS naming the test's local CA (as the
 * local cloud is trusted in production mode) and the bot's settings in its environment. It builds the production
 * adapter from loadConfig, then gets (1) the bot's own token through the adapter's credentials factory and (2) a
 * user's cached token through the same path bot/runtime.ts uses outside a turn. It records every TCP connection
 * that is not to loopback, and prints one JSON line: what it got, and where it connected.
 */
import * as net from 'node:net';
import type { AppCredentials } from 'botframework-connector';
import { loadConfig } from '../../../bot/config';
import { botFrameworkAuthenticationOf, createAdapter } from '../../../bot/teams/adapter';
import { offlineUserTokens } from '../../../bot/teams/offline-user-tokens';
import { createLogger } from '../../../bot/log';

const remote: string[] = [];
const realConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const list = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const first = list[0] as { host?: string; path?: string } | number | string | undefined;
  const host = typeof first === 'object' && first ? (first.path ? 'ipc' : (first.host ?? 'localhost')) : 'localhost';
  if (!['127.0.0.1', 'localhost', '::1', 'ipc'].includes(host)) remote.push(host);
  return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const endpoints = config.botEndpoints!;
  const adapter = createAdapter(config);
  const credentials = (await adapter.credentialsFactory.createCredentials(
    config.botId!,
    endpoints.oauthScope,
    endpoints.loginUrl,
    false,
  )) as AppCredentials;
  const botToken = await credentials.getToken();
  const warnings: string[] = [];
  const tokenForUser = offlineUserTokens({
    auth: botFrameworkAuthenticationOf(adapter),
    botAppId: config.botId!,
    connectionName: config.oauthConnectionName!,
    addressOf: async () => ({ userId: '29:ana', channelId: 'msteams' }),
    log: createLogger('debug', (line) => warnings.push(line)),
  });
  const userToken = await tokenForUser('17da675f-27c5-4df3-8e3d-7b27d437674d');
  process.stdout.write(
    `${JSON.stringify({ factory: adapter.credentialsFactory.constructor.name, botToken, userToken, remote, warnings })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: err instanceof Error ? err.message : String(err), remote })}\n`);
  process.exitCode = 1;
});
