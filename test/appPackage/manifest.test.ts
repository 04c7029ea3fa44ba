import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest } from '../../scripts/app-package/app-package-build';
import { AppPackageSettingsError, fillManifest, placeholdersOf } from '../../scripts/app-package/manifest-fill';

const ROOT = join(__dirname, '..', '..');
const TEMPLATE = readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8');
const SETTINGS = {
  BOT_ID: '0b2f6c1e-8a4d-4c1b-9e1a-3d5f7a9b1c2d',
  TEAMS_APP_ID: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
  BOT_DOMAIN: 'groupbot.contoso.com',
  AAD_APP_CLIENT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  AAD_APP_ID_URI: 'api://groupbot.contoso.com/botid-0b2f6c1e-8a4d-4c1b-9e1a-3d5f7a9b1c2d',
  APP_VERSION: '1.2.3',
};

type Bot = { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] };

describe('appPackage/manifest.json', () => {
  const manifest = JSON.parse(fillManifest(TEMPLATE, SETTINGS)) as Record<string, unknown>;

  it('passes the bundled Teams schema of its manifestVersion once filled (offline)', async () => {
    assert.equal(manifest.manifestVersion, '1.22');
    assert.deepEqual(await validateManifest(manifest), []);
  });

  it('is rejected by the same validator when a required field is missing or an id is not a GUID', async () => {
    const { developer: _dropped, ...noDeveloper } = manifest;
    assert.ok((await validateManifest(noDeveloper)).some((e) => e.includes('developer')));
    const badId = { ...manifest, id: 'not-a-guid' };
    assert.ok((await validateManifest(badId)).some((e) => e.startsWith('/id')));
  });

  it('declares one bot in personal, team and groupChat scopes with the main commands everywhere', () => {
    const bots = manifest.bots as Bot[];
    assert.equal(bots.length, 1);
    const bot = bots[0] as Bot;
    assert.equal(bot.botId, SETTINGS.BOT_ID);
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    const covered = new Set(bot.commandLists.flatMap((l) => l.scopes));
    assert.deepEqual([...covered].sort(), ['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) {
      const titles = list.commands.map((c) => c.title);
      for (const main of ['who owns', 'add', 'create a security group', 'my requests', 'pending approvals', 'help']) {
        assert.ok(titles.includes(main), `${main} missing from the ${list.scopes.join('/')} command list`);
      }
    }
  });

  it('takes SSO and domain values from settings placeholders', () => {
    assert.deepEqual(placeholdersOf(TEMPLATE).sort(), [
      'AAD_APP_CLIENT_ID',
      'AAD_APP_ID_URI',
      'APP_VERSION',
      'BOT_DOMAIN',
      'BOT_ID',
      'TEAMS_APP_ID',
    ]);
    assert.deepEqual(manifest.webApplicationInfo, {
      id: SETTINGS.AAD_APP_CLIENT_ID,
      resource: SETTINGS.AAD_APP_ID_URI,
    });
    assert.ok((manifest.validDomains as string[]).includes(SETTINGS.BOT_DOMAIN));
    assert.equal(manifest.id, SETTINGS.TEAMS_APP_ID);
    assert.equal(manifest.version, '1.2.3');
    assert.ok(!JSON.stringify(manifest).includes('${{'));
  });

  it('refuses missing and malformed settings, naming every one', () => {
    assert.throws(
      () =>
        fillManifest(TEMPLATE, {
          ...SETTINGS,
          BOT_ID: '',
          AAD_APP_ID_URI: undefined,
          BOT_DOMAIN: 'https://groupbot.contoso.com',
        }),
      (err: unknown) => {
        assert.ok(err instanceof AppPackageSettingsError);
        assert.equal(err.problems.length, 3);
        assert.match(err.message, /BOT_ID is not set/);
        assert.match(err.message, /AAD_APP_ID_URI is not set/);
        assert.match(err.message, /BOT_DOMAIN must be a bare host name/);
        return true;
      },
    );
  });

  it('escapes values so a quote cannot break the JSON', () => {
    const filled = fillManifest('{"a":"${{X}}"}', { X: 'say "hi"\\' });
    assert.deepEqual(JSON.parse(filled), { a: 'say "hi"\\' });
  });
});
