import { readThroughDirectory } from '../commands/directory-pass';
import type { GroupNameIndex } from '../directory/group-name-index';
import { CardFactory, type TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import { parseIntent } from '../language';
import { runIntent } from '../commands/dispatch';
import { isCommandAction, runCardAction } from '../commands/card-action-run';
import { needsToken } from '../commands/card-verb-handlers';
import { reply } from '../commands/reply';
import type { Actor, CommandContext, PendingStore, Reply } from '../commands/context';
import type { RequestsPort } from '../commands/requests-port';
import type { GraphEndpoint } from '../directory/graph-client';
import { openGraphSession } from '../directory/graph-session';
import { buildWelcomeCard, parseCardAction } from '../../cards';
import type { UserTokenSource } from './user-tokens';
import type { JournalSink } from '../journal/journal-sink';
import type { FileSink } from '../exports/file-sink';
import type { Logger } from '../log';
import type { DigestPort } from '../hygiene/digest-port';
import type { LicenceCheckPort } from '../licences/license-check-store';
import type { RecentGroups } from '../commands/recent-groups';
import type { HistoryService } from '../history/history-service';
import { conversationKind } from './conversation-kind';
import { CHANNEL_SIGN_IN } from './sign-in';
import { localizeReply, readerTimeZone } from './reader-time-zone';

/** The services every turn gets; all required (bot/teams/bot-services.ts builds them from the store). */
export interface TurnServices {
  tokens: UserTokenSource;
  graph: GraphEndpoint;
  pending: PendingStore;
  log: Logger;
  /** Binds the requests layer to a turn's actor and place (CommandContext.requests). */
  requestsPort: (ctx: Pick<CommandContext, 'actor' | 'graph'>, context?: TurnContext) => RequestsPort;
  /** The journal every command context records its writes in (history, Undo). */
  journal: JournalSink;
  /** Watched groups and their membership history (questions over time, restore). */
  history: HistoryService;
  /** Where a turn's files go (exports): the user's own OneDrive and a link, in every scope (bot/exports). */
  files: FileSink;
  /** Weekly hygiene digest subscriptions ("post the digest here"). */
  digests: DigestPort;
  /** Delayed licence-error checks (bot/licences). */
  licenceChecks: LicenceCheckPort;
  /** The groups each user just created, resolved by id (replication delay). */
  recentGroups: RecentGroups;
  /** The tenant's group names, cached in the store: the dictionary a message is read against (directory pass). */
  groupNames: GroupNameIndex;
}

/** The conversation of a turn as the digest commands see it. */
function conversationOf(context: TurnContext): CommandContext['conversation'] {
  const c = context.activity.conversation;
  return c?.id ? { id: c.id, kind: conversationKind(c) } : undefined;
}

const WHO_ARE_YOU =
  "I can't tell who you are: this message came without a Microsoft Entra user id, so I can't act on your behalf.";
const SIGN_IN = 'Please sign in first, so that I can act with your own permissions.';

/** "Sign in first", or in a channel (where Teams has no sign-in) where to sign in. */
function signInReply(context: TurnContext): Reply {
  return reply(conversationKind(context.activity.conversation) === 'channel' ? CHANNEL_SIGN_IN : SIGN_IN);
}

/** A Graph token getter for a turn that has none: any Graph call fails with this (never sent anywhere). */
const NO_TOKEN = async (): Promise<string> => {
  throw new Error('This action needs you to sign in first.');
};

/** The welcome: a card of what the bot can do, with example buttons. */
export function welcomeReplies(): Reply[] {
  return [
    reply(
      "Hi! I'm groupbot. I manage Microsoft 365 and security groups for you, with your own permissions. Try one of the examples, or tell me what you need.",
      buildWelcomeCard(),
    ),
  ];
}

/** Builds the command context for this turn: the actor's own Graph session and progress updates. */
async function commandContext(
  context: TurnContext,
  state: TurnState,
  services: TurnServices,
  actor: Actor,
  text?: string,
  withoutToken = false,
): Promise<CommandContext | undefined> {
  // A command that reads no Graph (help) never asks for a token: no sign-in card, no token service call.
  const token = withoutToken ? undefined : await services.tokens.tokenFor(context, state);
  if (!token && !withoutToken) return undefined;
  const graph = openGraphSession(services.graph, token ? async () => token : NO_TOKEN);
  return {
    actor,
    graph,
    pending: services.pending,
    log: services.log,
    journal: services.journal,
    history: services.history,
    files: services.files,
    digests: services.digests,
    licenceChecks: services.licenceChecks,
    recentGroups: services.recentGroups,
    requests: services.requestsPort({ actor, graph }, context),
    conversation: conversationOf(context),
    now: () => new Date(),
    text,
    progress: progressUpdates(context),
  };
}

/** Progress of a long operation: the first report is sent, later ones update it in place (Teams: updateActivity). */
function progressUpdates(context: TurnContext): (reply: Reply) => Promise<void> {
  let progressId: string | undefined;
  return async (given) => {
    const r = localizeReply(given, readerTimeZone(context.activity));
    const activity = {
      type: 'message',
      text: r.text,
      ...(r.card ? { attachments: [CardFactory.adaptiveCard(r.card)] } : {}),
    };
    if (!progressId) {
      progressId = (await context.sendActivity(activity))?.id;
    } else {
      await context.updateActivity({ ...activity, id: progressId });
    }
  };
}

/**
 * A typed message: language → command, the times in the replies shown in the sender's zone. Never throws;
 * unexpected errors become one sentence.
 */
export async function handleText(
  context: TurnContext,
  state: TurnState,
  services: TurnServices,
  actor: Actor | undefined,
  text: string,
): Promise<Reply[]> {
  const zone = readerTimeZone(context.activity);
  return (await answerText(context, state, services, actor, text)).map((r) => localizeReply(r, zone));
}

async function answerText(
  context: TurnContext,
  state: TurnState,
  services: TurnServices,
  actor: Actor | undefined,
  text: string,
): Promise<Reply[]> {
  const intent = parseIntent(text);
  if (!actor) return [reply(WHO_ARE_YOU)];
  // "my requests" and "pending approvals" share one intent; the request list reads the words to choose. Help
  // needs no sign-in: its command reads no Graph.
  const ctx = await commandContext(
    context,
    state,
    services,
    actor,
    intent.intent === 'listRequests' || intent.intent === 'unknown' ? text.slice(0, 256) : undefined,
    intent.intent === 'help',
  );
  if (!ctx) return [signInReply(context)];
  services.log.debug('turn.intent', { intent: intent.intent });
  const read = await readThroughDirectory(intent, text, ctx, tenantOf(context), services.groupNames);
  if ('outcome' in read) return read.outcome.replies;
  const out = await runIntent(read.intent, ctx);
  return out.replies;
}

/** The tenant of the turn (the group-name index is kept per tenant). Never throws. */
function tenantOf(context: TurnContext): string {
  const data = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return context.activity.conversation?.tenantId ?? data?.tenant?.id ?? 'default';
}

/**
 * A card action (Action.Execute invoke or Action.Submit message): the payload is re-validated here, the
 * clicker is whoever the channel says clicked (never a field of the payload), and every id in it is only a key
 * to server-side state that the command layer checks again.
 */
export async function handleAction(
  context: TurnContext,
  state: TurnState,
  services: TurnServices,
  actor: Actor | undefined,
  value: unknown,
  via: 'execute' | 'submit',
): Promise<Reply[]> {
  const zone = readerTimeZone(context.activity);
  return (await answerAction(context, state, services, actor, value, via)).map((r) => localizeReply(r, zone));
}

/** The one answer to a payload the card-verb registry refuses (crafted, or from a card of an older version). */
function refusedCard(error: string, log: Logger): Reply[] {
  log.warn('card.rejected', { reason: error });
  return [reply(`I couldn't use that button: ${error}`)];
}

async function answerAction(
  context: TurnContext,
  state: TurnState,
  services: TurnServices,
  actor: Actor | undefined,
  value: unknown,
  _via: 'execute' | 'submit',
): Promise<Reply[]> {
  const parsed = parseCardAction(value);
  if (!parsed.ok) return refusedCard(parsed.error, services.log);
  const action = parsed.action;
  if (!isCommandAction(action)) return answerText(context, state, services, actor, action.text);
  if (!actor) return [reply(WHO_ARE_YOU)];
  // A refresh shows the card as this viewer should see it, from the store alone: it needs no Graph token, and
  // Teams sends it for viewers who never signed in (bot/teams/sign-in.ts starts no sign-in for it).
  const ctx = await commandContext(context, state, services, actor, undefined, !needsToken(action.verb));
  if (!ctx) return [signInReply(context)];
  // Every card verb, the access requests' included, has its one handler in bot/commands/card-verb-handlers.ts.
  return (await runCardAction(action, ctx)).replies;
}
