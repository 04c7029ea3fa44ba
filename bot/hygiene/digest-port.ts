/** What the digest commands need from the bot shell: the subscriptions and where a user's 1:1 chat is. */
import type { DigestStore } from './digest-store';
import type { HygieneSettings } from './hygiene-settings';

export interface DigestPort {
  store: DigestStore;
  /** The digest's settings (BotConfig.hygiene): the hygiene commands read their limits here. */
  settings: HygieneSettings;
  /** The user's 1:1 conversation with the bot, when the bot knows it. Throws on database errors. */
  personalConversationOf(userId: string): Promise<string | undefined>;
}
