/**
 * Opens a user's 1:1 chat with the bot through the Bot Connector's createConversation, as Teams documents for
 * proactive messages: `isGroup: false`, the tenant, and one member (their Teams id, or their Entra object id, which
 * Teams accepts only when the user has the app installed). Teams answers 403 when the app is not installed for the
 * user; the chat it returns is the user's one personal chat with the bot, the same id their messages carry.
 */
import type { ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';

/** The part of the adapter this needs (CloudAdapter / TeamsAdapter have it). */
export interface ConversationCreator {
  createConversationAsync(
    botAppId: string,
    channelId: string,
    serviceUrl: string,
    audience: string | undefined,
    parameters: ConversationParameters,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

/** Where the bot talks to Teams: learnt from any conversation reference (serviceUrl, tenant, the bot's account). */
export interface TeamsService {
  serviceUrl: string;
  tenantId: string;
  bot: { id: string; name?: string };
}

/** What opening gave: the new chat's reference, or why not ('no-app': Teams refused, 403/404). */
export type PersonalChatResult =
  { reference: Partial<ConversationReference> } | { refused: 'no-app' | 'failed'; status?: number; error?: unknown };

/** The HTTP status of a connector error (RestError.statusCode), or undefined. Pure. */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown; status?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The createConversation body for a 1:1 chat with `memberId` (Teams id or Entra object id). Pure. */
export function personalChatParameters(service: TeamsService, memberId: string): ConversationParameters {
  return {
    isGroup: false,
    tenantId: service.tenantId,
    members: [{ id: memberId, name: '' }],
    bot: { id: service.bot.id, name: service.bot.name ?? '' },
    channelData: { tenant: { id: service.tenantId } },
  } as ConversationParameters;
}

/**
 * Creates (or finds: Teams returns the existing one) the 1:1 chat of `user` with the bot and returns its conversation
 * reference. A 403 (the bot is not in that user's roster: app not installed) or 404 (unknown user) is 'no-app';
 * anything else is 'failed' with the error. Never throws.
 */
export async function openPersonalChat(
  adapter: ConversationCreator,
  botAppId: string,
  service: TeamsService,
  user: { aadObjectId: string; chatId?: string },
): Promise<PersonalChatResult> {
  let conversationId: string | undefined;
  try {
    await adapter.createConversationAsync(
      botAppId,
      'msteams',
      service.serviceUrl,
      undefined,
      personalChatParameters(service, user.chatId ?? user.aadObjectId),
      async (context) => {
        conversationId = context.activity.conversation?.id;
      },
    );
  } catch (err) {
    const status = statusOf(err);
    if (status === 403 || status === 404) return { refused: 'no-app', status };
    return { refused: 'failed', ...(status ? { status } : {}), error: err };
  }
  if (!conversationId) return { refused: 'failed' };
  return {
    reference: {
      channelId: 'msteams',
      serviceUrl: service.serviceUrl,
      bot: { id: service.bot.id, name: service.bot.name ?? '' },
      user: { id: user.chatId ?? user.aadObjectId, name: '', aadObjectId: user.aadObjectId },
      conversation: {
        id: conversationId,
        conversationType: 'personal',
        isGroup: false,
        tenantId: service.tenantId,
        name: '',
      },
    },
  };
}
