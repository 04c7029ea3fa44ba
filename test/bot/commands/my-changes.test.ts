/**
 * "what did I change today" / "my recent changes" through the command layer: the asker's own journal entries
 * across groups, newest first, on the journal card; against the real Graph emulator and an in-memory store.
 */
import { strict as assert } from 'node:assert';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator';
import { allText, buttonData, startHarness, UPN, type Harness } from './command-harness';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { openStore, type Store } from '../../../bot/store';
import { JournalService } from '../../../bot/journal';
import { membershipRecords } from '../../../bot/journal/change-records';
import { parseIntent } from '../../../bot/language';
import type { CommandContext, Outcome } from '../../../bot/commands/context';
import { assertNoLeaks } from '../../support/card-scan';

const users = DEMO_USERS as unknown as Record<string, { id: string; upn: string; displayName: string }>;
const groups = DEMO_GROUPS as unknown as Record<string, { id: string; displayName: string }>;
const SALES = groups['sales'] as { id: string; displayName: string };
const LEGAL = groups['legal'] as { id: string; displayName: string };
const ADELE = users['adele'] as { id: string; displayName: string };
const DAY = 86_400_000;

describe('bot/commands/my-changes (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  let store: Store;
  let journal: JournalService;

  async function as(upn: string): Promise<CommandContext> {
    return { ...(await h.ctx(upn)), journal };
  }

  function confirmOf(o: Outcome): string {
    for (const r of o.replies) {
      const d = buttonData(r, 'confirm');
      if (d) return d['pendingId'] as string;
    }
    throw new Error(`no confirm button: ${allText(o)}`);
  }

  before(async () => {
    h = await startHarness();
    store = await openStore({ memory: true });
    journal = new JournalService(store.journal, store.keyValue, {
      onError: (err) => {
        throw err;
      },
    });
  });
  after(async () => {
    await store.close();
    await h.stop();
    await closeGraphConnections();
  });

  it("shows the asker's own changes across groups, newest first, and nobody else's", async () => {
    const megan = await as(UPN.megan);
    const bob = await as(UPN.bob);
    const adele = { id: ADELE.id, name: ADELE.displayName };
    // Older entries, written as the journal writes them: Megan two days ago in Legal, Bob today in Sales.
    await journal.record(
      megan.actor,
      membershipRecords(LEGAL, 'members', 'add', [{ principal: adele, result: 'succeeded', status: 204 }]),
      new Date(Date.now() - 2 * DAY),
    );
    await journal.record(
      bob.actor,
      membershipRecords(SALES, 'members', 'remove', [{ principal: adele, result: 'succeeded', status: 204 }]),
      new Date(),
    );
    // And one change Megan makes now, through the commands.
    const ask = await runIntent({ intent: 'addMembers', users: ['Adele Vance'], groups: ['Sales'] }, megan);
    const done = await continuePending(confirmOf(ask), { confirmed: true }, megan);
    assert.match(allText(done), /Adele Vance was added to 'Sales'/);

    const today = await runIntent(parseIntent('what did I change today'), megan);
    const text = allText(today);
    assert.match(text, /Your changes through groupbot \(today\), newest first:/);
    assert.match(text, /Added Adele Vance to Sales, asked by Megan Bowen/);
    assert.doesNotMatch(text, /Legal/, 'two days ago is not today');
    assert.doesNotMatch(text, /Removed Adele Vance from Sales/, "Bob's change is not Megan's");
    assert.ok(
      today.replies.some((r) => buttonData(r, 'undo')),
      'Undo is offered on her open change',
    );
    for (const r of today.replies) assertNoLeaks(r.card ?? {}, 'my changes card');

    const recent = allText(await runIntent(parseIntent('show my recent changes'), megan));
    const sales = recent.indexOf('Added Adele Vance to Sales');
    const legal = recent.indexOf('Added Adele Vance to Legal');
    assert.ok(sales > 0 && legal > sales, `both groups, newest first:\n${recent}`);

    const none = allText(await runIntent(parseIntent('my recent changes'), await as(UPN.ana)));
    assert.match(none, /You haven't made any changes through groupbot yet\./);
  });

  it('refuses a time it does not understand', async () => {
    const megan = await as(UPN.megan);
    assert.match(
      allText(await runIntent({ intent: 'showMyChanges', when: 'soonish' }, megan)),
      /I don't understand the time 'soonish'/,
    );
  });
});
