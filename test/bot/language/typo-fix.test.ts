import { strict as assert } from 'node:assert';
import { editDistance, fixTypos } from '../../../bot/language/typo-fix';

describe('fixTypos', () => {
  it("corrects the bot's own words within a small edit distance", () => {
    assert.equal(fixTypos('show memebrs of Sales'), 'show members of Sales');
    assert.equal(fixTypos('whcih groups is Bob in'), 'which groups is Bob in');
    assert.equal(fixTypos('remvoe Bob from Legal'), 'remove Bob from Legal');
    assert.equal(fixTypos('who ownes Legal'), 'who owns Legal');
    assert.equal(fixTypos('ownes of Legal'), 'owners of Legal');
    assert.equal(fixTypos('list dleted groups'), 'list deleted groups');
  });

  it('never touches names: capitalised words, words after a verb or preposition, quoted words', () => {
    assert.equal(fixTypos('add lisa to Sales'), 'add lisa to Sales');
    assert.equal(fixTypos('show Memebers'), 'show Memebers');
    assert.equal(fixTypos('tell me about "remvoe"'), 'tell me about "remvoe"');
    assert.equal(fixTypos('who is in grouper'), 'who is in grouper');
  });

  it('leaves real words near the vocabulary alone (inflections, English words)', () => {
    assert.equal(fixTypos('my memberships'), 'my memberships');
    assert.equal(fixTypos('unassign Visio from Design Team'), 'unassign Visio from Design Team');
    assert.equal(fixTypos('groups owned by Ana'), 'groups owned by Ana');
    assert.equal(fixTypos('sending a request'), 'sending a request');
  });

  it('measures adjacent swaps as one edit', () => {
    assert.equal(editDistance('memebrs', 'members', 2), 1);
    assert.equal(editDistance('abc', 'xyz', 1), 2);
  });
});
