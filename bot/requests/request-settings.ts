/** Settings of the access-request lifecycle, read from the environment (documented in .env.example and README). */

export interface RequestSettings {
  /** How often every instance runs the sweeper (REQUESTS_SWEEP_SECONDS, default 60; 0 = never). */
  sweepSeconds: number;
  /** Owners are reminded after this many hours without a decision (REQUEST_REMIND_HOURS, default 48). */
  remindHours: number;
  /** A pending request expires after this many days (REQUEST_EXPIRY_DAYS, default 14). */
  expiryDays: number;
  /** How long one instance owns an approval's Graph add or an outcome's notices (REQUEST_LEASE_SECONDS, 120). */
  leaseSeconds: number;
  /** Members of a time-bound membership are told this many days before it ends (REQUEST_MEMBERSHIP_NOTICE_DAYS, 3). */
  membershipNoticeDays: number;
  /** IANA time zone for times in messages (REQUEST_TIME_ZONE, default UTC). */
  timeZone: string;
  /**
   * Owners who have not answered after this many hours are joined by the Groups Administrators
   * (REQUEST_ESCALATE_HOURS, default 72; 0 = never).
   */
  escalateHours?: number;
  /** A card click is answered within this many milliseconds; longer work answers "in progress" (1500). */
  answerWithinMs?: number;
}

/** A setting has a value that is not allowed; the message names it. */
export class RequestSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestSettingsError';
  }
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new RequestSettingsError(`${name} must be a number from ${min} to ${max}, got '${raw}'.`);
  return n;
}

/** Reads the settings. Throws RequestSettingsError naming the bad setting. */
export function requestSettingsFrom(env: NodeJS.ProcessEnv = process.env): RequestSettings {
  const timeZone = env.REQUEST_TIME_ZONE?.trim() || 'UTC';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch (err) {
    if (err instanceof RangeError)
      throw new RequestSettingsError(
        `REQUEST_TIME_ZONE must be an IANA time zone such as Europe/Lisbon, got '${timeZone}'.`,
      );
    throw err;
  }
  return {
    sweepSeconds: numberFrom(env, 'REQUESTS_SWEEP_SECONDS', 60, 0, 86_400),
    remindHours: numberFrom(env, 'REQUEST_REMIND_HOURS', 48, 0.001, 24 * 365),
    expiryDays: numberFrom(env, 'REQUEST_EXPIRY_DAYS', 14, 0.0001, 365),
    leaseSeconds: numberFrom(env, 'REQUEST_LEASE_SECONDS', 120, 1, 86_400),
    membershipNoticeDays: numberFrom(env, 'REQUEST_MEMBERSHIP_NOTICE_DAYS', 3, 0, 365),
    timeZone,
    escalateHours: numberFrom(env, 'REQUEST_ESCALATE_HOURS', 72, 0, 24 * 365),
    answerWithinMs: 1500,
  };
}
