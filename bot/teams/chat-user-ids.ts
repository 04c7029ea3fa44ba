/**
 * Teams chat user ids (MRIs, `29:…`) of Entra users, for @mentions and a card's `refresh.userIds` (Teams ignores
 * Entra ids there). Looked up one person at a time with `TeamsInfo.getMember` (GET
 * /v3/conversations/{id}/members/{aadObjectId}), never by listing the roster (`getMembers` is deprecated and
 * throttled to a few calls a minute), and cached in the store's key-value table: a user's MRI does not change for
 * a bot, so the cache lives long.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { KeyValueRepository } from '../store';
import type { Logger } from '../log';

const KEY = 'teams-chat-id:';
const DEFAULT_KEEP_DAYS = 180;
const DAY = 86_400_000;

export interface ChatUserIdsDeps {
  keyValue: KeyValueRepository;
  log: Logger;
  /** How long a looked-up MRI is kept (default 180 days). */
  keepDays?: number;
  clock?: () => Date;
}

/**
 * Records known chat ids (e.g. local mode's Playground users, whose connector looks members up by chat id only).
 * Throws on database errors.
 */
export async function rememberChatIds(
  keyValue: KeyValueRepository,
  people: readonly { aadObjectId?: string; id: string }[],
  now = new Date(),
  keepDays = DEFAULT_KEEP_DAYS,
): Promise<void> {
  const until = new Date(now.getTime() + keepDays * DAY);
  for (const p of people) {
    if (p.aadObjectId && p.id) await keyValue.putExpiring(KEY + p.aadObjectId.toLowerCase(), p.id, until);
  }
}

/** Entra object id → Teams MRI, cached. */
export class ChatUserIds {
  private readonly clock: () => Date;

  constructor(private readonly deps: ChatUserIdsDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /**
   * The MRIs of `userIds` (Entra object ids), by lower-case Entra id: from the cache, else looked up in the
   * conversation of `here` (one getMember per person not cached). People with no MRI found are left out and
   * logged (not in the conversation, no turn to ask in). Never throws.
   */
  async resolve(here: TurnContext | undefined, userIds: readonly string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const userId of new Set(userIds.map((id) => id.toLowerCase()))) {
      const mri = (await this.cached(userId)) ?? (here ? await this.lookUp(here, userId) : undefined);
      if (mri) out[userId] = mri;
      else
        this.deps.log.info('requests.noChatId', {
          userId,
          reason: here ? 'not found in the conversation' : 'not cached and no turn to ask in',
        });
    }
    return out;
  }

  /** The cached MRI of a user, or undefined (a store error is logged and counts as a miss). */
  private async cached(userId: string): Promise<string | undefined> {
    try {
      const value = await this.deps.keyValue.getUnexpired(KEY + userId, this.clock());
      return typeof value === 'string' && value ? value : undefined;
    } catch (err) {
      this.deps.log.warn('requests.chatIdCache', { userId, error: err });
      return undefined;
    }
  }

  /** Asks the connector for one member of the turn's conversation and caches the answer. Never throws. */
  private async lookUp(here: TurnContext, userId: string): Promise<string | undefined> {
    let mri: string | undefined;
    try {
      const member = await TeamsInfo.getMember(here, userId);
      const same = !member.aadObjectId || member.aadObjectId.toLowerCase() === userId;
      mri = member.id && same ? member.id : undefined;
    } catch (err) {
      this.deps.log.debug('requests.getMember', { userId, error: err });
      return undefined;
    }
    if (!mri) return undefined;
    try {
      await rememberChatIds(this.deps.keyValue, [{ aadObjectId: userId, id: mri }], this.clock(), this.deps.keepDays);
    } catch (err) {
      this.deps.log.warn('requests.chatIdCache', { userId, error: err });
    }
    return mri;
  }
}
