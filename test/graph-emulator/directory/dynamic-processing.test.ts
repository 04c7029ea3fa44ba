/**
 * Queued dynamic membership work is part of the directory: a write's queued evaluation survives a restart of
 * the emulator and runs after it, and a user change queues the re-evaluation of the groups whose rule reads it.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { DEMO_GROUPS, DEMO_USERS, DEFAULT_SCOPES } from '../../../graph-emulator';
import { startTestEmulator } from '../../support/emulator';

const memberIds = (page: unknown) => (page as { value: { id: string }[] }).value.map((m) => m.id).sort();

describe('graph-emulator asynchronous dynamic membership across restarts', function () {
  this.timeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-emu-dynamic-'));
  after(async () => {
    await closeGraphConnections();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps queued work through a restart and processes it after', async () => {
    const first = await startTestEmulator({ dataDir, dynamicProcessingDelayMs: 600_000 });
    const megan = await first.clientFor('megan@contoso.com', [...DEFAULT_SCOPES, 'User.ReadWrite.All']);
    const g = (await megan.api('/groups').post({
      displayName: 'Madrid people',
      mailEnabled: false,
      mailNickname: 'madridpeople',
      securityEnabled: true,
      groupTypes: ['DynamicMembership'],
      membershipRule: 'user.city -eq "Madrid"',
    })) as { id: string };
    await megan.api(`/users/${DEMO_USERS.ana.id}`).patch({ city: 'Seattle' });
    assert.deepEqual(
      memberIds(await megan.api(`/groups/${g.id}/members`).get()),
      [],
      'not processed before the restart',
    );
    assert.ok(
      !memberIds(await megan.api(`/groups/${DEMO_GROUPS.seattleEmployees.id}/members`).get()).includes(
        DEMO_USERS.ana.id,
      ),
    );
    await first.stop();

    const second = await startTestEmulator({ dataDir, dynamicProcessingDelayMs: 0 });
    try {
      await second.emulator.dynamicIdle?.();
      const client = await second.clientFor('megan@contoso.com');
      assert.deepEqual(memberIds(await client.api(`/groups/${g.id}/members`).get()), [DEMO_USERS.jose.id]);
      assert.ok(
        memberIds(await client.api(`/groups/${DEMO_GROUPS.seattleEmployees.id}/members`).get()).includes(
          DEMO_USERS.ana.id,
        ),
        'the user change was re-evaluated',
      );
    } finally {
      await second.stop();
    }
  });
});
