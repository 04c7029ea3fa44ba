/**
 * The "not found" answer of the resolver (real Graph emulator, demo tenant): the closest names it suggests tell
 * namesakes apart by kind, as the choice card's buttons do (the demo tenant has two groups called Project Falcon).
 */
import { strict as assert } from 'node:assert';
import { runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { allText, startHarness, UPN, type Harness } from './command-harness';

describe('bot/commands/resolve-ask', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('names the kind of each namesake among the closest names', async () => {
    const megan = await h.ctx(UPN.megan);
    const o = await runIntent({ intent: 'listMembers', groups: ['falcon project'] }, megan);
    const text = allText(o);
    assert.match(text, /couldn't find a group called 'falcon project'\. Did you mean: /);
    assert.match(text, /Project Falcon \([^)]*Microsoft 365[^)]*\)/);
    assert.match(text, /Project Falcon \([^)]*Security[^)]*\)/i);
  });

  it('never resolves a bare pronoun to a person whose name starts with it', async () => {
    const megan = await h.ctx(UPN.megan);
    const o = await runIntent({ intent: 'checkMembership', users: ['she'], groups: ['Legal'] }, megan);
    const text = allText(o);
    assert.match(text, /couldn't find anyone named 'she'/);
    assert.doesNotMatch(text, /Sherman/);
  });
});
