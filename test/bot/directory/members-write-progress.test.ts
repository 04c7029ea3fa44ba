/**
 * Bulk membership progress counts what actually happened: when every write fails, progress never says the
 * people were added ("20 of 25 done" was reported for 25 failures). Real emulator, real Graph client.
 */
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { GraphSession } from '../../../bot/directory/graph-session';
import { getGroup } from '../../../bot/directory/groups-read';
import { writeMembership } from '../../../bot/directory/members-bulk-write';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { buildProgressCard } from '../../../cards';
import { renderCardText } from '../../../cards';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';

describe('bot/directory/members-write progress', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  after(async () => {
    await closeGraphConnections();
  });

  it('reports 0 done and 25 failed when all 25 writes fail, and the card says so', async () => {
    const session = new GraphSession(
      await emu.clientFor(DEMO_USERS.megan.upn),
      { baseUrl: emu.baseUrl },
      async () => undefined,
    );
    const group = await getGroup(session, DEMO_GROUPS.financeReaders.id);
    const ghosts = Array.from({ length: 25 }, (_, i) => ({
      id: randomUUID(),
      displayName: `Ghost ${i}`,
      type: 'user' as const,
    }));
    const seen: [number, number, number][] = [];
    const outcomes = await writeMembership(session, group, 'members', 'add', ghosts, {
      onProgress: (done, total, failed) => {
        seen.push([done, total, failed]);
      },
    });
    assert.ok(
      outcomes.every((o) => o.result !== 'added'),
      JSON.stringify(outcomes.slice(0, 2)),
    );
    // The two PATCH binds fail as a whole, then everyone is written alone: failures only grow, nothing is done.
    assert.deepEqual(seen.at(-1), [0, 25, 25]);
    assert.ok(
      seen.every(([d, t], i) => d === 0 && t === 25 && (i === 0 || (seen[i - 1] as number[])[2]! <= seen[i]![2])),
      JSON.stringify(seen),
    );
    const [done, total, failed] = seen.at(-1) as [number, number, number];
    const text = renderCardText(
      buildProgressCard({
        operation: 'addMembers',
        group: { id: group.id, displayName: group.displayName },
        done,
        total,
        failed,
      }),
    ).text;
    assert.match(text, /Added 0 of 25/);
    assert.match(text, /25 failed so far/);
  });

  it('counts successes and failures apart in a mixed batch', async () => {
    const session = new GraphSession(
      await emu.clientFor(DEMO_USERS.megan.upn),
      { baseUrl: emu.baseUrl },
      async () => undefined,
    );
    const group = await getGroup(session, DEMO_GROUPS.designTeam.id);
    const real = { id: DEMO_USERS.grace.id, displayName: 'Grace', type: 'user' as const };
    const ghost = { id: randomUUID(), displayName: 'Ghost', type: 'user' as const };
    const seen: [number, number, number][] = [];
    await writeMembership(session, group, 'members', 'add', [real, ghost], {
      onProgress: (d, t, f) => {
        seen.push([d, t, f]);
      },
    });
    assert.deepEqual(seen.at(-1), [1, 2, 1]);
  });
});
