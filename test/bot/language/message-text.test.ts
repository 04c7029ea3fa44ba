import { strict as assert } from 'node:assert';
import {
  cutTail,
  dropParentheticals,
  isAsking,
  isChatter,
  namedThings,
  splitClauses,
  splitSentences,
} from '../../../bot/language/message-text';

describe('message-text', () => {
  it('splits sentences at end marks and line breaks, but not inside addresses or continued lines', () => {
    assert.deepEqual(splitSentences('Hi. Adele starts Monday! Add her to Legal? Thanks'), [
      'Hi.',
      'Adele starts Monday!',
      'Add her to Legal?',
      'Thanks',
    ]);
    assert.deepEqual(splitSentences('add ana@contoso.com to Sales'), ['add ana@contoso.com to Sales']);
    assert.deepEqual(splitSentences('add Ana to\nMarketing'), ['add Ana to\nMarketing']);
    assert.deepEqual(splitSentences('add "Dr. No. 1" to Sales. Thanks'), ['add "Dr. No. 1" to Sales.', 'Thanks']);
  });

  it('splits clauses at a new request, a remark or a second operation', () => {
    assert.deepEqual(
      splitClauses('Raul is leaving Sales, take him out').map((c) => c.joint),
      ['start', 'comma'],
    );
    assert.deepEqual(
      splitClauses("add Joni to Legal, I'm helping").map((c) => c.text),
      ['add Joni to Legal', "I'm helping"],
    );
    assert.deepEqual(
      splitClauses('add Christie to Sales and remove her from Marketing').map((c) => c.joint),
      ['start', 'and'],
    );
    assert.deepEqual(splitClauses('add Ana, Bob, and Chen to Marketing').length, 1);
  });

  it('cuts remarks, time words and courtesy after a group name', () => {
    assert.equal(cutTail('Legal, she starts Monday'), 'Legal');
    assert.equal(cutTail('Finance Alerts as well'), 'Finance Alerts');
    assert.equal(cutTail('Platform Core by end of day please'), 'Platform Core');
    assert.equal(cutTail('Sales? He transferred from Dublin'), 'Sales');
    assert.equal(cutTail('Research and Development'), 'Research and Development');
  });

  it('drops parenthetical remarks but keeps an address in brackets and rules', () => {
    assert.equal(dropParentheticals('add Megan (my manager) to Legal'), 'add Megan to Legal');
    assert.equal(dropParentheticals('add Lee Gu (lee@contoso.com) to X'), 'add Lee Gu (lee@contoso.com) to X');
    assert.equal(dropParentheticals('who would match (user.city -eq "X")'), 'who would match (user.city -eq "X")');
  });

  it('tells chatter and asking sentences from context', () => {
    assert.ok(isChatter('Thanks,', 2, 3));
    assert.ok(isChatter('Best, Lee', 3, 4));
    assert.ok(isChatter('Miriam', 3, 4));
    assert.ok(!isChatter('Miriam', 0, 1));
    assert.ok(isAsking('Please add her to Legal.'));
    assert.ok(isAsking('Is she still in Sales?'));
    assert.ok(!isAsking('Adele Vance is joining the legal team next week.'));
  });

  it('finds the people and groups a sentence names', () => {
    const things = namedThings('Diego Siciliani moved from HR to Legal');
    assert.deepEqual(
      things.map((t) => [t.text, t.group]),
      [
        ['Diego Siciliani', false],
        ['HR', true],
        ['Legal', true],
      ],
    );
    assert.deepEqual(
      namedThings("Raul's contract ended").map((t) => t.text),
      ['Raul'],
    );
  });

  it('starts a new clause at a comma followed by "who is in" or "who owns"', () => {
    assert.deepEqual(
      splitClauses('who is in Sales, who is in Marketing').map((c) => c.text),
      ['who is in Sales', 'who is in Marketing'],
    );
    assert.deepEqual(
      splitClauses('who owns Sales, who owns Legal').map((c) => c.joint),
      ['start', 'comma'],
    );
  });
});
