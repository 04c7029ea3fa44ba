/**
 * A deleted group named where a live one is expected: the resolver answers "was deleted on …; it can be restored
 * until …" with a Restore button (real Graph emulator, demo tenant: Old Project Phoenix is deleted), and Restore
 * leads to the restore confirmation.
 */
import { strict as assert } from 'node:assert';
import { runIntent } from '../../../bot/commands/dispatch';
import { runCardAction } from '../../../bot/commands/card-action-run';
import type { Outcome } from '../../../bot/commands/context';
import { restorableUntil } from '../../../bot/commands/deleted-group-offer';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { allText, buttonData, startHarness, UPN, type Harness } from './command-harness';

describe('bot/commands/deleted-group-offer', function () {
  this.timeout(120_000);

  it('restorableUntil: 30 days after the deletion, nothing once that has passed', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    assert.equal(restorableUntil('2026-12-01T10:00:00Z', now), '2026-12-31T10:00:00.000Z');
    assert.equal(restorableUntil('2026-10-01T10:00:00Z', now), undefined);
    assert.equal(restorableUntil(null, now), undefined);
  });

  describe('through the resolver (emulator)', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(async () => {
      await h.stop();
      await closeGraphConnections();
    });

    it('showGroup, listMembers and a property question on a deleted group offer Restore instead of "not found"', async () => {
      const megan = await h.ctx(UPN.megan);
      for (const intent of [
        { intent: 'showGroup' as const, groups: ['Old Project Phoenix'] },
        { intent: 'listMembers' as const, groups: ['old project phoenix'] },
        { intent: 'groupPropertyQuestion' as const, groups: ['Old Project Phoenix'], property: 'deleted' as const },
      ]) {
        const o = await runIntent(intent, megan);
        assert.match(allText(o), /'Old Project Phoenix' was deleted on .*; it can be restored until /, intent.intent);
        assert.equal(buttonData(o.replies[0], 'groupRestore')?.['groupId'], '61c76739-7b63-4f2e-afef-b7f954433bfc');
      }
    });

    it('Restore on that card asks to confirm the restore', async () => {
      const megan = await h.ctx(UPN.megan);
      const o = await runIntent({ intent: 'showGroup', groups: ['Old Project Phoenix'] }, megan);
      const data = buttonData(o.replies[0], 'groupRestore') as { groupId: string };
      const asked = (await runCardAction({ verb: 'groupRestore', groupId: data.groupId }, megan)) as Outcome;
      assert.match(allText(asked), /Restore 'Old Project Phoenix'/);
    });

    it('a name that matches neither live nor deleted groups is still "not found"', async () => {
      const megan = await h.ctx(UPN.megan);
      const o = await runIntent({ intent: 'showGroup', groups: ['Warehouse Scanners'] }, megan);
      assert.match(allText(o), /couldn't find a group called 'Warehouse Scanners'/);
    });
  });
});
