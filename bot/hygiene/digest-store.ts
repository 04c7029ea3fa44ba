/**
 * Weekly digest subscriptions in the bot's key/value table, one per conversation under `digest:<conversationId>`:
 * who asked (the digest runs with their delegated token), where it goes and when it was last sent. A sweep
 * claims a due digest with a lease (an optimistic eTag write), scans, renews the lease just before posting (so an
 * instance whose lease another took over never posts), and marks it sent only after the post was delivered. A
 * failed scan or post releases the claim with a retry time that backs off; a crashed instance's lease expires.
 * So a digest is neither skipped for a week by one failure nor sent twice by two instances.
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
  /** An instance is scanning or posting it until then (ISO); others leave it alone. */
  claimedUntil?: string;
  /** After a failed scan or post: not tried again before then (ISO). */
  retryAt?: string;
  /** Failed attempts since the last digest went out (the retry wait doubles with each). */
  failures?: number;
}

/** How long a claim holds: longer than any scan (50,000 groups take minutes, not half an hour). */
export const DIGEST_LEASE_MS = 30 * 60_000;
/** The first retry after a failure; each further failure doubles it, up to a day. */
export const DIGEST_RETRY_MS = 15 * 60_000;
const MAX_RETRY_MS = 86_400_000;

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
    ...(typeof v.claimedUntil === 'string' ? { claimedUntil: v.claimedUntil } : {}),
    ...(typeof v.retryAt === 'string' ? { retryAt: v.retryAt } : {}),
    ...(typeof v.failures === 'number' && v.failures > 0 ? { failures: v.failures } : {}),
  };
}

/** The subscription without sweep state (claim, retry, failures). Pure. */
function settled(sub: DigestSubscription): DigestSubscription {
  const { claimedUntil: _c, retryAt: _r, failures: _f, ...rest } = sub;
  return rest;
}

/** The wait before retrying after the `failures`-th failure in a row: 15 min, 30 min, 1 h, … up to a day. Pure. */
export function digestRetryMs(failures: number): number {
  return Math.min(MAX_RETRY_MS, DIGEST_RETRY_MS * 2 ** Math.max(0, Math.min(failures - 1, 20)));
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
   * Claims the subscription until `at + leaseMs` unless another instance changed it since `eTag` was read.
   * Resolves to the claim's eTag (for renew, markSent, release), or undefined when another caller won. Throws on
   * database errors.
   */
  claim(sub: DigestSubscription, eTag: string, at: Date, leaseMs = DIGEST_LEASE_MS): Promise<string | undefined> {
    const next = { ...sub, claimedUntil: new Date(at.getTime() + leaseMs).toISOString() };
    return this.kv.setIf(DIGEST_KEY_PREFIX + sub.conversationId, next, eTag);
  }

  /**
   * Extends a claim this caller holds (just before posting); the new eTag, or undefined when the claim was lost
   * (expired and taken, or the subscription changed or stopped): then the caller must not post. Throws on
   * database errors.
   */
  renew(sub: DigestSubscription, eTag: string, at: Date, leaseMs = DIGEST_LEASE_MS): Promise<string | undefined> {
    return this.claim(sub, eTag, at, leaseMs);
  }

  /**
   * Marks the digest delivered at `at` and ends the claim (failures forgotten); false when the claim was lost
   * meanwhile. Throws on database errors.
   */
  async markSent(sub: DigestSubscription, eTag: string, at: Date): Promise<boolean> {
    const next = { ...settled(sub), lastSentAt: at.toISOString() };
    return (await this.kv.setIf(DIGEST_KEY_PREFIX + sub.conversationId, next, eTag)) !== undefined;
  }

  /**
   * Ends a claim whose scan or post failed: the digest stays due and is tried again after digestRetryMs; false
   * when the claim was lost meanwhile. Throws on database errors.
   */
  async release(sub: DigestSubscription, eTag: string, at: Date): Promise<boolean> {
    const failures = (sub.failures ?? 0) + 1;
    const next = {
      ...settled(sub),
      failures,
      retryAt: new Date(at.getTime() + digestRetryMs(failures)).toISOString(),
    };
    return (await this.kv.setIf(DIGEST_KEY_PREFIX + sub.conversationId, next, eTag)) !== undefined;
  }
}

/**
 * True when the subscription's next digest is due at `now`: never sent, or sent `everyDays` ago or more; and not
 * claimed by an instance now, nor waiting to retry after a failure. Pure.
 */
export function isDigestDue(sub: DigestSubscription, now: Date, everyDays: number): boolean {
  const until = (iso: string | undefined): boolean => !!iso && new Date(iso).getTime() > now.getTime();
  if (until(sub.claimedUntil) || until(sub.retryAt)) return false;
  if (!sub.lastSentAt) return true;
  const last = new Date(sub.lastSentAt).getTime();
  if (Number.isNaN(last)) return true;
  return now.getTime() - last >= everyDays * 86_400_000;
}
