/**
 * The journal through the command layer, against the real Graph emulator and an in-memory store: every write is
 * journalled, "history of G" shows it, Undo reverts it with the clicker's own token, once, within 24 hours.
 */
import { strict as assert } from 'node:assert';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator';
import { startHarness, UPN, allText, buttonData, type Harness } from '../commands/command-harness';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { runCardAction } from '../../../bot/commands/card-action-run';
import { MemoryPendingStore } from '../../../bot/commands/pending-memory';
import type { CommandContext, Outcome } from '../../../bot/commands/context';
import { createGraphClient, closeGraphConnections } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { openStore, type Store } from '../../../bot/store';
import { JournalService } from '../../../bot/journal';
import type { JournalEntry } from '../../../bot/store/types';
import { assertNoLeaks } from '../../support/card-scan';

const HOUR = 3_600_000;
const users = DEMO_USERS as unknown as Record<string, { id: string; upn: string; displayName: string }>;
const groups = DEMO_GROUPS as unknown as Record<string, { id: string; displayName: string }>;
const MARKETING = groups['marketing']?.id as string;
const FINANCE_READERS = groups['financeReaders']?.id as string;
const DESIGN = groups['designTeam']?.id as string;
const RESEARCH = groups['researchAndDevelopment']?.id as string;
const SALES = groups['sales']?.id as string;
const BOB = users['bob']?.id as string;
const DIEGO = users['diego']?.id as string;
const ADELE = users['adele']?.id as string;

/** The data of the first button with `verb` among the replies. */
function button(o: Outcome, verb: string): Record<string, unknown> {
  for (const r of o.replies) {
    const d = buttonData(r, verb);
    if (d) return d;
  }
  throw new Error(`no ${verb} button in: ${allText(o)}`);
}

function hasButton(o: Outcome, verb: string): boolean {
  return o.replies.some((r) => buttonData(r, verb) !== undefined);
}

/** Every undo journalId the replies' cards offer. */
function undoIds(o: Outcome): string[] {
  const ids: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (v && typeof v === 'object') {
      const obj = v as Record<string, unknown>;
      const data = obj['data'] as Record<string, unknown> | undefined;
      if (obj['type'] === 'Action.Execute' && data?.['verb'] === 'undo' && typeof data['journalId'] === 'string')
        ids.push(data['journalId']);
      Object.values(obj).forEach(walk);
    }
  };
  o.replies.forEach((r) => walk(r.card));
  return ids;
}

describe('bot/commands: history and undo (emulator)', function () {
  this.timeout(180_000);
  let h: Harness;
  let store: Store;
  let journal: JournalService;
  const tokens: string[] = [];
  const touchedGroups = new Set<string>();

  /** A context built as command-harness builds one, plus the journal and an optional clock. */
  async function ctxFor(
    upn: string,
    opts: { now?: () => Date; pending?: MemoryPendingStore } = {},
  ): Promise<CommandContext> {
    const user = Object.values(users).find((u) => u.upn === upn);
    if (!user) throw new Error(`no demo user ${upn}`);
    const token = await h.emulator.issueToken(upn);
    tokens.push(token);
    const client = createGraphClient({ baseUrl: h.emulator.baseUrl, caPem: h.emulator.caPem }, async () => token);
    return h.services.context(
      { id: user.id, displayName: user.displayName, userPrincipalName: user.upn },
      new GraphSession(client, { baseUrl: h.emulator.baseUrl }, async () => undefined),
      { pending: opts.pending ?? new MemoryPendingStore(), now: opts.now ?? (() => new Date()), journal },
    );
  }

  async function memberIds(ctx: CommandContext, groupId: string): Promise<string[]> {
    const body = await ctx.graph.get<{ value: { id: string }[] }>(`/groups/${groupId}/members?$select=id&$top=999`);
    return body.value.map((m) => m.id);
  }

  /** Asks for an intent and confirms it. */
  async function confirmed(ctx: CommandContext, intent: Parameters<typeof runIntent>[0]): Promise<Outcome> {
    const ask = await runIntent(intent, ctx);
    return continuePending(button(ask, 'confirm')['pendingId'] as string, { confirmed: true }, ctx);
  }

  /** Clicks Undo, then Confirm on the confirmation, as `ctx`'s user. */
  async function undo(ctx: CommandContext, journalId: string): Promise<{ ask: Outcome; done?: Outcome }> {
    const ask = await (runCardAction({ verb: 'undo', journalId }, ctx) as Promise<Outcome>);
    if (!hasButton(ask, 'confirm')) return { ask };
    const done = await continuePending(button(ask, 'confirm')['pendingId'] as string, { confirmed: true }, ctx);
    return { ask, done };
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

  it('add → history shows it → Undo removes → history shows both, newest first', async () => {
    touchedGroups.add(MARKETING);
    const megan = await ctxFor(UPN.megan);
    const added = await confirmed(megan, { intent: 'addMembers', users: ['Bob Kelly'], groups: ['Marketing'] });
    assert.match(allText(added), /Bob Kelly was added to 'Marketing'/);
    assert.match(allText(added), /undo this for 24 hours/);
    const [fromOutcome] = undoIds(added);
    assert.ok(fromOutcome, 'the outcome card offers Undo');
    assert.ok((await memberIds(megan, MARKETING)).includes(BOB));

    const history = await runIntent({ intent: 'showHistory', groups: ['Marketing'] }, megan);
    assert.match(allText(history), /History of 'Marketing'/);
    assert.match(allText(history), /Added Bob Kelly to Marketing, asked by Megan Bowen/);
    assert.deepEqual(undoIds(history), [fromOutcome], 'history offers Undo for the same entry');

    const entry = await store.journal.get(fromOutcome);
    assert.equal(entry?.action, 'member.add');
    assert.equal(entry?.tokenOfId, megan.actor.id);
    assert.deepEqual(entry?.undo, { kind: 'removeMember', groupId: MARKETING, principalId: BOB });
    assert.equal(entry?.status, 204);
    assert.equal(entry?.result, 'succeeded');

    const { ask, done } = await undo(megan, fromOutcome);
    assert.match(allText(ask), /Undo: Remove Bob Kelly from 'Marketing'/);
    assert.ok(done);
    assert.match(allText(done), /^Undone: I removed Bob Kelly from 'Marketing'\.$/m);
    assert.ok(!(await memberIds(megan, MARKETING)).includes(BOB), 'Bob was removed again');

    const after = await runIntent({ intent: 'showHistory', groups: ['Marketing'] }, megan);
    const text = allText(after);
    const removedAt = text.indexOf('Undo: removed Bob Kelly from Marketing');
    const addedAt = text.indexOf('Added Bob Kelly to Marketing');
    assert.ok(removedAt > 0 && addedAt > removedAt, `newest first:\n${text}`);
    assert.match(text, /\(undone\)/);
    assert.deepEqual(undoIds(after), [], 'neither the undone add nor the undo itself can be undone');
  });

  it('"who added Bob to Marketing?" shows only the entries about Bob', async () => {
    const megan = await ctxFor(UPN.megan);
    await confirmed(megan, { intent: 'addMembers', users: ['Adele Vance'], groups: ['Marketing'] });
    const out = await runIntent({ intent: 'showHistory', users: ['Bob Kelly'], groups: ['Marketing'] }, megan);
    const text = allText(out);
    assert.match(text, /about Bob Kelly/);
    assert.match(text, /Bob Kelly/);
    assert.doesNotMatch(text, /Adele Vance/);
    const all = await runIntent({ intent: 'showHistory', groups: ['Marketing'] }, megan);
    assert.match(allText(all), /Added Adele Vance to Marketing/);
  });

  it('undo twice runs once: a second Undo is refused before any Graph call', async () => {
    touchedGroups.add(FINANCE_READERS);
    const megan = await ctxFor(UPN.megan);
    const added = await confirmed(megan, { intent: 'addMembers', users: ['Adele Vance'], groups: ['Finance Readers'] });
    const [id] = undoIds(added);
    assert.ok(id);
    // Two clicks on Undo give two confirmations; both are confirmed.
    const first = await (runCardAction({ verb: 'undo', journalId: id }, megan) as Promise<Outcome>);
    const second = await (runCardAction({ verb: 'undo', journalId: id }, megan) as Promise<Outcome>);
    const one = await continuePending(button(first, 'confirm')['pendingId'] as string, { confirmed: true }, megan);
    assert.match(allText(one), /Undone/);
    await h.resetStats();
    const two = await continuePending(button(second, 'confirm')['pendingId'] as string, { confirmed: true }, megan);
    assert.match(allText(two), /already undone by Megan Bowen/);
    assert.equal(await h.requests(), 0, 'the second undo made no Graph call');
    const again = await undo(megan, id);
    assert.equal(again.done, undefined);
    assert.match(allText(again.ask), /already undone/);
    const rows = await store.journal.historyOfGroup(FINANCE_READERS);
    assert.equal(
      rows.filter((r) => r.action === 'member.remove' && r.target?.id === ADELE).length,
      1,
      'one undo journalled',
    );
  });

  it('Undo on an outcome or history card leaves that card as it is; a stale Undo says what it found', async () => {
    touchedGroups.add(DESIGN);
    const megan = await ctxFor(UPN.megan);
    const added = await confirmed(megan, { intent: 'addMembers', users: ['Diego Siciliani'], groups: ['Design Team'] });
    const [fromOutcome] = undoIds(added);
    assert.ok(fromOutcome, 'the outcome card offers Undo');
    const history = await runIntent({ intent: 'showHistory', groups: ['Design Team'] }, megan);
    const [fromHistory] = undoIds(history);
    assert.equal(fromHistory, fromOutcome, 'the history card offers Undo for the same change');

    // A live Undo from the history card: the history stays; the confirmation is a new message.
    const ask = await (runCardAction({ verb: 'undo', journalId: fromHistory as string }, megan) as Promise<Outcome>);
    assert.equal(ask.replies[0]?.keepCard, true, 'the history card is not replaced');
    assert.equal(ask.replies[0]?.card, undefined);
    assert.match(ask.replies[0]?.text ?? '', /Nothing is undone yet/);
    assert.ok(buttonData(ask.replies[1], 'confirm'), 'the Undo confirmation follows as a new message');
    const done = await continuePending(button(ask, 'confirm')['pendingId'] as string, { confirmed: true }, megan);
    assert.match(allText(done), /^Undone: I removed Diego Siciliani from 'Design Team'\.$/);

    // Stale Undo buttons: on the outcome card, then on the (older) history card.
    await h.resetStats();
    for (const id of [fromOutcome, fromHistory]) {
      const stale = await (runCardAction({ verb: 'undo', journalId: id as string }, megan) as Promise<Outcome>);
      assert.equal(stale.replies.length, 1);
      assert.equal(stale.replies[0]?.keepCard, true, 'the card it sits on is not replaced');
      assert.equal(stale.replies[0]?.card, undefined);
      assert.match(
        allText(stale),
        /^That change was already undone by Megan Bowen at \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\./,
      );
    }
    assert.equal(await h.requests(), 0, 'a stale Undo makes no Graph call');
  });

  it('two confirmed undos at the same moment revert the change once and mark it once', async () => {
    const megan = await ctxFor(UPN.megan);
    const added = await confirmed(megan, { intent: 'addMembers', users: ['Bob Kelly'], groups: ['Finance Readers'] });
    const [id] = undoIds(added);
    assert.ok(id);
    const a = await (runCardAction({ verb: 'undo', journalId: id }, megan) as Promise<Outcome>);
    const b = await (runCardAction({ verb: 'undo', journalId: id }, megan) as Promise<Outcome>);
    const [one, two] = await Promise.all(
      [a, b].map((o) => continuePending(button(o, 'confirm')['pendingId'] as string, { confirmed: true }, megan)),
    );
    assert.ok(one && two);
    assert.match(`${allText(one)}\n${allText(two)}`, /Undone/);
    assert.ok(!(await memberIds(megan, FINANCE_READERS)).includes(BOB));
    const entry = await store.journal.get(id);
    assert.ok(entry?.undoneAt, 'marked undone');
    const undos = (await store.journal.historyOfGroup(FINANCE_READERS, { limit: 5 })).filter(
      (r) => r.action === 'member.remove' && r.target?.id === BOB && r.result === 'succeeded',
    );
    assert.equal(undos.length, 1, 'exactly one removal reached Graph and was journalled');
  });

  it('undo after 24 hours is refused, and history no longer offers it', async () => {
    const megan = await ctxFor(UPN.megan);
    const added = await confirmed(megan, {
      intent: 'addMembers',
      users: ['Diego Siciliani'],
      groups: ['Finance Readers'],
    });
    const [id] = undoIds(added);
    assert.ok(id);
    const later = await ctxFor(UPN.megan, { now: () => new Date(Date.now() + 25 * HOUR) });
    const out = await undo(later, id);
    assert.equal(out.done, undefined);
    assert.match(allText(out.ask), /only be undone within 24 hours/);
    assert.ok((await memberIds(megan, FINANCE_READERS)).includes(DIEGO), 'Diego is still a member');
    const history = await runIntent({ intent: 'showHistory', groups: ['Finance Readers'] }, later);
    assert.ok(!undoIds(history).includes(id));
    const now = await runIntent({ intent: 'showHistory', groups: ['Finance Readers'] }, megan);
    assert.ok(undoIds(now).includes(id), 'still offered within the window');
  });

  it("another user's undo runs with their own token: a plain user gets the 403 sentence, an owner succeeds", async () => {
    const megan = await ctxFor(UPN.megan);
    const rows = await store.journal.historyOfGroup(FINANCE_READERS);
    const entry = rows.find((r) => r.action === 'member.add' && r.target?.id === DIEGO && !r.undoneAt);
    assert.ok(entry, 'the Diego add of the previous test');
    const bob = await ctxFor(UPN.bob);
    const refused = await undo(bob, entry.id);
    assert.ok(refused.done);
    assert.match(allText(refused.done), /You can't undo that: you don't have the rights to change 'Finance Readers'/);
    assert.ok((await memberIds(megan, FINANCE_READERS)).includes(DIEGO), 'nothing changed');
    const attempt = (await store.journal.historyOfGroup(FINANCE_READERS, { limit: 1 }))[0];
    assert.equal(attempt?.result, 'failed');
    assert.equal(attempt?.status, 403);
    assert.equal(attempt?.tokenOfId, bob.actor.id, "the attempt ran with Bob's token");
    assert.equal((await store.journal.get(entry.id))?.undoneAt, null, 'a refused undo leaves the change undoable');
    const shown = await runIntent({ intent: 'showHistory', groups: ['Finance Readers'] }, megan);
    assert.match(allText(shown), /Could not undo: remove Diego \w+ from Finance Readers/);
    assert.match(allText(shown), /You don't have the rights to change 'Finance Readers', so Microsoft Graph refused\./);
    for (const r of shown.replies) assertNoLeaks(r.card ?? {}, 'history card');

    const olga = await ctxFor('olga@contoso.com');
    const ok = await undo(olga, entry.id);
    assert.ok(ok.done);
    assert.match(allText(ok.done), /Undone/);
    assert.ok(!(await memberIds(megan, FINANCE_READERS)).includes(DIEGO));
    assert.equal((await store.journal.get(entry.id))?.undoneBy?.name, 'Olga Owner');
  });

  it('one Undo on a change of several people reverts all of them (one $batch)', async () => {
    touchedGroups.add(FINANCE_READERS);
    const megan = await ctxFor(UPN.megan);
    const added = await confirmed(megan, {
      intent: 'addMembers',
      users: ['Bob Kelly', 'Adele Vance'],
      groups: ['Finance Readers'],
    });
    const [key] = undoIds(added);
    assert.ok(key && key.startsWith('chg-'), `a change key: ${key}`);
    assert.ok((await memberIds(megan, FINANCE_READERS)).includes(BOB));
    const out = await undo(megan, key);
    assert.match(allText(out.ask), /Undo 2 changes to 'Finance Readers'/);
    assert.ok(out.done);
    assert.match(allText(out.done), /Undone 2 of 2 changes/);
    const members = await memberIds(megan, FINANCE_READERS);
    assert.ok(!members.includes(BOB) && !members.includes(ADELE));
  });

  it('rename: the outcome offers Undo, and Undo restores the old name', async () => {
    touchedGroups.add(DESIGN);
    const megan = await ctxFor(UPN.megan);
    const renamed = await confirmed(megan, { intent: 'renameGroup', groups: ['Design Team'], name: 'Design Crew' });
    assert.match(allText(renamed), /now called 'Design Crew'/);
    const [id] = undoIds(renamed);
    assert.ok(id);
    assert.equal((await megan.graph.get<{ displayName: string }>(`/groups/${DESIGN}`)).displayName, 'Design Crew');
    const out = await undo(megan, id);
    assert.match(allText(out.ask), /Rename 'Design Crew' back to 'Design Team'/);
    assert.ok(out.done);
    assert.match(allText(out.done), /Undone/);
    assert.equal((await megan.graph.get<{ displayName: string }>(`/groups/${DESIGN}`)).displayName, 'Design Team');
  });

  it('delete: history offers Undo, and Undo restores the group', async () => {
    touchedGroups.add(RESEARCH);
    const megan = await ctxFor(UPN.megan);
    const deleted = await confirmed(megan, { intent: 'deleteGroup', groups: ['Research and Development'] });
    assert.match(allText(deleted), /Deleted 'Research and Development'/);
    const rows = await store.journal.historyOfGroup(RESEARCH, { limit: 1 });
    const entry = rows[0] as JournalEntry;
    assert.equal(entry.action, 'group.delete');
    assert.deepEqual(entry.undo, { kind: 'restoreGroup', groupId: RESEARCH });
    const out = await undo(megan, entry.id);
    assert.match(allText(out.ask), /Restore the group 'Research and Development'/);
    assert.ok(out.done);
    assert.match(allText(out.done), /Undone/);
    const live = await megan.graph.get<{ id: string; displayName: string }>(`/groups/${RESEARCH}`);
    assert.equal(live.displayName, 'Research and Development');
  });

  it('Restore on the deleted-group card settles the delete entry, and the restore itself offers Undo', async () => {
    touchedGroups.add(RESEARCH);
    const megan = await ctxFor(UPN.megan);
    await confirmed(megan, { intent: 'deleteGroup', groups: ['Research and Development'] });
    const deleteEntry = (await store.journal.historyOfGroup(RESEARCH, { limit: 1 }))[0] as JournalEntry;
    assert.equal(deleteEntry.action, 'group.delete');
    const restored = await confirmed(megan, { intent: 'restoreGroup', groups: [RESEARCH] });
    assert.match(allText(restored), /Restored 'Research and Development'/);
    assert.equal(undoIds(restored).length, 1, 'the restore can be undone');
    assert.ok((await store.journal.get(deleteEntry.id))?.undoneAt, 'the delete is no longer offered for Undo');
  });

  it('licence assign: Undo removes the licence again (the previous state was "none")', async () => {
    touchedGroups.add(FINANCE_READERS);
    const megan = await ctxFor(UPN.megan);
    const assigned = await confirmed(megan, { intent: 'assignLicense', groups: ['Finance Readers'], license: 'E5' });
    assert.match(allText(assigned), /is assigned to 'Finance Readers'/);
    const [id] = undoIds(assigned);
    assert.ok(id);
    const skus = async (): Promise<string[]> =>
      (
        await megan.graph.get<{ assignedLicenses: { skuId: string }[] }>(
          `/groups/${FINANCE_READERS}?$select=id,assignedLicenses`,
        )
      ).assignedLicenses.map((l) => l.skuId);
    assert.equal((await skus()).length, 1);
    const out = await undo(megan, id);
    assert.ok(out.done);
    assert.match(allText(out.done), /Undone/);
    assert.deepEqual(await skus(), []);
  });

  it('visibility change: Undo puts the previous visibility back', async () => {
    const megan = await ctxFor(UPN.megan);
    const changed = await confirmed(megan, { intent: 'updateGroup', groups: ['Legal'], visibility: 'Public' });
    const [id] = undoIds(changed);
    assert.ok(id, allText(changed));
    const out = await undo(megan, id);
    assert.ok(out.done);
    assert.match(allText(out.done), /Undone/);
    assert.equal(
      (await megan.graph.get<{ visibility: string }>(`/groups/${groups['legal']?.id as string}?$select=visibility`))
        .visibility,
      'Private',
    );
  });

  it('history pages ten at a time with a server-side More cursor', async () => {
    touchedGroups.add(SALES);
    const megan = await ctxFor(UPN.megan);
    const sales = { id: SALES, name: 'Sales' };
    const changes = Array.from({ length: 12 }, (_, i) => ({
      action: 'group.update' as const,
      group: sales,
      result: 'succeeded' as const,
      status: 204,
      detail: `change ${i + 1}`,
    }));
    for (const c of changes) await journal.record(megan.actor, [c], new Date());
    const first = await runIntent({ intent: 'showHistory', groups: ['Sales'] }, megan);
    assert.match(allText(first), /change 12/);
    assert.doesNotMatch(allText(first), /change 2\b/);
    const more = button(first, 'listMore');
    assert.equal(more['list'], 'journal');
    const second = await (runCardAction(
      { verb: 'listMore', list: 'journal', cursor: more['cursor'] as string },
      megan,
    ) as Promise<Outcome>);
    assert.match(allText(second), /change 2\b/);
    assert.match(allText(second), /change 1\b/);
    assert.doesNotMatch(allText(second), /change 3\b/);
    assert.ok(!hasButton(second, 'listMore'));
    const stored = await store.journal.historyOfGroup(SALES, { limit: 1 });
    assert.doesNotMatch(JSON.stringify(stored[0]), /\/groups\/|\$select/, 'no Graph path or query string is stored');
  });

  it('no journal row holds a token', async () => {
    assert.ok(tokens.length > 5);
    let rows: JournalEntry[] = [];
    for (const g of touchedGroups) rows = rows.concat(await store.journal.historyOfGroup(g, { limit: 1000 }));
    assert.ok(rows.length >= 15, `only ${rows.length} rows`);
    const serialized = JSON.stringify(rows);
    for (const t of tokens) assert.ok(!serialized.includes(t), 'a token was journalled');
    assert.doesNotMatch(serialized, /bearer|eyJ[\w-]{8,}\./i);
  });
});
