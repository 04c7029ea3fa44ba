/** The digest's settings; bot/config.ts reads them from the environment (documented in .env.example). */

export interface HygieneSettings {
  /** Groups expiring within this many days are listed (GROUPBOT_DIGEST_EXPIRING_DAYS, 30). */
  expiringDays: number;
  /** Lines shown per section (GROUPBOT_DIGEST_LINES, 8). */
  lines: number;
  /** Days between two weekly digests of one conversation (GROUPBOT_DIGEST_EVERY_DAYS, 7). */
  everyDays: number;
  /** How often the scheduler looks for digests due (GROUPBOT_DIGEST_CHECK_SECONDS, 3600; 0 = never). */
  checkSeconds: number;
}

export const DEFAULT_HYGIENE_SETTINGS: HygieneSettings = {
  expiringDays: 30,
  lines: 8,
  everyDays: 7,
  checkSeconds: 3600,
};
