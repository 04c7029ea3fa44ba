/**
 * The access-request workflow's directory port over a real Graph session against the emulator: the Groups
 * Administrators it escalates to come from directoryRoles(roleTemplateId='…')/members, and reading them needs a
 * scope that reads directory roles (RoleManagement.Read.Directory or higher), which the bot's scopes lack.
 */
import { strict as assert } from 'node:assert';
import { GraphSession } from '../../../bot/directory/graph-session';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { requestDirectory } from '../../../bot/directory/request-directory';
import { DEFAULT_SCOPES } from '../../../graph-emulator';
import { GROUPS_ADMINISTRATOR } from '../../../graph-emulator/directory/directory-roles';
import { DEMO_USERS, type DemoUser } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';

const ROLE_READ = [...DEFAULT_SCOPES, 'RoleManagement.Read.Directory'];

describe('bot/directory/request-directory against the emulator', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  after(async () => {
    await closeGraphConnections();
  });

  const directoryOf = async (upn: string, scopes?: string[]) =>
    requestDirectory(
      new GraphSession(await emu.clientFor(upn, scopes), { baseUrl: emu.baseUrl }, async () => undefined),
    );

  it('finds the Groups Administrators for an ordinary member whose token may read directory roles', async () => {
    const admins = await (await directoryOf(DEMO_USERS.ana.upn, ROLE_READ)).groupsAdministrators();
    const expected = Object.values<DemoUser>(DEMO_USERS)
      .filter((u) => (u.roles ?? []).includes(GROUPS_ADMINISTRATOR))
      .map((u) => ({ id: u.id, name: u.displayName }));
    assert.ok(
      expected.some((a) => a.id === DEMO_USERS.grace.id),
      'Grace is the demo Groups Administrator',
    );
    assert.deepEqual(admins, expected);
  });

  it('finds none with a token that may not read directory roles (Graph answers 403 there)', async () => {
    const noRoleRead = DEFAULT_SCOPES.filter((s) => !/^(RoleManagement|Directory)\./.test(s));
    assert.deepEqual(await (await directoryOf(DEMO_USERS.ana.upn, noRoleRead)).groupsAdministrators(), []);
  });
});
