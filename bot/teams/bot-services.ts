/**
 * Assembles every service of one bot instance from its store, once at start: one messenger for proactive messages,
 * the background work, the requests layer, the journal, the digest, the licence checks, the history of watched
 * groups, the recently created groups and the exports' file sink. bot/runtime.ts, the terminal chat
 * (bot/chat/terminal-session.ts) and the tests' builder (test/support/bot-services.ts) all build them here, so a
 * command context has the same ports in each.
 */
import { GroupNameIndex } from '../directory/group-name-index';
import type { Store } from '../store';
import { pendingOperationStore } from '../store';
import type { GraphEndpoint } from '../directory/graph-client';
import type { Logger } from '../log';
import type { BotConfig } from '../config';
import type { PendingOperation, PendingStore } from '../commands/context';
import { KeyValueRecentGroups } from '../commands/recent-groups';
import { JournalService } from '../journal/journal-service';
import { HistoryService } from '../history/history-service';
import { oneDriveFileSink } from '../exports/onedrive-file-sink';
import { RequestMessenger, type ProactiveAdapter } from './request-messenger';
import { createBackgroundWork, type BackgroundParts } from './background-wiring';
import { createRequestLayer, type RequestLayer } from './request-wiring';
import { createDigestLayer, type DigestLayer } from './digest-wiring';
import { createLicenceCheckLayer, type LicenceCheckLayer } from './license-check-wiring';
import { appInstaller } from './app-install-wiring';
import type { TokenForUser } from './offline-user-tokens';
import type { TurnServices } from './turn-handlers';

/** The settings the services read (bot/config.ts BotConfig). */
export type BotServiceSettings = Pick<
  BotConfig,
  'requests' | 'hygiene' | 'historyPollSeconds' | 'licenceCheckDelaySeconds' | 'bulkRunLeaseSeconds'
> &
  Partial<Pick<BotConfig, 'botTenantId' | 'teamsAppCatalogId'>>;

export interface BotServiceOptions {
  store: Store;
  graph: GraphEndpoint;
  log: Logger;
  settings: BotServiceSettings;
  /** Where proactive messages go (the Teams adapter, the terminal chat's); absent: nothing is posted (tests). */
  adapter?: ProactiveAdapter;
  /** The bot's app id; '' in local mode (anonymous adapter). */
  botAppId: string;
  /** A user's delegated token outside their turn; absent: no background work (no retries, no polling). */
  tokenForUser?: TokenForUser;
  /** Pending operations somewhere else than the store (tests keep them in memory). */
  pending?: PendingStore;
}

/** The ports every turn's command context gets: TurnServices without the turn's token source. */
export type BotPorts = Omit<TurnServices, 'tokens'>;

export interface BotServices {
  ports: BotPorts;
  /** BotAppOptions.rememberConversation and conversationEvent: the requests layer's hooks. */
  hooks: Pick<RequestLayer, 'rememberConversation' | 'conversationEvent'>;
  messenger: RequestMessenger;
  journal: JournalService;
  requests: RequestLayer;
  digests: DigestLayer;
  licenceChecks: LicenceCheckLayer;
  /** Retries, time-bound removals and polling with another owner's token; absent without `tokenForUser`. */
  background: BackgroundParts | undefined;
}

/** Builds the services. Never throws (bot/config.ts has checked the settings). */
export function createBotServices(opts: BotServiceOptions): BotServices {
  const messenger = messengerOf(opts);
  const background = backgroundOf(opts, messenger);
  const journal = journalOf(opts);
  const requests = createRequestLayer({
    store: opts.store,
    messenger,
    graph: opts.graph,
    log: opts.log,
    settings: opts.settings.requests,
    tokenForUser: opts.tokenForUser,
    background,
  });
  const digests = createDigestLayer({
    store: opts.store,
    messenger,
    graph: opts.graph,
    log: opts.log,
    settings: opts.settings.hygiene,
    tokenForUser: opts.tokenForUser,
    journal,
    background: background?.failures,
  });
  const licenceChecks = createLicenceCheckLayer({
    store: opts.store,
    messenger,
    graph: opts.graph,
    log: opts.log,
    delaySeconds: opts.settings.licenceCheckDelaySeconds,
    tokenForUser: opts.tokenForUser,
    backgroundTokens: background?.tokens,
  });
  const ports: BotPorts = {
    graph: opts.graph,
    pending: opts.pending ?? pendingOperationStore<PendingOperation>(opts.store),
    log: opts.log,
    requestsPort: requests.requestsPort,
    journal,
    history: new HistoryService(opts.store, opts.log, opts.settings.historyPollSeconds),
    files: oneDriveFileSink({ log: opts.log }),
    digests: digests.port,
    licenceChecks: licenceChecks.port,
    recentGroups: new KeyValueRecentGroups(opts.store.keyValue),
    groupNames: new GroupNameIndex({ keyValue: opts.store.keyValue, log: opts.log }),
  };
  const hooks = { rememberConversation: requests.rememberConversation, conversationEvent: requests.conversationEvent };
  return { ports, hooks, messenger, journal, requests, digests, licenceChecks, background };
}

/** The instance's one messenger; with TEAMS_APP_CATALOG_ID, an approver without the app may get it installed. */
function messengerOf(opts: BotServiceOptions): RequestMessenger {
  const catalogId = opts.settings.teamsAppCatalogId;
  const tokenForUser = opts.tokenForUser;
  return new RequestMessenger({
    adapter: opts.adapter,
    botAppId: opts.botAppId,
    conversations: opts.store.conversations,
    log: opts.log,
    tenantId: opts.settings.botTenantId,
    installApp: tokenForUser && catalogId ? appInstaller(opts.graph, tokenForUser, catalogId) : undefined,
  });
}

/** Background work falls back from one person's token to an owner's or an administrator's (background-wiring.ts). */
function backgroundOf(opts: BotServiceOptions, messenger: RequestMessenger): BackgroundParts | undefined {
  if (!opts.tokenForUser) return undefined;
  return createBackgroundWork({
    store: opts.store,
    graph: opts.graph,
    tokenForUser: opts.tokenForUser,
    messenger,
    log: opts.log,
  });
}

/** The journal of changes; a failed append is logged, never thrown into the command. */
function journalOf(opts: BotServiceOptions): JournalService {
  const log = opts.log;
  return new JournalService(opts.store.journal, opts.store.keyValue, {
    memberships: opts.store.memberships,
    runLeaseSeconds: opts.settings.bulkRunLeaseSeconds,
    log,
    onError: (err, change) =>
      log.warn('journal.append.failed', {
        action: change.action,
        groupId: change.group.id,
        error: err instanceof Error ? err.message : String(err),
      }),
  });
}
