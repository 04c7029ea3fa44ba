/**
 * The commands behind the conversational layer, against the Graph emulator: "Did you mean" for unplaced text,
 * small talk, several steps in one message, the rule clause for a dynamic group, a create form filled from a
 * sentence, names found inside a phrase and without accents, and "oops, undo that".
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { JournalService } from '../../../bot/journal/journal-service';
import { openStore, type Store } from '../../../bot/store';
import { parseIntent } from '../../../bot/language';
import type { Outcome } from '../../../bot/commands/context';

function pendingOf(o: Outcome, verb: string): string {
  for (const r of o.replies) {
    const d = buttonData(r, verb);
    if (d && typeof d['pendingId'] === 'string') return d['pendingId'];
  }
  throw new Error(`no ${verb} button in: ${allText(o)}`);
}

describe('bot/commands for messages as people type them (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  let store: Store;
  before(async () => {
    h = await startHarness();
    store = await openStore({ memory: true });
  });
  after(async () => {
    await store.close();
    await h.stop();
    await closeGraphConnections();
  });

  it('offers the closest requests as buttons for a message it cannot place', async () => {
    const ctx = { ...(await h.ctx(UPN.megan)), text: 'Finance Readers, the approvers thing?' };
    const out = await runIntent(parseIntent('Finance Readers, the approvers thing?'), ctx);
    const text = allText(out);
    assert.match(text, /Did you mean/);
    assert.match(text, /who owns Finance Readers/);
    assert.doesNotMatch(text, /add or remove members and owners/, 'not the whole help text');
  });

  it('answers small talk with one short line and no card', async () => {
    const out = await runIntent(parseIntent('great, cheers'), await h.ctx(UPN.megan));
    assert.equal(out.replies.length, 1);
    assert.equal(out.replies[0]?.card, undefined);
    assert.match(out.replies[0]?.text ?? '', /welcome/i);
  });

  it('runs both steps of "add Adele to Legal and Nestor to Sales", each with its own confirmation', async () => {
    const out = await runIntent(parseIntent('add Adele to Legal and Nestor to Sales'), await h.ctx(UPN.megan));
    assert.equal(out.replies.length, 2);
    assert.match(out.replies[0]?.text ?? '', /Adele Vance/);
    assert.match(out.replies[0]?.text ?? '', /Legal/);
    assert.match(out.replies[1]?.text ?? '', /Nestor Wilke/);
    assert.match(out.replies[1]?.text ?? '', /Sales/);
  });

  it('explains a dynamic group by the rule clause that matched, and a nested one by its path', async () => {
    const ctx = await h.ctx(UPN.megan);
    const dynamic = await runIntent(parseIntent('why is Bob in Seattle Employees?'), ctx);
    assert.match(allText(dynamic), /because of its rule: city equals Seattle/);
    const card = JSON.stringify(dynamic.replies[0]?.card);
    assert.match(card, /because of its membership rule: city equals Seattle/);
    assert.match(card, /user\.city -eq \\"Seattle\\"/);
    const nested = allText(await runIntent(parseIntent('why is Zoë in Engineering All'), ctx));
    assert.match(
      nested,
      /Zoë Müller → Directory Squad → Identity Services → Platform Core → Engineering Platform → Engineering All/,
    );
  });

  it('fills the create form from a sentence: owners resolved, the rest as description, no visibility for security', async () => {
    const out = await runIntent(
      parseIntent("new security group 'VPN Users' for remote staff, owner grace"),
      await h.ctx(UPN.megan),
    );
    const card = JSON.stringify(out.replies[0]?.card);
    assert.match(card, /"value":"VPN Users"/);
    assert.match(card, /"value":"grace@contoso.com"/);
    assert.match(card, /"value":"for remote staff"/);
    assert.doesNotMatch(card, /"id":"visibility"/);
    const team = JSON.stringify(
      (await runIntent(parseIntent('create a team called Launch Crew, owners Megan and Adele'), await h.ctx(UPN.megan)))
        .replies[0]?.card,
    );
    assert.match(team, /"id":"visibility"/, 'a Microsoft 365 group keeps its visibility field');
    assert.match(team, /megan@contoso.com, adele@contoso.com/);
  });

  it('finds the longest known name inside a phrase and names typed without accents', async () => {
    const ctx = await h.ctx(UPN.megan);
    const out = await runIntent(
      { intent: 'addMembers', users: ['francois dubois'], groups: ["Legal, I'm helping with contracts"] },
      ctx,
    );
    assert.match(allText(out), /Add François Dubois to 'Legal'/);
  });

  it('"oops, undo that" offers to undo the last change, and says so when there is none', async () => {
    const journal = new JournalService(store.journal, store.keyValue, {
      onError: (err) => {
        throw err;
      },
    });
    const ctx = { ...(await h.ctx(UPN.megan)), journal };
    assert.match(allText(await runIntent(parseIntent('oops, undo that'), ctx)), /nothing of yours I can undo/);
    const ask = await runIntent({ intent: 'addMembers', users: ['Raul Razo'], groups: ['Sales'] }, ctx);
    assert.match(
      allText(await continuePending(pendingOf(ask, 'confirm'), { confirmed: true }, ctx)),
      /Raul Razo was added to 'Sales'/,
    );
    const undo = await runIntent(parseIntent('oops, undo that'), ctx);
    assert.match(allText(undo), /Remove Raul Razo from 'Sales'/);
    const done = await continuePending(pendingOf(undo, 'confirm'), { confirmed: true }, ctx);
    assert.match(allText(done), /Undone/);
  });
});
