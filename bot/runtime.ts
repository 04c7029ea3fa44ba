import { MemoryStorage, type Storage } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type * as restify from 'restify';
import { botFrameworkAuthenticationOf, createAdapter } from './teams/adapter';
import { createBotApp } from './teams/bot-app';
import { createRequestLayer } from './teams/request-wiring';
import { appInstaller } from './teams/app-install-wiring';
import { randomBytes } from 'node:crypto';
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
import { MemoryPendingStore } from './commands/pending-memory';
import { openStore, pendingOperationStore, type Store } from './store';
import type { PendingOperation } from './commands/context';
import { JournalService } from './journal/journal-service';
import { offlineUserTokens, type TokenForUser } from './teams/offline-user-tokens';
import { createBackgroundWork } from './teams/background-wiring';
import { userAddressOf } from './teams/user-address';
import { RequestMessenger } from './teams/request-messenger';
import { startInterruptedRunReporter } from './teams/interrupted-run-reporter';
import { oneDriveFileSink } from './exports/onedrive-file-sink';
import { createDigestLayer } from './teams/digest-wiring';
import { createLicenceCheckLayer } from './teams/license-check-wiring';
import { HistoryService } from './history/history-service';
import { startHistoryPoller } from './history/history-poller';
import { KeyValueRecentGroups } from './commands/recent-groups';

export interface BotParts {
  graph: GraphEndpoint;
  tokens: UserTokenSource;
  log: Logger;
  storage?: Storage;
  pending?: PendingStore;
  /** The bot's SQL store; when given, TurnState and pending operations live in it (durable, shared by instances). */
  store?: Store;
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

/** Assembles adapter, Application and HTTP server, and listens. Throws when the port is taken. */
export async function startBot(config: BotConfig, parts: BotParts): Promise<RunningBot> {
  const adapter = createAdapter(config);
  const tokenForUser =
    parts.tokenForUser ?? (parts.store ? productionTokenForUser(config, adapter, parts.store, parts.log) : undefined);
  // Background work (retries, time-bound removals, polling) falls back from one person's token to an owner's or
  // an administrator's, and counts what failed (bot/teams/background-wiring.ts).
  const background =
    parts.store && tokenForUser
      ? createBackgroundWork({
          store: parts.store,
          graph: parts.graph,
          tokenForUser,
          messenger: new RequestMessenger({
            adapter,
            botAppId: config.botId ?? '',
            conversations: parts.store.conversations,
            log: parts.log,
          }),
          log: parts.log,
        })
      : undefined;
  const requests = parts.store
    ? createRequestLayer({
        store: parts.store,
        adapter,
        botAppId: config.botId ?? '',
        graph: parts.graph,
        log: parts.log,
        settings: config.requests,
        ...(tokenForUser ? { tokenForUser } : {}),
        ...(config.botTenantId ? { tenantId: config.botTenantId } : {}),
        // TEAMS_APP_CATALOG_ID set: an approver without the app may get it with the requester's token.
        ...(tokenForUser && config.teamsAppCatalogId
          ? { installApp: appInstaller(parts.graph, tokenForUser, config.teamsAppCatalogId) }
          : {}),
        ...(background ? { background } : {}),
      })
    : undefined;
  const runLeaseSeconds = config.bulkRunLeaseSeconds;
  const journal = parts.store
    ? new JournalService(parts.store.journal, parts.store.keyValue, {
        memberships: parts.store.memberships,
        runLeaseSeconds,
        log: parts.log,
        onError: (err, change) =>
          parts.log.warn('journal.append.failed', {
            action: change.action,
            groupId: change.group.id,
            error: err instanceof Error ? err.message : String(err),
          }),
      })
    : undefined;
  // The weekly hygiene digest: subscriptions in the store, posted with the subscriber's own token.
  const digests = parts.store
    ? createDigestLayer({
        store: parts.store,
        adapter,
        botAppId: config.botId ?? '',
        graph: parts.graph,
        log: parts.log,
        settings: config.hygiene,
        ...(tokenForUser ? { tokenForUser } : {}),
        ...(journal ? { journal } : {}),
        ...(background ? { background: background.failures } : {}),
      })
    : undefined;
  // Delayed licence-error checks: scheduled in the store by the licence commands, run beside the requests sweep.
  const licenceChecks = parts.store
    ? createLicenceCheckLayer({
        store: parts.store,
        adapter,
        botAppId: config.botId ?? '',
        graph: parts.graph,
        log: parts.log,
        delaySeconds: config.licenceCheckDelaySeconds,
        ...(tokenForUser ? { tokenForUser } : {}),
        ...(background ? { backgroundTokens: background.tokens } : {}),
      })
    : undefined;
  const historyPollSeconds = config.historyPollSeconds;
  const history = parts.store ? new HistoryService(parts.store, parts.log, historyPollSeconds) : undefined;
  const pending =
    parts.pending ?? (parts.store ? pendingOperationStore<PendingOperation>(parts.store) : new MemoryPendingStore());
  // Exports, in every scope and both modes: saved in the user's own OneDrive and shared with a link only they open.
  const files = oneDriveFileSink({ log: parts.log });
  const app = createBotApp({
    adapter,
    storage: parts.storage ?? (parts.store ? (parts.store.botStorage as unknown as Storage) : new MemoryStorage()),
    tokens: parts.tokens,
    graph: parts.graph,
    pending,
    ...(journal ? { journal } : {}),
    ...(history ? { history } : {}),
    log: parts.log,
    ...(config.botId ? { botAppId: config.botId } : {}),
    ...(config.oauthConnectionName ? { oauthConnectionName: config.oauthConnectionName } : {}),
    ...(config.aadAppIdUri ? { tokenExchangeUri: config.aadAppIdUri } : {}),
    ...(requests
      ? {
          rememberConversation: requests.rememberConversation,
          conversationEvent: requests.conversationEvent,
          requestsPort: requests.requestsPort,
        }
      : {}),
    files: () => files,
    ...(digests ? { digests: digests.port } : {}),
    ...(licenceChecks ? { licenceChecks: licenceChecks.port } : {}),
    ...(parts.store ? { recentGroups: new KeyValueRecentGroups(parts.store.keyValue) } : {}),
  });
  // Local mode: a fresh secret per start (or BOT_ENDPOINT_SECRET, for several processes behind one endpoint).
  const localSecret =
    config.mode === 'local' ? (config.botEndpointSecret ?? randomBytes(24).toString('base64url')) : undefined;
  const serviceUrlAllowed =
    config.mode === 'production'
      ? isProductionServiceUrl
      : parts.serviceUrls
        ? orTerminal(serviceUrlPrefixes(parts.serviceUrls))
        : isLoopbackServiceUrl;
  const server = createServer({
    adapter,
    logic: async (context) => {
      await app.run(context);
    },
    log: parts.log,
    serviceUrlAllowed,
    ...(localSecret !== undefined ? { localSecret } : {}),
    ...(parts.health ? { health: parts.health } : {}),
  });
  const port = await listen(server, config.host, config.port);
  parts.log.info('bot.listening', { host: config.host, port, mode: config.mode });
  const stopSweeper = requests ? requests.startSweeper() : async () => undefined;
  const stopDigests = digests ? digests.start() : async () => undefined;
  const stopLicenceChecks = licenceChecks ? licenceChecks.start(config.requests.sweepSeconds) : async () => undefined;
  // Watched groups: one delta round per group per HISTORY_POLL_SECONDS with a watcher's own token (docs/history.md).
  const stopHistory =
    parts.store && tokenForUser
      ? startHistoryPoller({
          store: parts.store,
          graph: parts.graph,
          log: parts.log,
          tokenForUser,
          everySeconds: historyPollSeconds,
          ...(background ? { background } : {}),
        })
      : async () => undefined;
  // Bulk changes a previous process left unfinished are reported to whoever asked (see journal-run.ts).
  const stopReporter =
    journal && parts.store
      ? startInterruptedRunReporter({
          journal,
          pending,
          log: parts.log,
          everyMs: Math.min(30_000, Math.max(500, (runLeaseSeconds * 1000) / 2)),
          messenger: new RequestMessenger({
            adapter,
            botAppId: config.botId ?? '',
            conversations: parts.store.conversations,
            log: parts.log,
          }),
        })
      : async () => undefined;
  return {
    port,
    endpoint: `http://127.0.0.1:${port}/api/messages${localSecret !== undefined ? `/${localSecret}` : ''}`,
    server,
    stop: async () => {
      await stopSweeper();
      await stopDigests();
      await stopLicenceChecks();
      await stopHistory();
      await stopReporter();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeGraphConnections();
    },
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
