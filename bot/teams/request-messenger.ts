/**
 * Proactive messages for the access-request flow: remembers a ConversationReference for every conversation the
 * bot sees (each user's 1:1 chat, and each team's channel by the team's Entra group id), opens a user's 1:1 chat
 * with createConversation when it has none, posts cards and messages into them later, and updates earlier cards in
 * place (updateActivity) through `adapter.continueConversationAsync`.
 */
import { CardFactory, TurnContext, type Activity, type ConversationReference, type Mention } from 'botbuilder';
import type { ConversationReferenceRepository } from '../store';
import type { AdaptiveCard } from '../../cards';
import type { Logger } from '../log';
import { USER_REFERENCE_KEY } from './user-address';
import type { AppInstallResult, MentionTarget, PersonalChatOpening, PostedMessage } from '../requests/request-ports';
import type { TeamChannel } from '../requests/owner-reach';
import { openPersonalChat, type ConversationCreator, type TeamsService } from './personal-chat';

/** The part of the Bot Framework adapter proactive messages need (CloudAdapter / TeamsAdapter have it). */
export interface ProactiveAdapter extends Partial<ConversationCreator> {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export type { PostedMessage } from '../requests/request-ports';

const CONVERSATION_KEY = 'conversation:';
/** Where the bot talks to Teams (serviceUrl, tenant, the bot's account), from the latest conversation seen. */
const SERVICE_KEY = 'service:msteams';
/** A team's channel by the team's Entra group id (`channelData.team.aadGroupId`). */
const TEAM_KEY = 'team-group:';

interface TeamData {
  id?: string;
  name?: string;
  aadGroupId?: string;
}

/** The team of an activity in a team (Teams' `channelData.team`), when it names its Entra group. Pure. */
export function teamOf(activity: Partial<Activity>): { id: string; name: string; aadGroupId: string } | undefined {
  const team = (activity.channelData as { team?: TeamData } | undefined)?.team;
  if (!team?.id || !team.aadGroupId) return undefined;
  return { id: team.id, name: team.name ?? '', aadGroupId: team.aadGroupId.toLowerCase() };
}

/** True for a 1:1 chat with the bot. Pure. */
export function isPersonal(activity: Partial<Activity>): boolean {
  const c = activity.conversation;
  return c?.conversationType === 'personal' || (c?.conversationType === undefined && c?.isGroup === false);
}

/**
 * Builds a message activity: optional text, optional card, and @mentions. With a card, the text and mentions go
 * into the card (a first TextBlock "<at>Name</at>: text" plus `msteams.entities`, as Teams renders mentions in
 * cards); without one, into the message text with mention entities. The mentions lead the text, set apart by a
 * colon ("Olga Owner: Ana Silva asks to join…"). The `summary` (the chat list's preview) has the names without the
 * `<at>` markup. Pure.
 */
export function messageActivity(opts: {
  text?: string;
  card?: AdaptiveCard;
  mention?: readonly MentionTarget[];
}): Partial<Activity> {
  const mentions = opts.mention ?? [];
  const lead = mentions.map((m) => `<at>${m.name}</at>`).join(', ');
  const text = lead && opts.text ? `${lead}: ${opts.text}` : lead || opts.text || '';
  const entities: Mention[] = mentions.map(
    (m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } }) as Mention,
  );
  if (opts.card) {
    let card: Record<string, unknown> = { ...opts.card };
    if (text) card = { ...card, body: [{ type: 'TextBlock', text, wrap: true }, ...opts.card.body] };
    if (entities.length) card = { ...card, msteams: { ...(opts.card.msteams ?? {}), entities } };
    // No activity text beside the card: a channel may split text + card into two messages (the Agents Playground
    // does, and then answers without the message id that later card updates need).
    // The chat list previews `summary` as plain text: the names without the <at> markup the card uses.
    const summary = text ? text.replace(/<at>(.*?)<\/at>/g, '$1') : opts.card.fallbackText;
    return { type: 'message', attachments: [CardFactory.adaptiveCard(card)], summary };
  }
  return { type: 'message', ...(text ? { text } : {}), ...(entities.length ? { entities } : {}) };
}

/** What the coordinator needs to reach people (RequestMessenger; a recording fake in tests). */
export type RequestPoster = Pick<RequestMessenger, 'post' | 'updateCard' | 'personalConversationOf'> &
  Partial<Pick<RequestMessenger, 'openPersonal' | 'teamChannelOf' | 'installFor'>>;

export class RequestMessenger {
  private readonly written = new Map<string, string>();

  constructor(
    private readonly deps: {
      adapter?: ProactiveAdapter;
      /** The bot's app id; '' in local mode (anonymous adapter). */
      botAppId: string;
      conversations: ConversationReferenceRepository;
      log: Logger;
      clock?: () => Date;
      /** The bot's tenant (BOT_TENANT_ID), used to open a 1:1 chat when no conversation told it yet. */
      tenantId?: string;
      /**
       * Installs groupbot for a user with another user's delegated token (bot/directory/teams-app-install.ts behind
       * TEAMS_APP_CATALOG_ID); absent: never tried. Throws what the directory throws.
       */
      installApp?: (userId: string, byUserId: string) => Promise<AppInstallResult>;
    },
  ) {}

  /**
   * Records the conversation of this turn (for later posts and card updates), the sender's address (their channel
   * user id and channel, which the token service needs to give their token outside their turn) and, in a 1:1 chat,
   * the user's personal conversation. Skips writes when nothing changed since this process last wrote, except on
   * Teams' install and conversation events: another instance may have forgotten the row since. Throws on
   * database errors.
   */
  async remember(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (!activity?.conversation?.id || !activity.serviceUrl) return;
    const ref = TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>;
    delete ref.activityId;
    const writes: Array<[string, Record<string, unknown>]> = [[CONVERSATION_KEY + activity.conversation.id, ref]];
    const personal = isPersonal(activity);
    const userId = activity.from?.aadObjectId?.toLowerCase();
    if (personal && userId) writes.push([userId, ref]);
    const tenantId = activity.conversation.tenantId ?? this.deps.tenantId;
    if (activity.channelId === 'msteams' && tenantId && activity.recipient?.id) {
      const service: TeamsService = {
        serviceUrl: activity.serviceUrl,
        tenantId,
        bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
      };
      writes.push([SERVICE_KEY, service as unknown as Record<string, unknown>]);
    }
    const team = teamOf(activity);
    if (team) {
      // The team's channel (its id is the team's, General's): posts there start a new thread, as Teams does.
      const channelRef = { ...ref, conversation: { ...(ref.conversation as object), id: team.id } };
      writes.push([CONVERSATION_KEY + team.id, channelRef]);
      writes.push([TEAM_KEY + team.aadGroupId, { conversationId: team.id, teamName: team.name }]);
    }
    // Only the parts that identify the user, so moving between conversations does not rewrite it.
    if (userId && activity.from.id && activity.channelId) {
      writes.push([
        USER_REFERENCE_KEY + userId,
        { user: { id: activity.from.id, aadObjectId: activity.from.aadObjectId }, channelId: activity.channelId },
      ]);
    }
    const at = (this.deps.clock ?? (() => new Date()))();
    // `written` is this process's memory: an uninstall handled by another instance deleted the row without telling
    // it, so the events that follow a (re)install always write.
    const event = activity.type === 'installationUpdate' || activity.type === 'conversationUpdate';
    // The same reference goes under two keys: written out once (this runs on every turn).
    const texts = new Map<object, string>();
    for (const [key, value] of writes) {
      const json = texts.get(value) ?? JSON.stringify(value);
      texts.set(value, json);
      if (!event && this.written.get(key) === json) continue;
      await this.deps.conversations.put(key, value, at);
      this.written.set(key, json);
    }
  }

  /**
   * Forgets what an uninstall ends: the user's 1:1 chat (installationUpdate remove in a personal chat) or the
   * team's channel (in a team). Throws on database errors.
   */
  async forget(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const userId = activity.from?.aadObjectId?.toLowerCase();
    const drop = async (key: string) => {
      this.written.delete(key);
      await this.deps.conversations.delete(key);
    };
    if (isPersonal(activity)) {
      if (userId) await drop(userId);
      if (activity.conversation?.id) await drop(CONVERSATION_KEY + activity.conversation.id);
      return;
    }
    const team = teamOf(activity);
    if (team) {
      await drop(TEAM_KEY + team.aadGroupId);
      await drop(CONVERSATION_KEY + team.id);
    }
  }

  /**
   * Opens the user's 1:1 chat with createConversation (Teams has it when the user has the app installed) and
   * remembers it; when the app is missing and `byUserId` is given and installing is configured, installs it
   * first. Never throws (logs): 'no-chat' when nothing is known to open a chat with (local mode, no Teams address
   * yet), 'no-app' when Teams refuses (app not installed), 'failed' otherwise.
   */
  async openPersonal(userId: string, chatUserId?: string): Promise<PersonalChatOpening> {
    const adapter = this.deps.adapter;
    if (!adapter?.createConversationAsync || !this.deps.botAppId) return { refused: 'no-chat' };
    try {
      const service = (await this.deps.conversations.get(SERVICE_KEY))?.reference as TeamsService | undefined;
      if (!service?.serviceUrl || !service.tenantId) return { refused: 'no-chat' };
      const aadObjectId = userId.toLowerCase();
      const opened = await openPersonalChat(
        adapter as ConversationCreator,
        this.deps.botAppId,
        service,
        chatUserId?.startsWith('29:') ? { aadObjectId, chatId: chatUserId } : { aadObjectId },
      );
      if ('refused' in opened) {
        this.deps.log.info('requests.openPersonal', {
          userId,
          refused: opened.refused,
          status: opened.status,
          error: opened.error,
        });
        return { refused: opened.refused };
      }
      const conversationId = opened.reference.conversation?.id as string;
      const at = (this.deps.clock ?? (() => new Date()))();
      await this.deps.conversations.put(
        CONVERSATION_KEY + conversationId,
        opened.reference as Record<string, unknown>,
        at,
      );
      await this.deps.conversations.put(aadObjectId, opened.reference as Record<string, unknown>, at);
      return { conversationId };
    } catch (err) {
      this.deps.log.warn('requests.openPersonal', { userId, error: err });
      return { refused: 'failed' };
    }
  }

  /** The channel of the team whose Entra group is `groupId`, when groupbot is installed there. Throws on database errors. */
  async teamChannelOf(groupId: string): Promise<TeamChannel | undefined> {
    const stored = await this.deps.conversations.get(TEAM_KEY + groupId.toLowerCase());
    const v = stored?.reference as Partial<TeamChannel> | undefined;
    return typeof v?.conversationId === 'string'
      ? { conversationId: v.conversationId, teamName: v.teamName ?? '' }
      : undefined;
  }

  /** Installs groupbot for `userId` with `byUserId`'s token, when configured. Never throws (logs; 'unavailable'). */
  async installFor(userId: string, byUserId: string): Promise<AppInstallResult> {
    if (!this.deps.installApp) return 'unavailable';
    try {
      const outcome = await this.deps.installApp(userId, byUserId);
      this.deps.log.info('requests.installApp', { userId, outcome });
      return outcome;
    } catch (err) {
      this.deps.log.warn('requests.installApp', { userId, error: err });
      return 'unavailable';
    }
  }

  /** The user's 1:1 conversation id, when the bot knows it. Throws on database errors. */
  async personalConversationOf(userId: string): Promise<string | undefined> {
    const stored = await this.deps.conversations.get(userId.toLowerCase());
    const conv = stored?.reference.conversation as { id?: unknown } | undefined;
    return typeof conv?.id === 'string' ? conv.id : undefined;
  }

  /**
   * Posts `activity` into the conversation: through `here` when it is that conversation's turn, otherwise
   * proactively from the stored reference. Resolves to the new message, or undefined when the conversation is
   * unknown or the adapter is missing (logged). Throws what the channel throws.
   */
  async post(
    conversationId: string,
    activity: Partial<Activity>,
    here?: TurnContext,
  ): Promise<PostedMessage | undefined> {
    // Proactively first: a reply within a turn (replyToActivity) does not always come back with the new message's
    // id (the Agents Playground answers an invoke turn's replies without one), and the id is what updates need.
    let id: string | undefined;
    const ran = await this.withConversation(
      conversationId,
      async (ctx) => {
        id = (await ctx.sendActivity(activity))?.id;
      },
      here === undefined || here.activity.conversation?.id !== conversationId,
    );
    if (ran) return id ? { conversationId, activityId: id } : undefined;
    if (here && here.activity.conversation?.id === conversationId) {
      const res = await here.sendActivity(activity);
      return res?.id ? { conversationId, activityId: res.id } : undefined;
    }
    return undefined;
  }

  /**
   * Replaces an earlier message's card in place. Resolves false when the conversation is unknown. Throws what the
   * channel throws (e.g. the message was deleted).
   */
  async updateCard(
    conversationId: string,
    activityId: string,
    card: AdaptiveCard,
    here?: TurnContext,
  ): Promise<boolean> {
    const activity: Partial<Activity> = { ...messageActivity({ card }), id: activityId };
    if (here && here.activity.conversation?.id === conversationId) {
      await here.updateActivity(activity);
      return true;
    }
    return this.withConversation(conversationId, async (ctx) => {
      await ctx.updateActivity(activity);
    });
  }

  private async withConversation(
    conversationId: string,
    logic: (ctx: TurnContext) => Promise<void>,
    warn = true,
  ): Promise<boolean> {
    const adapter = this.deps.adapter;
    if (!adapter) {
      if (warn) this.deps.log.warn('requests.noAdapter', { conversationId });
      return false;
    }
    const stored = await this.deps.conversations.get(CONVERSATION_KEY + conversationId);
    if (!stored) {
      if (warn) this.deps.log.warn('requests.unknownConversation', { conversationId });
      return false;
    }
    await adapter.continueConversationAsync(
      this.deps.botAppId,
      stored.reference as Partial<ConversationReference>,
      logic,
    );
    return true;
  }
}
