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

export interface RequestLayer {
  coordinator: RequestCoordinator;
  settings: RequestSettings;
  /** BotAppOptions.rememberConversation: records where each conversation and 1:1 chat is. Logs, never throws. */
  rememberConversation(context: TurnContext): Promise<void>;
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
}): RequestLayer {
  const settings = opts.settings ?? DEFAULT_REQUEST_SETTINGS;
  const messenger = new RequestMessenger({
    ...(opts.adapter ? { adapter: opts.adapter } : {}),
    botAppId: opts.botAppId ?? '',
    conversations: opts.store.conversations,
    log: opts.log,
  });
  const coordinator = new RequestCoordinator({
    store: opts.store,
    messenger,
    graph: opts.graph,
    log: opts.log,
    settings,
    ...(opts.tokenForUser ? { tokenForUser: opts.tokenForUser } : {}),
  });
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
    requestsPort: (ctx, context) => coordinator.port(ctx, context),
    startSweeper: () =>
      startRequestSweeper(
        coordinator,
        opts.log,
        settings.sweepSeconds,
        () => opts.store.keyValue.purgeExpired(new Date()),
        settings.escalateHours,
      ),
  };
}
