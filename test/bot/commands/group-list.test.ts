import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { parseIntent } from '../../../bot/language';
import { DEMO_GROUPS } from '../../../graph-emulator';

/** The group names of a listGroups answer's text ("- Finance Readers (Security group)" lines). */
function listedNames(text: string): string[] {
  return [...text.matchAll(/^- (.+) \([^)]+\)$/gm)].map((m) => m[1] as string);
}

describe('bot/commands/group-list (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('"groups whose name mentions Finance" lists only the groups with Finance in the name (README)', async () => {
    const intent = parseIntent('groups whose name mentions Finance');
    assert.equal(intent.intent, 'listGroups');
    assert.equal(intent.nameContains, 'Finance');
    const out = allText(await runIntent(intent, await h.ctx(UPN.megan)));
    const expected = Object.values(DEMO_GROUPS)
      .filter((g) => !g.deleted && /\bfinance/i.test(g.displayName))
      .map((g) => g.displayName)
      .sort();
    assert.ok(expected.length >= 2, 'the demo tenant has several Finance groups');
    assert.deepEqual(listedNames(out), expected, out);
    assert.match(out, /^Groups whose name mentions 'Finance':/);
  });

  it('a word no group name has says so instead of listing every group', async () => {
    const out = allText(await runIntent({ intent: 'listGroups', nameContains: 'Zebra' }, await h.ctx(UPN.megan)));
    assert.equal(out, "No groups whose name mentions 'Zebra' found.");
    assert.equal(
      allText(
        await runIntent({ intent: 'listGroups', groupType: 'security', nameContains: 'Zebra' }, await h.ctx(UPN.megan)),
      ),
      "No security groups whose name mentions 'Zebra' found.",
    );
  });

  it('matches a word anywhere in the name; the unfiltered list still pages', async () => {
    const ctx = await h.ctx(UPN.megan);
    const out = allText(await runIntent({ intent: 'listGroups', nameContains: 'Marketing' }, ctx));
    assert.deepEqual(listedNames(out), ['Marketing', 'Marketing department', 'Sales and Marketing']);
    const project = await runIntent({ intent: 'listGroups', nameContains: 'Project' }, ctx);
    assert.deepEqual(listedNames(allText(project)), ['Project Falcon', 'Project Falcon']);
    assert.equal(buttonData(project.replies[0], 'listMore'), undefined, 'two groups fit on one page');
    const all = await runIntent({ intent: 'listGroups' }, ctx);
    const more = buttonData(all.replies[0], 'listMore');
    assert.ok(more, 'the unfiltered list still pages');
    assert.match(allText(await continuePending(String(more['cursor']), { confirmed: true }, ctx)), /from 21/);
  });
});
