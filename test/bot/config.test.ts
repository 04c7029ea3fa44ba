/**
 * bot/config: one schema reads every variable, defaults apply, production needs its few settings (and no longer
 * OAUTH_CONNECTION_NAME: it defaults to `graph`), and a bad value stops the start with one line naming the
 * variable, never quoting a secret. The last case runs the real `groupbot serve` to see that line on stderr.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ConfigError, ENV_VARIABLES, loadConfig } from '../../bot/config';

const PRODUCTION = {
  BOT_ID: '00000000-1111-2222-3333-444444444444',
  BOT_PASSWORD: 'not-a-real-secret-value',
  BOT_TENANT_ID: '5a1c0f3e-8d2b-4c6a-9e7f-3b1d2c4e6f80',
  DATABASE_URL: 'postgres://groupbot:db-secret-1@db.example.internal:5432/groupbot',
};

/** The ConfigError message loadConfig throws for `env`. */
function problem(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.message;
  }
  assert.fail(`no error for ${JSON.stringify(env)}`);
}

describe('bot/config', () => {
  it('local mode without BOT_ID, with every default applied', () => {
    const c = loadConfig({});
    assert.equal(c.mode, 'local');
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 3978);
    assert.equal(c.dataDir, path.resolve('.data'));
    assert.equal(c.logLevel, 'info');
    assert.deepEqual(c.localServiceUrls, ['http://127.0.0.1:56150/_connector', 'http://localhost:56150/_connector']);
    assert.deepEqual(c.requests, {
      sweepSeconds: 60,
      remindHours: 48,
      expiryDays: 14,
      leaseSeconds: 120,
      membershipNoticeDays: 3,
      timeZone: 'UTC',
      escalateHours: 72,
      answerWithinMs: 1500,
    });
    assert.deepEqual(c.hygiene, { expiringDays: 30, lines: 8, everyDays: 7, checkSeconds: 3600 });
    assert.equal(c.historyPollSeconds, 300);
    assert.equal(c.bulkRunLeaseSeconds, 60);
    assert.deepEqual(c.directory, { batchConcurrency: 4, patchBinds: true });
    assert.equal(c.botEndpoints, undefined);
    assert.equal(c.aadAppIdUri, undefined);
  });

  it('B2: production needs BOT_PASSWORD, BOT_TENANT_ID and DATABASE_URL, not OAUTH_CONNECTION_NAME (default graph)', () => {
    const c = loadConfig(PRODUCTION);
    assert.equal(c.mode, 'production');
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.oauthConnectionName, 'graph');
    assert.equal(c.aadAppIdUri, `api://botid-${PRODUCTION.BOT_ID}`);
    assert.equal(c.botAppType, 'SingleTenant');
    assert.equal(c.botEndpoints?.cloud, 'public');
    assert.equal(loadConfig({ ...PRODUCTION, OAUTH_CONNECTION_NAME: 'sso' }).oauthConnectionName, 'sso');
    assert.equal(
      loadConfig({ ...PRODUCTION, AAD_APP_ID_URI: 'api://bot.example.com/x' }).aadAppIdUri,
      'api://bot.example.com/x',
    );
    assert.equal(
      problem({ BOT_ID: PRODUCTION.BOT_ID }),
      'Production mode (BOT_ID is set) needs BOT_PASSWORD, BOT_TENANT_ID, DATABASE_URL; see .env.example.',
    );
    const { BOT_PASSWORD: _secret, ...withoutPassword } = PRODUCTION;
    assert.match(problem(withoutPassword), /needs BOT_PASSWORD;/);
    assert.equal(loadConfig({ ...withoutPassword, BOT_TYPE: 'UserAssignedMSI' }).botPassword, undefined);
    assert.equal(loadConfig({ ...PRODUCTION, BOT_ID: '', MicrosoftAppId: PRODUCTION.BOT_ID }).mode, 'production');
  });

  it('parses the other settings into the one settings object', () => {
    const c = loadConfig({
      REQUEST_TIME_ZONE: 'Europe/Lisbon',
      REQUEST_REMIND_HOURS: '1.5',
      GROUPBOT_DIGEST_LINES: '5',
      HISTORY_POLL_SECONDS: '0',
      BULK_RUN_LEASE_SECONDS: '1',
      GROUPBOT_BATCH_CONCURRENCY: '1',
      GROUPBOT_PATCH_BINDS: 'off',
      GROUPBOT_DYNAMIC_DELAY_MS: '0',
      GROUPBOT_PGLITE_TEMPLATE: 'tmp/template',
      PORT: ' ',
    });
    assert.equal(c.requests.timeZone, 'Europe/Lisbon');
    assert.equal(c.requests.remindHours, 1.5);
    assert.equal(c.hygiene.lines, 5);
    assert.equal(c.historyPollSeconds, 0);
    assert.equal(c.bulkRunLeaseSeconds, 1);
    assert.deepEqual(c.directory, { batchConcurrency: 1, patchBinds: false });
    assert.equal(c.graphEmulatorDynamicDelayMs, 0);
    assert.equal(c.pgliteTemplateDir, path.resolve('tmp/template'));
    assert.equal(c.port, 3978, 'blank is unset');
  });

  it('a bad value is one sentence naming the variable and what it must be', () => {
    const cases: [NodeJS.ProcessEnv, string][] = [
      [{ PORT: 'x' }, "PORT must be a port number (0-65535), got 'x'."],
      [{ LOG_LEVEL: 'verbose' }, "LOG_LEVEL must be error, warn, info or debug, got 'verbose'."],
      [{ GROUPBOT_DIGEST_LINES: '0' }, "GROUPBOT_DIGEST_LINES must be a whole number from 1 to 50, got '0'."],
      [
        { REQUEST_TIME_ZONE: 'Mars/Base' },
        "REQUEST_TIME_ZONE must be an IANA time zone such as Europe/Lisbon, got 'Mars/Base'.",
      ],
      [{ HISTORY_POLL_SECONDS: '-1' }, "HISTORY_POLL_SECONDS must be a whole number from 0 to 604800, got '-1'."],
      [{ GROUPBOT_PATCH_BINDS: 'no' }, "GROUPBOT_PATCH_BINDS must be on or off, got 'no'."],
      [{ GRAPH_BASE_URL: 'http://graph.example' }, "GRAPH_BASE_URL must be an https URL, got 'http://graph.example'."],
      [{ ...PRODUCTION, BOT_CLOUD: 'mars' }, "BOT_CLOUD must be public, gcch, dod or china, got 'mars'."],
      [
        { ...PRODUCTION, BOT_TYPE: 'Single' },
        "BOT_TYPE must be SingleTenant, MultiTenant or UserAssignedMSI, got 'Single'.",
      ],
      [{ ...PRODUCTION, BOT_LOGIN_URL: 'login.local' }, "BOT_LOGIN_URL must be an https URL, got 'login.local'."],
    ];
    for (const [env, message] of cases) assert.equal(problem(env), message);
    // Two bad values: both named, still one line.
    const two = problem({ PORT: '70000', GROUPBOT_BATCH_CONCURRENCY: '0' });
    assert.match(two, /^PORT must be .*GROUPBOT_BATCH_CONCURRENCY must be/);
    assert.ok(!two.includes('\n'));
  });

  it('never quotes a database URL (it holds a password)', () => {
    const message = problem({ ...PRODUCTION, DATABASE_URL: 'mysql://groupbot:db-secret-2@db/groupbot' });
    assert.match(message, /^DATABASE_URL must be a postgres:\/\/ connection URL/);
    assert.ok(!message.includes('db-secret-2'));
  });

  it('lists every variable it reads, once', () => {
    assert.equal(new Set(ENV_VARIABLES).size, ENV_VARIABLES.length);
    for (const name of ['PORT', 'BOT_CLOUD', 'BOT_LOGIN_URL', 'AAD_APP_ID_URI', 'HISTORY_POLL_SECONDS'])
      assert.ok(ENV_VARIABLES.includes(name), name);
  });

  it('`groupbot serve` with a bad value stops with exit code 2 and one line on stderr naming it', function () {
    this.timeout(120_000);
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: 'x' };
    const run = spawnSync(process.execPath, [path.resolve('bin/groupbot.js'), 'serve'], { env, encoding: 'utf8' });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, "groupbot serve: PORT must be a port number (0-65535), got 'x'.\n");
    assert.equal(run.stdout, '');
  });
});
