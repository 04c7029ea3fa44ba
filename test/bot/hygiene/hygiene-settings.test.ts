import { strict as assert } from 'node:assert';
import { DEFAULT_HYGIENE_SETTINGS } from '../../../bot/hygiene/hygiene-settings';
import { ConfigError, loadConfig } from '../../../bot/config';

/** The digest's settings as bot/config.ts reads them from `env`. */
const hygieneSettingsFrom = (env: NodeJS.ProcessEnv) => loadConfig(env).hygiene;
import { isDigestDue } from '../../../bot/hygiene/digest-store';

describe('bot/hygiene settings and due dates', () => {
  it('defaults to 30 days, 8 lines, weekly, checked hourly', () => {
    assert.deepEqual(hygieneSettingsFrom({}), { expiringDays: 30, lines: 8, everyDays: 7, checkSeconds: 3600 });
    assert.deepEqual(DEFAULT_HYGIENE_SETTINGS, hygieneSettingsFrom({ GROUPBOT_DIGEST_LINES: ' ' }));
  });

  it('reads the GROUPBOT_DIGEST_* variables and refuses bad values by name', () => {
    const s = hygieneSettingsFrom({
      GROUPBOT_DIGEST_EXPIRING_DAYS: '14',
      GROUPBOT_DIGEST_LINES: '5',
      GROUPBOT_DIGEST_EVERY_DAYS: '1',
      GROUPBOT_DIGEST_CHECK_SECONDS: '0',
    });
    assert.deepEqual(s, { expiringDays: 14, lines: 5, everyDays: 1, checkSeconds: 0 });
    assert.throws(
      () => hygieneSettingsFrom({ GROUPBOT_DIGEST_LINES: '0' }),
      (e: Error) => e instanceof ConfigError && /GROUPBOT_DIGEST_LINES/.test(e.message),
    );
    assert.throws(() => hygieneSettingsFrom({ GROUPBOT_DIGEST_EVERY_DAYS: 'weekly' }), /GROUPBOT_DIGEST_EVERY_DAYS/);
  });

  it('makes a digest due when never sent or sent a full period ago', () => {
    const base = {
      conversationId: 'c',
      kind: 'channel' as const,
      ownerId: 'u',
      ownerName: 'U',
      createdAt: '2026-01-01T00:00:00Z',
    };
    const now = new Date('2026-12-08T00:00:00Z');
    assert.equal(isDigestDue(base, now, 7), true);
    assert.equal(isDigestDue({ ...base, lastSentAt: '2026-12-01T00:00:00Z' }, now, 7), true);
    assert.equal(isDigestDue({ ...base, lastSentAt: '2026-12-01T00:00:01Z' }, now, 7), false);
  });
});
