/**
 * Apps in users' personal scope through the Graph JS client, as the v1.0 pages "Install app for user" and "List
 * apps installed for user" describe them (docs/approver-reach.md): the seeded catalog, 201 / 409 / 404 / 403 with
 * Graph's error shape, the delegated scopes (self-install with ReadWriteSelfForUser, others only with
 * ReadWriteForUser), `$expand` / `$filter`, uninstall, and installs surviving a restart.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEFAULT_SCOPES, GROUPBOT_CATALOG_APP_ID, appInstallHub, type AppInstallChange } from '../../../graph-emulator';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startTestEmulator, useTestEmulator } from '../../support/emulator';
import { rejectsWithGraphError } from '../graph-assert';

type Obj = Record<string, unknown>;
const U = DEMO_USERS;
const FOR_OTHERS = [...DEFAULT_SCOPES, 'TeamsAppInstallation.ReadWriteForUser'];
const SELF_ONLY = [...DEFAULT_SCOPES, 'TeamsAppInstallation.ReadWriteSelfForUser'];
const bind = (id: string) => ({
  'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${id}`,
});
const installed = (c: Client, userId: string) =>
  c
    .api(`/users/${userId}/teamwork/installedApps`)
    .expand('teamsApp')
    .filter(`teamsApp/id eq '${GROUPBOT_CATALOG_APP_ID}'`)
    .get() as Promise<{ value: Obj[] }>;

describe('graph-emulator /users/{id}/teamwork/installedApps', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let ana: Client; // ordinary member with ReadWriteForUser
  let anaSelf: Client; // ReadWriteSelfForUser only
  let anaPlain: Client; // groupbot's default scopes, no Teams app permission

  before(async () => {
    ana = await emu.clientFor(U.ana.upn, FOR_OTHERS);
    anaSelf = await emu.clientFor(U.ana.upn, SELF_ONLY);
    anaPlain = await emu.clientFor(U.ana.upn);
  });

  it('lists the catalog with groupbot under its stable id', async () => {
    const megan = await emu.clientFor(U.megan.upn, [...DEFAULT_SCOPES]);
    const body = (await megan.api('/appCatalogs/teamsApps').filter(`id eq '${GROUPBOT_CATALOG_APP_ID}'`).get()) as {
      value: Obj[];
    };
    assert.deepEqual(
      body.value.map((a) => [a.id, a.displayName, a.distributionMethod]),
      [[GROUPBOT_CATALOG_APP_ID, 'groupbot', 'organization']],
    );
  });

  it('installs for another user with ReadWriteForUser: 201 and no body, then listed with $expand/$filter', async () => {
    assert.deepEqual((await installed(ana, U.olga.id)).value, []);
    const res = await emu.raw('POST', `/v1.0/users/${U.olga.id}/teamwork/installedApps`, {
      token: await emu.token(U.ana.upn, FOR_OTHERS),
      body: JSON.stringify(bind(GROUPBOT_CATALOG_APP_ID)),
    });
    assert.equal(res.status, 201);
    assert.equal(res.text, '');
    const list = (await installed(ana, U.olga.id)).value;
    assert.equal(list.length, 1);
    assert.equal((list[0]?.teamsApp as Obj).id, GROUPBOT_CATALOG_APP_ID);
    assert.equal(typeof list[0]?.id, 'string');
    assert.notEqual(list[0]?.id, GROUPBOT_CATALOG_APP_ID, 'the installation id is not the app id');
    const other = await ana
      .api(`/users/${U.olga.id}/teamwork/installedApps`)
      .filter(`teamsApp/id eq '00000000-0000-0000-0000-000000000000'`)
      .get();
    assert.deepEqual((other as { value: Obj[] }).value, []);
  });

  it('answers 409 Conflict when the app is already installed', async () => {
    await rejectsWithGraphError(
      ana.api(`/users/${U.olga.id}/teamwork/installedApps`).post(bind(GROUPBOT_CATALOG_APP_ID)),
      409,
      'Conflict',
      'The app is already installed in the personal scope of this user.',
    );
    const res = await emu.raw('POST', `/v1.0/users/${U.olga.id}/teamwork/installedApps`, {
      token: await emu.token(U.ana.upn, FOR_OTHERS),
      body: JSON.stringify(bind(GROUPBOT_CATALOG_APP_ID)),
    });
    assert.equal(res.status, 409);
    const err = (res.json() as { error: Obj }).error;
    assert.deepEqual(Object.keys(err).sort(), ['code', 'innerError', 'message']);
    assert.equal((await installed(ana, U.olga.id)).value.length, 1);
  });

  it('answers 404 NotFound for an app the catalog does not have', async () => {
    await rejectsWithGraphError(
      ana.api(`/users/${U.grace.id}/teamwork/installedApps`).post(bind('11111111-2222-3333-4444-555555555555')),
      404,
      'NotFound',
      /not found in the organization's app catalog/,
    );
    assert.deepEqual((await installed(ana, U.grace.id)).value, []);
  });

  it('refuses another user without ReadWriteForUser (403 Authorization_RequestDenied, Graph error body)', async () => {
    for (const c of [anaSelf, anaPlain])
      await rejectsWithGraphError(
        c.api(`/users/${U.grace.id}/teamwork/installedApps`).post(bind(GROUPBOT_CATALOG_APP_ID)),
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    const res = await emu.raw('POST', `/v1.0/users/${U.grace.id}/teamwork/installedApps`, {
      token: await emu.token(U.ana.upn, SELF_ONLY),
      body: JSON.stringify(bind(GROUPBOT_CATALOG_APP_ID)),
    });
    const err = (res.json() as { error: Obj }).error;
    assert.equal(err.code, 'Authorization_RequestDenied');
    assert.ok(typeof (err.innerError as Obj)['request-id'] === 'string');
    assert.ok(typeof (err.innerError as Obj).date === 'string');
  });

  it('lets a user install it for themselves with ReadWriteSelfForUser, but not list without a Teams app scope', async () => {
    await anaSelf.api(`/users/${U.ana.id}/teamwork/installedApps`).post(bind(GROUPBOT_CATALOG_APP_ID));
    assert.equal((await installed(anaSelf, U.ana.id)).value.length, 1);
    await rejectsWithGraphError(installed(anaPlain, U.ana.id), 403, 'Authorization_RequestDenied');
  });

  it('checks the body and the user: bad bind 400, unknown user 404 Request_ResourceNotFound', async () => {
    await rejectsWithGraphError(
      ana.api(`/users/${U.grace.id}/teamwork/installedApps`).post({ 'teamsApp@odata.bind': 'not a url' }),
      400,
      'Request_BadRequest',
    );
    await rejectsWithGraphError(
      ana.api(`/users/${U.grace.id}/teamwork/installedApps`).post({}),
      400,
      'Request_BadRequest',
      "A value is required for property 'teamsApp' of resource 'userScopeTeamsAppInstallation'.",
    );
    await rejectsWithGraphError(
      ana.api('/users/99999999-9999-4999-8999-999999999999/teamwork/installedApps').post(bind(GROUPBOT_CATALOG_APP_ID)),
      404,
      'Request_ResourceNotFound',
    );
  });

  it('uninstalls by installation id (204), after which installing again is 201', async () => {
    const [first] = (await installed(ana, U.olga.id)).value;
    await ana.api(`/users/${U.olga.id}/teamwork/installedApps/${first?.id as string}`).delete();
    assert.deepEqual((await installed(ana, U.olga.id)).value, []);
    await ana.api(`/users/${U.olga.id}/teamwork/installedApps`).post(bind(GROUPBOT_CATALOG_APP_ID));
    assert.equal((await installed(ana, U.olga.id)).value.length, 1);
  });
});

describe('graph-emulator installed apps: persistence and the install hub', function () {
  this.timeout(60_000);

  it('keeps installs across a restart and announces each committed change on the hub', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-emu-apps-'));
    const changes: AppInstallChange[] = [];
    const off = appInstallHub(dataDir).onChange((c) => changes.push(c));
    try {
      const first = await startTestEmulator({ dataDir });
      const ana = await first.clientFor(U.ana.upn, FOR_OTHERS);
      await ana.api(`/users/${U.bob.id}/teamwork/installedApps`).post(bind(GROUPBOT_CATALOG_APP_ID));
      assert.deepEqual(changes, [
        { kind: 'installed', userId: U.bob.id, teamsAppId: GROUPBOT_CATALOG_APP_ID, source: 'graph' },
      ]);
      // Teams' own install, recorded through the hub, is listed too; recording it twice changes nothing.
      assert.equal(await appInstallHub(dataDir).record(U.grace.id, GROUPBOT_CATALOG_APP_ID, true), true);
      assert.equal(await appInstallHub(dataDir).record(U.grace.id, GROUPBOT_CATALOG_APP_ID, true), false);
      assert.equal(changes.at(-1)?.source, 'teams');
      await first.stop();
      assert.equal(appInstallHub(dataDir).attached, false);
      assert.equal(await appInstallHub(dataDir).record(U.megan.id, GROUPBOT_CATALOG_APP_ID, true), false);

      const second = await startTestEmulator({ dataDir });
      try {
        const again = await second.clientFor(U.ana.upn, FOR_OTHERS);
        assert.equal((await installed(again, U.bob.id)).value.length, 1);
        assert.equal((await installed(again, U.grace.id)).value.length, 1);
        assert.deepEqual((await installed(again, U.megan.id)).value, []);
      } finally {
        await second.stop();
      }
    } finally {
      off();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
