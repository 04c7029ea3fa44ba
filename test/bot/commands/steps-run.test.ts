/** Several questions in one message (a `multi` of query steps): each is answered, in order (real Graph emulator). */
import { strict as assert } from 'node:assert';
import { runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { allText, startHarness, UPN, type Harness } from './command-harness';

describe('bot/commands/steps-run (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('"who owns Finance Readers? who owns Legal?": both answered, in order', async () => {
    const megan = await h.ctx(UPN.megan);
    const o = await runIntent(
      {
        intent: 'multi',
        steps: [
          { intent: 'listOwners', groups: ['Finance Readers'] },
          { intent: 'listOwners', groups: ['Legal'] },
        ],
      },
      megan,
    );
    const text = allText(o);
    assert.match(text, /Olga Owner/);
    assert.match(text, /Enrico Cattaneo/);
    assert.ok(text.indexOf('Olga Owner') < text.indexOf('Enrico Cattaneo'), 'in the order asked');
  });

  it('"is Ana in Marketing or Legal?", a property and an access check in one message', async () => {
    const megan = await h.ctx(UPN.megan);
    const o = await runIntent(
      {
        intent: 'multi',
        steps: [
          { intent: 'checkMembership', users: ['Ana Silva'], groups: ['Marketing'] },
          { intent: 'checkMembership', users: ['Ana Silva'], groups: ['Legal'] },
          { intent: 'groupPropertyQuestion', groups: ['Legal'], property: 'private' },
          { intent: 'userAccessCheck', users: ['Raul Razo'] },
        ],
      },
      megan,
    );
    const text = allText(o);
    assert.match(text, /Ana Silva is a direct member of 'Marketing'\./);
    assert.match(text, /Ana Silva is not in 'Legal'\./);
    assert.match(text, /Yes: 'Legal' is private/);
    assert.match(text, /Raul Razo \(account disabled\)/);
  });
});
