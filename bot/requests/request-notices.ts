/**
 * Everything the workflow tells people: the approval card to the owners (their 1:1 chats, else the chat where it
 * was asked, mentioning them), every copy of a request's card brought to its current state, and messages to the
 * requester. Talks only to the messenger port; never throws where it says so.
 */
import type { Store } from '../store';
import type { AccessRequest } from '../store/types';
import type { Logger } from '../log';
import type { AccessRequestService, RequestSnapshot } from './access-request-service';
import type { MentionTarget, RequestMessengerPort, TurnPlace } from './request-ports';
import { formatTime } from '../../cards/card-time';
import type { RequestRoute } from './request-route';
import { approvalCardOf, approvingCardOf, finalCardOf, withRefresh } from './request-views';

/** What `notifyOwners` managed: messages posted, and the people it could not reach anywhere. */
export interface OwnersNotified {
  posted: number;
  /** Names of the people with no 1:1 chat when the request was asked in the requester's own 1:1 chat. */
  unreached: string[];
}

export class RequestNotices {
  constructor(
    private readonly deps: {
      store: Store;
      messenger: RequestMessengerPort;
      log: Logger;
      /** The service without a directory (reads and bookkeeping only). */
      service: () => AccessRequestService;
    },
  ) {}

  /** The stored route of a request, or undefined. Throws on database errors. */
  route(requestId: string): Promise<RequestRoute | undefined> {
    return this.deps.service().route(requestId);
  }

  /** The shared chat (group chat, channel) the request was asked in, whose copies everyone there sees; or undefined. */
  async sharedConversation(requestId: string): Promise<string | undefined> {
    const route = await this.route(requestId);
    return route?.askedInShared ? route.askedIn : undefined;
  }

  /** Remembers a copy of the request's card. Throws on database errors. */
  async recordCopy(
    requestId: string,
    conversationId: string,
    activityId: string,
    userId: string | null,
    role: 'requester' | 'approver',
  ): Promise<void> {
    await this.deps.service().recordCard({ requestId, conversationId, activityId, userId, role });
  }

  /**
   * Posts the approval card to `people` (default: the route's owners): to each one's 1:1 chat when the bot knows it
   * and does not hold a live copy there already, and once into the conversation where it was asked for the others,
   * mentioning them. A shared copy carries a refresh for the deciders and the requester, so each sees their own view.
   * When it was asked in the requester's own 1:1 chat, nobody else can see that chat: the people without a 1:1 chat
   * are returned as unreached instead (a reminder tries again; "pending approvals" lists it for them).
   * Records every copy. `lead` is the sentence above the card.
   */
  async notifyOwners(
    r: AccessRequest,
    route: RequestRoute,
    opts: { place?: TurnPlace; lead: string; people?: { id: string; name: string }[] },
  ): Promise<OwnersNotified> {
    const card = approvalCardOf(r, route);
    const people = opts.people ?? route.owners;
    const copies = await this.deps.service().copies(r.id);
    const unreached: MentionTarget[] = [];
    let posted = 0;
    for (const person of people) {
      const personal = await this.deps.messenger.personalConversationOf(person.id);
      let done = false;
      if (personal && personal !== route.askedIn) {
        const existing = copies.find((c) => c.conversationId === personal && c.role === 'approver');
        try {
          if (existing) {
            // A reminder never duplicates a card someone already has: it refreshes their copy and adds one line.
            await this.deps.messenger.updateCard(personal, existing.activityId, card, opts.place);
            done = (await this.deps.messenger.post(personal, { text: opts.lead }, opts.place)) !== undefined;
          } else {
            const msg = await this.deps.messenger.post(personal, { text: opts.lead, card }, opts.place);
            if (msg) {
              await this.recordCopy(r.id, msg.conversationId, msg.activityId, person.id, 'approver');
              done = true;
            }
          }
          if (done) posted++;
        } catch (err) {
          this.deps.log.warn('requests.ownerChat', { owner: person.id, error: err });
        }
      }
      if (!done) unreached.push({ id: route.mentionIds[person.id] ?? person.id, name: person.name });
    }
    if (unreached.length > 0 && route.askedInShared === false) {
      return { posted, unreached: unreached.map((u) => u.name) };
    }
    if (unreached.length > 0) {
      const shared = copies.find((c) => c.conversationId === route.askedIn && c.role === 'approver');
      const viewers = [
        ...people.map((p) => route.mentionIds[p.id] ?? p.id),
        route.mentionIds[r.requesterId] ?? r.requesterId,
      ];
      // Everyone in the chat sees this copy: without the justification; the deciders and the requester get their
      // own view (with it) through the refresh.
      const sharedCard = withRefresh(approvalCardOf(r, route, { shared: true }), r.id, viewers);
      if (shared) {
        await this.deps.messenger.updateCard(route.askedIn, shared.activityId, sharedCard, opts.place);
        if (
          await this.deps.messenger.post(
            route.askedIn,
            { text: `${opts.lead} The card is above.`, mention: unreached },
            opts.place,
          )
        )
          posted++;
      } else {
        const msg = await this.deps.messenger.post(
          route.askedIn,
          { text: `${opts.lead} Please approve or deny.`, card: sharedCard, mention: unreached },
          opts.place,
        );
        if (msg) {
          await this.recordCopy(r.id, msg.conversationId, msg.activityId, null, 'approver');
          posted++;
        }
      }
    }
    return { posted, unreached: [] };
  }

  /**
   * Brings every copy of the request's card to its final state (the clicked one included: a click's answer only
   * replaces the clicker's view) and tells the requester (unless `quiet` or they cancelled it themselves), then
   * records the outcome as announced when every update went through. A failed update leaves it unannounced, so
   * the sweeper tries again after the lease. Never throws.
   */
  async announce(
    snap: RequestSnapshot,
    opts: { place?: TurnPlace; quiet?: boolean; membershipEndsAt?: Date } = {},
  ): Promise<boolean> {
    const r = snap.request;
    if (!snap.view.final) return false;
    let ends = opts.membershipEndsAt;
    let complete = true;
    try {
      if (!ends) ends = await this.deps.service().membershipEnd(r);
      const card = finalCardOf(r, ends);
      const sharedCard = finalCardOf(r, ends, { shared: true });
      if (!card || !sharedCard) return false;
      const copies = await this.deps.service().copies(r.id);
      const sharedIn = await this.sharedConversation(r.id);
      await Promise.all(
        copies.map(async (copy) => {
          try {
            await this.deps.messenger.updateCard(
              copy.conversationId,
              copy.activityId,
              copy.conversationId === sharedIn ? sharedCard : card,
              opts.place,
            );
          } catch (err) {
            complete = false;
            this.deps.log.warn('requests.cardUpdate', {
              requestId: r.id,
              conversationId: copy.conversationId,
              error: err,
            });
          }
        }),
      );
      if (!opts.quiet && r.state !== 'cancelled' && snap.view.requesterMessage) {
        const text =
          snap.view.requesterMessage +
          (r.state === 'approved' && ends ? ` Your membership ends ${formatTime(ends)}.` : '');
        complete = (await this.tell(r.requesterId, r.requesterName, text, snap, opts.place)) && complete;
      }
      if (complete && !opts.quiet) await this.deps.service().markAnnounced(r.id);
    } catch (err) {
      this.deps.log.error('requests.announce', { requestId: r.id, error: err });
      return false;
    }
    return complete;
  }

  /**
   * Shows an approval whose add is still to be retried ("Approved by Olga Owner, adding…") on every copy, so no
   * copy keeps live buttons. Never throws (failures are logged; the final announce updates the copies again).
   */
  async announceProgress(snap: RequestSnapshot, place?: TurnPlace): Promise<void> {
    const card = approvingCardOf(snap.request, snap.view);
    for (const copy of snap.cards) {
      try {
        await this.deps.messenger.updateCard(copy.conversationId, copy.activityId, card, place);
      } catch (err) {
        this.deps.log.warn('requests.cardUpdate', {
          requestId: snap.request.id,
          conversationId: copy.conversationId,
          error: err,
        });
      }
    }
  }

  /**
   * Sends the requester (or member) a message: in their 1:1 chat when known, otherwise in the conversation of
   * their card copy, mentioning them. False when no conversation is known or the send failed. Never throws.
   */
  async tell(
    userId: string,
    name: string,
    text: string,
    snap: Pick<RequestSnapshot, 'cards' | 'request'>,
    place?: TurnPlace,
  ): Promise<boolean> {
    try {
      const personal = await this.deps.messenger.personalConversationOf(userId);
      if (personal) return (await this.deps.messenger.post(personal, { text }, place)) !== undefined;
      const route = await this.route(snap.request.id);
      const where = snap.cards.find((c) => c.role === 'requester')?.conversationId ?? route?.askedIn;
      if (!where) {
        this.deps.log.warn('requests.noConversationFor', { userId });
        return false;
      }
      const mention = { id: route?.mentionIds[userId] ?? userId, name };
      return (await this.deps.messenger.post(where, { text, mention: [mention] }, place)) !== undefined;
    } catch (err) {
      this.deps.log.warn('requests.tell', { userId, error: err });
      return false;
    }
  }

  /**
   * Answers one person in the conversation of the turn: in a shared chat as a message addressed to them (an
   * @mention), or, when `personal` holds anything private, in their 1:1 chat with one short line in the shared
   * chat. Resolves to the replies the turn itself should still send (none when everything was posted). Never throws.
   */
  async answer(
    place: TurnPlace,
    userId: string,
    text: string,
    personal?: { card: Record<string, unknown>; text: string },
  ): Promise<{ text: string; card?: Record<string, unknown> }[]> {
    if (!place.shared) return personal ? [{ text: personal.text, card: personal.card }] : [{ text }];
    const who: MentionTarget = place.from ?? { id: userId, name: 'you' };
    try {
      if (personal) {
        const chat = await this.deps.messenger.personalConversationOf(userId);
        const card = personal.card as unknown as Parameters<RequestMessengerPort['post']>[1]['card'];
        const sent = chat
          ? await this.deps.messenger.post(chat, { text: personal.text, ...(card ? { card } : {}) }, place)
          : undefined;
        const line = sent
          ? `${text} I sent the details to our 1:1 chat.`
          : `${text} The details are personal, so I show them only in our 1:1 chat: message me there.`;
        await this.deps.messenger.post(place.conversationId, { text: line, mention: [who] }, place);
        return [];
      }
      const posted = await this.deps.messenger.post(place.conversationId, { text, mention: [who] }, place);
      return posted ? [] : [{ text }];
    } catch (err) {
      this.deps.log.warn('requests.answer', { error: err });
      return personal ? [] : [{ text }];
    }
  }
}
