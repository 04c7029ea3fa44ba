import { randomUUID } from 'node:crypto';
import { inverseOperation } from '../directory/directory-operation';
import type { Store } from '../store/store';
import type {
  AccessRequest,
  JournalEntry,
  NewJournalEntry,
  PersonRef,
  RequestCardRef,
  TimeBoundMembership,
} from '../store/types';
import { decide, TRANSITIONS, type RequestAction, type Refusal } from './request-decision';
import { describeOutcome, type RequestOutcomeView } from './request-outcome';
import type { MemberAddResult, MemberAdder, MemberRemover } from './member-change';
import { loadRoute, loadRoutes, saveRoute, type RequestRoute } from './request-route';
import { REFUSALS } from './request-refusals';

/** Tunables of the request lifecycle. */
export interface AccessRequestServiceOptions {
  /** A pending request expires after this many days (default 14). */
  expiryDays?: number;
  /** Owners are reminded when a request waited this long since filing or the last reminder (default 48). */
  remindAfterHours?: number;
  /** How long one process owns an approval's Graph add or an outcome's notices before a sweeper may retry (120). */
  leaseSeconds?: number;
  /** Graph add attempts before an approval is given up as failed (default 5). */
  maxAttempts?: number;
  /** How long a change card offers Undo (default 24). */
  undoHours?: number;
  /** Members of a time-bound membership are told this many days before it ends (default 3). */
  membershipNoticeDays?: number;
  /** IANA time zone for times in messages (default UTC). */
  timeZone?: string;
}

/**
 * Who decides in one call (approve or deny): the person, as the directory names them, with the server-side
 * authority check and the Graph add both run with that person's own session. Card data is never trusted.
 */
export interface Decider extends PersonRef {
  /**
   * True when this person is a current owner of `request.groupId` or a Groups or Global Administrator. May throw
   * (Graph errors propagate to the caller).
   */
  mayDecide(request: AccessRequest): Promise<boolean>;
  /** Runs the Graph add with this person's session (approve only; see MemberAdder). */
  addMember: MemberAdder;
}

/** What the service needs from its caller, once, when it is built. */
export interface AccessRequestServiceDeps {
  store: Store;
  /**
   * Runs the Graph add outside any turn: the sweeper's retry of an interrupted approval (job.token undefined:
   * fetch the approver's token, or answer `retry-later`). A decision in a turn uses its Decider's adder.
   */
  addMember: MemberAdder;
  clock?: () => Date;
  newId?: () => string;
  options?: AccessRequestServiceOptions;
}

/** The requester, as resolved from the directory. */
export interface Requester extends PersonRef {
  upn: string;
}

/** Thrown by `file`, `deny` for bad input; the message is a sentence for the user. */
export class RequestInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestInputError';
  }
}

/** A request with what the cards and notices need. */
export interface RequestSnapshot {
  request: AccessRequest;
  view: RequestOutcomeView;
  /** Every copy of the request's card, to update them all. */
  cards: RequestCardRef[];
}

/** The result of filing. */
export interface FileResult extends RequestSnapshot {
  /** `merged`: an identical open request existed; this is that one. */
  kind: 'filed' | 'merged';
}

/** The result of approve/deny/cancel (and of a sweeper's retry). */
export type ActionResult =
  | (RequestSnapshot & {
      ok: true;
      /** Present when an approval granted a time-bound membership. */
      membership?: TimeBoundMembership;
      /** The journal entry recorded with the change. */
      journal?: JournalEntry;
      /** Set when the Graph add must be retried later; the request stays `approving`. */
      retryScheduled?: string;
    })
  /** Refused: `request`/`view`/`cards` (when the request exists) show its current state, to refresh a stale card. */
  | { ok: false; refusal: Refusal; request?: AccessRequest; view?: RequestOutcomeView; cards: RequestCardRef[] };

const MAX_JUSTIFICATION = 1000;
const MAX_REASON = 500;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Self-service access requests: filing (with merge), approve / deny / cancel exactly once, expiry, reminders, time-
 * bound memberships, and the crash-recovery sweeps.
 *
 * Approval is two steps so that a crash cannot lose it: `pending → approving` (atomic; the winner holds a lease),
 * then the Graph add, then `approving → approved` together with the journal entry and the time-bound membership in
 * one transaction. If the process dies in between, `retryStuckApprovals` (run periodically by every instance) finds
 * the `approving` row once its lease ran out and runs the add again (Graph answers "already a member" if the first
 * add went through, which completes the approval). Outcome notices are confirmed with `markAnnounced`; until then
 * `outcomesToAnnounce` hands unannounced outcomes back after the lease.
 */
export class AccessRequestService {
  private readonly store: Store;
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private readonly opts: Required<AccessRequestServiceOptions>;

  /** Throws RangeError when an option is out of range. */
  constructor(private readonly deps: AccessRequestServiceDeps) {
    this.store = deps.store;
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
    this.opts = {
      expiryDays: 14,
      remindAfterHours: 48,
      leaseSeconds: 120,
      maxAttempts: 5,
      undoHours: 24,
      membershipNoticeDays: 3,
      timeZone: 'UTC',
      ...deps.options,
    };
    for (const key of ['expiryDays', 'remindAfterHours', 'leaseSeconds', 'maxAttempts', 'undoHours'] as const) {
      if (!(this.opts[key] > 0)) throw new RangeError(`Option ${key} must be positive, got ${this.opts[key]}.`);
    }
  }

  /**
   * Files a request for `requester` to join `group`, or merges it into their open request for the same group.
   * Membership, dynamic and read-only checks are the caller's (they need Graph). Throws RequestInputError on a
   * bad justification or duration; database errors propagate.
   */
  async file(input: {
    requester: Requester;
    group: PersonRef;
    justification?: string;
    durationDays?: number | null;
  }): Promise<FileResult> {
    const justification = (input.justification ?? '').trim();
    if (justification.length > MAX_JUSTIFICATION) {
      throw new RequestInputError(REFUSALS.justificationTooLong(justification.length, MAX_JUSTIFICATION));
    }
    const days = input.durationDays ?? null;
    if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650)) {
      throw new RequestInputError(REFUSALS.badDuration(String(days)));
    }
    const now = this.clock();
    const { request, merged } = await this.store.requests.fileOrMerge({
      id: this.newId(),
      requesterId: input.requester.id,
      requesterUpn: input.requester.upn,
      requesterName: input.requester.name,
      groupId: input.group.id,
      groupName: input.group.name,
      justification,
      durationDays: days,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.opts.expiryDays * DAY),
    });
    return { kind: merged ? 'merged' : 'filed', ...(await this.snapshot(request, now)) };
  }

  /** The request with its view and card copies, or undefined. Database errors propagate. */
  async get(requestId: string): Promise<RequestSnapshot | undefined> {
    const request = await this.store.requests.get(requestId);
    return request ? this.snapshot(request, this.clock()) : undefined;
  }

  /** Every recorded copy of the request's card. Database errors propagate. */
  copies(requestId: string): Promise<RequestCardRef[]> {
    return this.store.requestCards.listForRequest(requestId);
  }

  /** Where the request was asked and who was asked (kept beside the row), or undefined. Database errors propagate. */
  route(requestId: string): Promise<RequestRoute | undefined> {
    return loadRoute(this.store.keyValue, requestId);
  }

  /** Stores (replaces) the request's route. Database errors propagate. */
  saveRoute(requestId: string, route: RequestRoute): Promise<void> {
    return saveRoute(this.store.keyValue, requestId, route);
  }

  /** When the time-bound membership an approval granted ends, or undefined. Database errors propagate. */
  async membershipEnd(request: AccessRequest): Promise<Date | undefined> {
    if (request.state !== 'approved' || !request.durationDays) return undefined;
    const active = await this.store.memberships.listActiveForGroup(request.groupId);
    return active.find((m) => m.requestId === request.id)?.expiresAt;
  }

  /** Pending requests of every group, oldest first (at most `limit`). Database errors propagate. */
  listPending(limit = 200): Promise<AccessRequest[]> {
    return this.store.requests.listPending({ limit });
  }

  /**
   * Pending requests (the `limit` oldest of every group) whose stored route names `userId` among the owners asked,
   * with that route and the card copies, the requester's own requests left out. Two reads for the whole scan
   * (rows, then every route at once) plus one per match for the copies: the routes are key/value entries, which
   * cannot be searched by owner. Database errors propagate.
   */
  async pendingRoutedTo(
    userId: string,
    limit = 500,
  ): Promise<{ request: AccessRequest; route: RequestRoute; copies: RequestCardRef[] }[]> {
    const id = userId.toLowerCase();
    const pending = (await this.listPending(limit)).filter((r) => r.requesterId.toLowerCase() !== id);
    const routes = await loadRoutes(
      this.store.keyValue,
      pending.map((r) => r.id),
    );
    const found: { request: AccessRequest; route: RequestRoute; copies: RequestCardRef[] }[] = [];
    for (const request of pending) {
      const route = routes.get(request.id);
      if (!route?.owners.some((o) => o.id.toLowerCase() === id)) continue;
      found.push({ request, route, copies: await this.copies(request.id) });
    }
    return found;
  }

  /**
   * Approves: refuses unless pending, unexpired and `approver.mayDecide` says yes; of racing approvals (double
   * clicks, two owners, two instances) exactly one proceeds and the others get the winner's decision as refusal.
   * Then runs the Graph add with the approver's own adder (see the class comment for crash recovery). mayDecide's
   * and database errors propagate; the adder's errors count as retry-later.
   */
  async approve(requestId: string, approver: Decider): Promise<ActionResult> {
    const now = this.clock();
    const checked = await this.check(requestId, 'approve', approver, now, approver);
    if (!checked.ok) return checked;
    const claimed = await this.store.requests.transition({
      id: requestId,
      from: TRANSITIONS.approve.from,
      to: 'approving',
      at: now,
      decidedBy: { id: approver.id, name: approver.name },
      claimUntil: this.leaseFrom(now),
      notExpiredAt: now,
      countAttempt: true,
    });
    if (!claimed) return this.refuseAfterRace(requestId, 'approve', approver);
    return this.runAdd(claimed.request, undefined, approver.addMember);
  }

  /**
   * Denies with an optional reason (at most 500 characters), exactly once; refusals as for approve.
   * Throws RequestInputError on a too long reason; mayDecide's and database errors propagate.
   */
  async deny(requestId: string, decider: Decider, reason?: string): Promise<ActionResult> {
    const why = (reason ?? '').trim();
    if (why.length > MAX_REASON) throw new RequestInputError(REFUSALS.reasonTooLong(why.length, MAX_REASON));
    const approver: PersonRef = { id: decider.id, name: decider.name };
    const now = this.clock();
    const checked = await this.check(requestId, 'deny', approver, now, decider);
    if (!checked.ok) return checked;
    const done = await this.store.requests.transition(
      {
        id: requestId,
        from: TRANSITIONS.deny.from,
        to: 'denied',
        at: now,
        decidedBy: approver,
        reason: why || null,
        claimUntil: this.leaseFrom(now),
        notExpiredAt: now,
      },
      (r) =>
        this.entry(r, now, {
          action: 'request.deny',
          actor: approver,
          approvedBy: null,
          result: 'succeeded',
          detail: why || null,
        }),
    );
    if (!done) return this.refuseAfterRace(requestId, 'deny', approver);
    return {
      ok: true,
      ...(await this.snapshot(done.request, now)),
      ...(done.journal ? { journal: done.journal } : {}),
    };
  }

  /** Cancels, by the requester only, while pending. Database errors propagate. */
  async cancel(requestId: string, requester: PersonRef): Promise<ActionResult> {
    const now = this.clock();
    const checked = await this.check(requestId, 'cancel', requester, now);
    if (!checked.ok) return checked;
    const done = await this.store.requests.transition(
      {
        id: requestId,
        from: TRANSITIONS.cancel.from,
        to: 'cancelled',
        at: now,
        claimUntil: this.leaseFrom(now),
        notExpiredAt: now,
      },
      (r) =>
        this.entry(r, now, {
          action: 'request.cancel',
          actor: requester,
          approvedBy: null,
          result: 'succeeded',
          detail: null,
        }),
    );
    if (!done) return this.refuseAfterRace(requestId, 'cancel', requester);
    return {
      ok: true,
      ...(await this.snapshot(done.request, now)),
      ...(done.journal ? { journal: done.journal } : {}),
    };
  }

  /** The user's requests, newest first (open ones only unless `includeClosed`). Database errors propagate. */
  async listMine(userId: string, options?: { includeClosed?: boolean; limit?: number }): Promise<RequestSnapshot[]> {
    const now = this.clock();
    const rows = await this.store.requests.listByRequester(userId, {
      ...(options?.includeClosed ? {} : { states: ['pending', 'approving'] }),
      ...(options?.limit ? { limit: options.limit } : {}),
    });
    return Promise.all(rows.map((r) => this.snapshot(r, now)));
  }

  /** Pending requests for the groups `ownedGroupIds` (which the caller got from Graph), oldest first. */
  async listPendingForOwner(
    ownedGroupIds: readonly string[],
    options?: { limit?: number },
  ): Promise<RequestSnapshot[]> {
    const now = this.clock();
    const rows = await this.store.requests.listPendingForGroups(ownedGroupIds, options);
    return Promise.all(rows.map((r) => this.snapshot(r, now)));
  }

  /** Remembers where a copy of the request's card was posted. Database errors propagate (unknown request). */
  async recordCard(ref: Omit<RequestCardRef, 'createdAt'>): Promise<void> {
    await this.store.requestCards.add({ ...ref, createdAt: this.clock() });
  }

  /**
   * Expires every pending request past its expiry (each exactly once across instances) and returns them for the
   * requester's notice and the card updates; confirm each with `markAnnounced`. Database errors propagate.
   */
  async expireDue(limit?: number): Promise<RequestSnapshot[]> {
    const now = this.clock();
    const rows = await this.store.requests.expireDue(now, this.leaseFrom(now), limit);
    return Promise.all(rows.map((r) => this.snapshot(r, now)));
  }

  /** Claims the pending requests due for a reminder to their owners (each once per period across instances). */
  async remindDue(limit?: number): Promise<RequestSnapshot[]> {
    const now = this.clock();
    const rows = await this.store.requests.claimDueReminders(
      now,
      new Date(now.getTime() - this.opts.remindAfterHours * HOUR),
      limit,
    );
    return Promise.all(rows.map((r) => this.snapshot(r, now)));
  }

  /**
   * The sweeper for interrupted approvals: retries the Graph add of every `approving` request whose lease ran out
   * (the adder gets `token: undefined`), and fails those past `maxAttempts`. `add`: the sweeper's adder, which
   * falls back to another owner's or an administrator's token (default: the service's). Database errors propagate.
   */
  async retryStuckApprovals(limit?: number, add?: MemberAdder): Promise<ActionResult[]> {
    const now = this.clock();
    const stuck = await this.store.requests.claimStuckApprovals(now, this.leaseFrom(now), limit);
    const results: ActionResult[] = [];
    for (const request of stuck) {
      if (request.attempts > this.opts.maxAttempts) {
        results.push(
          await this.failApproval(
            request,
            { outcome: 'failed', message: `gave up after ${this.opts.maxAttempts} attempts` },
            now,
          ),
        );
      } else {
        results.push(await this.runAdd(request, undefined, add));
      }
    }
    return results;
  }

  /**
   * Decided requests whose outcome was never confirmed as announced (the process died before `markAnnounced`),
   * leased to this caller: send the requester's message and update every card again, then `markAnnounced`.
   */
  async outcomesToAnnounce(limit?: number): Promise<RequestSnapshot[]> {
    const now = this.clock();
    const rows = await this.store.requests.claimUnnotifiedOutcomes(now, this.leaseFrom(now), limit);
    return Promise.all(rows.map((r) => this.snapshot(r, now)));
  }

  /** Confirms that the requester was told and every card copy shows the final state. False when already done. */
  async markAnnounced(requestId: string): Promise<boolean> {
    return this.store.requests.markOutcomeNotified(requestId, this.clock());
  }

  /** Claims time-bound memberships ending within `membershipNoticeDays` whose member was not yet told. */
  async membershipNoticesDue(limit?: number): Promise<TimeBoundMembership[]> {
    const now = this.clock();
    return this.store.memberships.claimDueNotices(
      now,
      new Date(now.getTime() + this.opts.membershipNoticeDays * DAY),
      limit,
    );
  }

  /**
   * Removes members whose time-bound membership ended, through `remove` (Graph: the sweeper's remover falls back
   * from the granter's token to another owner's or an administrator's), journalling each removal with whose token
   * made it. Returns the memberships handled with what happened (and why, for retry-later: the sweeper counts
   * those failures and gives up after a bounded number). Database errors propagate; the remover's count as
   * retry-later.
   */
  async removeExpiredMemberships(
    remove: MemberRemover,
    limit?: number,
  ): Promise<Array<{ membership: TimeBoundMembership; outcome: string; message?: string }>> {
    const now = this.clock();
    const due = await this.store.memberships.claimDueRemovals(now, this.leaseFrom(now), limit);
    const handled: Array<{ membership: TimeBoundMembership; outcome: string; message?: string }> = [];
    for (const m of due) {
      const group = { id: m.groupId, name: m.groupName };
      const user = { id: m.userId, name: m.userName };
      const grantedBy = m.grantedById ? { id: m.grantedById, name: m.grantedByName ?? '' } : null;
      let result;
      try {
        result = await remove({ membershipId: m.id, group, user, grantedBy });
      } catch (err) {
        result = { outcome: 'retry-later' as const, message: err instanceof Error ? err.message : String(err) };
      }
      const at = this.clock();
      if (result.outcome === 'retry-later') {
        await this.store.memberships.recordRemovalFailure(m.id, result.message);
      } else {
        if ((await this.store.memberships.markRemoved(m.id, at)) && result.outcome === 'removed') {
          await this.store.journal.append({
            id: this.newId(),
            at,
            action: 'member.remove',
            actor: result.tokenOf,
            requestedBy: null,
            approvedBy: grantedBy,
            tokenOfId: result.tokenOf.id,
            group,
            target: user,
            requestId: m.requestId,
            result: 'succeeded',
            status: result.status ?? null,
            detail: 'time-bound membership ended',
            undo: null,
            undoUntil: null,
          });
        }
      }
      handled.push({
        membership: m,
        outcome: result.outcome,
        ...(result.outcome === 'retry-later' ? { message: result.message } : {}),
      });
    }
    return handled;
  }

  // ---- internals ----

  private leaseFrom(now: Date): Date {
    return new Date(now.getTime() + this.opts.leaseSeconds * 1000);
  }

  private async snapshot(request: AccessRequest, now: Date): Promise<RequestSnapshot> {
    return {
      request,
      view: describeOutcome(request, now, this.opts.timeZone),
      cards: await this.store.requestCards.listForRequest(request.id),
    };
  }

  private async refusal(refusal: Refusal, request: AccessRequest | undefined, now: Date): Promise<ActionResult> {
    if (!request) return { ok: false, refusal, cards: [] };
    return { ok: false, refusal, ...(await this.snapshot(request, now)) };
  }

  /** Loads, runs the state machine and (for a decider) the authority check. */
  private async check(
    requestId: string,
    action: RequestAction,
    actor: PersonRef,
    now: Date,
    decider?: Decider,
  ): Promise<{ ok: true; request: AccessRequest } | Extract<ActionResult, { ok: false }>> {
    const request = await this.store.requests.get(requestId);
    if (!request) {
      return {
        ok: false,
        refusal: { code: 'not-found', message: REFUSALS.notFound, state: 'cancelled' },
        cards: [],
      };
    }
    const decision = decide(request, action, actor, now, this.opts.timeZone);
    if (!decision.allowed)
      return (await this.refusal(decision.refusal, request, now)) as Extract<ActionResult, { ok: false }>;
    if (decider && !(await decider.mayDecide(request))) {
      const refusal: Refusal = {
        code: 'not-approver',
        state: request.state,
        message: REFUSALS.notApprover(request.groupName),
      };
      return (await this.refusal(refusal, request, now)) as Extract<ActionResult, { ok: false }>;
    }
    return { ok: true, request };
  }

  /** A conditional update found the row changed: explain with the state that won. */
  private async refuseAfterRace(requestId: string, action: RequestAction, actor: PersonRef): Promise<ActionResult> {
    const now = this.clock();
    const current = await this.store.requests.get(requestId);
    if (!current)
      return {
        ok: false,
        refusal: { code: 'not-found', message: REFUSALS.notFound, state: 'cancelled' },
        cards: [],
      };
    const decision = decide(current, action, actor, now, this.opts.timeZone);
    const refusal: Refusal = decision.allowed
      ? { code: 'in-progress', message: REFUSALS.changedMeanwhile, state: current.state }
      : decision.refusal;
    return this.refusal(refusal, current, now);
  }

  /** Runs the Graph add of a claimed approval with `add` (default: the adder outside any turn). */
  private async runAdd(
    request: AccessRequest,
    token: string | undefined,
    add: MemberAdder = this.deps.addMember,
  ): Promise<ActionResult> {
    const approver = { id: request.decidedById ?? '', name: request.decidedByName ?? '' };
    let result: MemberAddResult;
    try {
      result = await add({
        requestId: request.id,
        group: { id: request.groupId, name: request.groupName },
        user: { id: request.requesterId, name: request.requesterName },
        approver,
        token,
        attempt: request.attempts,
      });
    } catch (err) {
      result = { outcome: 'retry-later', message: err instanceof Error ? err.message : String(err) };
    }
    const now = this.clock();
    if (result.outcome === 'retry-later') {
      return { ok: true, ...(await this.snapshot(request, now)), retryScheduled: result.message };
    }
    if (result.outcome === 'failed') return this.failApproval(request, result, now);
    const added = result.outcome === 'added';
    const done = await this.store.requests.completeApproval(request.id, now, {
      claimUntil: this.leaseFrom(now),
      membership: (r) =>
        r.durationDays === null
          ? undefined
          : {
              id: this.newId(),
              groupId: r.groupId,
              groupName: r.groupName,
              userId: r.requesterId,
              userName: r.requesterName,
              requestId: r.id,
              grantedBy: approver,
              expiresAt: new Date(now.getTime() + r.durationDays * DAY),
              createdAt: now,
            },
      journal: (r) =>
        this.entry(r, now, {
          action: 'member.add',
          actor: approver,
          approvedBy: approver,
          tokenOfId: (result.outcome === 'added' ? result.tokenOf?.id : undefined) ?? approver.id,
          result: added ? 'succeeded' : 'no-op',
          status: result.status ?? null,
          detail: added ? null : 'already a member',
          undo: added ? inverseOperation({ action: 'member.add', groupId: r.groupId, targetId: r.requesterId }) : null,
        }),
    });
    if (!done) {
      // Another instance completed (or failed) it meanwhile: report the state that stands.
      const current = await this.store.requests.get(request.id);
      return current
        ? { ok: true, ...(await this.snapshot(current, now)) }
        : this.refuseAfterRace(request.id, 'complete', approver);
    }
    return {
      ok: true,
      ...(await this.snapshot(done.request, now)),
      ...(done.membership ? { membership: done.membership } : {}),
      ...(done.journal ? { journal: done.journal } : {}),
    };
  }

  private async failApproval(
    request: AccessRequest,
    result: Extract<MemberAddResult, { outcome: 'failed' }>,
    now: Date,
  ): Promise<ActionResult> {
    const approver = { id: request.decidedById ?? '', name: request.decidedByName ?? '' };
    const done = await this.store.requests.transition(
      {
        id: request.id,
        from: TRANSITIONS.fail.from,
        to: 'failed',
        at: now,
        reason: result.message,
        claimUntil: this.leaseFrom(now),
      },
      (r) =>
        this.entry(r, now, {
          action: 'member.add',
          actor: approver,
          approvedBy: approver,
          tokenOfId: approver.id,
          result: 'failed',
          status: result.status ?? null,
          detail: result.message,
        }),
    );
    if (!done) {
      const current = await this.store.requests.get(request.id);
      return current
        ? { ok: true, ...(await this.snapshot(current, now)) }
        : this.refuseAfterRace(request.id, 'fail', approver);
    }
    return {
      ok: true,
      ...(await this.snapshot(done.request, now)),
      ...(done.journal ? { journal: done.journal } : {}),
    };
  }

  private entry(
    r: AccessRequest,
    now: Date,
    e: Pick<NewJournalEntry, 'action' | 'actor' | 'approvedBy' | 'result' | 'detail'> & Partial<NewJournalEntry>,
  ): NewJournalEntry {
    return {
      id: this.newId(),
      at: now,
      requestedBy: { id: r.requesterId, name: r.requesterName },
      tokenOfId: null,
      group: { id: r.groupId, name: r.groupName },
      target: { id: r.requesterId, name: r.requesterName },
      requestId: r.id,
      status: null,
      undo: null,
      undoUntil: e.undo ? new Date(now.getTime() + this.opts.undoHours * HOUR) : null,
      ...e,
    };
  }
}
