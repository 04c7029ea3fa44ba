import assert from 'node:assert/strict';
import { cardTime, expandCardTimes, plainTime } from '../../cards/card-time';

describe('cards/card-time', () => {
  it('emits DATE/TIME functions in the form the renderer accepts (no milliseconds)', () => {
    assert.equal(
      cardTime('2026-11-26T14:02:00.123Z').value,
      '{{DATE(2026-11-26T14:02:00Z, SHORT)}} {{TIME(2026-11-26T14:02:00Z)}}',
    );
    assert.equal(cardTime('2026-11-26T15:02:00+01:00', { timeOnly: true }).value, '{{TIME(2026-11-26T14:02:00Z)}}');
  });

  it('shows an unparsable time escaped, as given', () => {
    assert.equal(cardTime('**soon**').value, '\\*\\*soon\\*\\*');
    assert.equal(plainTime('soon'), 'soon');
  });

  it('expands to UTC text for the terminal', () => {
    assert.equal(expandCardTimes(cardTime('2026-11-26T14:02:00Z').value), '2026-11-26 14:02 UTC');
    assert.equal(plainTime('2026-11-26T14:02:00Z', { timeOnly: true }), '14:02 UTC');
  });
});
