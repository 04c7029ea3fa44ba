/**
 * "which groups do I own" / "what groups does Bob own" through the command layer against the Graph emulator:
 * parsed by bot/language, answered from ownedObjects (groups only) with the paged list card.
 */
import { strict as assert } from 'node:assert';
import { DEMO_GROUPS } from '../../../graph-emulator';
import { parseIntent } from '../../../bot/language';
import { runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { startHarness, UPN, allText, type Harness } from './command-harness';

const SG101 = DEMO_GROUPS.securityGroup101;

describe('bot/commands owned-groups (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('"which groups do I own" as Bob lists SecurityGroup101 on a list card', async () => {
    const out = await runIntent(parseIntent('which groups do I own'), await h.ctx(UPN.bob));
    const text = allText(out);
    assert.match(text, /^You own \d+ groups?: .*SecurityGroup101/);
    assert.doesNotMatch(text, /Old Project Phoenix/, 'a deleted group is not listed');
    const card = JSON.stringify(out.replies[0]?.card ?? {});
    assert.match(card, /Groups you own/);
    assert.ok(card.includes('SecurityGroup101'));
  });

  it('"what groups does Bob own" and "groups owned by Bob Kelly" as Megan name Bob', async () => {
    const megan = await h.ctx(UPN.megan);
    for (const utterance of ['what groups does Bob own', 'groups owned by Bob Kelly']) {
      const out = await runIntent(parseIntent(utterance), megan);
      assert.match(allText(out), /^Bob Kelly owns \d+ groups?: .*SecurityGroup101/, utterance);
      assert.match(JSON.stringify(out.replies[0]?.card ?? {}), /Groups owned by Bob Kelly/);
    }
  });

  it('someone who owns nothing gets a plain sentence; an unknown name gets the not-found sentence', async () => {
    const ana = await h.ctx(UPN.ana);
    assert.match(
      allText(await runIntent({ intent: 'listOwnedGroups', users: ['me'] }, ana)),
      /^You don't own any group\.$/,
    );
    assert.match(
      allText(await runIntent({ intent: 'listOwnedGroups', users: ['Nobody Atall'] }, ana)),
      /couldn't find anyone named 'Nobody Atall'/,
    );
  });

  it('one ownedObjects request after resolution, and owning a new group shows up', async () => {
    const bob = await h.ctx(UPN.bob);
    await h.resetStats();
    await runIntent({ intent: 'listOwnedGroups', users: ['me'] }, bob);
    assert.equal(await h.requests(), 1, 'no lookup for "me", one list call');
    const megan = await h.ctx(UPN.megan);
    await megan.graph.post(`/groups/${DEMO_GROUPS.legal.id}/owners/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${bob.actor.id}`,
    });
    const out = await runIntent({ intent: 'listOwnedGroups', users: ['me'] }, bob);
    assert.match(allText(out), /Legal/);
    assert.match(allText(out), new RegExp(SG101.displayName));
  });
});
