import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { MemoryPendingStore } from '../../../bot/commands/pending-memory';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import type { Outcome } from '../../../bot/commands/context';

function pendingOf(o: Outcome, verb: string): string {
  for (const r of o.replies) {
    const d = buttonData(r, verb);
    if (d && typeof d['pendingId'] === 'string') return d['pendingId'];
  }
  throw new Error(`no ${verb} button in: ${allText(o)}`);
}

describe('bot/commands/member-add (emulator)', function () {
  this.timeout(180_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('"add Ana Silva and Bob Kelly to Marketing": confirm, then per-user outcomes, in at most 3 round trips', async () => {
    const ctx = await h.ctx(UPN.megan);
    await h.resetStats();
    const ask = await runIntent(
      { intent: 'addMembers', users: ['Ana Silva', 'Bob Kelly'], groups: ['Marketing'] },
      ctx,
    );
    assert.match(allText(ask), /Add Ana Silva and Bob Kelly to 'Marketing'/);
    assert.match(allText(ask), /Already a member, so left as is: Ana Silva\./, 'the confirmation names who is skipped');
    assert.match(allText(ask), /Bob Kelly will become a member of 'Marketing'/);
    const done = await continuePending(pendingOf(ask, 'confirm'), { confirmed: true }, ctx);
    const text = allText(done);
    assert.match(text, /Ana Silva was already a member of 'Marketing', so nothing changed for them\./);
    assert.match(text, /Bob Kelly was added to 'Marketing'\./);
    assert.doesNotMatch(JSON.stringify(done.replies.map((r) => r.card)), /member\.add|alreadyPresent|alreadyMember/);
    const trips = await h.requests();
    assert.ok(trips <= 3, `took ${trips} round trips`);
  });

  it('a double confirm runs once', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent({ intent: 'addMembers', users: ['Diego Siciliani'], groups: ['Finance Readers'] }, ctx);
    const id = pendingOf(ask, 'confirm');
    const first = await continuePending(id, { confirmed: true }, ctx);
    assert.match(allText(first), /Diego Siciliani was added to 'Finance Readers'/);
    await h.resetStats();
    const second = await continuePending(id, { confirmed: true }, ctx);
    assert.match(
      allText(second),
      /^Already done at \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC: Adding members to 'Finance Readers': Diego Siciliani was added to 'Finance Readers'\. You can undo this for 24 hours\. I did not do it again\.$/,
    );
    assert.equal(second.replies.length, 1);
    assert.equal(second.replies[0]?.keepCard, true, 'the outcome card stays as the first click left it');
    assert.equal(await h.requests(), 0);
  });

  it("another user cannot continue someone else's confirmation", async () => {
    const pending = new MemoryPendingStore();
    const megan = await h.ctx(UPN.megan, { pending });
    const bob = await h.ctx(UPN.bob, { pending });
    const ask = await runIntent({ intent: 'addMembers', users: ['Adele Vance'], groups: ['Legal'] }, megan);
    const out = await continuePending(pendingOf(ask, 'confirm'), { confirmed: true }, bob);
    assert.match(allText(out), /^This card is Megan Bowen's: only they can use it\. Nothing was done\./);
    assert.equal(out.replies[0]?.keepCard, true, "the stranger's click leaves Megan's card as it is");
  });

  it('two people called Ana: a choice card, then the chosen one', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent({ intent: 'addMembers', users: ['Ana'], groups: ['Legal'] }, ctx);
    assert.match(allText(ask), /Several people match 'Ana'/);
    const choose = buttonData(ask.replies[0], 'choose');
    assert.ok(choose);
    const souza = '46b0c53d-d1c9-4189-b186-3ccca495a849';
    const confirm = await continuePending(String(choose['pendingId']), { candidateId: souza }, ctx);
    assert.match(allText(confirm), /Add Ana Souza to 'Legal'/);
  });

  it("a stranger's pick on a choice card is refused with the owner's name; the owner's card still works", async () => {
    const pending = new MemoryPendingStore();
    const megan = await h.ctx(UPN.megan, { pending });
    const bob = await h.ctx(UPN.bob, { pending });
    const ask = await runIntent({ intent: 'addMembers', users: ['Ana'], groups: ['Legal'] }, megan);
    const choose = buttonData(ask.replies[0], 'choose');
    assert.ok(choose);
    const souza = '46b0c53d-d1c9-4189-b186-3ccca495a849';
    await h.resetStats();
    const refused = await continuePending(String(choose['pendingId']), { candidateId: souza }, bob);
    assert.equal(refused.replies.length, 1);
    assert.match(allText(refused), /^This card is Megan Bowen's: only they can use it\. Nothing was done\./);
    assert.equal(refused.replies[0]?.keepCard, true, 'the choice card stays as everyone sees it');
    assert.equal(await h.requests(), 0, "the stranger's pick made no Graph call");
    const mine = await continuePending(String(choose['pendingId']), { candidateId: souza }, megan);
    assert.match(allText(mine), /Add Ana Souza to 'Legal'/, 'the owner can still choose');
    const again = await continuePending(String(choose['pendingId']), { candidateId: souza }, megan);
    assert.match(allText(again), /^Already answered at .*: Add Ana Souza to 'Legal'\?/);
    assert.equal(again.replies[0]?.keepCard, true, 'a second pick leaves the card as the first left it');
  });

  it('two groups called Project Falcon: a choice between groups', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent({ intent: 'addMembers', users: ['Bob Kelly'], groups: ['Project Falcon'] }, ctx);
    assert.match(allText(ask), /Several groups match 'Project Falcon'/);
    assert.ok(buttonData(ask.replies[0], 'choose'));
  });

  it('nothing found: says so and offers the closest names', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent({ intent: 'addMembers', users: ['Megann Bowenn'], groups: ['Legal'] }, ctx);
    assert.match(allText(ask), /couldn't find anyone named 'Megann Bowenn'/);
    assert.match(allText(ask), /Megan Bowen/);
  });

  it('"add O\'Brien to Legal" works (OData quotes escaped)', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent({ intent: 'addMembers', users: ["O'Brien"], groups: ['Legal'] }, ctx);
    assert.match(allText(ask), /Add Liam O'Brien to 'Legal'/);
    const done = await continuePending(pendingOf(ask, 'confirm'), { confirmed: true }, ctx);
    assert.match(allText(done), /Liam O'Brien was added to 'Legal'/);
  });

  it('a dynamic group is refused with its rule, before any confirmation', async () => {
    const ctx = await h.ctx(UPN.megan);
    const out = await runIntent({ intent: 'addMembers', users: ['Bob Kelly'], groups: ['Marketing department'] }, ctx);
    assert.match(allText(out), /dynamic membership: its members come from its rule: user\.department -eq "Marketing"/);
    assert.equal(buttonData(out.replies[0], 'confirm'), undefined);
  });

  it('a distribution list is refused as Exchange-only', async () => {
    const ctx = await h.ctx(UPN.megan);
    const out = await runIntent({ intent: 'addMembers', users: ['Bob Kelly'], groups: ['All Company News'] }, ctx);
    assert.match(allText(out), /'All Company News' is a distribution list; it can only be changed in Exchange/);
  });

  it('a plain user adding herself is asked why, for the owners (the requests layer), before any write', async () => {
    const ctx = await h.ctx(UPN.ana);
    const ask = await runIntent({ intent: 'addMembers', users: ['me'], groups: ['Finance Readers'] }, ctx);
    assert.match(
      allText(ask),
      /To join 'Finance Readers', tell Olga Owner why you need access, then choose Submit request\./,
    );
  });

  it('a 403 when adding someone else names the owners but offers no "ask to join" button', async () => {
    const ctx = await h.ctx(UPN.ana);
    const ask = await runIntent({ intent: 'addMembers', users: ['Lidia Holloway'], groups: ['Finance Readers'] }, ctx);
    const out = await continuePending(pendingOf(ask, 'confirm'), { confirmed: true }, ctx);
    assert.match(allText(out), /You can't add members to 'Finance Readers': only its owners or an administrator can\./);
    assert.equal(out.replies.map((r) => buttonData(r, 'requestStart')).find(Boolean), undefined);
  });

  it('an owner (Bob) can add to the group he owns', async () => {
    const ctx = await h.ctx(UPN.bob);
    const ask = await runIntent({ intent: 'addMembers', users: ['Adele Vance'], groups: ['SecurityGroup101'] }, ctx);
    const out = await continuePending(pendingOf(ask, 'confirm'), { confirmed: true }, ctx);
    assert.match(allText(out), /Adele Vance was added to 'SecurityGroup101'/);
  });

  it('a guest is refused politely', async () => {
    const ctx = await h.ctx(UPN.guest);
    const out = await runIntent({ intent: 'addMembers', users: ['Bob Kelly'], groups: ['Legal'] }, ctx);
    assert.doesNotMatch(allText(out), /Error:|at \w+ \(/);
    assert.ok(allText(out).length > 10);
  });

  it('missing slots get a question, not a crash', async () => {
    const ctx = await h.ctx(UPN.megan);
    assert.match(
      allText(await runIntent({ intent: 'addMembers', groups: ['Legal'] }, ctx)),
      /Who should I add to 'Legal'/,
    );
    assert.match(allText(await runIntent({ intent: 'addMembers', users: ['Ana'] }, ctx)), /Which group/);
  });
});
