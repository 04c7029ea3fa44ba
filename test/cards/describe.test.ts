import assert from 'node:assert/strict';
import { kindLabel } from '../../cards/describe';

describe('cards/describe kindLabel', () => {
  it('keeps the product name capitalised in "Dynamic Microsoft 365 group"', () => {
    assert.equal(kindLabel('microsoft365', true), 'Dynamic Microsoft 365 group');
    assert.equal(kindLabel('microsoft365'), 'Microsoft 365 group');
  });

  it('lower-cases common nouns after "Dynamic"', () => {
    assert.equal(kindLabel('security', true), 'Dynamic security group');
    assert.equal(kindLabel('security'), 'Security group');
  });
});
