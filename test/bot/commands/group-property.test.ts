/** Property questions about a group, answered from the group (real Graph emulator, demo tenant). */
import { strict as assert } from 'node:assert';
import { runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import type { GroupProperty } from '../../../bot/language/intent';
import { allText, startHarness, UPN, type Harness } from './command-harness';

const CASES: [string, GroupProperty, RegExp][] = [
  ['Finance Readers', 'security', /^Yes: 'Finance Readers' is a security group/],
  ['Marketing', 'security', /^No: 'Marketing' is a Microsoft 365 group/],
  ['Finance Alerts', 'groupType', /^'Finance Alerts' is a mail-enabled security group\./],
  [
    'Seattle Employees',
    'dynamic',
    /^Yes: 'Seattle Employees' has dynamic membership, by the rule user\.city -eq "Seattle"/,
  ],
  ['Legal', 'dynamic', /^No: 'Legal' has assigned \(static\) membership/],
  ['Executive Leadership', 'hiddenMembership', /^Yes: 'Executive Leadership' is private with hidden membership/],
  ['Legal', 'private', /^Yes: 'Legal' is private/],
  ['OutlookGroup101', 'visibility', /^'OutlookGroup101' is public/],
  ['Sales', 'mailEnabled', /^Yes: 'Sales' has an email address/],
  ['Design Team', 'mailEnabled', /^No: 'Design Team' has no email address/],
  ['All Company News', 'distributionList', /^Yes: 'All Company News' is a distribution list/],
  ['Helpdesk Admins', 'roleAssignable', /^Yes: 'Helpdesk Admins' can be assigned to Microsoft Entra roles/],
  ['Marketing', 'guestsAllowed', /^Yes: owners may add guests to Microsoft 365 groups such as 'Marketing'/],
  ['Legal', 'deleted', /^No: 'Legal' is not deleted/],
];

describe('bot/commands/group-property (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('answers each property from the group', async () => {
    const megan = await h.ctx(UPN.megan);
    for (const [group, property, want] of CASES) {
      const o = await runIntent({ intent: 'groupPropertyQuestion', groups: [group], property }, megan);
      assert.match(allText(o), want, `${group} / ${property}`);
    }
  });

  it('a team: no for a group that has none', async () => {
    const megan = await h.ctx(UPN.megan);
    const o = await runIntent({ intent: 'groupPropertyQuestion', groups: ['Design Team'], property: 'team' }, megan);
    assert.match(allText(o), /^No: 'Design Team' has no team in Microsoft Teams\./);
  });

  it('asks which group when none is named', async () => {
    const megan = await h.ctx(UPN.megan);
    assert.match(
      allText(await runIntent({ intent: 'groupPropertyQuestion', property: 'security' }, megan)),
      /Which group\?/,
    );
  });
});
