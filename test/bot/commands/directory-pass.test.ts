/**
 * The directory pass of a turn against the Graph emulator: what it costs in Graph requests (counted at the
 * emulator: at most one per message, none while the group names are cached), what it changes in the intent,
 * and the choice card when a phrase names two different groups equally well.
 */
import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../bot/language';
import { readThroughDirectory } from '../../../bot/commands/directory-pass';
import { GroupNameIndex } from '../../../bot/directory/group-name-index';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import type { CommandContext } from '../../../bot/commands/context';
import { startHarness, UPN, type Harness } from './command-harness';

describe('bot/commands/directory-pass against the emulator', function () {
  this.timeout(120_000);
  let h: Harness;
  let megan: CommandContext;
  const ids: string[] = [];

  before(async () => {
    h = await startHarness();
    megan = await h.ctx(UPN.megan);
    for (const [displayName, mailNickname] of [
      ['Audit Team', 'auditteam'],
      ['Audit Group', 'auditgroup'],
    ])
      ids.push(
        (
          await megan.graph.post<{ id: string }>('/groups', {
            displayName,
            mailNickname,
            mailEnabled: false,
            securityEnabled: true,
          })
        ).id,
      );
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  const pass = (index: GroupNameIndex, text: string) =>
    readThroughDirectory(parseIntent(text), text, megan, 'contoso', index);

  it('costs one Graph request on the first message and none on the next ones', async () => {
    const index = new GroupNameIndex();
    await h.resetStats();
    const first = await pass(index, 'add Lee Gu to the exec leadership team');
    assert.equal(await h.requests(), 1);
    assert.ok('intent' in first);
    assert.deepEqual(first.intent.groups, ['Executive Leadership']);
    await index.idle();
    await h.resetStats();
    for (const text of [
      'who owns the phoenix project',
      'is Megan in the alerts group for finance',
      'who is in fin readers',
    ]) {
      const r = await pass(index, text);
      assert.ok('intent' in r, text);
    }
    const r = await pass(index, 'who is in the readers for finance');
    assert.ok('intent' in r);
    assert.deepEqual(r.intent.groups, ['Finance Readers']);
    assert.equal(await h.requests(), 0, 'cached: no Graph request');
  });

  it('makes no request for a message that names or needs no group', async () => {
    const index = new GroupNameIndex();
    await h.resetStats();
    const r = await pass(index, 'what can you do');
    assert.ok('intent' in r);
    assert.equal(await h.requests(), 0);
  });

  it('reads a message the patterns did not read entities first, and spells its group as the directory does', async () => {
    const index = new GroupNameIndex();
    const text = 'can you get Johanna to look after the portal access for vendors';
    assert.notEqual(parseIntent(text).intent, 'addOwners');
    const r = await pass(index, text);
    assert.ok('intent' in r);
    assert.deepEqual(r.intent, { intent: 'addOwners', users: ['Johanna'], groups: ['Vendor Portal Access'] });
    const other = await pass(index, 'the weather in Paris is lovely');
    assert.ok('intent' in other);
    assert.equal(other.intent.intent, 'unknown');
  });

  it('asks with a choice card when a phrase names two different groups equally well', async () => {
    const index = new GroupNameIndex();
    const r = await readThroughDirectory(
      { intent: 'listMembers', groups: ['the audit'] },
      'who is in the audit',
      megan,
      'contoso',
      index,
    );
    assert.ok('outcome' in r);
    const answer = r.outcome.replies[0];
    assert.match(answer?.text ?? '', /'the audit' could be Audit (Team|Group) or Audit (Team|Group)/);
    const card = JSON.stringify(answer?.card ?? {});
    for (const id of ids) assert.ok(card.includes(id), `the card offers ${id}`);
  });
});
