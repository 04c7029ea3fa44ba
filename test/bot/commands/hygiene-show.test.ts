/** "group hygiene" as the bot runs it: the sentence and card per reader, and the refusal for guests. */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections, createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { parseIntent } from '../../../bot/language';
import { validateCard } from '../../../cards';
import type { AdaptiveCard } from '../../../cards/card-types';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';

describe('bot/commands hygiene-show (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('answers a Global Administrator with a sentence and a valid card of the whole tenant', async () => {
    const out = await runIntent(parseIntent('group hygiene'), await h.ctx(UPN.megan));
    assert.equal(out.replies.length, 1);
    const r = out.replies[0];
    assert.match(
      r?.text ?? '',
      /^Group hygiene \(every group\): groups without an owner: 1; expiring soon: 2; groups with guests: 1; members whose accounts are disabled: 1\. /,
    );
    assert.deepEqual(validateCard(r?.card as unknown as AdaptiveCard).errors, []);
    assert.deepEqual(buttonData(r, 'hygieneFix'), {
      verb: 'hygieneFix',
      fix: 'makeOwner',
      groupId: DEMO_GROUPS.vendorPortal.id,
      userId: DEMO_USERS.adele.id,
    });
  });

  it('gives a Groups Administrator the whole tenant too, and an owner only their groups', async () => {
    assert.match(
      allText(await runIntent(parseIntent('show me group hygiene'), await h.ctx('grace@contoso.com'))),
      /^Group hygiene \(every group\)/,
    );
    const bob = allText(await runIntent(parseIntent('show me group hygiene'), await h.ctx(UPN.bob)));
    // Bob owns SecurityGroup101 and Project Falcon; owners are not told about groups without owners.
    assert.match(bob, /^Group hygiene \(the groups you own\): all tidy\. Nothing expiring within 30 days, empty/);
    const owners = allText(await runIntent(parseIntent('which groups have no owner'), await h.ctx(UPN.bob)));
    assert.equal(owners, 'Every group you own has an owner: you.');
  });

  it('answers one check (one section of the card), and allOwned keeps an administrator to the groups they own', async () => {
    const megan = await h.ctx(UPN.megan);
    const ownerless = await runIntent({ intent: 'showHygiene', check: 'noOwner' }, megan);
    assert.match(allText(ownerless), /^Groups without an owner \(every group\): 1 — Vendor Portal Access\.$/);
    const card = JSON.stringify(ownerless.replies[0]?.card);
    assert.ok(card.includes('Groups without an owner') && !card.includes('Expiring soon'), 'only that section');
    assert.match(
      allText(await runIntent({ intent: 'showHygiene', check: 'expiring' }, megan)),
      /^Expiring soon \(every group\): 2 — /,
    );
    const mine = await runIntent({ intent: 'showHygiene', check: 'empty', allOwned: true }, megan);
    assert.match(allText(mine), /^Groups without members \(the groups you own\): /);
    const bob = await runIntent({ intent: 'showHygiene', check: 'noOwner' }, await h.ctx(UPN.bob));
    assert.equal(allText(bob), 'Every group you own has an owner: you.');
  });

  it('tells someone who owns no group that there is nothing of theirs to check', async () => {
    const out = await runIntent(parseIntent('group hygiene'), await h.ctx(UPN.guest));
    assert.match(allText(out), /^You don't own any group, so there is nothing of yours to check\./);
    assert.equal(out.replies[0]?.card, undefined);
  });

  it('says so when Graph refuses the reads (a token without a group-read scope)', async () => {
    const token = await h.emulator.issueToken(UPN.megan, { scopes: ['User.Read'] });
    const client = createGraphClient({ baseUrl: h.emulator.baseUrl, caPem: h.emulator.caPem }, async () => token);
    const ctx = { ...(await h.ctx(UPN.megan)), graph: new GraphSession(client, { baseUrl: h.emulator.baseUrl }) };
    assert.match(
      allText(await runIntent(parseIntent('group hygiene'), ctx)),
      /You don't have permission to read the groups a hygiene check needs/,
    );
  });
});
