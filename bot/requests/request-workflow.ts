/**
 * The access-request workflow: file a request and ask the owners (or, when there are none, the Groups
 * Administrators), decide (approve / deny / cancel) exactly once with a server-side authority check, show each
 * viewer their card, list requests, and bring every copy of a card up to date. It reaches people through the
 * messenger port and the directory through the directory port, so it runs without botbuilder or Graph.
 *
 * A click is answered within `answerWithinMs`: work that takes longer (a slow Graph add) answers with the
 * "approved, adding…" card and finishes in the background; its outcome then reaches every copy as an update.
 *
 * One workflow (and one AccessRequestService inside it) is built per bot instance when it starts
 * (bot/teams/request-wiring.ts); who acts is an argument of each call, never part of the workflow. Every read
 * and write of request data goes through its service; nothing is kept per process between calls.
 */
import type { Store } from '../store';
import type { Logger } from '../log';
import type { Reply } from '../shared/types';
import { AccessRequestService, type ActionResult, type Decider } from './access-request-service';
import type { MemberAddJob, MemberAddResult, MemberRemover } from './member-change';
import type {
  Clock,
  DirectoryForUser,
  RequestActor,
  RequestDirectory,
  RequestMessengerPort,
  TurnPlace,
} from './request-ports';
import { RequestNotices, type OwnersNotified } from './request-notices';
import { reachSentence, reachWorthTelling } from './owner-reach';
import type { RequestRoute } from './request-route';
import type { RequestSettings } from './request-settings';
import { REFUSALS } from './request-refusals';
import {
  approvalCardOf,
  approvingCardOf,
  cardReply,
  currentCardOf,
  requesterCardOf,
  waitingCardOf,
  withNotice,
  withRefresh,
} from './request-views';
import { formatTime } from '../../cards/card-time';

export type { RequestActor };

export interface RequestWorkflowDeps {
  store: Store;
  messenger: RequestMessengerPort;
  log: Logger;
  settings: RequestSettings;
  /** A user's directory outside their turn (sweeper retries, removals of ended memberships). */
  directoryFor?: DirectoryForUser;
  clock?: Clock;
}

const DEFAULT_ANSWER_MS = 1500;

function names(list: readonly { name: string }[]): string {
  const all = list.map((p) => p.name);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** What filing needs: the group, the user's words, and why the user cannot ask (computed late, within the answer time). */
export interface SubmitInput {
  groupId: string;
  justification: string;
  durationDays?: number;
  /** Why the actor cannot request the group (already a member, dynamic, read-only), or null. */
  blocked: string | null | (() => Promise<string | null>);
}

export class RequestWorkflow {
  readonly notices: RequestNotices;
  /** The one service over the store, built with the workflow: every read and write of request data. */
  readonly requests: AccessRequestService;
  private readonly clock: Clock;

  /** Throws RangeError when a setting is out of range (bot/config.ts has checked them). */
  constructor(private readonly deps: RequestWorkflowDeps) {
    this.clock = deps.clock ?? (() => new Date());
    const s = deps.settings;
    this.requests = new AccessRequestService({
      store: deps.store,
      clock: this.clock,
      options: {
        expiryDays: s.expiryDays,
        remindAfterHours: s.remindHours,
        leaseSeconds: s.leaseSeconds,
        membershipNoticeDays: s.membershipNoticeDays,
        timeZone: s.timeZone,
      },
      addMember: (job) => this.addOutsideTurn(job),
    });
    this.notices = new RequestNotices({
      store: deps.store,
      messenger: deps.messenger,
      log: deps.log,
      service: () => this.requests,
    });
  }

  /** The one service of this workflow (the same object on every call). */
  service(): AccessRequestService {
    return this.requests;
  }

  /**
   * The acting person as a decider: named as the directory names them (never as the channel says), their
   * authority checked and their add run with their own session. A guest never decides. Throws directory errors.
   */
  private async deciderOf(actor: RequestActor): Promise<Decider> {
    const me = await actor.directory.me();
    const guest = me.userType?.toLowerCase() === 'guest';
    return {
      id: actor.id.toLowerCase(),
      name: me.displayName,
      mayDecide: async (request) => !guest && (await this.mayDecide(actor.directory, request.groupId, actor.id)),
      addMember: (job) => actor.directory.addMember(job.group.id, job.user.id),
    };
  }

  /** The authority check; a directory that refuses the reads (a guest) means "no". Throws other directory errors. */
  private async mayDecide(directory: RequestDirectory, groupId: string, userId: string): Promise<boolean> {
    try {
      return await directory.mayDecide(groupId, userId);
    } catch (err) {
      if ((err as { kind?: string }).kind === 'forbidden') return false;
      throw err;
    }
  }

  /** The add of an interrupted approval, outside any turn: with the approver's token when one can be had. */
  private async addOutsideTurn(job: MemberAddJob): Promise<MemberAddResult> {
    const as = await this.deps.directoryFor?.(job.approver.id);
    if (!as) return { outcome: 'retry-later', message: `no token for ${job.approver.name} right now` };
    return as.addMember(job.group.id, job.user.id);
  }

  // ---- filing ----------------------------------------------------------------------------------------

  /**
   * Files the request (or merges it into the open one), asks the owners and returns the requester's card.
   * `blocked` says why the actor cannot request the group (already a member, dynamic, read-only), or null.
   * Throws RequestInputError for bad input and the directory's errors.
   */
  async submit(actor: RequestActor, place: TurnPlace, input: SubmitInput): Promise<Reply[]> {
    const live = { place };
    return this.within(this.submitNow(actor, live, input), live, async () => [
      { text: 'Sending your request: this card shows it as soon as it is filed.' },
    ]);
  }

  private async submitNow(actor: RequestActor, live: { place: TurnPlace }, input: SubmitInput): Promise<Reply[]> {
    const blocked = typeof input.blocked === 'function' ? await input.blocked() : input.blocked;
    if (blocked) return [{ text: blocked }];
    const dir = actor.directory;
    const [me, group, allOwners] = await Promise.all([dir.me(), dir.group(input.groupId), dir.owners(input.groupId)]);
    let deciders = allOwners.filter((o) => o.id !== actor.id.toLowerCase());
    let escalated = false;
    if (deciders.length === 0) {
      deciders = (await dir.groupsAdministrators()).filter((a) => a.id !== actor.id.toLowerCase());
      escalated = true;
    }
    if (deciders.length === 0) return [{ text: REFUSALS.noDecider(group.displayName) }];
    const filed = await this.requests.file({
      requester: { id: actor.id.toLowerCase(), name: me.displayName, upn: me.userPrincipalName ?? '' },
      group: { id: group.id, name: group.displayName },
      justification: input.justification,
      durationDays: input.durationDays ?? null,
    });
    const r = filed.request;
    const clicked = live.place.clickedActivityId;
    if (filed.kind === 'merged') {
      const asked = (await this.requests.route(r.id))?.owners ?? deciders;
      if (clicked) await this.notices.recordCopy(r.id, live.place.conversationId, clicked, r.requesterId, 'requester');
      return [
        cardReply(
          `You already asked to join '${r.groupName}'; I merged this into your open request, still waiting for ${names(asked)}.`,
          requesterCardOf(
            r,
            asked.map((o) => o.name),
            true,
          ),
        ),
      ];
    }
    let teammates: RequestRoute['teammates'];
    try {
      teammates = await dir.teammates(group.id, { id: actor.id, department: me.department ?? null });
    } catch (err) {
      this.deps.log.warn('requests.teammates', { error: err });
    }
    const now = this.clock().toISOString();
    const route: RequestRoute = {
      requester: {
        id: r.requesterId,
        displayName: r.requesterName,
        ...(me.mail ? { mail: me.mail } : {}),
        ...(me.userPrincipalName ? { userPrincipalName: me.userPrincipalName } : {}),
        ...(me.department ? { department: me.department } : {}),
        ...(me.jobTitle ? { jobTitle: me.jobTitle } : {}),
      },
      ...(teammates ? { teammates } : {}),
      owners: deciders,
      askedIn: live.place.conversationId,
      askedInShared: live.place.shared,
      mentionIds: await this.deps.messenger.mentionIds(live.place, [...deciders.map((o) => o.id), r.requesterId]),
      history: [{ at: now, names: deciders.map((o) => o.name), kind: escalated ? 'escalated' : 'asked' }],
      ...(escalated ? { escalatedAt: now } : {}),
    };
    await this.requests.saveRoute(r.id, route);
    const lead = escalated
      ? `${r.requesterName} asks to join '${r.groupName}', which has no other owner, so I ask the Groups Administrators.`
      : `${r.requesterName} asks to join '${r.groupName}'.`;
    const notified = await this.notices.notifyOwners(r, route, {
      place: live.place,
      lead,
      requesterId: r.requesterId,
      ...(escalated ? {} : { administrators: () => dir.groupsAdministrators() }),
    });
    const card = requesterCardOf(
      r,
      deciders.map((o) => o.name),
    );
    const sharedRequesterCard = requesterCardOf(
      r,
      deciders.map((o) => o.name),
      false,
      { shared: true },
    );
    const sent = escalated
      ? `'${r.groupName}' has no other owner, so I sent your request to the Groups Administrators (${names(deciders)}). You'll hear back here when they decide.`
      : `I sent your request to join '${r.groupName}' to ${names(deciders)}. You'll hear back here when they decide.`;
    const text = sent + unreachedNote(notified);
    if (!clicked) {
      // In a shared chat everyone sees this copy: without the justification, the requester's own view by refresh.
      const posted = await this.deps.messenger.post(
        live.place.conversationId,
        {
          card: live.place.shared
            ? withRefresh(sharedRequesterCard, r.id, [live.place.from?.id ?? r.requesterId])
            : card,
        },
        live.place,
      );
      if (posted)
        await this.notices.recordCopy(r.id, posted.conversationId, posted.activityId, r.requesterId, 'requester');
      return [{ text }];
    }
    await this.notices.recordCopy(r.id, live.place.conversationId, clicked, r.requesterId, 'requester');
    if (reachWorthTelling(notified.reach)) {
      // A click's answer is a card only, so the note goes as a message of its own.
      await this.deps.messenger.post(live.place.conversationId, { text: unreachedNote(notified).trim() }, live.place);
    }
    if (live.place.shared || live.place.turn === undefined) {
      // The answer to the click replaces the form for the requester only (and, once the turn has ended, not at all):
      // everyone sees the request in place of the form, without the justification (the requester's own view has it).
      await this.deps.messenger.updateCard(
        live.place.conversationId,
        clicked,
        withRefresh(live.place.shared ? sharedRequesterCard : card, r.id, [live.place.from?.id ?? r.requesterId]),
        live.place,
      );
    }
    // In a shared chat the clicker's answer is the copy everyone there sees (their own view comes by refresh).
    return [cardReply(text, live.place.shared ? sharedRequesterCard : card)];
  }

  // ---- decisions -------------------------------------------------------------------------------------

  /**
   * Approve or deny as the clicker (re-checked on the server), then bring every copy up to date and tell the
   * requester. Answers within `answerWithinMs`; a slower add answers "approved, adding…" and finishes later.
   * Throws RequestInputError (reason too long) and the directory's errors.
   */
  async decide(
    actor: RequestActor,
    place: TurnPlace,
    action: 'approve' | 'deny',
    requestId: string,
    reason?: string,
  ): Promise<Reply[]> {
    const live = { place };
    return this.within(this.decideNow(actor, live, action, requestId, reason), live, () => this.cardNow(requestId));
  }

  private async decideNow(
    actor: RequestActor,
    live: { place: TurnPlace },
    action: 'approve' | 'deny',
    requestId: string,
    reason?: string,
  ): Promise<Reply[]> {
    const decider = await this.deciderOf(actor);
    const result =
      action === 'approve'
        ? await this.requests.approve(requestId, decider)
        : await this.requests.deny(requestId, decider, reason);
    return this.afterAction(result, actor, live);
  }

  /** Cancel by the requester. Throws the directory's and database errors. */
  async cancel(actor: RequestActor, place: TurnPlace, requestId: string): Promise<Reply[]> {
    const me = await actor.directory.me();
    const live = { place };
    const work = (async () =>
      this.afterAction(
        await this.requests.cancel(requestId, { id: actor.id.toLowerCase(), name: me.displayName }),
        actor,
        live,
      ))();
    return this.within(work, live, () => this.cardNow(requestId));
  }

  /** The request's current card, with "working on it" (the answer to a click whose work goes on). */
  private async cardNow(requestId: string): Promise<Reply[]> {
    const snap = await this.requests.get(requestId);
    const card = snap ? currentCardOf(snap.request, snap.view) : undefined;
    const text = 'Working on it: the card updates everywhere when it is done.';
    return card ? [cardReply(text, card)] : [{ text }];
  }

  /**
   * Resolves to `work`'s replies, or, when it takes longer than the answer time, to `late()`'s; the work goes on
   * and sends what it still has to send proactively (the turn is over).
   */
  private async within(
    work: Promise<Reply[]>,
    live: { place: TurnPlace },
    late: () => Promise<Reply[]>,
  ): Promise<Reply[]> {
    const ms = this.deps.settings.answerWithinMs ?? DEFAULT_ANSWER_MS;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ms);
    });
    try {
      const first = await Promise.race([work, deadline]);
      if (first !== 'late') return first;
    } finally {
      clearTimeout(timer);
    }
    // The turn ends now: what the work still sends goes out proactively, never through this turn.
    live.place = { ...live.place, turn: undefined };
    // Cards reach their copies through updates; a sentence that was to be the answer is posted instead.
    work
      .then(async (replies) => {
        for (const r of replies) {
          if (!r.card)
            await this.deps.messenger.post(live.place.conversationId, {
              text: r.text,
              ...(live.place.shared && live.place.from ? { mention: [live.place.from] } : {}),
            });
        }
      })
      .catch((err) =>
        this.deps.log.error('requests.lateWork', { conversationId: live.place.conversationId, error: err }),
      );
    return late();
  }

  private async afterAction(result: ActionResult, actor: RequestActor, live: { place: TurnPlace }): Promise<Reply[]> {
    if (!result.ok) return this.afterRefusal(result, actor, live);
    const request = result.request;
    if (result.retryScheduled) {
      await this.notices.announceProgress(result, live.place);
      return [
        cardReply(
          `Approved. Adding ${request.requesterName} to '${request.groupName}' didn't work yet (${result.retryScheduled}); I'll keep trying and tell everyone when it's done.`,
          approvingCardOf(request, result.view),
        ),
      ];
    }
    await this.notices.announce(result, {
      place: live.place,
      ...(result.membership ? { membershipEndsAt: result.membership.expiresAt } : {}),
    });
    // In a shared chat the clicked copy shows what everyone there sees (announce updated it so).
    const card = currentCardOf(request, result.view, { shared: live.place.shared });
    return card ? [cardReply(result.view.headline, card)] : [{ text: result.view.headline }];
  }

  private async afterRefusal(
    result: Extract<ActionResult, { ok: false }>,
    actor: RequestActor,
    live: { place: TurnPlace },
  ): Promise<Reply[]> {
    const { refusal, request } = result;
    const place = live.place;
    // No such request (a crafted or very old card): the clicker alone is answered, the card stays as it is.
    if (!request || !result.view) return [{ text: refusal.message, keepCard: true }];
    if (
      refusal.code === 'not-approver' ||
      refusal.code === 'not-requester' ||
      (refusal.code === 'expired' && request.state === 'pending')
    ) {
      // The clicked card may be shared: it stays as it is for everyone, and the clicker alone is answered.
      return [{ text: refusal.message, keepCard: true }];
    }
    // A stale card: decided elsewhere, or another click's add is still running (in this instance or another). The
    // answer is what the store says now ("Approved by Olga Owner at 14:02; adding Ana…"); nothing waits here. When
    // the add ends, its outcome reaches every copy, this one included, as a proactive update; the clicker's view
    // of an approval under way also carries a refresh, so it shows what stands whenever it is seen again.
    if (request.state === 'approving') {
      // Read once more just before answering: an add that ended meanwhile is answered with its outcome.
      const latest = await this.requests.get(request.id);
      const ended = latest && latest.request.state !== 'approving' ? latest : undefined;
      const endedCard = ended && currentCardOf(ended.request, ended.view, { shared: place.shared });
      if (ended && endedCard) return [cardReply(ended.view.headline, endedCard)];
      const viewer = place.from?.id;
      const card = approvingCardOf(request, result.view);
      return [cardReply(refusal.message, viewer ? withRefresh(card, request.id, [viewer]) : card)];
    }
    const card = currentCardOf(request, result.view, { shared: place.shared });
    // Make sure every copy shows what stands (the winner may have died before updating them; updates are idempotent).
    if (result.view.final)
      await this.notices.announce({ request, view: result.view, cards: result.cards }, { place, quiet: true });
    // The clicker alone sees why nothing happened (the sentence heads their card, not the copies updated above).
    return card ? [cardReply(refusal.message, withNotice(card, refusal.message))] : [{ text: refusal.message }];
  }

  // ---- views -----------------------------------------------------------------------------------------

  /** Shows the approval card of a request (from the pending-approvals list) as a new message in this chat. */
  async open(actor: RequestActor, place: TurnPlace, requestId: string): Promise<Reply[]> {
    const snap = await this.requests.get(requestId);
    if (!snap) return [{ text: REFUSALS.notFound }];
    const r = snap.request;
    if (r.state !== 'pending')
      return [{ text: `${r.requesterName}'s request to join '${r.groupName}': ${snap.view.headline}.` }];
    if (!(await this.mayDecide(actor.directory, r.groupId, actor.id))) {
      return this.notices.answer(place, actor.id, REFUSALS.notApprover(r.groupName));
    }
    const route = await this.requests.route(r.id);
    // In a shared chat the copy everyone sees leaves the justification out; this decider's own view has it (refresh).
    const card = place.shared
      ? withRefresh(approvalCardOf(r, route, { shared: true }), r.id, [place.from?.id ?? actor.id])
      : approvalCardOf(r, route);
    const posted = await this.deps.messenger.post(place.conversationId, { card }, place);
    if (posted)
      await this.notices.recordCopy(r.id, posted.conversationId, posted.activityId, actor.id.toLowerCase(), 'approver');
    return [{ text: `Here is ${r.requesterName}'s request to join '${r.groupName}'.` }];
  }

  /**
   * The card this viewer should see now (a Universal Actions refresh, which Teams sends for every viewer in chats
   * of up to 60 people): the outcome once decided; while pending, the requester's card (Cancel) for the requester,
   * the approval card (Approve / Deny) for those who may decide, and for anyone else a read-only view ("Waiting
   * for Olga Owner"), without buttons or the justification. Needs no Graph token. Throws database errors.
   */
  async refresh(actor: RequestActor, requestId: string): Promise<Reply[]> {
    const snap = await this.requests.get(requestId);
    if (!snap) return [{ text: REFUSALS.notFound }];
    const r = snap.request;
    const isRequester = r.requesterId === actor.id.toLowerCase();
    const route = await this.requests.route(r.id);
    const decides = !isRequester && (await this.viewerMayDecide(actor, r.groupId, route));
    // Only the requester and those who may decide see the justification; anyone else gets the shared copy's view.
    const audience = { shared: !isRequester && !decides };
    const current = currentCardOf(r, snap.view, audience);
    if (current) return [cardReply(snap.view.headline, current)];
    const owners = (route?.owners ?? []).map((o) => o.name);
    if (isRequester) return [cardReply(snap.view.headline, requesterCardOf(r, owners))];
    if (decides) return [cardReply(snap.view.headline, approvalCardOf(r, route))];
    return [cardReply(snap.view.headline, waitingCardOf(r, owners))];
  }

  /**
   * For a refresh, whether this viewer may decide: an owner the request was routed to (from the store, so a viewer
   * who never signed in is known too: Teams refreshes without asking anyone to sign in), else the directory's
   * answer when the viewer's token allows one. A refresh must not fail on Graph, so a directory error means "no".
   */
  private async viewerMayDecide(
    actor: RequestActor,
    groupId: string,
    route: { owners: { id: string }[] } | undefined,
  ): Promise<boolean> {
    const viewer = actor.id.toLowerCase();
    if (route?.owners.some((o) => o.id.toLowerCase() === viewer)) return true;
    return this.mayDecide(actor.directory, groupId, actor.id).catch(() => false);
  }

  /** The removal of an ended time-bound membership, with the granter's token. Never throws. */
  readonly removeMember: MemberRemover = async (job) => {
    const dir = job.grantedBy ? await this.deps.directoryFor?.(job.grantedBy.id) : undefined;
    if (!dir || !job.grantedBy) return { outcome: 'retry-later', message: 'no token of the granting owner right now' };
    return dir.removeMember(job.group.id, job.user.id, job.grantedBy);
  };

  /**
   * Sends requests pending for more than `hours` whose owners have not answered to the Groups Administrators (as
   * the directory lists them), with the history of who was asked when, and tells the requester where it is. Each
   * request is escalated once (marked before anyone is asked). Resolves to the number escalated. Throws database
   * errors; a request whose directory cannot be read is skipped (logged).
   */
  async escalateOverdue(hours: number): Promise<number> {
    const now = this.clock();
    const cutoff = now.getTime() - hours * 3_600_000;
    let escalated = 0;
    for (const r of await this.requests.listPending(200)) {
      if (r.createdAt.getTime() > cutoff) continue;
      const route = await this.requests.route(r.id);
      if (!route || route.escalatedAt) continue;
      try {
        const dir = await this.deps.directoryFor?.(r.requesterId);
        if (!dir) continue;
        const admins = (await dir.groupsAdministrators()).filter(
          (a) => a.id !== r.requesterId && !route.owners.some((o) => o.id === a.id),
        );
        if (admins.length === 0) continue;
        const before = this.historyOf(route);
        const updated: RequestRoute = {
          ...route,
          owners: [...route.owners, ...admins],
          // Outside a turn only chat ids known already (cached) can be had; the others are mentioned by name.
          mentionIds: {
            ...(await this.deps.messenger.mentionIds(
              undefined,
              admins.map((a) => a.id),
            )),
            ...route.mentionIds,
          },
          escalatedAt: now.toISOString(),
          history: [
            ...(route.history ?? []),
            { at: now.toISOString(), names: admins.map((a) => a.name), kind: 'escalated' },
          ],
        };
        await this.requests.saveRoute(r.id, updated);
        const lead = `${r.requesterName} asks to join '${r.groupName}' and the owners have not answered (${before || 'asked when filed'}), so I ask the Groups Administrators too.`;
        await this.notices.notifyOwners(r, updated, { lead, people: admins });
        const snap = await this.requests.get(r.id);
        if (snap)
          await this.notices.tell(
            r.requesterId,
            r.requesterName,
            `The owners of '${r.groupName}' have not answered yet, so I also sent your request to the Groups Administrators (${names(admins)}).`,
            snap,
          );
        escalated++;
      } catch (err) {
        this.deps.log.warn('requests.escalate', { requestId: r.id, error: err });
      }
    }
    return escalated;
  }

  /** "asked Olga Owner at 14:02; reminded …" for a request's route. */
  historyOf(route: RequestRoute): string {
    return (route.history ?? [])
      .map((h) => `${h.kind} ${h.names.join(', ')} ${formatTime(new Date(h.at), this.deps.settings.timeZone)}`)
      .join('; ');
  }
}

/**
 * The sentences added to the requester's confirmation: who got the card and where, who did not and why
 * (owner-reach.ts `reachSentence`), with a leading space; empty when there is nothing to say. Pure.
 */
function unreachedNote(notified: OwnersNotified): string {
  const text = reachSentence(notified.reach);
  return text ? ` ${text}` : '';
}
