/**
 * The hygiene section "Groups with licence errors": read with `$filter=hasMembersWithLicenseErrors eq true`
 * (bot/directory/license-errors-read.ts) after a group licence ran out of seats in the emulator; administrators see
 * every such group, owners only theirs; the card and the sentence show it.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, type Harness } from '../commands/command-harness';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { scanHygiene } from '../../../bot/hygiene/hygiene-scan';
import { hygieneReply } from '../../../bot/commands/hygiene-show';
import { setGroupLicense } from '../../../bot/directory/licenses';
import { readGroupsWithLicenseErrors } from '../../../bot/directory/license-errors-read';
import type { CommandContext } from '../../../bot/commands/context';
import { DEMO_SKUS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';

const U = DEMO_USERS;

describe('bot/hygiene scan: groups with licence errors (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  let megan: CommandContext;
  let shortId = '';
  let fineId = '';

  before(async () => {
    h = await startHarness();
    megan = await h.ctx(UPN.megan);
    const make = async (displayName: string, users: { id: string }[], owner?: string): Promise<string> =>
      (
        await megan.graph.post<{ id: string }>('/groups', {
          displayName,
          mailNickname: displayName.replace(/\W/g, '').toLowerCase(),
          mailEnabled: false,
          securityEnabled: true,
          'members@odata.bind': users.map((u) => megan.graph.directoryObjectUrl(u.id)),
          ...(owner ? { 'owners@odata.bind': [megan.graph.userUrl(owner)] } : {}),
        })
      ).id;
    // EMS has 3 seats: 4 members leave one without a licence.
    shortId = await make('Mobility Rollout', [U.adele, U.nestor, U.debra, U.christie], U.olga.id);
    fineId = await make('Mobility Pilot', [U.diego]);
    await setGroupLicense(megan.graph, shortId, DEMO_SKUS.ems.skuId, 'add');
    await setGroupLicense(megan.graph, fineId, DEMO_SKUS.e3.skuId, 'add');
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('reads the flagged groups in the default query mode', async () => {
    const read = await readGroupsWithLicenseErrors(megan.graph);
    assert.deepEqual(read, { items: [{ id: shortId, displayName: 'Mobility Rollout' }], complete: true });
  });

  it('lists them for an administrator, in the report, the card and the sentence', async () => {
    const r = await scanHygiene({ session: megan.graph, now: new Date(), expiringDays: 30, maxLines: 8 });
    const s = r.sections.find((x) => x.key === 'licenceErrors');
    assert.ok(s);
    assert.equal(s.title, 'Groups with licence errors');
    assert.deepEqual(
      s.lines.map((l) => [l.groupName, l.detail]),
      [['Mobility Rollout', 'some members did not get its licences']],
    );
    assert.equal(s.total, 1);
    const reply = hygieneReply(r);
    assert.match(reply.text, /groups with licence errors: 1/);
    assert.match(JSON.stringify(reply.card), /Groups with licence errors \(1\)/);
    assert.match(JSON.stringify(reply.card), /Mobility Rollout/);
  });

  it('shows an owner only the flagged groups they own', async () => {
    const olga = await h.ctx('olga@contoso.com');
    const r = await scanHygiene({ session: olga.graph, now: new Date(), expiringDays: 30, maxLines: 8 });
    assert.equal(r.scope, 'owned');
    assert.deepEqual(
      r.sections.find((x) => x.key === 'licenceErrors')?.lines.map((l) => l.groupName),
      ['Mobility Rollout'],
    );
    const bob = await h.ctx(UPN.bob);
    const rb = await scanHygiene({ session: bob.graph, now: new Date(), expiringDays: 30, maxLines: 8 });
    assert.equal(rb.sections.find((x) => x.key === 'licenceErrors')?.total, 0, 'Bob owns none of them');
  });
});
