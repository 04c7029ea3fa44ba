import { strict as assert } from 'node:assert';
import { roleOf } from '../../../bot/language/verb-lexicon';

describe('bot/language/verb-lexicon', () => {
  it('gives verbs, prepositions and filler their roles', () => {
    assert.equal(roleOf('stick'), 'add');
    assert.equal(roleOf('kick'), 'remove');
    assert.equal(roleOf('manage'), 'own');
    assert.equal(roleOf('onto'), 'towards');
    assert.equal(roleOf('from'), 'away');
    assert.equal(roleOf('please'), 'filler');
  });

  it('reads one typo in a verb of five letters or more, and nothing in a name', () => {
    assert.equal(roleOf('remvoe'), 'remove');
    assert.equal(roleOf('ownrs'), 'own');
    assert.equal(roleOf('isaiah'), undefined);
    assert.equal(roleOf('lee'), undefined);
  });
});
