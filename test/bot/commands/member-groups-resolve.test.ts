import { strict as assert } from 'node:assert';
import { startHarness, allText, buttonData, type Harness } from './command-harness';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';

describe('bot/commands/member-groups-resolve: a group as the member (emulator)', function () {
  this.timeout(180_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('"add the Directory Squad group to Platform Core": confirmed, then the group is a member', async () => {
    const ctx = await h.ctx('lee@contoso.com');
    const ask = await runIntent(
      { intent: 'addMembers', memberGroups: ['Directory Squad'], groups: ['Platform Core'] },
      ctx,
    );
    assert.match(allText(ask), /This group will become a member of 'Platform Core'/);
    const confirm = ask.replies.map((r) => buttonData(r, 'confirm')).find((d) => d !== undefined);
    assert.ok(confirm && typeof confirm['pendingId'] === 'string', allText(ask));
    const done = await continuePending(confirm['pendingId'] as string, { confirmed: true }, ctx);
    assert.match(allText(done), /Directory Squad was added to 'Platform Core'/);
  });

  it('a phrase that names two groups of the same name is asked about, nothing is written', async () => {
    const ctx = await h.ctx('lee@contoso.com');
    const out = await runIntent(
      { intent: 'addMembers', memberGroups: ['Project Falcon'], groups: ['Platform Core'] },
      ctx,
    );
    assert.match(allText(out), /"Project Falcon" matches several groups/);
  });

  it('an unknown group is named, nothing is written', async () => {
    const ctx = await h.ctx('lee@contoso.com');
    const out = await runIntent(
      { intent: 'addMembers', memberGroups: ['Nowhere Crew'], groups: ['Platform Core'] },
      ctx,
    );
    assert.match(allText(out), /couldn't find a group called 'Nowhere Crew' to nest/);
  });
});
