import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { largeTenantMutations } from '../../../graph-emulator/seed/large-seed';
import type { Reply } from '../../../bot/commands/context';

const NAMES = largeTenantMutations(150)
  .filter((m): m is Extract<typeof m, { op: 'putUser' }> => m.op === 'putUser')
  .map((m) => (m.user as { displayName: string }).displayName)
  .filter((n) => n !== 'Chain Member')
  .slice(0, 100);

/** The values of the Input.ChoiceSet with this id in a card. */
function choiceValues(card: unknown, id: string): string[] {
  let out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o['type'] === 'Input.ChoiceSet' && o['id'] === id)
      out = ((o['choices'] as { value: string }[]) ?? []).map((c) => c.value);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

describe('bot/commands/member-add bulk (emulator, large tenant)', function () {
  this.timeout(240_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ large: 150 });
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('100 named users: resolution table, confirmation, progress, outcomes, in at most 12 round trips', async () => {
    assert.equal(NAMES.length, 100);
    const progress: Reply[] = [];
    const ctx = await h.ctx(UPN.megan, { progress });
    await h.resetStats();
    const table = await runIntent({ intent: 'addMembers', users: NAMES, groups: ['Finance Readers'] }, ctx);
    assert.match(allText(table), /Of the 100 names for 'Finance Readers': 100 found, 0 need a pick, 0 not found/);
    const batch = buttonData(table.replies[0], 'bulkAdd');
    assert.ok(batch);
    const confirm = await continuePending(String(batch['batchId']), { values: {} }, ctx);
    const ok = confirm.replies.map((r) => buttonData(r, 'confirm')).find(Boolean);
    assert.ok(ok, allText(confirm));
    const done = await continuePending(String(ok['pendingId']), { confirmed: true }, ctx);
    const text = allText(done);
    assert.match(text, /Adding members to 'Finance Readers'/);
    assert.match(JSON.stringify(done.replies[0]?.card), /Added 100 people to Finance Readers\./);
    assert.ok(progress.length >= 1, 'progress was reported');
    assert.match(progress[progress.length - 1]?.text ?? '', /100 of 100/);
    const trips = await h.requests();
    assert.ok(trips <= 12, `took ${trips} round trips`);
  });

  it('ambiguous and unknown rows are picked or skipped in the table', async () => {
    const ctx = await h.ctx(UPN.megan);
    const users = [...NAMES.slice(0, 5), 'Ana', 'Nobody Atall'];
    const table = await runIntent({ intent: 'addMembers', users, groups: ['Design Team'] }, ctx);
    assert.match(allText(table), /5 found, 1 need a pick, 1 not found/);
    const batchId = String(buttonData(table.replies[0], 'bulkAdd')?.['batchId']);
    const bad = await continuePending(batchId, { values: { pick_5: '5857c451-a528-4bcc-bdab-3ab6d7402e69' } }, ctx);
    assert.match(allText(bad), /isn't one of the people I offered/);
    const offered = choiceValues(table.replies[0]?.card, 'pick_5');
    assert.ok(offered.includes('46b0c53d-d1c9-4189-b186-3ccca495a849'), 'Ana Souza is offered');
    const confirm = await continuePending(batchId, { values: { pick_5: '46b0c53d-d1c9-4189-b186-3ccca495a849' } }, ctx);
    assert.match(allText(confirm), /and 2 others to 'Design Team'/);
  });
});
