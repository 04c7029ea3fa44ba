import { strict as assert } from 'node:assert';
import { EndpointRouter, viaSequence } from '../../../local-cloud/teams/endpoint-router';

describe('local Teams: endpoint router (several bot instances)', () => {
  it('sends requests to the endpoints in turn; a chosen one does not move the turn', () => {
    const r = new EndpointRouter();
    r.set(['a', 'b', 'c']);
    assert.deepEqual([r.pick(), r.pick(), r.pick(2), r.pick(), r.pick(), r.pick(0)], ['a', 'b', 'c', 'c', 'a', 'a']);
  });

  it('one endpoint gets everything', () => {
    const r = new EndpointRouter();
    r.set(['only']);
    assert.deepEqual([r.pick(), r.pick(), r.pick(0)], ['only', 'only', 'only']);
  });

  it('refuses an empty list, a pick before any endpoint and an index out of range', () => {
    const r = new EndpointRouter();
    assert.throws(() => r.pick(), /no bot endpoint/);
    assert.throws(() => r.set([]), /at least one/);
    r.set(['a', 'b']);
    assert.throws(() => r.pick(2), /no bot endpoint #2 \(there are 2\)/);
  });

  it('via: a number for every request, a list in order with its last entry repeating, nothing = round robin', () => {
    const one = viaSequence(1);
    assert.deepEqual([one(), one(), one()], [1, 1, 1]);
    const list = viaSequence([0, 1]);
    assert.deepEqual([list(), list(), list()], [0, 1, 1]);
    const none = viaSequence(undefined);
    assert.equal(none(), undefined);
  });
});
