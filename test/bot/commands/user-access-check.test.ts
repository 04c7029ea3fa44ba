/** "does X still have access anywhere?" against the real Graph emulator (demo tenant). */
import { strict as assert } from 'node:assert';
import { runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { allText, startHarness, UPN, type Harness } from './command-harness';

describe('bot/commands/user-access-check (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('a disabled account still in a group says so, with the state of the account', async () => {
    const megan = await h.ctx(UPN.megan);
    const o = await runIntent({ intent: 'userAccessCheck', users: ['Raul Razo'] }, megan);
    assert.match(
      allText(o),
      /^Yes: Raul Razo \(account disabled\) is still a direct member of 1 group: Seattle Employees/,
    );
    assert.match(allText(o), /cannot sign in, but the memberships remain/);
  });

  it('a guest, memberships through nesting, and owned groups', async () => {
    const megan = await h.ctx(UPN.megan);
    const pat = await runIntent({ intent: 'userAccessCheck', users: ['Pat Partner'] }, megan);
    assert.match(allText(pat), /Pat Partner \(guest\) is still a direct member of 1 group: Vendor Portal Access/);
    const zoe = await runIntent({ intent: 'userAccessCheck', users: ['Zoë Müller'] }, megan);
    assert.match(allText(zoe), /through nested groups also in .*Engineering All/);
    const lee = await runIntent({ intent: 'userAccessCheck', users: ['Lee Gu'] }, megan);
    assert.match(allText(lee), /owner of .*Directory Squad/);
  });

  it('nobody left anywhere is a plain no; no name asks whom', async () => {
    const megan = await h.ctx(UPN.megan);
    assert.match(
      allText(await runIntent({ intent: 'userAccessCheck', users: ['Grace Taylor'] }, megan)),
      /^No: Grace Taylor is not in any group and owns none\./,
    );
    assert.match(allText(await runIntent({ intent: 'userAccessCheck' }, megan)), /Whose access should I check\?/);
  });
});
