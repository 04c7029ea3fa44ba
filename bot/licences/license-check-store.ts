/**
 * The delayed licence checks, kept in the key-value store so they survive a restart and are done once across
 * instances: one value per check under `licence-check:<id>`, with the time it is due. A sweeper claims a due check
 * with the value's eTag (a lease: another instance takes it over only once the lease ran out, so a crash mid-check
 * delays it but never loses it), then deletes it when done or puts it back for a later try.
 */
import { randomUUID } from 'node:crypto';
import type { KeyValueRepository } from '../store';

/** One licence assignment to check after Entra has processed it. */
export interface LicenceCheck {
  id: string;
  groupId: string;
  groupName: string;
  skuId: string;
  /** The licence as people say it ("Microsoft 365 E3"). */
  skuName: string;
  /** Who assigned it, and where they asked: they are told there. */
  askerId: string;
  askerName: string;
  conversationId: string;
  assignedAt: string;
  /** When to check (ISO time). */
  dueAt: string;
  /** Tries so far that could not finish (no token, Graph failing, Entra still processing). */
  attempts: number;
  /** Set while an instance works on it (ISO time the lease ends). */
  claimedUntil?: string;
}

/** What a command gives to schedule a check. */
export type LicenceCheckRequest = Omit<LicenceCheck, 'id' | 'assignedAt' | 'dueAt' | 'attempts' | 'claimedUntil'>;

/** What the licence commands see of the checks (CommandContext.licenceChecks). */
export interface LicenceCheckPort {
  /** Schedules a check `delaySeconds` from now. Throws on database errors. */
  schedule(request: LicenceCheckRequest, now: Date): Promise<LicenceCheck>;
  /** The delay before a check, in seconds (for the sentence that announces it). */
  readonly delaySeconds: number;
}

export interface LicenceCheckSettings {
  /** Seconds between an assignment and its check (LICENSE_CHECK_DELAY_SECONDS, default 300). */
  delaySeconds: number;
  /** Seconds an instance holds a claimed check before another may take it over (default 300). */
  leaseSeconds?: number;
  /** Days a check is kept at most, whatever happens (default 2). */
  keepDays?: number;
}

/** A claimed check and the eTag its next write must match. */
export interface ClaimedCheck {
  check: LicenceCheck;
  eTag: string;
}

export const LICENCE_CHECK_PREFIX = 'licence-check:';

function isCheck(v: unknown): v is LicenceCheck {
  const c = v as Partial<LicenceCheck> | null;
  return (
    !!c &&
    typeof c.id === 'string' &&
    typeof c.groupId === 'string' &&
    typeof c.skuId === 'string' &&
    typeof c.askerId === 'string' &&
    typeof c.conversationId === 'string' &&
    typeof c.dueAt === 'string' &&
    typeof c.attempts === 'number'
  );
}

/** True when the check is due at `now` and nobody holds it. Pure. */
export function isDue(c: LicenceCheck, now: Date): boolean {
  if (Date.parse(c.dueAt) > now.getTime()) return false;
  return !c.claimedUntil || Date.parse(c.claimedUntil) <= now.getTime();
}

export class LicenceCheckStore implements LicenceCheckPort {
  readonly delaySeconds: number;
  private readonly leaseMs: number;
  private readonly keepMs: number;

  constructor(
    private readonly kv: KeyValueRepository,
    settings: LicenceCheckSettings,
  ) {
    this.delaySeconds = settings.delaySeconds;
    this.leaseMs = (settings.leaseSeconds ?? 300) * 1000;
    this.keepMs = (settings.keepDays ?? 2) * 86_400_000;
  }

  /** Schedules a check `delaySeconds` after `now`. Throws on database errors. */
  async schedule(request: LicenceCheckRequest, now: Date): Promise<LicenceCheck> {
    const check: LicenceCheck = {
      ...request,
      id: randomUUID(),
      assignedAt: now.toISOString(),
      dueAt: new Date(now.getTime() + this.delaySeconds * 1000).toISOString(),
      attempts: 0,
    };
    await this.kv.putExpiring(LICENCE_CHECK_PREFIX + check.id, check, new Date(now.getTime() + this.keepMs));
    return check;
  }

  /** Checks due at `now` and not held by an instance (at most `limit`). Throws on database errors. */
  async due(now: Date, limit = 200): Promise<LicenceCheck[]> {
    const rows = await this.kv.listUnexpired(LICENCE_CHECK_PREFIX, now, 1000);
    return rows
      .map((r) => r.value)
      .filter(isCheck)
      .filter((c) => isDue(c, now))
      .slice(0, limit);
  }

  /** Every check still stored (tests, diagnostics). Throws on database errors. */
  async all(now: Date): Promise<LicenceCheck[]> {
    return (await this.kv.listUnexpired(LICENCE_CHECK_PREFIX, now, 1000)).map((r) => r.value).filter(isCheck);
  }

  /**
   * Claims a due check for this instance until the lease ends: of concurrent claimers exactly one gets it.
   * Undefined when it is gone, no longer due, or claimed meanwhile. Throws on database errors.
   */
  async claim(id: string, now: Date): Promise<ClaimedCheck | undefined> {
    const stored = await this.kv.get(LICENCE_CHECK_PREFIX + id);
    if (!stored || !isCheck(stored.value) || !isDue(stored.value, now)) return undefined;
    const check: LicenceCheck = { ...stored.value, claimedUntil: new Date(now.getTime() + this.leaseMs).toISOString() };
    const eTag = await this.kv.setIf(LICENCE_CHECK_PREFIX + id, check, stored.eTag);
    return eTag ? { check, eTag } : undefined;
  }

  /** Removes a finished check. Throws on database errors. */
  async finish(claimed: ClaimedCheck): Promise<void> {
    await this.kv.delete(LICENCE_CHECK_PREFIX + claimed.check.id);
  }

  /**
   * Puts a claimed check back, due again `afterSeconds` from `now`, one attempt more. False when another instance
   * took it over meanwhile. Throws on database errors.
   */
  async retryLater(claimed: ClaimedCheck, now: Date, afterSeconds: number): Promise<boolean> {
    const { claimedUntil: _released, ...rest } = claimed.check;
    const next: LicenceCheck = {
      ...rest,
      attempts: claimed.check.attempts + 1,
      dueAt: new Date(now.getTime() + afterSeconds * 1000).toISOString(),
    };
    return (await this.kv.setIf(LICENCE_CHECK_PREFIX + next.id, next, claimed.eTag)) !== undefined;
  }
}
