import type { Storage } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type * as restify from 'restify';
import { randomBytes } from 'node:crypto';
import { botFrameworkAuthenticationOf, createAdapter } from './teams/adapter';
import { createBotApp } from './teams/bot-app';
import { createBotServices, type BotServices } from './teams/bot-services';
import { createServer, listen } from './server';
import {
  isLoopbackServiceUrl,
  isProductionServiceUrl,
  isTerminalConnectorUrl,
  serviceUrlPrefixes,
} from './teams/activity-guard';
import type { BotConfig } from './config';
import type { Logger } from './log';
import type { GraphEndpoint } from './directory/graph-client';
import { closeGraphConnections } from './directory/graph-client';
import type { UserTokenSource } from './teams/user-tokens';
import type { PendingStore } from './commands/context';
import { openStore, type Store } from './store';
import { offlineUserTokens, type TokenForUser } from './teams/offline-user-tokens';
import { userAddressOf } from './teams/user-address';
import { startInterruptedRunReporter } from './teams/interrupted-run-reporter';
import { startHistoryPoller } from './history/history-poller';

export interface BotParts {
  graph: GraphEndpoint;
  tokens: UserTokenSource;
  log: Logger;
  /**
   * The bot's SQL store: turn state, pending operations, requests, the journal and every other service live in it
   * (durable, shared by instances). Tests and benchmarks pass PGlite in memory (openStore({ memory: true })).
   */
  store: Store;
  /** Turn state somewhere else than the store (the in-memory benchmark and some tests). */
  storage?: Storage;
  /** Pending operations somewhere else than the store (tests). */
  pending?: PendingStore;
  health?: () => Promise<Record<string, unknown>>;
  /**
   * Local mode: the serviceUrl prefixes replies may go to (the Playground's `http://127.0.0.1:P/_connector`), besides
   * the terminal chats' connectors (`http://127.0.0.1:Q/groupbot-terminal/…`). Unset: any http URL on a loopback
   * host. Production accepts any https serviceUrl: the channel's JWT binds it.
   */
  serviceUrls?: readonly string[];
  /**
   * A user's delegated token outside their turn, for the requests sweeper's retries. Local mode passes minted
   * tokens; unset in production, the Bot Framework token service's cached tokens are used.
   */
  tokenForUser?: TokenForUser;
}

export interface RunningBot {
  port: number;
  /** The messaging endpoint; in local mode it ends with the per-start secret that is the local credential. */
  endpoint: string;
  server: restify.Server;
  stop(): Promise<void>;
}

/** Assembles adapter, services, Application and HTTP server, and listens. Throws when the port is taken. */
export async function startBot(config: BotConfig, parts: BotParts): Promise<RunningBot> {
  const adapter = createAdapter(config);
  const tokenForUser = parts.tokenForUser ?? productionTokenForUser(config, adapter, parts.store, parts.log);
  const services = createBotServices({
    store: parts.store,
    graph: parts.graph,
    log: parts.log,
    settings: config,
    adapter,
    botAppId: config.botId ?? '',
    tokenForUser,
    pending: parts.pending,
  });
  const app = createBotApp({
    ...services.ports,
    ...services.hooks,
    adapter,
    storage: parts.storage ?? (parts.store.botStorage as unknown as Storage),
    tokens: parts.tokens,
    botAppId: config.botId,
    oauthConnectionName: config.oauthConnectionName,
    tokenExchangeUri: config.aadAppIdUri,
  });
  const localSecret = localSecretOf(config);
  const server = createServer({
    adapter,
    logic: async (context) => {
      await app.run(context);
    },
    log: parts.log,
    serviceUrlAllowed: serviceUrlCheck(config, parts.serviceUrls),
    localSecret,
    health: parts.health,
  });
  const port = await listen(server, config.host, config.port);
  parts.log.info('bot.listening', { host: config.host, port, mode: config.mode });
  const stopWork = startBackgroundWork(config, parts, services, tokenForUser);
  return {
    port,
    endpoint: `http://127.0.0.1:${port}/api/messages${localSecret !== undefined ? `/${localSecret}` : ''}`,
    server,
    stop: async () => {
      await stopWork();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeGraphConnections();
    },
  };
}

/** Local mode: a fresh secret per start (or BOT_ENDPOINT_SECRET, for several processes behind one endpoint). */
function localSecretOf(config: BotConfig): string | undefined {
  if (config.mode !== 'local') return undefined;
  return config.botEndpointSecret ?? randomBytes(24).toString('base64url');
}

/** Where replies may go: any https serviceUrl in production (the JWT binds it), loopback connectors locally. */
function serviceUrlCheck(config: BotConfig, serviceUrls: readonly string[] | undefined): (url: URL) => boolean {
  if (config.mode === 'production') return isProductionServiceUrl;
  return serviceUrls ? orTerminal(serviceUrlPrefixes(serviceUrls)) : isLoopbackServiceUrl;
}

/**
 * Starts the instance's periodic work: the requests sweep, the digest, the licence checks, the polling of watched
 * groups (with a user token only) and the report of bulk runs a previous process left unfinished. The returned
 * function stops them all.
 */
function startBackgroundWork(
  config: BotConfig,
  parts: BotParts,
  services: BotServices,
  tokenForUser: TokenForUser | undefined,
): () => Promise<void> {
  const stops = [
    services.requests.startSweeper(),
    services.digests.start(),
    services.licenceChecks.start(config.requests.sweepSeconds),
    // Watched groups: one delta round per group per HISTORY_POLL_SECONDS with a watcher's own token (docs/history.md).
    tokenForUser
      ? startHistoryPoller({
          store: parts.store,
          graph: parts.graph,
          log: parts.log,
          tokenForUser,
          everySeconds: config.historyPollSeconds,
          background: services.background,
        })
      : async () => undefined,
    // Bulk changes a previous process left unfinished are reported to whoever asked (see journal-run.ts).
    startInterruptedRunReporter({
      journal: services.journal,
      pending: services.ports.pending,
      log: parts.log,
      everyMs: Math.min(30_000, Math.max(500, (config.bulkRunLeaseSeconds * 1000) / 2)),
      messenger: services.messenger,
    }),
  ];
  return async () => {
    for (const stop of stops) await stop();
  };
}

/**
 * Production (bot id and OAuth connection set): users' cached tokens from the Bot Framework token service, with
 * the adapter's own credentials, for users the store has an address for. Undefined in local mode.
 */
function productionTokenForUser(
  config: BotConfig,
  adapter: TeamsAdapter,
  store: Store,
  log: Logger,
): TokenForUser | undefined {
  if (config.mode !== 'production' || !config.botId || !config.oauthConnectionName) return undefined;
  return offlineUserTokens({
    auth: botFrameworkAuthenticationOf(adapter),
    botAppId: config.botId,
    connectionName: config.oauthConnectionName,
    addressOf: (objectId) => userAddressOf(store.conversations, objectId),
    log,
  });
}

/** Local mode: the listed connectors, and the terminal chats' own loopback connectors (`groupbot chat`). Pure. */
function orTerminal(allowed: (url: URL) => boolean): (url: URL) => boolean {
  return (url) => allowed(url) || isTerminalConnectorUrl(url);
}

/**
 * Opens the bot's store: PostgreSQL when DATABASE_URL is set (production, several instances), otherwise
 * embedded PGlite under the data directory. Throws StoreOpenError (never with the password in the message).
 */
export function openBotStore(config: BotConfig): Promise<Store> {
  return config.databaseUrl
    ? openStore({ databaseUrl: config.databaseUrl })
    : openStore({
        dataDir: config.dataDir,
        ...(config.pgliteTemplateDir ? { pgliteTemplateDir: config.pgliteTemplateDir } : {}),
      });
}
