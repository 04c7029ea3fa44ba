/** The digest's settings from the environment (documented in .env.example). Pure. */

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

/** Thrown for a setting that is not a whole number in its range. */
export class HygieneSettingsError extends Error {}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new HygieneSettingsError(`${name} must be a whole number from ${min} to ${max}; it is '${raw}'.`);
  }
  return n;
}

/** Reads the settings. Throws HygieneSettingsError naming the bad variable. */
export function hygieneSettingsFrom(env: NodeJS.ProcessEnv): HygieneSettings {
  return {
    expiringDays: whole(env, 'GROUPBOT_DIGEST_EXPIRING_DAYS', DEFAULT_HYGIENE_SETTINGS.expiringDays, 1, 365),
    lines: whole(env, 'GROUPBOT_DIGEST_LINES', DEFAULT_HYGIENE_SETTINGS.lines, 1, 50),
    everyDays: whole(env, 'GROUPBOT_DIGEST_EVERY_DAYS', DEFAULT_HYGIENE_SETTINGS.everyDays, 1, 365),
    checkSeconds: whole(env, 'GROUPBOT_DIGEST_CHECK_SECONDS', DEFAULT_HYGIENE_SETTINGS.checkSeconds, 0, 86_400 * 7),
  };
}

/** The settings of this process (read once; the bot checks them at start). Falls back to the defaults when invalid. */
let current: HygieneSettings | undefined;
export function currentHygieneSettings(): HygieneSettings {
  if (!current) {
    try {
      current = hygieneSettingsFrom(process.env);
    } catch (err) {
      process.emitWarning(`groupbot: ${(err as Error).message} Using the defaults.`);
      current = DEFAULT_HYGIENE_SETTINGS;
    }
  }
  return current;
}
