/**
 * Assembles background work for one bot instance: BackgroundTokens (whose cached token may do work on a group),
 * the directory opened with it, the failure counts in the store, and 1:1 messages to owners through the request
 * messenger. Used by the requests sweeper (retries, time-bound removals), the history poller and the digest.
 */
import type { GraphEndpoint } from '../directory/graph-client';
import { openGraphSession } from '../directory/graph-session';
import { requestDirectory } from '../directory/request-directory';
import type { Logger } from '../log';
import type { BackgroundWork, DirectoryForGroup } from '../requests/background-work';
import { BackgroundFailures } from '../shared/background-failures';
import type { Store } from '../store';
import { BackgroundTokens } from './background-tokens';
import type { TokenForUser } from './offline-user-tokens';
import { messageActivity, type RequestPoster } from './request-messenger';

export interface BackgroundParts extends BackgroundWork {
  tokens: BackgroundTokens;
}

/** The directory as whoever BackgroundTokens finds for the group, named for the journal. Never throws. */
export function directoryForGroup(tokens: BackgroundTokens, graph: GraphEndpoint, log: Logger): DirectoryForGroup {
  return async (groupId, preferred, opts = {}) => {
    const found = await tokens.forGroup(
      groupId,
      preferred.map((p) => p.id),
      opts,
    );
    if (!found) return undefined;
    const directory = requestDirectory(openGraphSession(graph, async () => found.token));
    let name = preferred.find((p) => p.id.toLowerCase() === found.userId)?.name || tokens.nameOf(found.userId);
    if (!name) {
      try {
        name = (await directory.me()).displayName;
      } catch (err) {
        log.debug('background.name', { userId: found.userId, error: err });
      }
    }
    return { person: { id: found.userId, name: name || found.userId }, directory };
  };
}

/** Builds the parts. `maxFailures`: failures in a row before an item is given up (default 5). Never throws. */
export function createBackgroundWork(opts: {
  store: Store;
  graph: GraphEndpoint;
  tokenForUser: TokenForUser;
  messenger: Pick<RequestPoster, 'post' | 'personalConversationOf'>;
  log: Logger;
  maxFailures?: number;
  clock?: () => Date;
}): BackgroundParts {
  const clock = opts.clock ?? (() => new Date());
  const tokens = new BackgroundTokens({
    tokenForUser: opts.tokenForUser,
    graph: opts.graph,
    kv: opts.store.keyValue,
    log: opts.log,
    clock,
    // The owners the history of a watched group recorded, and whoever the journal saw act on the group (owners,
    // administrators, requesters), may read its owners.
    readersOf: async (groupId) => {
      const ids = new Set<string>();
      const recorded = await opts.store.history.membershipAt(groupId, clock());
      for (const id of recorded?.owners ?? []) ids.add(id.toLowerCase());
      for (const e of await opts.store.journal.historyOfGroup(groupId, { limit: 50 })) {
        if (e.actor?.id) ids.add(e.actor.id.toLowerCase());
        if (e.requestedBy?.id) ids.add(e.requestedBy.id.toLowerCase());
      }
      return [...ids];
    },
  });
  return {
    tokens,
    directoryFor: directoryForGroup(tokens, opts.graph, opts.log),
    failures: new BackgroundFailures(opts.store.keyValue, {
      clock,
      ...(opts.maxFailures ? { maxFailures: opts.maxFailures } : {}),
    }),
    // Owners as BackgroundTokens last read them, and as the history of a watched group recorded them.
    knownOwners: async (groupId) => {
      const owners = new Map((await tokens.knownOwners(groupId)).map((o) => [o.id, o]));
      try {
        const recorded = await opts.store.history.membershipAt(groupId, clock());
        for (const id of recorded?.owners ?? []) {
          const key = id.toLowerCase();
          if (!owners.has(key)) owners.set(key, { id: key, name: tokens.nameOf(key) ?? '' });
        }
      } catch (err) {
        opts.log.warn('background.owners', { groupId, error: err });
      }
      return [...owners.values()];
    },
    tell: async (userId, text) => {
      try {
        const conversationId = await opts.messenger.personalConversationOf(userId);
        if (!conversationId) {
          opts.log.info('background.tell.unreached', { userId });
          return false;
        }
        return (await opts.messenger.post(conversationId, messageActivity({ text }))) !== undefined;
      } catch (err) {
        opts.log.warn('background.tell', { userId, error: err });
        return false;
      }
    },
  };
}
