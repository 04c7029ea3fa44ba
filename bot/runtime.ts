import { MemoryStorage, type Storage } from 'botbuilder';
import type * as restify from 'restify';
import { createAdapter } from './teams/adapter';
import { createBotApp } from './teams/bot-app';
import { createServer, listen } from './server';
import type { BotConfig } from './config';
import type { Logger } from './log';
import type { GraphEndpoint } from './directory/graph-client';
import { closeGraphConnections } from './directory/graph-client';
import type { UserTokenSource } from './teams/user-tokens';
import type { PendingStore } from './commands/context';
import { MemoryPendingStore } from './commands/pending-memory';

export interface BotParts {
  graph: GraphEndpoint;
  tokens: UserTokenSource;
  log: Logger;
  storage?: Storage;
  pending?: PendingStore;
  health?: () => Promise<Record<string, unknown>>;
}

export interface RunningBot {
  port: number;
  endpoint: string;
  server: restify.Server;
  stop(): Promise<void>;
}

/** Assembles adapter, Application and HTTP server, and listens. Throws when the port is taken. */
export async function startBot(config: BotConfig, parts: BotParts): Promise<RunningBot> {
  const adapter = createAdapter(config);
  const app = createBotApp({
    adapter,
    storage: parts.storage ?? new MemoryStorage(),
    tokens: parts.tokens,
    graph: parts.graph,
    pending: parts.pending ?? new MemoryPendingStore(),
    log: parts.log,
    ...(config.botId ? { botAppId: config.botId } : {}),
    ...(config.oauthConnectionName ? { oauthConnectionName: config.oauthConnectionName } : {}),
  });
  const server = createServer({ adapter, logic: async (context) => { await app.run(context); }, log: parts.log, ...(parts.health ? { health: parts.health } : {}) });
  const port = await listen(server, config.host, config.port);
  parts.log.info('bot.listening', { host: config.host, port, mode: config.mode });
  return {
    port,
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    server,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeGraphConnections();
    },
  };
}
