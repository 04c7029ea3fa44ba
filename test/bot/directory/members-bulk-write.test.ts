import { strict as assert } from 'node:assert';
import { startHarness, UPN, type Harness } from '../commands/command-harness';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { planMembershipWrites, writeMembership } from '../../../bot/directory/members-bulk-write';
import { getGroup, listRelation } from '../../../bot/directory/groups-read';
import type { Principal } from '../../../bot/directory/members-write';
import type { DirectoryGroup } from '../../../bot/directory/types';
import { largeTenantMutations } from '../../../graph-emulator/seed/large-seed';

const PEOPLE: Principal[] = largeTenantMutations(150)
  .filter((m): m is Extract<typeof m, { op: 'putUser' }> => m.op === 'putUser')
  .map((m) => m.user as unknown as { id: string; displayName: string })
  .filter((u) => u.displayName !== 'Chain Member')
  .slice(0, 100)
  .map((u) => ({ id: u.id, displayName: u.displayName, type: 'user' as const }));

/** Builds references the way a session on the emulator would (only the plan's URL builder is used). */
const BASE = { directoryObjectUrl: (id: string) => `https://localhost:8443/v1.0/directoryObjects/${id}` };
const SECURITY = {
  id: 'g',
  displayName: 'G',
  mailEnabled: false,
  securityEnabled: true,
  groupTypes: [],
} as DirectoryGroup;

describe('bot/directory/members-bulk-write', function () {
  this.timeout(180_000);

  it('plans PATCH binds of 20 for member adds, single $ref steps for known members, owners and removals', () => {
    const plan = planMembershipWrites(
      BASE,
      SECURITY,
      'members',
      'add',
      PEOPLE.slice(0, 45),
      new Set([PEOPLE[3]?.id as string]),
    );
    assert.deepEqual(
      plan.patches.map((p) => p.principals.length),
      [20, 20, 4],
    );
    assert.equal(plan.singles.length, 1);
    assert.equal(plan.singles[0]?.step.method, 'POST');
    const owners = planMembershipWrites(BASE, SECURITY, 'owners', 'add', PEOPLE.slice(0, 3));
    assert.equal(owners.patches.length, 0);
    assert.equal(owners.singles.length, 3);
    const groupToM365 = planMembershipWrites(BASE, { ...SECURITY, groupTypes: ['Unified'] }, 'members', 'add', [
      { id: 'x', displayName: 'X', type: 'group' },
    ]);
    assert.match(groupToM365.refused[0]?.reason ?? '', /only users/);
  });

  describe('against the emulator', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness({ large: 150 });
    });
    after(async () => {
      await h.stop();
      await closeGraphConnections();
    });

    it('100 adds in one $batch request of 5 PATCH steps; everyone ends a member', async () => {
      const ctx = await h.ctx(UPN.megan);
      const g = await getGroup(ctx.graph, '6472b31a-f4cb-4fd3-945d-08dcba7ba0dc'); // Finance Readers
      await h.resetStats();
      const progress: number[] = [];
      const out = await writeMembership(ctx.graph, g, 'members', 'add', PEOPLE, {
        onProgress: (d) => {
          progress.push(d);
        },
      });
      assert.equal(await h.requests(), 1);
      assert.ok(out.every((o) => o.result === 'added'));
      assert.deepEqual(
        out.map((o) => o.principal.id),
        PEOPLE.map((p) => p.id),
        'in the order given',
      );
      assert.equal(progress[progress.length - 1], 100);
      const members = await listRelation(ctx.graph, g.id, 'members', undefined, 999);
      assert.equal(members.items.length, 102);
    });

    it('a PATCH Graph refuses because one person is already there is redone person by person', async () => {
      const ctx = await h.ctx(UPN.megan);
      const g = await getGroup(ctx.graph, 'dc8b55e9-7263-478b-b199-24797b05bb43'); // Research and Development
      const lee = { id: 'ed2e8328-18d9-494d-8915-9932094dfa75', displayName: 'Lee Gu', type: 'user' as const };
      const out = await writeMembership(ctx.graph, g, 'members', 'add', [...PEOPLE.slice(0, 10), lee]);
      assert.equal(out.filter((o) => o.result === 'added').length, 10);
      assert.equal(out.find((o) => o.principal.id === lee.id)?.result, 'alreadyPresent');
    });

    it('with 30% of requests and steps answered 429, every person ends added or failed', async () => {
      const ctx = await h.ctx(UPN.megan);
      const g = await getGroup(ctx.graph, 'ae9efb39-c772-4fad-8fc1-d2a3a7eedbd0'); // Design Team
      await h.faults({ status: 429, probability: 0.3, seed: 3, retryAfterSeconds: 0 });
      try {
        const out = await writeMembership(ctx.graph, g, 'members', 'add', PEOPLE);
        assert.equal(out.length, 100);
        assert.ok(
          out.every((o) => o.result === 'added' || o.result === 'failed' || o.result === 'alreadyPresent'),
          JSON.stringify(out.map((o) => o.result)),
        );
        assert.ok(out.filter((o) => o.result === 'added').length > 50);
      } finally {
        await h.faults(null);
      }
    });
  });
});
