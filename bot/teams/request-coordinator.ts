/**
 * The Teams shell of access requests: turns a card click's turn into a TurnPlace and the clicker's Graph session
 * into the workflow's directory port, and hands the verb to bot/requests. The workflow itself (submit, decide,
 * announce, remind, expire) lives in bot/requests/request-workflow.ts.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Store } from '../store';
import { RequestInputError, type AccessRequestService, type MemberRemover, type RequestSnapshot } from '../requests';
import { RequestWorkflow, type RequestActor } from '../requests/request-workflow';
import type { RequestRoute } from '../requests/request-route';
import type { OutboundMessage, RequestMessengerPort, TurnPlace } from '../requests/request-ports';
import type { RequestSettings } from '../requests/request-settings';
import { listMine, listPending } from '../requests/request-lists';
import type { CardAction } from '../../cards/actions';
import type { CommandContext, Reply } from '../commands/context';
import { requestBlocker, type RequestsPort } from '../commands/access-request';
import { errorText } from '../commands/error-text';
import { cardOwnerRefusal } from '../commands/card-owner';
import { reply } from '../commands/reply';
import { openGraphSession, type GraphSession } from '../directory/graph-session';
import type { GraphEndpoint } from '../directory/graph-client';
import { getGroup } from '../directory/groups-read';
import { requestDirectory } from '../directory/request-directory';
import type { Logger } from '../log';
import { messageActivity, type RequestPoster } from './request-messenger';
import { conversationKind } from './conversation-kind';

export type { RequestRoute };

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

/** The conversation of a turn as the workflow sees it. */
export function placeOf(here: TurnContext): TurnPlace {
  const a = here.activity;
  const conv = a.conversation;
  const shared = conversationKind(conv) !== 'personal';
  return {
    conversationId: conv?.id ?? '',
    ...(a.replyToId ? { clickedActivityId: a.replyToId } : {}),
    shared,
    ...(a.from?.id ? { from: { id: a.from.id, name: a.from.name || 'you' } } : {}),
    turn: here,
  };
}

/** The messenger port over a Bot Framework poster; mention ids come from the turn's conversation roster. */
function messengerPort(poster: RequestPoster, log: Logger): RequestMessengerPort {
  const turnOf = (place?: TurnPlace): TurnContext | undefined => place?.turn as TurnContext | undefined;
  return {
    post: (conversationId, message: OutboundMessage, place) =>
      poster.post(conversationId, messageActivity(message), turnOf(place)),
    updateCard: (conversationId, activityId, card, place) =>
      poster.updateCard(conversationId, activityId, card, turnOf(place)),
    personalConversationOf: (userId) => poster.personalConversationOf(userId),
    ...(poster.openPersonal ? { openPersonal: poster.openPersonal.bind(poster) } : {}),
    ...(poster.teamChannelOf ? { teamChannelOf: poster.teamChannelOf.bind(poster) } : {}),
    ...(poster.installFor ? { installFor: poster.installFor.bind(poster) } : {}),
    mentionIds: async (place, userIds) => {
      const out: Record<string, string> = Object.fromEntries(userIds.map((id) => [id, id]));
      const here = turnOf(place);
      if (!here) return out;
      try {
        for (const m of await TeamsInfo.getMembers(here)) {
          const aad = m.aadObjectId?.toLowerCase();
          if (aad && aad in out) out[aad] = m.id;
        }
      } catch (err) {
        log.debug('requests.members', { error: err });
      }
      return out;
    },
  };
}

export class RequestCoordinator {
  readonly workflow: RequestWorkflow;

  constructor(private readonly deps: RequestCoordinatorDeps) {
    this.workflow = new RequestWorkflow({
      store: deps.store,
      messenger: messengerPort(deps.messenger, deps.log),
      log: deps.log,
      settings: deps.settings,
      directoryFor: async (userId) => {
        const token = deps.tokenForUser ? await deps.tokenForUser(userId) : undefined;
        return token ? requestDirectory(openGraphSession(deps.graph, async () => token)) : undefined;
      },
      ...(deps.clock ? { clock: deps.clock } : {}),
    });
  }

  /** The service, with the authority check and the Graph add bound to `session` (the acting user's token). */
  service(session?: GraphSession): AccessRequestService {
    return this.workflow.service(session ? requestDirectory(session) : undefined);
  }

  /** The removal of an ended time-bound membership, with the granter's token. Never throws. */
  get removeMember(): MemberRemover {
    return this.workflow.removeMember;
  }

  private actor(ctx: CommandContext): RequestActor {
    return { id: ctx.actor.id, directory: requestDirectory(ctx.graph) };
  }

  /** The requests port for a command context of this turn (`here`: where lists go and who is answered). */
  port(ctx: CommandContext, here?: TurnContext): RequestsPort {
    const place: TurnPlace = here ? placeOf(here) : { conversationId: '', shared: false };
    const actor = this.actor(ctx);
    const guard = async (what: string, run: () => Promise<Reply[]>): Promise<Reply[]> => {
      try {
        return await run();
      } catch (err) {
        this.deps.log.error(what, { error: err });
        return [reply(errorText(err))];
      }
    };
    return {
      owners: (groupId) => actor.directory.owners(groupId),
      canManage: (groupId) => actor.directory.mayDecide(groupId, ctx.actor.id),
      listMine: () => guard('requests.listMine', () => listMine(this.workflow, actor, place)),
      listPending: (opts) =>
        guard('requests.listPending', () => listPending(this.workflow, this.deps.store, actor, place, opts)),
    };
  }

  /** Handles the request verbs (TurnServices.requests); undefined for other verbs. Never throws. */
  async handle(action: CardAction, ctx: CommandContext, here: TurnContext): Promise<Reply[] | undefined> {
    try {
      switch (action.verb) {
        case 'requestSubmit': {
          // Only the one the card was made for files from it: anyone else is told whose card it is.
          const refused = await cardOwnerRefusal(action.pendingId, ctx);
          if (refused) return refused.replies;
          return await this.submit(ctx, here, action.groupId, action.justification, action.durationDays);
        }
        case 'approvalApprove':
          return await this.decide(ctx, here, 'approve', action.requestId);
        case 'approvalDeny':
          return await this.decide(ctx, here, 'deny', action.requestId, action.reason);
        case 'requestCancel':
          return await this.cancel(ctx, here, action.requestId);
        case 'approvalOpen':
          return await this.workflow.open(this.actor(ctx), placeOf(here), action.requestId);
        case 'requestRefresh':
          return await this.workflow.refresh(this.actor(ctx), action.requestId);
        default:
          return undefined;
      }
    } catch (err) {
      if (err instanceof RequestInputError) return [reply(err.message)];
      this.deps.log.error('requests.action', { verb: action.verb, error: err });
      return [reply(errorText(err))];
    }
  }

  /** Files the request (or merges it), asks the owners, and returns the requester's card. */
  async submit(
    ctx: CommandContext,
    here: TurnContext,
    groupId: string,
    justification: string,
    durationDays?: number,
  ): Promise<Reply[]> {
    const blocked = async (): Promise<string | null> => requestBlocker(ctx, await getGroup(ctx.graph, groupId));
    return this.workflow.submit(this.actor(ctx), placeOf(here), {
      groupId,
      justification,
      blocked,
      ...(durationDays ? { durationDays } : {}),
    });
  }

  /** Approve or deny as the clicker (re-checked on the server), then announce the outcome everywhere. */
  decide(
    ctx: CommandContext,
    here: TurnContext,
    action: 'approve' | 'deny',
    requestId: string,
    reason?: string,
  ): Promise<Reply[]> {
    return this.workflow.decide(this.actor(ctx), placeOf(here), action, requestId, reason);
  }

  /** Cancel by the requester. */
  cancel(ctx: CommandContext, here: TurnContext, requestId: string): Promise<Reply[]> {
    return this.workflow.cancel(this.actor(ctx), placeOf(here), requestId);
  }

  /** The stored route of a request, or undefined. Throws on database errors. */
  route(requestId: string): Promise<RequestRoute | undefined> {
    return this.workflow.notices.route(requestId);
  }

  /** See RequestNotices.announce. Never throws. */
  announce(
    snap: RequestSnapshot,
    opts: { here?: TurnContext; quiet?: boolean; membershipEndsAt?: Date } = {},
  ): Promise<boolean> {
    return this.workflow.notices.announce(snap, {
      ...(opts.here ? { place: placeOf(opts.here) } : {}),
      ...(opts.quiet ? { quiet: true } : {}),
      ...(opts.membershipEndsAt ? { membershipEndsAt: opts.membershipEndsAt } : {}),
    });
  }
}
