/**
 * Assembles the requests layer for one bot instance, once at start: messenger, the one request workflow (inside
 * the coordinator), the bot-app hooks and the sweeper.
 */
import type { TurnContext } from 'botbuilder';
import type { Store } from '../store';
import type { GraphEndpoint } from '../directory/graph-client';
import type { Logger } from '../log';
import type { CommandContext } from '../commands/context';
import type { RequestsPort } from '../commands/access-request';
import { RequestMessenger, type ProactiveAdapter } from './request-messenger';
import { RequestCoordinator } from './request-coordinator';
import { DEFAULT_REQUEST_SETTINGS, type RequestSettings } from '../requests/request-settings';
import { startRequestSweeper } from './request-sweeper';
import { conversationEvents } from './install-events';
import { deliverPendingTo } from '../requests/owner-arrival';
import type { AppInstallResult } from '../requests/request-ports';
import { createBackgroundWork } from './background-wiring';
import type { BackgroundWork } from '../requests/background-work';

export interface RequestLayer {
  coordinator: RequestCoordinator;
  settings: RequestSettings;
  /** BotAppOptions.rememberConversation: records where each conversation and 1:1 chat is. Logs, never throws. */
  rememberConversation(context: TurnContext): Promise<void>;
  /** BotAppOptions.conversationEvent: install and conversation events (install-events.ts). Logs, never throws. */
  conversationEvent(context: TurnContext): Promise<void>;
  /** BotAppOptions.requestsPort: the card verbs of requests reach the workflow through it (bot/commands). */
  requestsPort(ctx: CommandContext, context?: TurnContext): RequestsPort;
  /** Starts the periodic sweeper (REQUESTS_SWEEP_SECONDS); the returned function stops it. */
  startSweeper(): () => Promise<void>;
}

/** Builds the layer. Never throws (bot/config.ts has checked the settings). */
export function createRequestLayer(opts: {
  store: Store;
  adapter?: ProactiveAdapter;
  botAppId?: string;
  graph: GraphEndpoint;
  log: Logger;
  tokenForUser?: (userId: string) => Promise<string | undefined>;
  /** BotConfig.requests (default: the defaults of an unset environment). */
  settings?: RequestSettings;
  /** The bot's tenant (BOT_TENANT_ID): where 1:1 chats are opened before any conversation named it. */
  tenantId?: string;
  /** Installs groupbot for an owner with the requester's token (TEAMS_APP_CATALOG_ID set); absent: never tried. */
  installApp?: (userId: string, byUserId: string) => Promise<AppInstallResult>;
  /** The instance's background work (runtime.ts shares it with the history poller); built here when unset. */
  background?: BackgroundWork;
}): RequestLayer {
  const settings = opts.settings ?? DEFAULT_REQUEST_SETTINGS;
  const messenger = new RequestMessenger({
    ...(opts.adapter ? { adapter: opts.adapter } : {}),
    botAppId: opts.botAppId ?? '',
    conversations: opts.store.conversations,
    log: opts.log,
    ...(opts.tenantId ? { tenantId: opts.tenantId } : {}),
    ...(opts.installApp ? { installApp: opts.installApp } : {}),
  });
  const coordinator = new RequestCoordinator({
    store: opts.store,
    messenger,
    graph: opts.graph,
    log: opts.log,
    settings,
    ...(opts.tokenForUser ? { tokenForUser: opts.tokenForUser } : {}),
  });
  // Retries and time-bound removals fall back from one person's token to another owner's or an administrator's.
  const background =
    opts.background ??
    (opts.tokenForUser
      ? createBackgroundWork({
          store: opts.store,
          graph: opts.graph,
          tokenForUser: opts.tokenForUser,
          messenger,
          log: opts.log,
        })
      : undefined);
  return {
    coordinator,
    settings,
    rememberConversation: async (context) => {
      try {
        await messenger.remember(context);
      } catch (err) {
        opts.log.warn('requests.remember', { error: err });
      }
    },
    conversationEvent: conversationEvents({
      messenger,
      onPersonalInstall: (userId) =>
        deliverPendingTo(
          { requests: coordinator.workflow.requests, notices: coordinator.workflow.notices, log: opts.log },
          userId,
        ),
      log: opts.log,
    }),
    requestsPort: (ctx, context) => coordinator.port(ctx, context),
    startSweeper: () =>
      startRequestSweeper(
        coordinator,
        opts.log,
        settings.sweepSeconds,
        () => opts.store.keyValue.purgeExpired(new Date()),
        settings.escalateHours,
        { ...(background ? { background } : {}), timeZone: settings.timeZone },
      ),
  };
}
