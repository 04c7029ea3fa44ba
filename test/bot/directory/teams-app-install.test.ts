/**
 * installAppForUser over a real Graph session against the emulator (HTTPS, the Graph JS client as the bot
 * configures it): installed (201), already-installed (409), forbidden (403: the token lacks
 * TeamsAppInstallation.ReadWriteForUser), not-in-catalog (404 for the app), and a DomainError for anything else.
 */
import { strict as assert } from 'node:assert';
import { DomainError } from '../../../bot/directory/errors';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { installAppForUser } from '../../../bot/directory/teams-app-install';
import { DEFAULT_SCOPES, GROUPBOT_CATALOG_APP_ID } from '../../../graph-emulator';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';

const U = DEMO_USERS;
const INSTALL = [...DEFAULT_SCOPES, 'TeamsAppInstallation.ReadWriteForUser'];

describe('bot/directory/teams-app-install against the emulator', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  after(async () => {
    await closeGraphConnections();
  });

  const sessionOf = async (upn: string, scopes?: string[]) =>
    new GraphSession(await emu.clientFor(upn, scopes), { baseUrl: emu.baseUrl }, async () => undefined);

  const installedIds = async (userId: string): Promise<string[]> => {
    const c = await emu.clientFor(U.megan.upn, INSTALL);
    const body = (await c.api(`/users/${userId}/teamwork/installedApps`).expand('teamsApp').get()) as {
      value: { teamsApp: { id: string } }[];
    };
    return body.value.map((i) => i.teamsApp.id);
  };

  it('installs groupbot for another user (installed), then finds it there (already-installed)', async () => {
    const ana = await sessionOf(U.ana.upn, INSTALL);
    assert.deepEqual(await installedIds(U.olga.id), []);
    assert.equal(await installAppForUser(ana, U.olga.id, GROUPBOT_CATALOG_APP_ID), 'installed');
    assert.deepEqual(await installedIds(U.olga.id), [GROUPBOT_CATALOG_APP_ID]);
    assert.equal(await installAppForUser(ana, U.olga.id, GROUPBOT_CATALOG_APP_ID), 'already-installed');
    assert.deepEqual(await installedIds(U.olga.id), [GROUPBOT_CATALOG_APP_ID]);
  });

  it('takes a UPN as the user (encoded in the path)', async () => {
    const ana = await sessionOf(U.ana.upn, INSTALL);
    assert.equal(await installAppForUser(ana, U.bob.upn, GROUPBOT_CATALOG_APP_ID), 'installed');
    assert.deepEqual(await installedIds(U.bob.id), [GROUPBOT_CATALOG_APP_ID]);
  });

  it('is forbidden with groupbot’s default scopes (no TeamsAppInstallation permission), and installs nothing', async () => {
    const plain = await sessionOf(U.ana.upn);
    assert.equal(await installAppForUser(plain, U.grace.id, GROUPBOT_CATALOG_APP_ID), 'forbidden');
    const selfOnly = await sessionOf(U.ana.upn, [...DEFAULT_SCOPES, 'TeamsAppInstallation.ReadWriteSelfForUser']);
    assert.equal(await installAppForUser(selfOnly, U.grace.id, GROUPBOT_CATALOG_APP_ID), 'forbidden');
    assert.deepEqual(await installedIds(U.grace.id), []);
  });

  it('says not-in-catalog for an id the catalog lacks', async () => {
    const ana = await sessionOf(U.ana.upn, INSTALL);
    assert.equal(await installAppForUser(ana, U.grace.id, '0badc0de-0000-4000-8000-000000000000'), 'not-in-catalog');
    assert.deepEqual(await installedIds(U.grace.id), []);
  });

  it('throws DomainError for an unknown user and for an id that cannot be a path segment', async () => {
    const ana = await sessionOf(U.ana.upn, INSTALL);
    await assert.rejects(
      installAppForUser(ana, '99999999-9999-4999-8999-999999999999', GROUPBOT_CATALOG_APP_ID),
      (e: unknown) => e instanceof DomainError && e.kind === 'notFound' && e.graph?.code === 'Request_ResourceNotFound',
    );
    // A '/' in the user id stays inside one segment: Graph sees one odd id (400), not another path.
    await assert.rejects(
      installAppForUser(ana, `${U.grace.id}/teamwork`, GROUPBOT_CATALOG_APP_ID),
      (e: unknown) => e instanceof DomainError && e.graph?.status === 400,
    );
    assert.deepEqual(await installedIds(U.grace.id), []);
  });
});
