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
import type { RequestMessenger } from './request-messenger';
import { RequestCoordinator } from './request-coordinator';
import { DEFAULT_REQUEST_SETTINGS, type RequestSettings } from '../requests/request-settings';
import { startRequestSweeper } from './request-sweeper';
import { conversationEvents } from './install-events';
import { deliverPendingTo } from '../requests/owner-arrival';
import type { BackgroundWork } from '../requests/background-work';

export interface RequestLayer {
  coordinator: RequestCoordinator;
  settings: RequestSettings;
  /** BotAppOptions.rememberConversation: records where each conversation and 1:1 chat is. Logs, never throws. */
  rememberConversation(context: TurnContext): Promise<void>;
  /** BotAppOptions.conversationEvent: install and conversation events (install-events.ts). Logs, never throws. */
  conversationEvent(context: TurnContext): Promise<void>;
  /** BotAppOptions.requestsPort: the card verbs of requests reach the workflow through it (bot/commands). */
  requestsPort(ctx: Pick<CommandContext, 'actor' | 'graph'>, context?: TurnContext): RequestsPort;
  /** Starts the periodic sweeper (REQUESTS_SWEEP_SECONDS); the returned function stops it. */
  startSweeper(): () => Promise<void>;
}

/** Builds the layer. Never throws (bot/config.ts has checked the settings). */
export function createRequestLayer(opts: {
  store: Store;
  /** The instance's one messenger (bot/teams/bot-services.ts), with its tenant and app installer. */
  messenger: RequestMessenger;
  graph: GraphEndpoint;
  log: Logger;
  tokenForUser?: (userId: string) => Promise<string | undefined>;
  /** BotConfig.requests (default: the defaults of an unset environment). */
  settings?: RequestSettings;
  /** The instance's background work (bot/teams/bot-services.ts); absent when no user token can be had offline. */
  background?: BackgroundWork;
}): RequestLayer {
  const settings = opts.settings ?? DEFAULT_REQUEST_SETTINGS;
  const messenger = opts.messenger;
  const coordinator = new RequestCoordinator({
    store: opts.store,
    messenger,
    graph: opts.graph,
    log: opts.log,
    settings,
    tokenForUser: opts.tokenForUser,
  });
  const background = opts.background;
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
        { background, timeZone: settings.timeZone },
      ),
  };
}
