import { strict as assert } from 'node:assert';
import { justificationPrefill, splitReason } from '../../../bot/requests/request-reason';
import { parseIntent } from '../../../bot/language';

describe('bot/requests/request-reason', () => {
  it('words the box from the reason the parser found in the asking sentence', () => {
    const cases: [string, string][] = [
      ["I need access to Finance Readers, I'm preparing the quarterly review", "I'm preparing the quarterly review"],
      ['I need access to Finance Readers because I joined the audit team', 'I joined the audit team'],
      ['can I join Finance Readers for the audit', 'For the audit'],
    ];
    for (const [sentence, expected] of cases) {
      const intent = parseIntent(sentence);
      assert.equal(intent.intent, 'requestAccess', sentence);
      assert.equal(justificationPrefill(intent.justification), expected, sentence);
    }
  });

  it('drops a leading connective, capitalises, and gives nothing for nothing', () => {
    assert.equal(justificationPrefill('because of the audit.'), 'Because of the audit');
    assert.equal(justificationPrefill('so that I can read the reports'), 'I can read the reports');
    assert.equal(justificationPrefill('  '), '');
    assert.equal(justificationPrefill(undefined), '');
  });

  it('splits a group phrase that still carries the reason ("add me to X because …")', () => {
    assert.deepEqual(splitReason('Finance Readers because I joined the audit team'), {
      rest: 'Finance Readers',
      reason: 'I joined the audit team',
    });
    assert.deepEqual(splitReason("Finance Readers, I'm preparing the review"), {
      rest: 'Finance Readers',
      reason: "I'm preparing the review",
    });
    assert.deepEqual(splitReason('Finance Readers for the audit'), {
      rest: 'Finance Readers',
      reason: 'For the audit',
    });
  });

  it('leaves group names alone when there is no reason clause', () => {
    assert.deepEqual(splitReason('Sales and Marketing'), { rest: 'Sales and Marketing' });
    assert.deepEqual(splitReason('Finance Readers'), { rest: 'Finance Readers' });
    assert.deepEqual(splitReason('because'), { rest: 'because' });
  });
});
