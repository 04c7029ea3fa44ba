/** CompactMultiMap: one value stored inline, several in a Set, and back; answers like a Map of Sets. */
import { strict as assert } from 'node:assert';
import { CompactMultiMap } from '../../../graph-emulator/store/compact-multimap';

describe('graph-emulator CompactMultiMap', () => {
  it('adds, removes and answers like a map of sets through the one-value and many-value forms', () => {
    const m = new CompactMultiMap();
    assert.deepEqual(m.get('u'), []);
    m.add('u', 'g1');
    m.add('u', 'g1');
    assert.deepEqual(m.get('u'), ['g1']);
    m.add('u', 'g2');
    m.add('u', 'g3');
    assert.deepEqual(m.get('u').sort(), ['g1', 'g2', 'g3']);
    assert.ok(m.has('u', 'g2'));
    m.remove('u', 'g2');
    m.remove('u', 'g9');
    assert.equal(m.has('u', 'g2'), false);
    m.remove('u', 'g1');
    assert.deepEqual(m.get('u'), ['g3'], 'back to the one-value form');
    assert.ok(m.has('u', 'g3'));
    m.remove('u', 'g3');
    assert.deepEqual(m.get('u'), []);
    assert.equal(m.has('u', 'g3'), false);
  });

  it('returns copies, so callers may change the directory while iterating', () => {
    const m = new CompactMultiMap();
    m.add('u', 'g1');
    m.add('u', 'g2');
    for (const g of m.get('u')) m.remove('u', g);
    assert.deepEqual(m.get('u'), []);
  });
});
