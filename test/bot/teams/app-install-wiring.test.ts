/**
 * The requests layer's install port against the emulator: the acting user's cached delegated token installs groupbot
 * for an approver; no cached token is `unavailable`; a token without TeamsAppInstallation.ReadWriteForUser is
 * `forbidden`.
 */
import { strict as assert } from 'node:assert';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { appInstaller } from '../../../bot/teams/app-install-wiring';
import { DEFAULT_SCOPES, GROUPBOT_CATALOG_APP_ID } from '../../../graph-emulator';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';

const U = DEMO_USERS;

describe('bot/teams/app-install-wiring against the emulator', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  after(async () => closeGraphConnections());

  it("installs with the requester's token, and says unavailable or forbidden when it cannot", async () => {
    const tokens: Record<string, string[]> = {
      [U.ana.id]: [...DEFAULT_SCOPES, 'TeamsAppInstallation.ReadWriteForUser'],
      [U.bob.id]: [...DEFAULT_SCOPES],
    };
    const upnOf = new Map(Object.values(U).map((u) => [u.id, u.upn]));
    const install = appInstaller(
      { baseUrl: emu.baseUrl, caPem: emu.emulator.caPem },
      async (id) => (tokens[id] ? emu.token(upnOf.get(id) as string, tokens[id]) : undefined),
      GROUPBOT_CATALOG_APP_ID,
    );
    assert.equal(await install(U.olga.id, U.grace.id), 'unavailable');
    assert.equal(await install(U.olga.id, U.bob.id), 'forbidden');
    assert.equal(await install(U.olga.id, U.ana.id), 'installed');
    assert.equal(await install(U.olga.id, U.ana.id), 'already-installed');
  });
});
