/**
 * Where the bot last saw a user: their channel user id (Teams: `29:...`, per bot) and channel id, read from the
 * conversation references the bot stores (RequestMessenger.remember: on every turn the sender's `{ user,
 * channelId }` under their Entra object id). The Bot Framework token service keys a user's cached token by
 * exactly these two values, so this is what fetching a token outside the user's turn needs.
 */
import type { ConversationReferenceRepository } from '../store';

/** A user's address in the Bot Framework: channel user id and channel id. */
export interface UserAddress {
  /** The channel's id for the user (`activity.from.id`); in Teams `29:...`. */
  userId: string;
  /** The channel (`msteams`). */
  channelId: string;
}

/**
 * Key prefix of the partial reference (`{ user, channelId }`) stored for every user the bot hears from, in any
 * conversation, by lower-case Entra object id. The bare object id key holds the user's 1:1 chat (kept apart: it
 * says where to post).
 */
export const USER_REFERENCE_KEY = 'user:';

/** The address in a serialized ConversationReference (`user.id`, `channelId`), or undefined when it lacks one. Pure. */
export function userAddressFrom(reference: Record<string, unknown>): UserAddress | undefined {
  const user = reference.user as { id?: unknown } | undefined;
  const channelId = reference.channelId;
  if (typeof user?.id !== 'string' || !user.id || typeof channelId !== 'string' || !channelId) return undefined;
  return { userId: user.id, channelId };
}

/**
 * The user's address: from the reference of the last turn they sent anywhere, else from their 1:1 chat's
 * reference (rows written before the per-user record existed). Undefined when the bot has never heard from them.
 * Throws on database errors.
 */
export async function userAddressOf(
  conversations: ConversationReferenceRepository,
  objectId: string,
): Promise<UserAddress | undefined> {
  const id = objectId.toLowerCase();
  for (const key of [USER_REFERENCE_KEY + id, id]) {
    const stored = await conversations.get(key);
    const address = stored ? userAddressFrom(stored.reference) : undefined;
    if (address) return address;
  }
  return undefined;
}
