/**
 * "add sam@fabrikam.com to Marketing" with an address no one in the directory has: a Guest Inviter (Olga, owner
 * of Marketing) is offered the invitation and, on Confirm, the guest is invited and added; an ordinary member is
 * told who can invite (the demo tenant lets only admins and Guest Inviters invite); known addresses take the
 * ordinary add.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import { isEmailAddress } from '../../../bot/commands/guest-invite';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { parseIntent } from '../../../bot/language';
import type { Outcome } from '../../../bot/commands/context';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';

function confirmId(o: Outcome): string {
  for (const r of o.replies) {
    const d = buttonData(r, 'confirm');
    if (typeof d?.['pendingId'] === 'string') return d['pendingId'];
  }
  throw new Error(`no confirm button in: ${allText(o)}`);
}

describe('bot/commands guest invitation on add (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness('demo', { dynamicProcessingDelayMs: 0 });
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('offers a Guest Inviter to invite an unknown address, then invites and adds the guest', async () => {
    const olga = await h.ctx('olga@contoso.com');
    const ask = await runIntent(parseIntent('add sam@fabrikam.com to Marketing'), olga);
    assert.match(
      allText(ask),
      /^Invite sam@fabrikam\.com as a guest and add them to 'Marketing'\? sam@fabrikam\.com is not in this directory yet\./,
    );
    const done = await continuePending(confirmId(ask), { confirmed: true }, olga);
    assert.match(
      allText(done),
      /^Invited sam@fabrikam\.com as a guest: Microsoft sent the invitation \(pending acceptance\)\.\nAdding members to 'Marketing':\n- sam was added to 'Marketing'\.\nYou can undo this for 24 hours\.$/,
    );
    const members = allText(await runIntent({ intent: 'listMembers', groups: [DEMO_GROUPS.marketing.id] }, olga));
    assert.match(members, /sam/);
    const again = await continuePending(confirmId(ask), { confirmed: true }, olga);
    assert.match(
      allText(again),
      /^Already done at .*: Invited sam@fabrikam\.com as a guest/,
      'a second click invites nobody',
    );
    assert.equal(again.replies[0]?.keepCard, true, 'and leaves the outcome card as it is');
  });

  it('tells an ordinary member who may invite, and invites nobody', async () => {
    const ana = await h.ctx(UPN.ana);
    const out = allText(await runIntent(parseIntent('add kim@fabrikam.com to Marketing'), ana));
    assert.match(out, /kim@fabrikam\.com is not in this directory, and your account can't invite guests here/);
  });

  it('known addresses (the demo guest pat@fabrikam.com) take the ordinary add', async () => {
    const megan = await h.ctx(UPN.megan);
    const out = allText(await runIntent(parseIntent('add pat@fabrikam.com to Sales'), megan));
    assert.doesNotMatch(out, /Invite/);
    assert.match(out, /Pat Partner/);
  });

  it('checks a pasted list of addresses in one look-up round, not one request per address', async () => {
    const megan = await h.ctx('megan@contoso.com');
    const upns = Object.values(DEMO_USERS)
      .map((u) => u.upn)
      .filter((upn) => upn !== 'megan@contoso.com');
    assert.ok(upns.length >= 20, 'enough demo users for the check');
    await h.resetStats();
    const table = await runIntent({ intent: 'addMembers', users: upns, groups: [DEMO_GROUPS.marketing.id] }, megan);
    assert.doesNotMatch(allText(table), /as a guest/, 'every address is known: no invitation offered');
    const requests = await h.requests();
    assert.ok(
      requests <= 8,
      `looking up ${upns.length} known addresses and resolving them took ${requests} Graph requests`,
    );
  });

  it('recognises email addresses, not names or ids', () => {
    assert.equal(isEmailAddress('sam@fabrikam.com'), true);
    assert.equal(isEmailAddress('Ana Silva'), false);
    assert.equal(isEmailAddress('6486e8ef-6e2d-4af9-bcd8-9ae6325d137c'), false);
    assert.equal(isEmailAddress('sam@'), false);
  });
});
