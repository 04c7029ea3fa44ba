/**
 * The documentation of the settings against the code: `.env.example` names exactly the variables bot/config.ts
 * reads (both ways), and every default README's Configuration table or `.env.example` states is the one the code
 * applies. A new variable without documentation, or a default changed on one side only, fails here.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENV_VARIABLES, loadConfig, type BotConfig } from '../../bot/config';
import { DEFAULT_DYNAMIC_DELAY_MS } from '../../graph-emulator/directory/dynamic-processing';
import { graphDataDir } from '../../bot/local/local-runtime';

const BOT_ID = '00000000-1111-2222-3333-444444444444';
const TENANT = '5a1c0f3e-8d2b-4c6a-9e7f-3b1d2c4e6f80';
const local = loadConfig({});
const prod = loadConfig({ BOT_ID, BOT_PASSWORD: 'p', BOT_TENANT_ID: TENANT, DATABASE_URL: 'postgres://db/groupbot' });

/**
 * The default the code applies to each variable, as the docs would write it (undefined: none). Every variable of
 * the schema must have an entry, so a new variable cannot skip this test.
 */
const APPLIED: Record<string, (l: BotConfig, p: BotConfig) => string | undefined> = {
  PORT: (l) => String(l.port),
  DATA_DIR: (l) => path.relative(process.cwd(), l.dataDir),
  LOG_LEVEL: (l) => l.logLevel,
  GRAPH_BASE_URL: (l) => l.graphBaseUrl,
  BOT_ENDPOINT_SECRET: (l) => l.botEndpointSecret,
  BOT_SERVICE_URLS: (l) => l.localServiceUrls.join(','),
  PLAYGROUND_PORT: (l) => String(l.playgroundPort),
  GRAPH_EMULATOR_PORT: (l) => String(l.graphEmulatorPort),
  GRAPH_EMULATOR_URL: (l) => l.graphEmulatorUrl,
  GRAPH_EMULATOR_DATA_DIR: (l) => graphDataDir(l).replace(l.dataDir, '<DATA_DIR>'),
  GROUPBOT_DYNAMIC_DELAY_MS: (l) => String(l.graphEmulatorDynamicDelayMs ?? DEFAULT_DYNAMIC_DELAY_MS),
  BOT_ID: (l) => l.botId,
  MicrosoftAppId: (l) => l.botId,
  BOT_PASSWORD: (l) => l.botPassword,
  BOT_TENANT_ID: (l) => l.botTenantId,
  BOT_TYPE: (_l, p) => p.botAppType,
  OAUTH_CONNECTION_NAME: (_l, p) => p.oauthConnectionName,
  AAD_APP_ID_URI: (_l, p) => p.aadAppIdUri?.replace(BOT_ID, '<BOT_ID>'),
  TEAMS_APP_CATALOG_ID: (l, p) => l.teamsAppCatalogId ?? p.teamsAppCatalogId,
  DATABASE_URL: (l) => l.databaseUrl,
  HOST: (_l, p) => p.host,
  BOT_CLOUD: (_l, p) => p.botEndpoints?.cloud,
  BOT_LOGIN_URL: (_l, p) => p.botEndpoints?.loginUrl.replace(TENANT, '<BOT_TENANT_ID>'),
  BOT_OAUTH_SCOPE: (_l, p) => p.botEndpoints?.oauthScope,
  BOT_TOKEN_ISSUER: (_l, p) => p.botEndpoints?.tokenIssuer,
  BOT_OPENID_METADATA_URL: (_l, p) => p.botEndpoints?.openIdMetadataUrl,
  BOT_TOKEN_SERVICE_URL: (_l, p) => p.botEndpoints?.tokenServiceUrl,
  BOT_CHANNEL_SERVICE: (_l, p) => p.botEndpoints?.channelService || undefined,
  REQUESTS_SWEEP_SECONDS: (l) => String(l.requests.sweepSeconds),
  REQUEST_REMIND_HOURS: (l) => String(l.requests.remindHours),
  REQUEST_EXPIRY_DAYS: (l) => String(l.requests.expiryDays),
  REQUEST_LEASE_SECONDS: (l) => String(l.requests.leaseSeconds),
  REQUEST_MEMBERSHIP_NOTICE_DAYS: (l) => String(l.requests.membershipNoticeDays),
  REQUEST_TIME_ZONE: (l) => l.requests.timeZone,
  REQUEST_ESCALATE_HOURS: (l) => String(l.requests.escalateHours),
  GROUPBOT_DIGEST_EXPIRING_DAYS: (l) => String(l.hygiene.expiringDays),
  GROUPBOT_DIGEST_LINES: (l) => String(l.hygiene.lines),
  GROUPBOT_DIGEST_EVERY_DAYS: (l) => String(l.hygiene.everyDays),
  GROUPBOT_DIGEST_CHECK_SECONDS: (l) => String(l.hygiene.checkSeconds),
  HISTORY_POLL_SECONDS: (l) => String(l.historyPollSeconds),
  LICENSE_CHECK_DELAY_SECONDS: (l) => String(l.licenceCheckDelaySeconds),
  BULK_RUN_LEASE_SECONDS: (l) => String(l.bulkRunLeaseSeconds),
  GROUPBOT_BATCH_CONCURRENCY: (l) => String(l.directory.batchConcurrency),
  GROUPBOT_PATCH_BINDS: (l) => (l.directory.patchBinds ? 'on' : 'off'),
  GROUPBOT_PGLITE_TEMPLATE: (l) => l.pgliteTemplateDir,
  BOT_DOMAIN: (l) => l.appPackage.botDomain,
  AAD_APP_CLIENT_ID: (l) => l.appPackage.aadAppClientId,
  TEAMS_APP_ID: (l) => l.appPackage.teamsAppId,
};

const applied = (name: string): string | undefined => {
  const get = APPLIED[name];
  assert.ok(get, `test/bot/config-docs.test.ts has no applied default for ${name}`);
  return get(local, prod);
};

/** `.env.example`'s variables (set or commented out), with the value written for each. */
function envExample(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of fs.readFileSync('.env.example', 'utf8').split('\n')) {
    const m = /^#?\s?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) out.set(m[1] as string, (m[2] as string).trim());
  }
  return out;
}

/** README's Configuration table: variable → the default cell. */
function readmeDefaults(): Map<string, string> {
  const readme = fs.readFileSync('README.md', 'utf8');
  const section = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
  );
  const out = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[1]?.startsWith('`')) continue;
    for (const name of (cells[1] ?? '').matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g))
      out.set(name[1] as string, cells[2] ?? '');
  }
  return out;
}

describe('settings documentation (.env.example, README) against bot/config.ts', () => {
  it('.env.example names exactly the variables the schema reads', () => {
    const documented = [...envExample().keys()].sort();
    assert.deepEqual(documented, [...ENV_VARIABLES].sort());
  });

  it("README's Configuration table names exactly the variables the schema reads", () => {
    assert.deepEqual([...readmeDefaults().keys()].sort(), [...ENV_VARIABLES].sort());
  });

  it("every default README states is the code's", () => {
    let compared = 0;
    for (const [name, cell] of readmeDefaults()) {
      const code = applied(name);
      if (cell === '—') {
        assert.equal(code, undefined, `${name}: README says no default, the code applies '${code}'`);
        compared++;
      } else if (/^`[^`]*`$/.test(cell)) {
        assert.equal(code, cell.slice(1, -1), `${name}: README says ${cell}`);
        compared++;
      }
    }
    assert.ok(compared >= 40, `only ${compared} defaults compared`);
  });

  it("every value .env.example writes out is the code's default", () => {
    let compared = 0;
    for (const [name, value] of envExample()) {
      if (value === '') continue;
      assert.equal(applied(name), value, `.env.example: ${name}=${value}`);
      compared++;
    }
    assert.ok(compared >= 20, `only ${compared} values compared`);
  });
});
