/**
 * When someone installs groupbot (Teams' installationUpdate in their 1:1 chat), the approval cards that could not
 * reach them before are delivered then: every pending request they are a routed decider of and hold no live copy of.
 * Every read goes through the request service (`AccessRequestService.pendingRoutedTo`).
 */
import type { Logger } from '../log';
import type { AccessRequestService } from './access-request-service';
import type { RequestNotices } from './request-notices';

/**
 * How many pending requests are looked at per arrival (oldest first). Routes live in the key/value store, which
 * cannot be searched by owner, so the service reads this many rows and their routes (in one read) and filters.
 */
const PENDING_LIMIT = 500;

/**
 * Posts the approval card of each pending request `userId` decides and has no live copy of to their 1:1 chat (no
 * fallback), and tells the requester. Resolves to how many cards went out. Throws on database errors; a failed post
 * is logged by the notices and skipped.
 */
export async function deliverPendingTo(
  deps: { requests: AccessRequestService; notices: RequestNotices; log: Logger },
  userId: string,
): Promise<number> {
  const id = userId.toLowerCase();
  let delivered = 0;
  for (const { request: r, route, copies } of await deps.requests.pendingRoutedTo(id, PENDING_LIMIT)) {
    const person = route.owners.find((o) => o.id.toLowerCase() === id);
    if (!person) continue;
    if (copies.some((c) => c.role === 'approver' && c.userId?.toLowerCase() === id)) continue;
    const lead = `${r.requesterName} asks to join '${r.groupName}'. You have just installed groupbot, so here is the request.`;
    const sent = await deps.notices.notifyOwners(r, route, { lead, people: [person], personalOnly: true });
    if (sent.posted === 0) continue;
    delivered++;
    await deps.notices.tell(
      r.requesterId,
      r.requesterName,
      `${person.name} has installed groupbot and now has your request to join '${r.groupName}'.`,
      { request: r, cards: copies },
    );
  }
  if (delivered > 0) deps.log.info('requests.deliveredOnInstall', { userId: id, delivered });
  return delivered;
}
