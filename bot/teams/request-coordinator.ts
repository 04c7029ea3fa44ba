/**
 * The Teams shell of access requests, and nothing more: a turn becomes the workflow's TurnPlace, the actor's Graph
 * session its directory port, the Bot Framework poster its messenger port (chat ids from TeamsInfo.getMember,
 * cached). The card verbs have their handlers in the one card-verb map of bot/commands (card-verb-handlers.ts, the
 * request verbs' from request-actions.ts), which run on the requests port built here; the workflow itself lives in bot/requests/request-workflow.ts, built once per instance.
 */
import type { TurnContext } from 'botbuilder';
import type { Store } from '../store';
import type { MemberRemover } from '../requests/member-change';
import { RequestWorkflow } from '../requests/request-workflow';
import type { OutboundMessage, RequestActor, RequestMessengerPort, TurnPlace } from '../requests/request-ports';
import type { RequestSettings } from '../requests/request-settings';
import { listMine, listPending } from '../requests/request-lists';
import type { CommandContext, Reply } from '../commands/context';
import type { RequestsPort } from '../commands/access-request';
import { errorText } from '../commands/error-text';
import { reply } from '../commands/reply';
import { openGraphSession } from '../directory/graph-session';
import type { GraphEndpoint } from '../directory/graph-client';
import { requestDirectory } from '../directory/request-directory';
import type { Logger } from '../log';
import { messageActivity, type RequestPoster } from './request-messenger';
import { conversationKind } from './conversation-kind';
import { ChatUserIds } from './chat-user-ids';

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

/** The messenger port over a Bot Framework poster; chat ids (MRIs) one person at a time, cached. */
function messengerPort(poster: RequestPoster, chatIds: ChatUserIds): RequestMessengerPort {
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
    mentionIds: (place, userIds) => chatIds.resolve(turnOf(place), userIds),
  };
}

/** The requests layer of one bot instance: the one workflow, and the requests port of each turn. */
export class RequestCoordinator {
  /** The one request workflow of this instance (built here, once). */
  readonly workflow: RequestWorkflow;

  constructor(private readonly deps: RequestCoordinatorDeps) {
    this.workflow = new RequestWorkflow({
      store: deps.store,
      messenger: messengerPort(
        deps.messenger,
        new ChatUserIds({ keyValue: deps.store.keyValue, log: deps.log, ...(deps.clock ? { clock: deps.clock } : {}) }),
      ),
      log: deps.log,
      settings: deps.settings,
      directoryFor: async (userId) => {
        const token = deps.tokenForUser ? await deps.tokenForUser(userId) : undefined;
        return token ? requestDirectory(openGraphSession(deps.graph, async () => token)) : undefined;
      },
      ...(deps.clock ? { clock: deps.clock } : {}),
    });
  }

  /** The removal of an ended time-bound membership, with the granter's token. Never throws. */
  get removeMember(): MemberRemover {
    return this.workflow.removeMember;
  }

  /**
   * The requests port for a command context of this turn (`here`: where the turn happens, who is answered and
   * where lists go): the workflow's calls with this actor (their own Graph session) and this place.
   */
  port(ctx: Pick<CommandContext, 'actor' | 'graph'>, here?: TurnContext): RequestsPort {
    // Built on first use: every turn gets a port, few turns use it (bench/bot-turn.ts counts the rest).
    let bound: { place: TurnPlace; actor: RequestActor } | undefined;
    const turn = (): { place: TurnPlace; actor: RequestActor } =>
      (bound ??= {
        place: here ? placeOf(here) : { conversationId: '', shared: false },
        actor: { id: ctx.actor.id, directory: requestDirectory(ctx.graph) },
      });
    const workflow = this.workflow;
    const guard = async (what: string, run: () => Promise<Reply[]>): Promise<Reply[]> => {
      try {
        return await run();
      } catch (err) {
        this.deps.log.error(what, { error: err });
        return [reply(errorText(err))];
      }
    };
    return {
      owners: (groupId) => turn().actor.directory.owners(groupId),
      canManage: (groupId) => turn().actor.directory.mayDecide(groupId, ctx.actor.id),
      listMine: () => guard('requests.listMine', () => listMine(workflow, turn().actor, turn().place)),
      listPending: (opts) =>
        guard('requests.listPending', () => listPending(workflow, turn().actor, turn().place, opts)),
      submit: (input) => workflow.submit(turn().actor, turn().place, input),
      decide: (action, requestId, reason) => workflow.decide(turn().actor, turn().place, action, requestId, reason),
      cancel: (requestId) => workflow.cancel(turn().actor, turn().place, requestId),
      open: (requestId) => workflow.open(turn().actor, turn().place, requestId),
      refresh: (requestId) => workflow.refresh(turn().actor, requestId),
    };
  }
}
