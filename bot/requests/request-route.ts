/**
 * What filing learned about a request that the request row does not hold: where it was asked, who was asked and
 * when (the history an escalation shows), and the chat ids to mention people by. Kept in the key/value store.
 */
import type { KeyValueRepository } from '../store';
import type { RequestProfile } from './request-views';

/** One round of asking: who, when, and why (first ask, reminder, escalation). */
export interface AskedRound {
  at: string;
  names: string[];
  kind: 'asked' | 'reminded' | 'escalated';
}

/** Where a request was asked and who to mention, kept beside it. */
export interface RequestRoute extends RequestProfile {
  /** The conversation where the requester asked. */
  askedIn: string;
  /**
   * False when that conversation is the requester's 1:1 chat with the bot: the approval card never goes there,
   * since its buttons are for the owners. Absent on routes stored before this existed (treated as shared).
   */
  askedInShared?: boolean;
  /** Mention ids (chat user ids when known, else Entra object ids) by Entra object id. */
  mentionIds: Record<string, string>;
  /** Who was asked when (oldest first); absent on routes stored before escalation existed. */
  history?: AskedRound[];
  /** Set once the request went to the Groups Administrators. */
  escalatedAt?: string;
}

const ROUTE_KEY = 'request-route:';

/** The stored route of a request, or undefined. Throws on database errors. */
export async function loadRoute(keyValue: KeyValueRepository, requestId: string): Promise<RequestRoute | undefined> {
  const stored = await keyValue.get(ROUTE_KEY + requestId);
  return stored ? (stored.value as RequestRoute) : undefined;
}

/** The stored routes of several requests in one read (requests without one are absent). Throws on database errors. */
export async function loadRoutes(
  keyValue: KeyValueRepository,
  requestIds: readonly string[],
): Promise<Map<string, RequestRoute>> {
  const stored = await keyValue.getMany(requestIds.map((id) => ROUTE_KEY + id));
  const routes = new Map<string, RequestRoute>();
  for (const id of requestIds) {
    const hit = stored.get(ROUTE_KEY + id);
    if (hit) routes.set(id, hit.value as RequestRoute);
  }
  return routes;
}

/** Stores (replaces) the route of a request. Throws on database errors. */
export async function saveRoute(keyValue: KeyValueRepository, requestId: string, route: RequestRoute): Promise<void> {
  await keyValue.set(ROUTE_KEY + requestId, route);
}
