/** "do we have a group for …?": Graph's $search over names and descriptions (real Graph emulator, demo tenant). */
import { strict as assert } from 'node:assert';
import { runIntent } from '../../../bot/commands/dispatch';
import { topicWords } from '../../../bot/commands/group-find';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { allText, startHarness, UPN, type Harness } from './command-harness';

describe('bot/commands/group-find', function () {
  this.timeout(120_000);

  it('topicWords drops stop words and a plural s', () => {
    assert.deepEqual(topicWords('the auditors'), ['auditor']);
    assert.deepEqual(topicWords('people in finance reports'), ['finance', 'report']);
    assert.deepEqual(topicWords('the'), []);
  });

  describe('search (emulator)', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(async () => {
      await h.stop();
      await closeGraphConnections();
    });

    it('finds groups by a word of the description or the name, and says when none matches', async () => {
      const megan = await h.ctx(UPN.megan);
      const designers = await runIntent({ intent: 'findGroup', topic: 'designers' }, megan);
      assert.match(allText(designers), /- Design Team \(security group\): Product and visual designers/);
      const finance = await runIntent({ intent: 'findGroup', topic: 'finance' }, megan);
      assert.match(allText(finance), /Finance Readers/);
      assert.match(allText(finance), /Finance Alerts/);
      const none = await runIntent({ intent: 'findGroup', topic: 'the auditors' }, megan);
      assert.match(allText(none), /found no group whose name or description mentions 'auditor'/);
      assert.match(allText(await runIntent({ intent: 'findGroup' }, megan)), /A group for what\?/);
    });
  });
});
