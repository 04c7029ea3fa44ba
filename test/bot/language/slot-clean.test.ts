import { strict as assert } from 'node:assert';
import { cleanGroup, cleanName, cleanUser, isQuoted, unquote, usersSlot } from '../../../bot/language/slot-clean';

describe('slot cleaning', () => {
  it('splits users on commas, semicolons, "and", "&" and newlines', () => {
    assert.deepStrictEqual(usersSlot('Ana, Bob; Chen and Diego & Eve\nFay'), [
      'Ana',
      'Bob',
      'Chen',
      'Diego',
      'Eve',
      'Fay',
    ]);
  });

  it('drops a politeness word after a name ("could Miriam please be added"), not inside quotes', () => {
    assert.equal(cleanUser('Miriam please'), 'Miriam');
    assert.equal(cleanUser('Miriam Graham pls'), 'Miriam Graham');
    assert.equal(cleanUser('"Team please"'), 'Team please');
  });

  it('does not split inside words or quotes', () => {
    assert.deepStrictEqual(usersSlot('Alexander and Sandra'), ['Alexander', 'Sandra']);
    assert.deepStrictEqual(usersSlot('"Smith, John" and Ana'), ['Smith, John', 'Ana']);
  });

  it('keeps emails, GUIDs, apostrophes and non-ASCII letters', () => {
    assert.deepStrictEqual(
      usersSlot("O'Brien, d’Arcy, Ngọc Trần, a.b@contoso.com, 0b6a2c1e-3f4d-4e5f-8a9b-1c2d3e4f5a6b"),
      ["O'Brien", 'd’Arcy', 'Ngọc Trần', 'a.b@contoso.com', '0b6a2c1e-3f4d-4e5f-8a9b-1c2d3e4f5a6b'],
    );
  });

  it('maps me, I, myself and my to "me" and drops placeholders', () => {
    assert.deepStrictEqual(usersSlot('me and I and Myself and MY'), ['me']);
    assert.equal(usersSlot('these'), undefined);
  });

  it('takes the address out of "Name <address>" and strips list bullets', () => {
    assert.deepStrictEqual(usersSlot('- Ana Lopez <ana@contoso.com>\n2. Bob'), ['ana@contoso.com', 'Bob']);
  });

  it('cleans group phrases: article, trailing group word, quotes', () => {
    assert.equal(cleanGroup('the Marketing group'), 'Marketing');
    assert.equal(cleanGroup('the Sales and Marketing security group'), 'Sales and Marketing');
    assert.equal(cleanGroup('“Design Team”'), 'Design Team');
    assert.equal(cleanGroup('the group'), undefined);
  });

  it('unquotes only one whole quoted span', () => {
    assert.equal(unquote('"Ana"'), 'Ana');
    assert.equal(unquote("'Legal Team'"), 'Legal Team');
    assert.equal(isQuoted('"a" and "b"'), false);
    assert.equal(unquote("O'Brien's"), "O'Brien's");
  });

  it('keeps a new name as written apart from quotes and a leading "the"', () => {
    assert.equal(cleanName('the Design Team'), 'Design Team');
    assert.equal(cleanName("'The Team'"), 'The Team');
  });

  it('drops a role before a capitalised name ("our intern Kim"), not a plural role', () => {
    assert.equal(cleanUser('our intern Kim'), 'Kim');
    assert.equal(cleanUser('my colleague Bob Smith'), 'Bob Smith');
    assert.equal(cleanUser('our interns'), 'our interns');
  });

  it('drops a "to" before a name and an article after it, left by a non-native word order', () => {
    assert.deepEqual(usersSlot('to Pradeep the'), ['Pradeep']);
    assert.deepEqual(usersSlot('for Ana Silva'), ['Ana Silva']);
    assert.deepEqual(usersSlot('"to Bob the"'), ['to Bob the']);
  });
});
