/** Settings of the access-request lifecycle; bot/config.ts reads them from the environment (.env.example, README). */

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

/** The settings when no variable is set (bot/config.ts applies them; tests and the terminal chat use them). */
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
  sweepSeconds: 60,
  remindHours: 48,
  expiryDays: 14,
  leaseSeconds: 120,
  membershipNoticeDays: 3,
  timeZone: 'UTC',
  escalateHours: 72,
  answerWithinMs: 1500,
};
