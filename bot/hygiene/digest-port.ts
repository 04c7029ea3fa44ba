/** What the digest commands need from the bot shell: the subscriptions and where a user's 1:1 chat is. */
import type { DigestStore } from './digest-store';

export interface DigestPort {
  store: DigestStore;
  /** The user's 1:1 conversation with the bot, when the bot knows it. Throws on database errors. */
  personalConversationOf(userId: string): Promise<string | undefined>;
}
