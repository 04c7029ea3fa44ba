import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../bot/language';
import { buildGazetteer } from '../../../bot/language/entity-gazetteer';

const gazetteer = buildGazetteer({
  groups: [
    { id: 'g1', displayName: 'Project Phoenix' },
    { id: 'g2', displayName: 'Sales' },
  ],
});

describe('bot/language parseIntent with a gazetteer', () => {
  it('takes a group the reading lacks from the one the message names, spelt as the directory spells it', () => {
    const text = 'who are the members? the phoenix project team';
    assert.deepEqual(parseIntent(text), { intent: 'listMembers' });
    assert.deepEqual(parseIntent(text, { gazetteer }), { intent: 'listMembers', groups: ['Project Phoenix'] });
  });

  it('leaves a reading that has its slots, or names nothing known, unchanged', () => {
    assert.deepEqual(parseIntent('who is in Sales', { gazetteer }), parseIntent('who is in Sales'));
    assert.deepEqual(parseIntent('members please', { gazetteer }), { intent: 'listMembers' });
    assert.deepEqual(parseIntent('the weather in Paris', { gazetteer }), { intent: 'unknown' });
  });
});
