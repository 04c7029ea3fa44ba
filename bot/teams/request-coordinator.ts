/**
 * The Teams side of access requests: files a request from the justification card and posts the approval card to
 * the group's owners (their 1:1 chat when known, otherwise the conversation where it was asked, mentioning them);
 * runs Approve / Deny / Cancel through AccessRequestService (atomic, exactly once, with the clicker's own token and
 * a server-side authority check); updates every copy of the card and tells the requester; and lists requests.
 * Every decision reads only server-side state: card data is a request id and the user's typed inputs.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Store } from '../store';
import type { AccessRequest, PersonRef } from '../store/types';
import {
  AccessRequestService, RequestInputError, type ActionResult, type MemberAddJob, type MemberAddResult, type MemberRemover,
  type RequestSnapshot,
} from '../requests';
import type { CardAction } from '../../cards/actions';
import { buildRequestListCard } from '../../cards';
import type { CommandContext, Reply } from '../commands/context';
import { requestBlocker, type RequestsPort } from '../commands/access-request';
import { errorText } from '../commands/error-text';
import { reply } from '../commands/reply';
import { nameList } from '../commands/views';
import { openGraphSession, type GraphSession } from '../directory/graph-session';
import type { GraphEndpoint } from '../directory/graph-client';
import { DomainError } from '../directory/errors';
import { getGroup } from '../directory/groups-read';
import type { Logger } from '../log';
import { countTeammates, holdsDecidingRole, mayDecide, readMe, readOwners } from '../directory/request-access-checks';
import { messageActivity, type MentionTarget, type RequestPoster } from './request-messenger';
import { approvalCardOf, cardReply, currentCardOf, finalCardOf, requesterCardOf, summaryOf, type RequestProfile } from './request-views';
import type { RequestSettings } from './request-settings';

/** Where a request was asked and who to mention, kept beside it (key/value store). */
export interface RequestRoute extends RequestProfile {
  /** The conversation where the requester asked. */
  askedIn: string;
  /** Mention ids (Teams user ids when known, else Entra object ids) by Entra object id. */
  mentionIds: Record<string, string>;
}

export interface RequestCoordinatorDeps {
  store: Store;
  messenger: RequestPoster;
  graph: GraphEndpoint;
  log: Logger;
  settings: RequestSettings;
  /**
   * A delegated token for a user outside their turn: the sweeper's retry of an interrupted approval (approver's
   * token) and the removal of an ended time-bound membership (granter's token). Local mode mints one; without it
   * those wait (retry-later) and are retried after the lease.
   */
  tokenForUser?: (userId: string) => Promise<string | undefined>;
  clock?: () => Date;
}

const ROUTE_KEY = 'request-route:';
/** Marks the add of the current turn: the adder uses the clicker's session, never a stored token. */
const TURN_TOKEN = 'current-turn';

/** Maps a Graph add failure to the service's outcome (transient: retried later; refused for good: failed). */
function addOutcome(err: unknown): MemberAddResult {
  if (err instanceof DomainError) {
    if (err.kind === 'alreadyPresent') return { outcome: 'already-member', status: 400 };
    if (err.kind === 'throttled' || err.kind === 'unavailable' || err.kind === 'unauthenticated') return { outcome: 'retry-later', message: err.message };
    return { outcome: 'failed', message: errorText(err, { action: 'add members to' }), ...(err.graph?.status ? { status: err.graph.status } : {}) };
  }
  return { outcome: 'retry-later', message: err instanceof Error ? err.message : String(err) };
}

export class RequestCoordinator {
  private readonly clock: () => Date;

  constructor(private readonly deps: RequestCoordinatorDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** The service, with the authority check and the Graph add bound to `session` (the acting user's token). */
  service(session?: GraphSession): AccessRequestService {
    const s = this.deps.settings;
    return new AccessRequestService({
      store: this.deps.store,
      clock: this.clock,
      options: {
        expiryDays: s.expiryDays, remindAfterHours: s.remindHours, leaseSeconds: s.leaseSeconds,
        membershipNoticeDays: s.membershipNoticeDays, timeZone: s.timeZone,
      },
      isApprover: async (request, actor) => (session ? mayDecide(session, request.groupId, actor.id) : false),
      addMember: (job) => this.addMember(job, session),
    });
  }

  /** Polls a request until its decision is final, for at most the approval lease; undefined if it never settles. */
  private async waitUntilFinal(requestId: string): Promise<RequestSnapshot | undefined> {
    const svc = this.service();
    const deadline = Date.now() + Math.min(this.deps.settings.leaseSeconds, 30) * 1000;
    for (;;) {
      const snap = await svc.get(requestId);
      if (!snap || snap.view.final || Date.now() >= deadline) return snap;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A Graph session for a user outside their turn, or undefined when no token can be had now. */
  private async sessionFor(userId: string | null): Promise<GraphSession | undefined> {
    if (!userId || !this.deps.tokenForUser) return undefined;
    const token = await this.deps.tokenForUser(userId);
    return token ? openGraphSession(this.deps.graph, async () => token) : undefined;
  }

  private async addMember(job: MemberAddJob, session: GraphSession | undefined): Promise<MemberAddResult> {
    const as = job.token === TURN_TOKEN && session ? session : await this.sessionFor(job.approver.id);
    if (!as) return { outcome: 'retry-later', message: `no token for ${job.approver.name} right now` };
    const path = `/groups/${job.group.id}/members/$ref`;
    try {
      await as.post(path, { '@odata.id': as.directoryObjectUrl(job.user.id) }, { operation: 'addMember' });
      return { outcome: 'added', status: 204 };
    } catch (err) {
      return addOutcome(err);
    }
  }

  /** The removal of an ended time-bound membership, with the granter's token. Never throws. */
  readonly removeMember: MemberRemover = async (job) => {
    const as = await this.sessionFor(job.grantedBy?.id ?? null);
    if (!as || !job.grantedBy) return { outcome: 'retry-later', message: 'no token of the granting owner right now' };
    const path = `/groups/${job.group.id}/members/${job.user.id}/$ref`;
    try {
      await as.delete(path, { operation: 'removeMember' });
      return { outcome: 'removed', tokenOf: job.grantedBy, status: 204 };
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'notPresent' || err.kind === 'notFound')) return { outcome: 'not-member' };
      return { outcome: 'retry-later', message: err instanceof Error ? err.message : String(err) };
    }
  };

  // ---- the port the commands use ---------------------------------------------------------------------

  /** The requests port for a command context of this turn. */
  port(ctx: CommandContext): RequestsPort {
    return {
      owners: (groupId) => readOwners(ctx.graph, groupId),
      canManage: async (groupId) => mayDecide(ctx.graph, groupId, ctx.actor.id),
      listMine: () => this.listMine(ctx),
      listPending: (opts) => this.listPending(ctx, opts),
    };
  }

  // ---- card actions ----------------------------------------------------------------------------------

  /** Handles the request verbs (TurnServices.requests); undefined for other verbs. Never throws. */
  async handle(action: CardAction, ctx: CommandContext, here: TurnContext): Promise<Reply[] | undefined> {
    try {
      switch (action.verb) {
        case 'requestSubmit': return await this.submit(ctx, here, action.groupId, action.justification, action.durationDays);
        case 'approvalApprove': return await this.decide(ctx, here, 'approve', action.requestId);
        case 'approvalDeny': return await this.decide(ctx, here, 'deny', action.requestId, action.reason);
        case 'requestCancel': return await this.cancel(ctx, here, action.requestId);
        case 'approvalOpen': return await this.open(ctx, here, action.requestId);
        default: return undefined;
      }
    } catch (err) {
      if (err instanceof RequestInputError) return [reply(err.message)];
      this.deps.log.error('requests.action', { verb: action.verb, error: err });
      return [reply(errorText(err))];
    }
  }

  /** Files the request (or merges it), posts the approval card to the owners, and returns the requester's card. */
  async submit(ctx: CommandContext, here: TurnContext, groupId: string, justification: string, durationDays?: number): Promise<Reply[]> {
    const group = await getGroup(ctx.graph, groupId);
    const blocked = await requestBlocker(ctx, group);
    if (blocked) return [reply(blocked)];
    const [me, allOwners] = await Promise.all([readMe(ctx.graph), readOwners(ctx.graph, group.id)]);
    const owners = allOwners.filter((o) => o.id !== ctx.actor.id.toLowerCase());
    if (owners.length === 0) {
      return [reply(`'${group.displayName}' has no other owner who could approve a request. Ask a Groups administrator to add you.`)];
    }
    const filed = await this.service(ctx.graph).file({
      requester: { id: ctx.actor.id.toLowerCase(), name: me.displayName || ctx.actor.displayName, upn: me.userPrincipalName ?? '' },
      group: { id: group.id, name: group.displayName },
      justification,
      durationDays: durationDays ?? null,
    });
    const r = filed.request;
    const clicked = here.activity.replyToId;
    const conversationId = here.activity.conversation?.id ?? '';
    if (filed.kind === 'merged') {
      const names = ((await this.route(r.id))?.owners ?? owners).map((o) => o.name);
      if (clicked) await this.recordCopy(r.id, conversationId, clicked, r.requesterId, 'requester');
      return [cardReply(`You already asked to join '${r.groupName}'; I merged this into your open request, still waiting for ${nameList(names)}.`, requesterCardOf(r, names, true))];
    }
    let teammates: RequestProfile['teammates'];
    try {
      teammates = await countTeammates(ctx.graph, group.id, { id: ctx.actor.id, department: me.department ?? null });
    } catch (err) {
      this.deps.log.warn('requests.teammates', { error: err });
    }
    const route: RequestRoute = {
      requester: {
        id: r.requesterId, displayName: r.requesterName,
        ...(me.mail ? { mail: me.mail } : {}), ...(me.userPrincipalName ? { userPrincipalName: me.userPrincipalName } : {}),
        ...(me.department ? { department: me.department } : {}), ...(me.jobTitle ? { jobTitle: me.jobTitle } : {}),
      },
      ...(teammates ? { teammates } : {}),
      owners,
      askedIn: conversationId,
      mentionIds: await this.mentionIds(here, [...owners.map((o) => o.id), r.requesterId]),
    };
    await this.deps.store.keyValue.set(ROUTE_KEY + r.id, route);
    await this.notifyOwners(r, route, here);
    if (clicked) await this.recordCopy(r.id, conversationId, clicked, r.requesterId, 'requester');
    const names = owners.map((o) => o.name);
    const text = `I sent your request to join '${r.groupName}' to ${nameList(names)}. You'll hear back here when they decide.`;
    if (!clicked) {
      const posted = await this.deps.messenger.post(conversationId, messageActivity({ card: requesterCardOf(r, names) }), here);
      if (posted) await this.recordCopy(r.id, posted.conversationId, posted.activityId, r.requesterId, 'requester');
      return [reply(text)];
    }
    return [cardReply(text, requesterCardOf(r, names))];
  }

  /** Approve or deny as the clicker (re-checked on the server), then announce the outcome everywhere. */
  async decide(ctx: CommandContext, here: TurnContext, action: 'approve' | 'deny', requestId: string, reason?: string): Promise<Reply[]> {
    const who: PersonRef = { id: ctx.actor.id.toLowerCase(), name: ctx.actor.displayName };
    const svc = this.service(ctx.graph);
    const result = action === 'approve' ? await svc.approve(requestId, who, TURN_TOKEN) : await svc.deny(requestId, who, reason);
    return this.afterAction(result, here);
  }

  /** Cancel by the requester. */
  async cancel(ctx: CommandContext, here: TurnContext, requestId: string): Promise<Reply[]> {
    const result = await this.service(ctx.graph).cancel(requestId, { id: ctx.actor.id.toLowerCase(), name: ctx.actor.displayName });
    return this.afterAction(result, here);
  }

  private async afterAction(result: ActionResult, here: TurnContext): Promise<Reply[]> {
    const clicked = here.activity.replyToId;
    if (!result.ok) {
      const { refusal, request } = result;
      if (!request || !result.view) return [reply(refusal.message)];
      if (refusal.code === 'not-approver' || refusal.code === 'not-requester' || (refusal.code === 'expired' && request.state === 'pending')) {
        // The clicked card may be shared (a group chat): keep it as it is for everyone, and answer the clicker apart.
        const same = request.state !== 'pending' ? currentCardOf(request, result.view)
          : refusal.code === 'not-requester' ? requesterCardOf(request, ((await this.route(request.id))?.owners ?? []).map((o) => o.name))
          : approvalCardOf(request, await this.route(request.id));
        return same ? [cardReply(refusal.message, same), reply(refusal.message)] : [reply(refusal.message)];
      }
      // A stale card (already decided elsewhere): show the state that stands, and make sure every copy does.
      // While another click's add is still running ("approving"), wait for its outcome (bounded by the lease),
      // so this answer cannot leave the clicked card at "adding…" after the winner has finished.
      const settled = result.view.final ? { request, view: result.view, cards: result.cards } : await this.waitUntilFinal(request.id);
      const card = currentCardOf(settled?.request ?? request, settled?.view ?? result.view);
      if (settled?.view.final) await this.announce(settled, { here, skip: clicked, quiet: true });
      return card ? [cardReply(refusal.message, card)] : [reply(refusal.message)];
    }
    if (result.retryScheduled) {
      return [reply(`Approved. Adding ${result.request.requesterName} to '${result.request.groupName}' didn't work yet (${result.retryScheduled}); I'll keep trying and tell everyone when it's done.`)];
    }
    await this.announce(result, { here, skip: clicked, membershipEndsAt: result.membership?.expiresAt });
    const card = currentCardOf(result.request, result.view);
    return card ? [cardReply(result.view.headline, card)] : [reply(result.view.headline)];
  }

  /** Shows the full approval card of a request (from the pending-approvals list) as a new message. */
  async open(ctx: CommandContext, here: TurnContext, requestId: string): Promise<Reply[]> {
    const snap = await this.service(ctx.graph).get(requestId);
    if (!snap) return [reply('This request no longer exists.')];
    const r = snap.request;
    if (r.state !== 'pending') return [reply(`${r.requesterName}'s request to join '${r.groupName}': ${snap.view.headline}.`)];
    if (!(await mayDecide(ctx.graph, r.groupId, ctx.actor.id))) return [reply(`Only an owner of '${r.groupName}' or a Groups or Global Administrator can decide this request.`)];
    const conversationId = here.activity.conversation?.id ?? '';
    const posted = await this.deps.messenger.post(conversationId, messageActivity({ card: approvalCardOf(r, await this.route(r.id)) }), here);
    if (posted) await this.recordCopy(r.id, posted.conversationId, posted.activityId, ctx.actor.id.toLowerCase(), 'approver');
    return [reply(`Here is ${r.requesterName}'s request to join '${r.groupName}'.`)];
  }

  // ---- lists -----------------------------------------------------------------------------------------

  private async listMine(ctx: CommandContext): Promise<Reply[]> {
    try {
      const mine = await this.service().listMine(ctx.actor.id.toLowerCase(), { includeClosed: true, limit: 20 });
      const card = buildRequestListCard({ view: 'mine', requests: mine.map((s) => summaryOf(s.request)) });
      return [cardReply(mine.length ? `Your access requests (${mine.length}).` : 'You have no access requests.', card)];
    } catch (err) {
      this.deps.log.error('requests.listMine', { error: err });
      return [reply(errorText(err))];
    }
  }

  private async listPending(ctx: CommandContext, opts: { omitWhenEmpty?: boolean } = {}): Promise<Reply[]> {
    try {
      const pending = await this.deps.store.requests.listPending({ limit: 200 });
      const admin = pending.length > 0 && (await holdsDecidingRole(ctx.graph));
      const mayByGroup = new Map<string, boolean>();
      const mine: AccessRequest[] = [];
      for (const r of pending) {
        if (r.requesterId === ctx.actor.id.toLowerCase()) continue;
        let may = admin || mayByGroup.get(r.groupId);
        if (may === undefined) {
          may = (await readOwners(ctx.graph, r.groupId)).some((o) => o.id === ctx.actor.id.toLowerCase());
          mayByGroup.set(r.groupId, may);
        }
        if (may) mine.push(r);
        if (mine.length >= 20) break;
      }
      if (mine.length === 0 && opts.omitWhenEmpty) return [];
      const card = buildRequestListCard({ view: 'pending', requests: mine.map(summaryOf) });
      return [cardReply(mine.length ? `${mine.length} request${mine.length === 1 ? '' : 's'} wait${mine.length === 1 ? 's' : ''} for your approval.` : 'Nothing is waiting for your approval.', card)];
    } catch (err) {
      this.deps.log.error('requests.listPending', { error: err });
      return [reply(errorText(err))];
    }
  }

  // ---- notices ---------------------------------------------------------------------------------------

  /** The stored route of a request, or undefined. Throws on database errors. */
  async route(requestId: string): Promise<RequestRoute | undefined> {
    const stored = await this.deps.store.keyValue.get(ROUTE_KEY + requestId);
    return stored ? (stored.value as RequestRoute) : undefined;
  }

  private async recordCopy(requestId: string, conversationId: string, activityId: string, userId: string | null, role: 'requester' | 'approver'): Promise<void> {
    await this.service().recordCard({ requestId, conversationId, activityId, userId, role });
  }

  /** Teams user ids of the people in this conversation, by Entra object id (falls back to the object id). */
  private async mentionIds(here: TurnContext, aadIds: string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = Object.fromEntries(aadIds.map((id) => [id, id]));
    try {
      const members = await TeamsInfo.getMembers(here);
      for (const m of members) {
        const aad = m.aadObjectId?.toLowerCase();
        if (aad && aad in out) out[aad] = m.id;
      }
    } catch (err) {
      this.deps.log.debug('requests.members', { error: err });
    }
    return out;
  }

  /**
   * Posts the approval card: to each owner's 1:1 chat when the bot knows it, and once into the conversation where
   * it was asked for the others, mentioning them. Records every copy. `reminder` prefixes the text.
   */
  async notifyOwners(r: AccessRequest, route: RequestRoute, here?: TurnContext, reminder = false): Promise<number> {
    const card = approvalCardOf(r, route);
    const lead = reminder ? `Reminder: ${r.requesterName} is still waiting for a decision on joining '${r.groupName}'.` : `${r.requesterName} asks to join '${r.groupName}'.`;
    const unreached: MentionTarget[] = [];
    let posted = 0;
    for (const owner of route.owners) {
      const personal = await this.deps.messenger.personalConversationOf(owner.id);
      let done = false;
      if (personal && personal !== route.askedIn) {
        try {
          const msg = await this.deps.messenger.post(personal, messageActivity({ text: lead, card }), here);
          if (msg) {
            await this.recordCopy(r.id, msg.conversationId, msg.activityId, owner.id, 'approver');
            done = true;
            posted++;
          }
        } catch (err) {
          this.deps.log.warn('requests.ownerChat', { owner: owner.id, error: err });
        }
      }
      if (!done) unreached.push({ id: route.mentionIds[owner.id] ?? owner.id, name: owner.name });
    }
    if (unreached.length > 0) {
      const msg = await this.deps.messenger.post(route.askedIn, messageActivity({ text: `${lead} Please approve or deny.`, card, mention: unreached }), here);
      if (msg) {
        await this.recordCopy(r.id, msg.conversationId, msg.activityId, null, 'approver');
        posted++;
      }
    }
    return posted;
  }

  /**
   * Brings every copy of the request's card to its current state and tells the requester (unless `quiet` or they
   * cancelled it themselves), then records the outcome as announced when every update went through. A failed
   * update leaves it unannounced, so the sweeper tries again after the lease. Never throws.
   */
  async announce(snap: RequestSnapshot, opts: { here?: TurnContext; skip?: string; quiet?: boolean; membershipEndsAt?: Date } = {}): Promise<boolean> {
    const r = snap.request;
    if (!snap.view.final) return false;
    let ends = opts.membershipEndsAt;
    let complete = true;
    try {
      if (!ends && r.state === 'approved' && r.durationDays) {
        ends = (await this.deps.store.memberships.listActiveForGroup(r.groupId)).find((m) => m.requestId === r.id)?.expiresAt;
      }
      const card = finalCardOf(r, ends);
      if (!card) return false;
      for (const copy of snap.cards) {
        if (copy.activityId === opts.skip && copy.conversationId === opts.here?.activity.conversation?.id) continue;
        try {
          await this.deps.messenger.updateCard(copy.conversationId, copy.activityId, card, opts.here);
        } catch (err) {
          complete = false;
          this.deps.log.warn('requests.cardUpdate', { requestId: r.id, conversationId: copy.conversationId, error: err });
        }
      }
      if (!opts.quiet && r.state !== 'cancelled' && snap.view.requesterMessage) {
        const text = snap.view.requesterMessage + (r.state === 'approved' && ends ? ` Your membership ends ${ends.toISOString().slice(0, 10)}.` : '');
        complete = (await this.tell(r.requesterId, r.requesterName, text, snap, opts.here)) && complete;
      }
      if (complete && !opts.quiet) await this.service().markAnnounced(r.id);
      if (complete && opts.quiet && !r.outcomeNotifiedAt) this.deps.log.debug('requests.staleCardRefreshed', { requestId: r.id });
    } catch (err) {
      this.deps.log.error('requests.announce', { requestId: r.id, error: err });
      return false;
    }
    return complete;
  }

  /**
   * Sends the requester (or member) a message: in their 1:1 chat when known, otherwise in the conversation of
   * their card copy, mentioning them. False when no conversation is known or the send failed. Never throws.
   */
  async tell(userId: string, name: string, text: string, snap: Pick<RequestSnapshot, 'cards' | 'request'>, here?: TurnContext): Promise<boolean> {
    try {
      const personal = await this.deps.messenger.personalConversationOf(userId);
      if (personal) return (await this.deps.messenger.post(personal, messageActivity({ text }), here)) !== undefined;
      const route = await this.route(snap.request.id);
      const where = snap.cards.find((c) => c.role === 'requester')?.conversationId ?? route?.askedIn;
      if (!where) {
        this.deps.log.warn('requests.noConversationFor', { userId });
        return false;
      }
      const mention = { id: route?.mentionIds[userId] ?? userId, name };
      return (await this.deps.messenger.post(where, messageActivity({ text, mention: [mention] }), here)) !== undefined;
    } catch (err) {
      this.deps.log.warn('requests.tell', { userId, error: err });
      return false;
    }
  }
}
