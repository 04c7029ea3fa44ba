import { strict as assert } from 'node:assert';
import { startHarness, UPN, type Harness } from '../commands/command-harness';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { exactLookupSteps, resolveUserList, IN_LIMIT } from '../../../bot/directory/users-bulk-resolve';
import { largeTenantMutations } from '../../../graph-emulator/seed/large-seed';

const UPNS = largeTenantMutations(150)
  .filter((m): m is Extract<typeof m, { op: 'putUser' }> => m.op === 'putUser')
  .map((m) => (m.user as unknown as { userPrincipalName: string }).userPrincipalName)
  .filter((u) => !u.startsWith('chain.'))
  .slice(0, 100);

describe('bot/directory/users-bulk-resolve', function () {
  this.timeout(180_000);

  it("puts 15 values in a lookup (Graph's limit on OR clauses) and each typed value once", () => {
    const steps = exactLookupSteps([...UPNS.slice(0, 31), UPNS[0] as string, 'Ana Silva', 'Bob Kelly']);
    assert.equal(steps.length, 4, '31 addresses in 3 steps, 2 names in 1');
    assert.ok(steps.every((s) => s.values.length <= IN_LIMIT));
    assert.match(decodeURIComponent(steps[3]?.step.url ?? ''), /displayName in \('Ana Silva','Bob Kelly'\)/);
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

    it('100 UPNs: all resolved in one $batch request', async () => {
      const ctx = await h.ctx(UPN.megan);
      await h.resetStats();
      const r = await resolveUserList(ctx.graph, UPNS);
      assert.equal(r.resolutions.filter((x) => x.status === 'resolved').length, 100);
      assert.equal(await h.requests(), 1);
    });

    it("mixed: an upper-case mail, a guest's mail, a name, a given name shared by several, an unknown name", async () => {
      const ctx = await h.ctx(UPN.megan);
      await h.resetStats();
      const r = await resolveUserList(ctx.graph, [
        'ADELE@CONTOSO.COM',
        'pat@fabrikam.com',
        'Bob Kelly',
        'Ana',
        'Nobody Atall',
      ]);
      const [adele, pat, bob, ana, nobody] = r.resolutions;
      assert.equal(adele?.status === 'resolved' && adele.item.displayName, 'Adele Vance');
      assert.equal(
        pat?.status === 'resolved' && pat.item.displayName,
        'Pat Partner',
        'found by mail in the second round',
      );
      assert.equal(bob?.status === 'resolved' && bob.item.displayName, 'Bob Kelly');
      assert.equal(ana?.status, 'ambiguous');
      assert.equal(nobody?.status, 'notFound');
      assert.equal(r.failed.size, 0);
      assert.equal(await h.requests(), 2, 'exact lookups, then mail and prefix lookups together');
    });

    it('a lookup Graph keeps refusing is named as failed, not as "nobody has this name"', async () => {
      const ctx = await h.ctx(UPN.megan);
      await h.faults({ status: 503, pathPattern: '^GET /v1\\.0/users$', retryAfterSeconds: 0 });
      try {
        const r = await resolveUserList(ctx.graph, ['Bob Kelly', 'adele@contoso.com']);
        assert.equal(r.failed.size, 2);
        assert.match([...r.failed.values()][0] ?? '', /not answering/);
      } finally {
        await h.faults(null);
      }
    });
  });
});
