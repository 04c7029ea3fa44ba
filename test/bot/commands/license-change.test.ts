/**
 * Assigning a licence to a group: the confirmation compares the seats the group's direct user members would take
 * with the seats free (prepaidUnits.enabled − consumedUnits) and warns with the figures when they are short, yet
 * still lets the admin go on; the confirmed assignment schedules the licence-error check in the store.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import type { CommandContext, Outcome } from '../../../bot/commands/context';
import { openStore, type Store } from '../../../bot/store';
import { LicenceCheckStore } from '../../../bot/licences/license-check-store';
import { DEMO_GROUPS, DEMO_SKUS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';

const U = DEMO_USERS;
const EMS = DEMO_SKUS.ems;

function confirmId(o: Outcome): string {
  for (const r of o.replies) {
    const d = buttonData(r, 'confirm');
    if (d && typeof d.pendingId === 'string') return d.pendingId;
  }
  throw new Error(`no confirm button in: ${allText(o)}`);
}

function cardText(o: Outcome): string {
  return JSON.stringify(o.replies.map((r) => r.card ?? null));
}

describe('bot/commands license-change (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  let ctx: CommandContext;
  let store: Store;

  before(async () => {
    h = await startHarness();
    ctx = await h.ctx(UPN.megan);
    store = await openStore({ memory: true });
    const bind = (id: string) => ctx.graph.directoryObjectUrl(id);
    await ctx.graph.post('/groups', {
      displayName: 'Seat Counting Pilot',
      mailNickname: 'seatcountingpilot',
      mailEnabled: false,
      securityEnabled: true,
      'members@odata.bind': [
        ...[U.adele, U.nestor, U.debra, U.christie, U.diego].map((u) => bind(u.id)),
        bind(U.megan.id),
        bind(DEMO_GROUPS.designTeam.id),
      ],
    });
  });
  after(async () => {
    await store.close();
    await h.stop();
    await closeGraphConnections();
  });

  it('warns with the figures when the members who need a seat outnumber the free seats, and still offers Assign', async () => {
    const ask = await runIntent({ intent: 'assignLicense', groups: ['Seat Counting Pilot'], license: 'EMS' }, ctx);
    const text = allText(ask);
    // 6 direct users, none holding EMS; the demo tenant has 3 EMS seats and uses none.
    assert.match(
      text,
      /Warning: Not enough seats: 6 members do not have Enterprise Mobility \+ Security E3 yet, but only 3 of 3 seats are free \(0 in use\)\. 3 members would get no licence \(Entra reports them as CountViolation\)\. You can still go ahead\./,
    );
    assert.match(
      text,
      /The people in its 1 nested group do not get it: Entra licenses a group's direct members only\./,
    );
    assert.match(cardText(ask), /6 needed, 3 free \(0 of 3 in use\)/);
    assert.match(cardText(ask), /Not enough seats/, 'the card carries the warning');
    assert.ok(confirmId(ask), 'the admin may still go ahead');
  });

  it('counts members who already hold the SKU as needing no seat, and says nothing when the seats suffice', async () => {
    // Megan holds Office 365 E5 through Licensed E5 Users: 6 users, 5 new seats; 25 − 3 = 22 free.
    const ask = await runIntent({ intent: 'assignLicense', groups: ['Seat Counting Pilot'], license: 'E5' }, ctx);
    assert.doesNotMatch(allText(ask), /Not enough seats/);
    assert.match(cardText(ask), /5 needed, 22 free \(3 of 25 in use\)/);
  });

  it('assigns when confirmed despite the warning and schedules the licence-error check in the store', async () => {
    const checks = new LicenceCheckStore(store.keyValue, { delaySeconds: 120 });
    const here: CommandContext = {
      ...ctx,
      licenceChecks: checks,
      conversation: { id: 'conv-megan-1', kind: 'personal' },
    };
    const ask = await runIntent({ intent: 'assignLicense', groups: ['Seat Counting Pilot'], license: 'EMS' }, here);
    const done = await continuePending(confirmId(ask), { confirmed: true }, here);
    assert.match(
      allText(done),
      /Done: Enterprise Mobility \+ Security E3 is assigned to 'Seat Counting Pilot'\..*I'll check in about 2 minutes and tell you here who did not get it, if anyone\./,
    );
    const stored = await checks.all(new Date());
    assert.equal(stored.length, 1);
    const c = stored[0];
    assert.equal(c?.skuId, EMS.skuId);
    assert.equal(c?.skuName, 'Enterprise Mobility + Security E3');
    assert.equal(c?.askerId, U.megan.id);
    assert.equal(c?.conversationId, 'conv-megan-1');
    assert.equal(Date.parse(c?.dueAt ?? '') - Date.parse(c?.assignedAt ?? ''), 120_000);
    // Nothing is due yet.
    assert.deepEqual(await checks.due(new Date()), []);
  });
});
