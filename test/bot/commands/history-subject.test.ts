/**
 * "history of G" against the real Graph emulator: a group whose members the asker may not read (hidden
 * membership) is refused before any entry is shown, its owners and administrators see it; a deleted group's
 * history is found through deleted items when no live group has the name.
 */
import { strict as assert } from 'node:assert';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator';
import { startHarness, allText, buttonData, type Harness } from '../commands/command-harness';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import type { CommandContext, Outcome } from '../../../bot/commands/context';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { openStore, type Store } from '../../../bot/store';
import { JournalService } from '../../../bot/journal';

const users = DEMO_USERS as unknown as Record<string, { id: string; upn: string; displayName: string }>;
const groups = DEMO_GROUPS as unknown as Record<string, { id: string; displayName: string }>;
const HIDDEN = groups['executiveLeadership'] as { id: string; displayName: string };
const REFUSED = /You can't see who is in 'Executive Leadership', so I can't show you its history/;

describe('bot/journal: which group a history is about, and who may see it (emulator)', function () {
  this.timeout(180_000);
  let h: Harness;
  let store: Store;
  let journal: JournalService;

  async function ctxFor(key: string): Promise<CommandContext> {
    const upn = users[key]?.upn;
    if (!upn) throw new Error(`no demo user ${key}`);
    return { ...(await h.ctx(upn)), journal };
  }

  async function confirmed(ctx: CommandContext, intent: Parameters<typeof runIntent>[0]): Promise<Outcome> {
    const ask = await runIntent(intent, ctx);
    const pendingId = ask.replies
      .map((r) => buttonData(r, 'confirm')?.['pendingId'])
      .find((x) => typeof x === 'string');
    assert.ok(typeof pendingId === 'string', `a confirmation: ${allText(ask)}`);
    return continuePending(pendingId, { confirmed: true }, ctx);
  }

  before(async () => {
    h = await startHarness();
    store = await openStore({ memory: true });
    journal = new JournalService(store.journal, store.keyValue, {
      onError: (err) => {
        throw err;
      },
    });
    // Patti (owner of the hidden-membership group) adds Diego: the entry names a member.
    const patti = await ctxFor('patti');
    const added = await confirmed(patti, {
      intent: 'addMembers',
      users: ['Diego Siciliani'],
      groups: ['Executive Leadership'],
    });
    assert.match(allText(added), /Diego Siciliani was added to 'Executive Leadership'/);
  });
  after(async () => {
    await store.close();
    await h.stop();
    await closeGraphConnections();
  });

  it('a plain user who is not in a hidden-membership group is refused, and sees no entry', async () => {
    const ana = await ctxFor('ana');
    const out = await runIntent({ intent: 'showHistory', groups: ['Executive Leadership'] }, ana);
    const text = allText(out);
    assert.match(text, REFUSED);
    assert.doesNotMatch(text, /Diego/);
    assert.ok(
      out.replies.every((r) => !r.card || !JSON.stringify(r.card).includes('Diego')),
      'no card names the member',
    );
    const byId = await runIntent({ intent: 'showHistory', groups: [HIDDEN.id] }, ana);
    assert.match(allText(byId), REFUSED, 'asking by id is refused the same way');
    const aboutPerson = await runIntent(
      { intent: 'showHistory', users: ['Diego Siciliani'], groups: ['Executive Leadership'] },
      ana,
    );
    assert.match(allText(aboutPerson), REFUSED, '"who added Diego to G" too');
  });

  it('the owner, a member and a Global Administrator see the history', async () => {
    for (const key of ['patti', 'debra', 'megan']) {
      const out = await runIntent({ intent: 'showHistory', groups: ['Executive Leadership'] }, await ctxFor(key));
      const text = allText(out);
      assert.match(text, /History of 'Executive Leadership'/, `${key}: ${text}`);
      assert.match(text, /Added Diego Siciliani to Executive Leadership, asked by Patti Fernandez/);
    }
  });

  it('a group with visible membership shows its history to any user', async () => {
    const megan = await ctxFor('megan');
    await confirmed(megan, { intent: 'renameGroup', groups: ['Finance Readers'], name: 'Finance Readers EU' });
    const out = await runIntent({ intent: 'showHistory', groups: ['Finance Readers EU'] }, await ctxFor('ana'));
    assert.match(allText(out), /History of 'Finance Readers EU'/);
    assert.match(allText(out), /Finance Readers EU/);
  });

  it('a deleted group: its history is found through deleted items when no live group has the name', async () => {
    const megan = await ctxFor('megan');
    const deleted = await confirmed(megan, { intent: 'deleteGroup', groups: ['Design Team'] });
    assert.match(allText(deleted), /Deleted 'Design Team'/);
    for (const phrase of ['Design Team', groups['designTeam']?.id as string]) {
      const out = await runIntent({ intent: 'showHistory', groups: [phrase] }, await ctxFor('ana'));
      const text = allText(out);
      assert.match(text, /History of 'Design Team'/, `${phrase}: ${text}`);
      assert.match(text, /Deleted.*Design Team.*asked by Megan Bowen/);
    }
    const never = await runIntent({ intent: 'showHistory', groups: ['Old Project Phoenix'] }, megan);
    assert.match(allText(never), /No changes to 'Old Project Phoenix' are recorded/);
    const nothing = await runIntent({ intent: 'showHistory', groups: ['No Such Group Anywhere'] }, megan);
    assert.match(allText(nothing), /couldn't find a group called 'No Such Group Anywhere'/);
  });

  it('a deleted hidden-membership group: refused for a plain user, shown to an administrator', async () => {
    const patti = await ctxFor('patti');
    const deleted = await confirmed(patti, { intent: 'deleteGroup', groups: ['Executive Leadership'] });
    assert.match(allText(deleted), /Deleted 'Executive Leadership'/);
    assert.match(
      allText(await runIntent({ intent: 'showHistory', groups: ['Executive Leadership'] }, await ctxFor('ana'))),
      REFUSED,
    );
    const admin = await runIntent({ intent: 'showHistory', groups: ['Executive Leadership'] }, await ctxFor('grace'));
    assert.match(allText(admin), /History of 'Executive Leadership'/);
    assert.match(allText(admin), /Added Diego Siciliani to Executive Leadership/);
  });
});
