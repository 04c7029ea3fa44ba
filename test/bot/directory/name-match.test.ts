import { strict as assert } from 'node:assert';
import { rankCandidates, closest, fold, editDistance, longestNameInside } from '../../../bot/directory/name-match';

const ana = {
  id: '1',
  displayName: 'Ana Silva',
  givenName: 'Ana',
  surname: 'Silva',
  mail: 'ana@contoso.com',
  userPrincipalName: 'ana@contoso.com',
};
const anaSouza = {
  id: '2',
  displayName: 'Ana Souza',
  givenName: 'Ana',
  surname: 'Souza',
  mail: 'ana.souza@contoso.com',
};
const anastasia = { id: '3', displayName: 'Anastasia Ivanova', givenName: 'Anastasia', surname: 'Ivanova' };
const zoe = { id: '4', displayName: 'Zoë Müller', givenName: 'Zoë', surname: 'Müller' };

describe('name-match', () => {
  it('folds case and accents', () => {
    assert.equal(fold('  Zoë   MÜLLER '), 'zoe muller');
  });

  it('resolves an exact display name among prefix matches', () => {
    const r = rankCandidates('ana silva', [ana, anaSouza, anastasia]);
    assert.equal(r.status, 'resolved');
    assert.equal(r.status === 'resolved' && r.item.id, '1');
  });

  it('resolves by mail or UPN', () => {
    const r = rankCandidates('ANA.SOUZA@contoso.com', [anaSouza]);
    assert.equal(r.status === 'resolved' && r.item.id, '2');
  });

  it('calls a given name shared by two people ambiguous, leaving out mere prefixes', () => {
    const r = rankCandidates('Ana', [ana, anaSouza, anastasia]);
    assert.equal(r.status, 'ambiguous');
    assert.deepEqual(r.status === 'ambiguous' && r.candidates.map((c) => c.id), ['1', '2']);
  });

  it('resolves a single prefix match and an accent-free spelling', () => {
    assert.equal(rankCandidates('Anast', [anastasia]).status, 'resolved');
    const r = rankCandidates('zoe muller', [zoe]);
    assert.equal(r.status === 'resolved' && r.item.id, '4');
  });

  it('treats two groups with the same exact name as ambiguous', () => {
    const r = rankCandidates('Project Falcon', [
      { id: 'a', displayName: 'Project Falcon' },
      { id: 'b', displayName: 'Project Falcon' },
      { id: 'c', displayName: 'Project Falcon Archive' },
    ]);
    assert.equal(r.status, 'ambiguous');
    assert.equal(r.status === 'ambiguous' && r.candidates.length, 2);
  });

  it('reports nothing found on an empty candidate list', () => {
    assert.equal(rankCandidates('Nobody', []).status, 'notFound');
  });

  it('orders suggestions by edit distance', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    const out = closest(
      'Markting',
      [
        { id: 'x', displayName: 'Legal' },
        { id: 'y', displayName: 'Marketing' },
        { id: 'z', displayName: 'Marketing department' },
      ],
      2,
    );
    assert.deepEqual(
      out.map((o) => o.id),
      ['y', 'z'],
    );
  });
});

describe('longestNameInside', () => {
  const groups = [
    { id: '1', displayName: 'Legal', mailNickname: 'legal' },
    { id: '2', displayName: 'Sales', mailNickname: 'sales' },
    { id: '3', displayName: 'Sales and Marketing', mailNickname: 'salesandmarketing' },
    { id: '4', displayName: 'Marketing', mailNickname: 'marketing' },
  ];

  it('resolves the longest known name inside the phrase, as whole words, case and accents folded', () => {
    assert.equal(longestNameInside("Legal, I'm helping with contracts", groups)?.status, 'resolved');
    const r = longestNameInside('sales and marketing asap', groups);
    assert.equal(r?.status === 'resolved' ? r.item.id : undefined, '3');
    const people = [{ id: 'f', displayName: 'François Dubois' }];
    assert.equal(longestNameInside('francois dubois please', people)?.status, 'resolved');
  });

  it('finds nothing for a name that is only part of a word, and is ambiguous on a tie', () => {
    assert.equal(longestNameInside('Legalese team', groups), undefined);
    const tie = longestNameInside('Sales or Legal', groups);
    assert.equal(tie?.status, 'ambiguous');
  });
});
