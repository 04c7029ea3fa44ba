/**
 * Test support: the bot's services as bot/runtime.ts builds them (bot/teams/bot-services.ts), on PGlite in memory,
 * and full CommandContexts / TurnServices from them, so that no test passes a partial context. Proactive messages
 * go nowhere unless a test gives an adapter; pending operations are in memory unless a test gives its own.
 */
import { loadConfig } from '../../bot/config';
import { createLogger, type Logger } from '../../bot/log';
import { openStore, type Store } from '../../bot/store';
import type { GraphEndpoint } from '../../bot/directory/graph-client';
import type { GraphSession } from '../../bot/directory/graph-session';
import type { Actor, CommandContext, PendingStore, Reply } from '../../bot/commands/context';
import { MemoryPendingStore } from '../../bot/commands/pending-memory';
import { createBotServices, type BotServiceOptions, type BotServices } from '../../bot/teams/bot-services';
import type { TurnServices } from '../../bot/teams/turn-handlers';
import type { UserTokenSource } from '../../bot/teams/user-tokens';

export interface TestServices extends BotServices {
  store: Store;
  /** TurnServices for createBotApp / handleText with this token source. */
  turn(tokens: UserTokenSource): TurnServices;
  /** A full command context acting as `actor` over `graph`; `parts` replaces any field (a test's own journal…). */
  context(actor: Actor, graph: GraphSession, parts?: Partial<CommandContext>): CommandContext;
  /** Closes the store when this builder opened it. */
  close(): Promise<void>;
}

/**
 * Opens the services on `store` (default: a fresh PGlite store in memory, closed by `close()`), with the settings
 * of an unset environment. Throws StoreOpenError when the store cannot open.
 */
export async function openTestServices(
  opts: { graph: GraphEndpoint; log?: Logger; store?: Store; pending?: PendingStore } & Partial<
    Pick<BotServiceOptions, 'adapter' | 'tokenForUser' | 'settings'>
  >,
): Promise<TestServices> {
  const store = opts.store ?? (await openStore({ memory: true }));
  const log = opts.log ?? createLogger('error', () => undefined);
  const services = createBotServices({
    store,
    graph: opts.graph,
    log,
    settings: opts.settings ?? loadConfig({}),
    adapter: opts.adapter,
    botAppId: '',
    tokenForUser: opts.tokenForUser,
    pending: opts.pending ?? new MemoryPendingStore(),
  });
  return {
    ...services,
    store,
    turn: (tokens) => ({ ...services.ports, tokens }),
    context: (actor, graph, parts = {}) => ({ ...contextOf(services, actor, graph), ...parts }),
    close: async () => {
      if (!opts.store) await store.close();
    },
  };
}

/** A context as bot/teams/turn-handlers.ts builds one, without a Teams turn: progress reports are dropped. */
function contextOf(services: BotServices, actor: Actor, graph: GraphSession): CommandContext {
  const p = services.ports;
  return {
    actor,
    graph,
    pending: p.pending,
    now: () => new Date(),
    progress: async (_reply: Reply) => undefined,
    journal: p.journal,
    history: p.history,
    files: p.files,
    digests: p.digests,
    licenceChecks: p.licenceChecks,
    recentGroups: p.recentGroups,
    log: p.log,
    requests: p.requestsPort({ actor, graph }),
  };
}

let shared: Promise<TestServices> | undefined;

/**
 * One set of services per test process, on an in-memory store, for contexts whose test never reaches Graph or
 * the store (refusals decided before any call): opened on first use, never closed (the store lives in memory).
 */
export function sharedTestServices(): Promise<TestServices> {
  shared ??= openTestServices({ graph: { baseUrl: 'https://graph.invalid' } });
  return shared;
}
