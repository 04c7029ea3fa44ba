import assert from 'node:assert/strict';
import { kindTitle } from '../../cards/describe';

describe('cards/describe kindTitle', () => {
  it('keeps the product name capitalised in "Dynamic Microsoft 365 group"', () => {
    assert.equal(kindTitle('microsoft365', true), 'Dynamic Microsoft 365 group');
    assert.equal(kindTitle('microsoft365'), 'Microsoft 365 group');
  });

  it('lower-cases common nouns after "Dynamic"', () => {
    assert.equal(kindTitle('security', true), 'Dynamic security group');
    assert.equal(kindTitle('security'), 'Security group');
  });
});
