/**
 * The confirmed run of an admin task executes the list its confirmation showed, stored on the server with the
 * pending operation: each item is checked against the directory just before the write, what no longer applies is
 * reported per person as skipped with the reason, and nothing outside the list is touched — even when the
 * directory changed between the card and the click. Real Graph emulator (HTTPS), in-memory store.
 */
import { strict as assert } from 'node:assert';
import { Agent } from 'undici';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import type { PendingOperation } from '../../../bot/commands/context';
import { pendingOperationStore } from '../../../bot/store';
import { allText, UPN } from './command-harness';
import { button, groups, useTaskHarness, users, type TaskHarness } from './task-harness';

const id = (key: string): string => users[key]?.id as string;
const gid = (key: string): string => groups[key]?.id as string;

/** Changes a user's account as an administrator would in the Entra admin center (a token with User.ReadWrite.All). */
async function setAccountEnabled(t: TaskHarness, userId: string, accountEnabled: boolean): Promise<void> {
  const token = await t.h.emulator.issueToken(UPN.megan, { scopes: ['User.ReadWrite.All'] });
  const agent = new Agent({ connect: { ca: t.h.emulator.caPem } });
  try {
    const res = await fetch(`${t.h.emulator.graphUrl}/users/${userId}`, {
      method: 'PATCH',
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ accountEnabled }),
    } as RequestInit);
    assert.equal(res.status, 204, await res.text());
  } finally {
    await agent.close();
  }
}

describe('bot/commands/change-plan-run: the confirmed list is what runs (emulator)', function () {
  this.timeout(120_000);
  let t: TaskHarness;
  useTaskHarness((h) => {
    t = h;
  });

  it('remove-by-kind: a person who left meanwhile is skipped, one disabled meanwhile is not touched', async () => {
    const megan = await t.ctx(UPN.megan);
    const marketing = gid('marketing');
    await megan.graph.post(`/groups/${marketing}/members/$ref`, {
      '@odata.id': megan.graph.directoryObjectUrl(id('raul')),
    });
    const ask = await runIntent({ intent: 'removeMembersByKind', kind: 'disabled', groups: ['Marketing'] }, megan);
    assert.match(allText(ask), /Remove 1 disabled account from 'Marketing'/);
    // Between the card and the click: Raul is taken out by hand, François's account is disabled.
    await megan.graph.delete(`/groups/${marketing}/members/${id('raul')}/$ref`);
    await setAccountEnabled(t, id('francois'), false);
    try {
      // Whatever a client sends along with the click is not a list: only the stored one runs.
      const sentAlong = { values: { plan: JSON.stringify({ writes: [{ people: [{ id: id('francois') }] }] }) } };
      const pendingId = button(ask, 'confirm')['pendingId'] as string;
      const done = await continuePending(pendingId, { confirmed: true, ...sentAlong }, megan);
      const text = allText(done);
      assert.match(text, /Removing disabled accounts: 0 done, 1 skipped\./);
      assert.match(text, /- skipped: Raul Razo, no longer a member of 'Marketing'\./);
      assert.doesNotMatch(text, /François|Francois/);
      assert.ok((await t.ids(megan, marketing, 'members')).includes(id('francois')), 'outside the list: untouched');
    } finally {
      await setAccountEnabled(t, id('francois'), true);
    }
  });

  it('offboarding: a group deleted meanwhile is skipped per person, a group joined meanwhile is left alone', async () => {
    // The list goes through the durable pending store (PGlite's key/value table), as in the bot.
    const megan = { ...(await t.ctx(UPN.megan)), pending: pendingOperationStore<PendingOperation>(t.store) };
    const ask = await runIntent({ intent: 'offboardUser', users: ['Lee Gu'], handOverTo: ['Ana Silva'] }, megan);
    await megan.graph.delete(`/groups/${gid('engineeringAll')}`);
    await megan.graph.post(`/groups/${gid('marketing')}/members/$ref`, {
      '@odata.id': megan.graph.directoryObjectUrl(id('lee')),
    });
    const done = await continuePending(button(ask, 'confirm')['pendingId'] as string, { confirmed: true }, megan);
    const text = allText(done);
    assert.match(text, /- skipped: Lee Gu, 'Engineering All' no longer exists\./);
    assert.match(text, /- skipped: Ana Silva, 'Engineering All' no longer exists\./);
    assert.match(text, /- done: Lee Gu was removed from 'Research and Development'\./i);
    assert.match(text, /Offboarding Lee Gu: \d+ done, 3 skipped\./);
    assert.ok((await t.ids(megan, gid('marketing'), 'members')).includes(id('lee')), 'not in the list: kept');
    assert.match(JSON.stringify(done.replies[0]?.card), /Skipped: 'Engineering All' no longer exists/);
  });

  it('a refused write is a per-person failure in words; a confirmation without a stored list changes nothing', async () => {
    const bob = await t.ctx(UPN.bob);
    const { done } = await t.confirm(bob, { intent: 'offboardUser', users: ['Joni Sherman'] });
    assert.match(
      allText(done),
      /- failed: Joni Sherman was not removed from 'Legal': You don't have the rights to change the members of 'Legal', so Microsoft Graph refused\./,
    );
    const megan = await t.ctx(UPN.megan);
    const old = await runIntent({ intent: 'offboardUser', users: ['Joni Sherman'] }, { ...megan, confirmed: true });
    assert.match(allText(old), /I don't have the list this confirmation showed/);
    assert.ok((await t.ids(megan, gid('legal'), 'members')).includes(id('joni')));
  });
});
