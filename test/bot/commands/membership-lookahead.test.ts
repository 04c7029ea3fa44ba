import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import type { Outcome } from '../../../bot/commands/context';

function pendingOf(o: Outcome): string {
  for (const r of o.replies) {
    const d = buttonData(r, 'confirm');
    if (d && typeof d['pendingId'] === 'string') return d['pendingId'];
  }
  throw new Error(`no confirm button in: ${allText(o)}`);
}

/** The text of the card's Warnings block (the Container styled 'warning'), or ''. */
function warningsOf(o: Outcome): string {
  const out: string[] = [];
  const walk = (v: unknown, inside: boolean): void => {
    if (Array.isArray(v)) {
      v.forEach((x) => walk(x, inside));
      return;
    }
    if (!v || typeof v !== 'object') return;
    const e = v as Record<string, unknown>;
    const here = inside || (e['type'] === 'Container' && e['style'] === 'warning');
    if (here && e['type'] === 'TextBlock') out.push(String(e['text']));
    Object.values(e).forEach((x) => walk(x, here));
  };
  o.replies.forEach((r) => walk(r.card, false));
  return out.join('\n');
}

describe('bot/commands/membership-change look-ahead (emulator)', function () {
  this.timeout(180_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('a guest and a disabled account added to a licensed group: flagged, licence gain named, in 2 requests before confirming', async () => {
    const ctx = await h.ctx(UPN.megan);
    await h.resetStats();
    const ask = await runIntent(
      { intent: 'addMembers', users: ['Pat Partner', 'Raul Razo'], groups: ['Licensed E5 Users'] },
      ctx,
    );
    assert.equal(await h.requests(), 2, 'resolution + look-ahead');
    const warnings = warningsOf(ask);
    assert.match(warnings, /Pat Partner is a guest from outside your organisation/);
    assert.match(warnings, /Raul Razo: this account is disabled/);
    assert.match(allText(ask), /Pat Partner and Raul Razo will get Office 365 E5 through this group\./);
  });

  it('removing a member who gets E5 only through the group says they lose it', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent({ intent: 'removeMembers', users: ['Lee Gu'], groups: ['Licensed E5 Users'] }, ctx);
    assert.match(warningsOf(ask), /Lee Gu will lose Office 365 E5, which they get only through this group\./);
  });

  it('a role-assignable group says which role the change needs', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent({ intent: 'addMembers', users: ['Adele Vance'], groups: ['Helpdesk Admins'] }, ctx);
    assert.match(
      warningsOf(ask),
      /can be assigned to Microsoft Entra roles: changing its members needs the Privileged Role Administrator role/,
    );
  });

  it('removing the only owner warns before anything is written; the outcome says why nothing changed', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent({ intent: 'removeOwners', users: ['Olga Owner'], groups: ['Finance Readers'] }, ctx);
    assert.match(warningsOf(ask), /would leave 'Finance Readers' without an owner/);
    const done = await continuePending(pendingOf(ask), { confirmed: true }, ctx);
    assert.match(allText(done), /Olga Owner was not removed: a group must keep at least one owner\./);
  });

  it('a person already in and one not in, removed: the one not there is named as left as is', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent(
      { intent: 'removeMembers', users: ['Lidia Holloway', 'Zoë Müller'], groups: ['Design Team'] },
      ctx,
    );
    assert.match(allText(ask), /Not a member, so left as is: Zo/);
    const done = await continuePending(pendingOf(ask), { confirmed: true }, ctx);
    assert.match(allText(done), /Lidia Holloway was removed from 'Design Team'\./);
    assert.match(allText(done), /wasn't a member of 'Design Team', so nothing changed for them\./);
  });

  it('two people of whom none is a member, removed: the card says none of them is there', async () => {
    const ask = await runIntent(
      { intent: 'removeMembers', users: ['Nestor Wilke', 'Zoë Müller'], groups: ['Design Team'] },
      await h.ctx(UPN.megan),
    );
    assert.match(allText(ask), /Nothing to change: none of them is there\. You can still confirm to check again\./);
  });

  it('two names with one unknown: a table instead of ending the request, "You wrote" keeps the typing', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent(
      { intent: 'addMembers', users: ['adele@contoso.com', 'Nobody Atall'], groups: ['Legal'] },
      ctx,
    );
    assert.match(allText(ask), /Of the 2 names for 'Legal': 1 found, 0 need a pick, 1 not found/);
    assert.match(JSON.stringify(ask.replies[0]?.card), /adele@contoso\.com/);
    assert.ok(buttonData(ask.replies[0], 'bulkAdd'));
  });
});
