import { strict as assert } from 'node:assert';
import { parseIntent, suggestRequests } from '../../../bot/language';

describe('suggestRequests', () => {
  it('offers the closest requests with the names the message mentions', () => {
    assert.deepEqual(suggestRequests('Finance Readers, the approvers thing? who manages it').slice(0, 1), [
      'who owns Finance Readers',
    ]);
    assert.ok(suggestRequests('licences on Sales team?').includes('which licences does Sales have'));
  });

  it('gives two or three suggestions that all parse to something the bot does', () => {
    for (const text of [
      'Finance Readers???',
      'blah blah',
      'Adele Vance Legal',
      'the rule thing for Seattle Employees',
      '',
    ]) {
      const out = suggestRequests(text);
      assert.ok(out.length >= 2 && out.length <= 3, `${text}: ${out.join(' | ')}`);
      for (const s of out) assert.notEqual(parseIntent(s).intent, 'unknown', `${text}: "${s}" does not parse`);
    }
  });
});
