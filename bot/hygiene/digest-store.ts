/**
 * Weekly digest subscriptions in the bot's key/value table, one per conversation under `digest:<conversationId>`:
 * who asked (the digest runs with their delegated token), where it goes and when it was last sent. Claims are
 * optimistic (eTags), so several bot instances never send the same digest twice.
 */
import type { KeyValueRepository } from '../store/key-value-repository';

export const DIGEST_KEY_PREFIX = 'digest:';

/** Where a digest goes and on whose behalf. */
export interface DigestSubscription {
  conversationId: string;
  /** `personal`: someone's 1:1 chat with the bot; `channel` or `groupChat`: posted for everyone there. */
  kind: 'personal' | 'channel' | 'groupChat';
  /** The user whose token the scan runs with; only they or an administrator may stop it. */
  ownerId: string;
  ownerName: string;
  createdAt: string;
  /** When the last digest went out (ISO); the next is due `everyDays` later. */
  lastSentAt?: string;
}

/** Most subscriptions one sweep reads. */
const LIST_LIMIT = 1000;

function parse(value: unknown): DigestSubscription | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.conversationId !== 'string' || typeof v.ownerId !== 'string') return undefined;
  if (typeof v.ownerName !== 'string' || typeof v.createdAt !== 'string') return undefined;
  if (v.kind !== 'personal' && v.kind !== 'channel' && v.kind !== 'groupChat') return undefined;
  return {
    conversationId: v.conversationId,
    kind: v.kind,
    ownerId: v.ownerId,
    ownerName: v.ownerName,
    createdAt: v.createdAt,
    ...(typeof v.lastSentAt === 'string' ? { lastSentAt: v.lastSentAt } : {}),
  };
}

/** The subscriptions, over the key/value repository. */
export class DigestStore {
  constructor(private readonly kv: KeyValueRepository) {}

  /** The conversation's subscription, if any. Throws on database errors. */
  async get(conversationId: string): Promise<DigestSubscription | undefined> {
    return parse((await this.kv.get(DIGEST_KEY_PREFIX + conversationId))?.value);
  }

  /** Creates or replaces the conversation's subscription. Throws on database errors. */
  async put(sub: DigestSubscription): Promise<void> {
    await this.kv.set(DIGEST_KEY_PREFIX + sub.conversationId, sub);
  }

  /** Stops the conversation's digest; false when there was none. Throws on database errors. */
  remove(conversationId: string): Promise<boolean> {
    return this.kv.delete(DIGEST_KEY_PREFIX + conversationId);
  }

  /** Every subscription with its eTag (for claim). Unreadable values are skipped. Throws on database errors. */
  async list(now: Date): Promise<{ sub: DigestSubscription; eTag: string }[]> {
    const rows = await this.kv.listUnexpired(DIGEST_KEY_PREFIX, now, LIST_LIMIT);
    const versions = await this.kv.getMany(rows.map((r) => r.key));
    const out: { sub: DigestSubscription; eTag: string }[] = [];
    for (const [, v] of versions) {
      const sub = parse(v.value);
      if (sub) out.push({ sub, eTag: v.eTag });
    }
    return out;
  }

  /**
   * Marks the subscription sent at `at` unless another instance changed it since `eTag` was read; true when this
   * caller won the claim. Throws on database errors.
   */
  async claim(sub: DigestSubscription, eTag: string, at: Date): Promise<boolean> {
    const next = { ...sub, lastSentAt: at.toISOString() };
    return (await this.kv.setIf(DIGEST_KEY_PREFIX + sub.conversationId, next, eTag)) !== undefined;
  }
}

/** True when the subscription's next digest is due at `now` (never sent, or sent `everyDays` ago or more). Pure. */
export function isDigestDue(sub: DigestSubscription, now: Date, everyDays: number): boolean {
  if (!sub.lastSentAt) return true;
  const last = new Date(sub.lastSentAt).getTime();
  if (Number.isNaN(last)) return true;
  return now.getTime() - last >= everyDays * 86_400_000;
}
