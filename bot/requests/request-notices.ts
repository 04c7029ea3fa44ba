/**
 * Everything the workflow tells people: the approval card to the owners (their 1:1 chats, opened or installed when
 * needed, else the group's team channel, the chat where it was asked, or the Groups Administrators; owner-reach.ts), every copy of a request's card brought to its current state, and messages to the
 * requester. Talks only to the messenger port; never throws where it says so.
 */
import type { Store } from '../store';
import type { AccessRequest, RequestCardRef } from '../store/types';
import type { Logger } from '../log';
import type { AccessRequestService, RequestSnapshot } from './access-request-service';
import type { MentionTarget, RequestMessengerPort, TurnPlace } from './request-ports';
import { formatTime } from '../../cards/card-time';
import type { RequestRoute } from './request-route';
import { chooseFallback, type ApproverReach, type CardPlace, type NoChatReason, type TeamChannel } from './owner-reach';
import { approvalCardOf, approvingCardOf, finalCardOf, withRefresh } from './request-views';

/** What `notifyOwners` managed: messages posted, who got the card where, and who did not and why. */
export interface OwnersNotified {
  posted: number;
  /** Names of the people the card reached nowhere (and that no install is on its way to). */
  unreached: string[];
  /** Each person asked, with where the card went or why not (owner-reach.ts `reachSentence` says it). */
  reach: ApproverReach[];
}

/** What one person's 1:1 chat gave. */
type PersonalOutcome = 'sent' | 'installing' | NoChatReason;

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
   * Posts the approval card to `people` (default: the route's owners), each in their 1:1 chat: the stored one, else
   * one opened with createConversation (Teams has it when they have the app), else, when `requesterId` is given and
   * Teams says the app is missing, groupbot installs it with the requester's token (the card then follows on the
   * installationUpdate; see owner-arrival.ts). A live copy in the 1:1 chat is refreshed rather than duplicated.
   * For the people no 1:1 chat reached (unless `personalOnly`), once into the fallback `chooseFallback` picks: the
   * group's own team channel when groupbot is installed there, else the shared chat it was asked in, mentioning
   * them (that copy carries a refresh for the deciders and the requester, so each sees their own view), else the
   * Groups Administrators' 1:1 chats (`administrators`; added to the route so they may decide). Records every copy.
   * `lead` is the sentence above the card. Throws on database errors; a failed post is logged and reported.
   */
  async notifyOwners(
    r: AccessRequest,
    route: RequestRoute,
    opts: {
      place?: TurnPlace;
      lead: string;
      people?: { id: string; name: string }[];
      /** The requester, whose delegated token may install groupbot for an owner without it. */
      requesterId?: string;
      /** The Groups Administrators (the last fallback); absent: not asked. */
      administrators?: () => Promise<{ id: string; name: string }[]>;
      /** Only 1:1 chats, no fallback (delivery after a later install). */
      personalOnly?: boolean;
    },
  ): Promise<OwnersNotified> {
    const card = approvalCardOf(r, route);
    const people = opts.people ?? route.owners;
    const copies = await this.deps.service().copies(r.id);
    const reach: ApproverReach[] = [];
    const missed: { target: MentionTarget; entry: ApproverReach }[] = [];
    let posted = 0;
    for (const person of people) {
      const entry: ApproverReach = { name: person.name };
      reach.push(entry);
      const outcome = await this.toPersonal(r, route, person, card, copies, opts);
      if (outcome === 'sent') {
        entry.place = { kind: 'personal' };
        posted++;
      } else if (outcome === 'installing') {
        entry.installing = true;
      } else {
        entry.noChat = outcome;
        missed.push({ target: { id: route.mentionIds[person.id] ?? person.id, name: person.name }, entry });
      }
    }
    const result = (): OwnersNotified => ({
      posted,
      unreached: reach.filter((p) => !p.place && !p.installing).map((p) => p.name),
      reach,
    });
    if (missed.length === 0 || opts.personalOnly) return result();
    const teamChannel = await this.teamChannelOf(r.groupId);
    const admins =
      !teamChannel && route.askedInShared === false && opts.administrators
        ? await this.administratorsLeft(r, people, opts.administrators)
        : [];
    const fallback = chooseFallback({
      ...(teamChannel ? { teamChannel } : {}),
      askedIn: route.askedIn,
      askedInShared: route.askedInShared,
      administratorsLeft: admins.length > 0,
    });
    if (fallback.kind === 'team-channel' || fallback.kind === 'shared-chat') {
      const ok = await this.postShared(r, route, fallback.conversationId, people, missed, copies, opts);
      if (ok) {
        posted++;
        const place: CardPlace =
          fallback.kind === 'team-channel'
            ? { kind: 'team-channel', teamName: fallback.teamName }
            : { kind: 'shared-chat' };
        for (const m of missed) m.entry.place = place;
      }
    } else if (fallback.kind === 'administrators') {
      const asked: { id: string; name: string }[] = [];
      for (const admin of admins) {
        const lead = `${opts.lead} Its owners cannot be reached in Teams, so I ask you as a Groups Administrator.`;
        const via = { ...(opts.place ? { place: opts.place } : {}), lead };
        if ((await this.toPersonal(r, route, admin, card, copies, via)) !== 'sent') continue;
        reach.push({ name: admin.name, place: { kind: 'personal' }, administrator: true });
        asked.push(admin);
        posted++;
      }
      if (asked.length > 0) await this.addDeciders(r.id, route, asked);
    }
    return result();
  }

  /** The group's team channel, when groupbot is installed in the group's team; undefined on any error (logged). */
  private async teamChannelOf(groupId: string): Promise<TeamChannel | undefined> {
    try {
      return await this.deps.messenger.teamChannelOf?.(groupId);
    } catch (err) {
      this.deps.log.warn('requests.teamChannel', { groupId, error: err });
      return undefined;
    }
  }

  /** The Groups Administrators not asked yet and not the requester; empty when they cannot be read (logged). */
  private async administratorsLeft(
    r: AccessRequest,
    people: readonly { id: string }[],
    list: () => Promise<{ id: string; name: string }[]>,
  ): Promise<{ id: string; name: string }[]> {
    try {
      const asked = new Set(people.map((p) => p.id.toLowerCase()));
      return (await list()).filter((a) => a.id.toLowerCase() !== r.requesterId && !asked.has(a.id.toLowerCase()));
    } catch (err) {
      this.deps.log.warn('requests.administrators', { requestId: r.id, error: err });
      return [];
    }
  }

  /** Adds Groups Administrators asked as a fallback to the route's deciders (as an escalation). */
  private async addDeciders(
    requestId: string,
    route: RequestRoute,
    asked: { id: string; name: string }[],
  ): Promise<void> {
    const at = new Date().toISOString();
    await this.deps.service().saveRoute(requestId, {
      ...route,
      owners: [...route.owners, ...asked],
      mentionIds: { ...Object.fromEntries(asked.map((a) => [a.id, a.id])), ...route.mentionIds },
      escalatedAt: route.escalatedAt ?? at,
      history: [...(route.history ?? []), { at, names: asked.map((a) => a.name), kind: 'escalated' }],
    });
  }

  /**
   * The card to one person's 1:1 chat: the stored chat (a live copy there is refreshed, with one line), else one
   * createConversation opens, else an install for them with the requester's token. Never throws (logged).
   */
  private async toPersonal(
    r: AccessRequest,
    route: RequestRoute,
    person: { id: string; name: string },
    card: ReturnType<typeof approvalCardOf>,
    copies: readonly RequestCardRef[],
    opts: { place?: TurnPlace; lead?: string; requesterId?: string },
  ): Promise<PersonalOutcome> {
    const messenger = this.deps.messenger;
    const lead = opts.lead ?? `${r.requesterName} asks to join '${r.groupName}'.`;
    try {
      let personal = await messenger.personalConversationOf(person.id);
      if (personal === route.askedIn) return 'no-chat';
      if (!personal) {
        if (!messenger.openPersonal) return 'no-chat';
        let opened = await messenger.openPersonal(person.id, route.mentionIds[person.id]);
        if ('refused' in opened && opened.refused === 'no-app' && opts.requesterId && messenger.installFor) {
          const installed = await messenger.installFor(person.id, opts.requesterId);
          // Teams now sends installationUpdate, whose turn delivers the card (owner-arrival.ts): not posted here too.
          if (installed === 'installed') return 'installing';
          if (installed === 'already-installed') opened = await messenger.openPersonal(person.id);
        }
        if ('refused' in opened) return opened.refused;
        personal = opened.conversationId;
      }
      const existing = copies.find((c) => c.conversationId === personal && c.role === 'approver');
      if (existing) {
        // A reminder never duplicates a card someone already has: it refreshes their copy and adds one line.
        await messenger.updateCard(personal, existing.activityId, card, opts.place);
        return (await messenger.post(personal, { text: lead }, opts.place)) ? 'sent' : 'failed';
      }
      const msg = await messenger.post(personal, { text: lead, card }, opts.place);
      if (!msg) return 'failed';
      await this.recordCopy(r.id, msg.conversationId, msg.activityId, person.id, 'approver');
      return 'sent';
    } catch (err) {
      this.deps.log.warn('requests.ownerChat', { owner: person.id, error: err });
      return 'failed';
    }
  }

  /**
   * The card once into a shared conversation (the group's team channel, or the chat it was asked in), mentioning
   * the people no 1:1 chat reached; an earlier copy there is refreshed with one line instead. True when posted.
   * Never throws (logged).
   */
  private async postShared(
    r: AccessRequest,
    route: RequestRoute,
    conversationId: string,
    people: readonly { id: string }[],
    missed: readonly { target: MentionTarget }[],
    copies: readonly RequestCardRef[],
    opts: { place?: TurnPlace; lead: string },
  ): Promise<boolean> {
    const mention = missed.map((m) => m.target);
    try {
      const shared = copies.find((c) => c.conversationId === conversationId && c.role === 'approver');
      const viewers = [
        ...people.map((p) => route.mentionIds[p.id] ?? p.id),
        route.mentionIds[r.requesterId] ?? r.requesterId,
      ];
      // Everyone there sees this copy: without the justification; the deciders and the requester get their own view
      // (with it) through the refresh.
      const sharedCard = withRefresh(approvalCardOf(r, route, { shared: true }), r.id, viewers);
      if (shared) {
        await this.deps.messenger.updateCard(conversationId, shared.activityId, sharedCard, opts.place);
        const line = await this.deps.messenger.post(
          conversationId,
          { text: `${opts.lead} The card is above.`, mention },
          opts.place,
        );
        return line !== undefined;
      }
      const msg = await this.deps.messenger.post(
        conversationId,
        { text: `${opts.lead} Please approve or deny.`, card: sharedCard, mention },
        opts.place,
      );
      if (!msg) return false;
      await this.recordCopy(r.id, msg.conversationId, msg.activityId, null, 'approver');
      return true;
    } catch (err) {
      this.deps.log.warn('requests.sharedCopy', { requestId: r.id, conversationId, error: err });
      return false;
    }
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
              copy.conversationId === sharedIn || copy.userId === null ? sharedCard : card,
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
