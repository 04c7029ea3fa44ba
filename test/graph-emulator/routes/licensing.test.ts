/**
 * Group-based licensing errors as Graph documents them: members beyond the free seats get a
 * `licenseAssignmentStates` entry in state Error with CountViolation, the group's `membersWithLicenseErrors` lists
 * them, `$filter=hasMembersWithLicenseErrors eq true` finds the group in the default query mode only, and
 * subscribedSkus counts only the assignments that succeeded.
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEMO_GROUPS, DEMO_SKUS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';
import { rejectsWithGraphError } from '../graph-assert';

type Obj = Record<string, unknown>;
interface Page {
  '@odata.context'?: string;
  value: Obj[];
}
interface State {
  assignedByGroup: string | null;
  skuId: string;
  state: string;
  error: string;
}

const U = DEMO_USERS;
const bind = (id: string) => `https://graph.microsoft.com/v1.0/directoryObjects/${id}`;
const EMS = DEMO_SKUS.ems;

describe('graph-emulator group licensing errors', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let megan: Client;
  let groupId = '';
  const members = [U.adele, U.nestor, U.debra, U.christie, U.diego];

  const statesOf = async (userId: string): Promise<State[]> =>
    (
      (await megan.api(`/users/${userId}`).select('licenseAssignmentStates').get()) as {
        licenseAssignmentStates: State[];
      }
    ).licenseAssignmentStates;
  const emsConsumed = async (): Promise<number> => {
    const skus = (await megan.api('/subscribedSkus').get()) as Page;
    return (skus.value.find((s) => s.skuId === EMS.skuId) as Obj).consumedUnits as number;
  };

  before(async () => {
    megan = await emu.clientFor(U.megan.upn);
    const g = (await megan.api('/groups').post({
      displayName: 'EMS Pilot',
      mailNickname: 'emspilot',
      mailEnabled: false,
      securityEnabled: true,
      'members@odata.bind': [...members.map((u) => bind(u.id)), bind(DEMO_GROUPS.designTeam.id)],
    })) as Obj;
    groupId = g.id as string;
  });

  it('gives the free seats, then Error + CountViolation; consumedUnits counts only the successes', async () => {
    assert.equal(await emsConsumed(), 0, 'nobody holds EMS in the demo tenant');
    const res = await emu.raw('POST', `/v1.0/groups/${groupId}/assignLicense`, {
      token: await emu.token(U.megan.upn),
      body: JSON.stringify({ addLicenses: [{ skuId: EMS.skuId, disabledPlans: [] }], removeLicenses: [] }),
    });
    assert.equal(res.status, 202);
    const states = (await Promise.all(members.map((u) => statesOf(u.id)))).map((s) =>
      s.find((x) => x.assignedByGroup === groupId && x.skuId === EMS.skuId),
    );
    assert.equal(states.filter((s) => s?.state === 'Active' && s.error === 'None').length, EMS.units);
    assert.deepEqual(
      states.filter((s) => s?.state === 'Error').map((s) => s?.error),
      ['CountViolation', 'CountViolation'],
    );
    assert.equal(await emsConsumed(), EMS.units);
    // Entra licenses direct members only: Ana is in the group through Design Team and gets nothing from it.
    assert.equal(
      (await statesOf(U.ana.id)).some((s) => s.assignedByGroup === groupId),
      false,
    );
  });

  it('lists the failing members in membersWithLicenseErrors (directoryObjects, $select)', async () => {
    const failing = (await Promise.all(members.map(async (u) => ({ u, s: await statesOf(u.id) }))))
      .filter(({ s }) => s.some((x) => x.assignedByGroup === groupId && x.state === 'Error'))
      .map(({ u }) => u.id)
      .sort();
    const page = (await megan
      .api(`/groups/${groupId}/membersWithLicenseErrors`)
      .select('id,displayName')
      .get()) as Page;
    assert.match(page['@odata.context'] ?? '', /\$metadata#directoryObjects/);
    assert.deepEqual(page.value.map((m) => m.id).sort(), failing);
    assert.ok(
      page.value.every((m) => m['@odata.type'] === '#microsoft.graph.user' && typeof m.displayName === 'string'),
    );
    const clean = (await megan.api(`/groups/${DEMO_GROUPS.licensedE5.id}/membersWithLicenseErrors`).get()) as Page;
    assert.deepEqual(clean.value, [], 'Licensed E5 Users has seats for everyone');
  });

  it('finds the group with $filter=hasMembersWithLicenseErrors eq true, by default only', async () => {
    const page = (await megan
      .api('/groups')
      .query({ $filter: 'hasMembersWithLicenseErrors eq true', $select: 'id,displayName' })
      .get()) as Page;
    assert.deepEqual(
      page.value.map((g) => g.id),
      [groupId],
    );
    assert.equal('hasMembersWithLicenseErrors' in (page.value[0] as Obj), false, 'the property is never returned');
    await rejectsWithGraphError(
      megan
        .api('/groups')
        .header('ConsistencyLevel', 'eventual')
        .query({ $filter: 'hasMembersWithLicenseErrors eq true', $count: 'true' })
        .get(),
      400,
      'Request_UnsupportedQuery',
    );
  });

  it('clears the flag when the failing members leave', async () => {
    const page = (await megan.api(`/groups/${groupId}/membersWithLicenseErrors`).get()) as Page;
    for (const m of page.value) await megan.api(`/groups/${groupId}/members/${m.id as string}/$ref`).delete();
    const flagged = (await megan
      .api('/groups')
      .query({ $filter: 'hasMembersWithLicenseErrors eq true', $select: 'id' })
      .get()) as Page;
    assert.deepEqual(flagged.value, []);
    assert.equal(await emsConsumed(), EMS.units);
  });
});
