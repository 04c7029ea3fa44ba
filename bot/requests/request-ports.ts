/**
 * The ports of the request workflow: how it reaches people (messenger), reads and writes the directory
 * (directory) and tells the time (clock). bot/teams implements the messenger with botbuilder, bot/directory the
 * directory with the user's delegated Graph token; tests use recording fakes. Nothing here knows Teams or Graph.
 */
import type { AdaptiveCard } from '../../cards';
import type { RequestDirectory } from '../directory/request-directory-port';
import type { TeamChannel } from './owner-reach';

export type { DirectoryPerson, RequestDirectory } from '../directory/request-directory-port';

/** Someone to @mention: their chat user id (Teams `29:…`) when known, else their Entra object id, and name. */
export interface MentionTarget {
  id: string;
  name: string;
}

/** A message to post: text, a card, people to mention (the text then starts "Name: …"). */
export interface OutboundMessage {
  text?: string;
  card?: AdaptiveCard;
  mention?: readonly MentionTarget[];
}

/** Where a posted message is. */
export interface PostedMessage {
  conversationId: string;
  activityId: string;
}

/** The conversation a turn happens in, and who acted there. */
export interface TurnPlace {
  conversationId: string;
  /** The card that was clicked (its message id), for card actions. */
  clickedActivityId?: string;
  /** A group chat or channel: replies meant for one person are addressed to them or go to their 1:1 chat. */
  shared: boolean;
  /** The person who acted, as the chat knows them (for an @mention). */
  from?: MentionTarget;
  /** The channel's own turn object, passed back to the messenger untouched (opaque here). */
  turn?: unknown;
}

/** What opening a 1:1 chat gave: the chat, or why there is none (owner-reach.ts NoChatReason). */
export type PersonalChatOpening = { conversationId: string } | { refused: 'no-app' | 'no-chat' | 'failed' };

/** The outcome of installing groupbot for someone (bot/directory/teams-app-install.ts), or 'unavailable'. */
export type AppInstallResult = 'installed' | 'already-installed' | 'forbidden' | 'not-in-catalog' | 'unavailable';

/** How the workflow reaches people. Implementations throw what their channel throws. */
export interface RequestMessengerPort {
  /** Posts into a conversation; undefined when the conversation is unknown or the post got no message id. */
  post(conversationId: string, message: OutboundMessage, place?: TurnPlace): Promise<PostedMessage | undefined>;
  /** Replaces the card of an earlier message for everyone; false when the conversation is unknown. */
  updateCard(conversationId: string, activityId: string, card: AdaptiveCard, place?: TurnPlace): Promise<boolean>;
  /** The user's 1:1 conversation with the bot, when known. */
  personalConversationOf(userId: string): Promise<string | undefined>;
  /**
   * Opens the user's 1:1 chat with the bot (Teams creates it when the user has the app installed) and remembers it.
   * `chatUserId` is their Teams id when known (else their Entra object id is used). Never throws. Optional: without
   * it nobody is reached who has not chatted before.
   */
  openPersonal?(userId: string, chatUserId?: string): Promise<PersonalChatOpening>;
  /** The channel of the group's own team (a Microsoft 365 group's team), when groupbot is installed there. */
  teamChannelOf?(groupId: string): Promise<TeamChannel | undefined>;
  /** Installs groupbot for `userId` with `byUserId`'s delegated token. Never throws ('unavailable': not tried). */
  installFor?(userId: string, byUserId: string): Promise<AppInstallResult>;
  /**
   * Chat user ids (Teams MRIs, `29:…`) of the given Entra object ids, by Entra object id: known ones (cached), else
   * looked up one by one in the turn's conversation (`place`; none without a turn). People whose chat id is not
   * known are left out (and logged): Teams ignores Entra ids in a card's `refresh.userIds`. Never throws.
   */
  mentionIds(place: TurnPlace | undefined, userIds: readonly string[]): Promise<Record<string, string>>;
}

/** Who acts in a turn: their Entra object id and the directory as them (their own delegated session). */
export interface RequestActor {
  id: string;
  directory: RequestDirectory;
}

/** Opens the directory as a user outside their turn (sweeper retries, time-bound removals); undefined without a token. */
export type DirectoryForUser = (userId: string) => Promise<RequestDirectory | undefined>;

/** The clock (tests move it). */
export type Clock = () => Date;
