/** SortedIndex: bulk load and incremental updates agree; exact and prefix lookups are case-insensitive and lazy. */
import { strict as assert } from 'node:assert';
import { SortedIndex } from '../../../graph-emulator/store/sorted-index';

const people = [
  { id: 'c', name: 'Maya Kim 12' },
  { id: 'a', name: 'maya kim 120' },
  { id: 'b', name: 'Maya Kim 12' },
  { id: 'd', name: 'Zoë Müller 7' },
  { id: 'e', name: '' },
];

describe('graph-emulator SortedIndex', () => {
  it('bulk load and one-by-one adds give the same answers, in key then id order', () => {
    const bulk = new SortedIndex();
    bulk.load(people, (p) => p.name);
    const incremental = new SortedIndex();
    for (const p of people) incremental.add(p.name, p.id);
    for (const idx of [bulk, incremental]) {
      assert.equal(idx.size, 4, 'empty keys are not indexed');
      assert.deepEqual(idx.exact('MAYA KIM 12'), ['b', 'c']);
      assert.deepEqual(idx.prefix('maya kim 12'), ['b', 'c', 'a']);
      assert.deepEqual(idx.prefix('zoë'), ['d']);
      assert.deepEqual(idx.prefix('nobody'), []);
    }
    incremental.remove('Maya Kim 12', 'b');
    assert.deepEqual(incremental.exact('maya kim 12'), ['c']);
  });

  it('prefixIds yields lazily: a consumer can stop after the first ids', () => {
    const idx = new SortedIndex();
    idx.load(
      Array.from({ length: 1000 }, (_, i) => ({ id: String(i).padStart(4, '0'), name: `Person ${i}` })),
      (p) => p.name,
    );
    const it = idx.prefixIds('person 1');
    assert.deepEqual([it.next().value, it.next().value], ['0001', '0010']);
    assert.equal(idx.prefix('person 1').length, 111);
  });
});
