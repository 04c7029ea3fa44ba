import assert from 'node:assert/strict';
import { formatClock } from '../../../bot/requests/clock-format';

describe('formatClock', () => {
  const now = new Date('2025-03-03T20:00:00Z');
  it('shows only the time on the same day', () => {
    assert.equal(formatClock(new Date('2025-03-03T14:02:00Z'), now), '14:02');
    assert.equal(formatClock(new Date('2025-03-03T00:05:00Z'), now), '00:05');
  });
  it('adds the day in the same year, and the year otherwise', () => {
    assert.equal(formatClock(new Date('2025-02-28T09:15:00Z'), now), '28 Feb 09:15');
    assert.equal(formatClock(new Date('2024-12-31T23:59:00Z'), now), '31 Dec 2024 23:59');
  });
  it('compares days in the given time zone', () => {
    // 23:30 UTC on 3 March is 08:30 on 4 March in Tokyo; "now" (20:00 UTC) is 05:00 on 4 March there.
    assert.equal(formatClock(new Date('2025-03-03T23:30:00Z'), now, 'Asia/Tokyo'), '08:30');
    assert.equal(formatClock(new Date('2025-03-03T23:30:00Z'), now, 'UTC'), '23:30');
  });
  it('throws RangeError on an unknown time zone', () => {
    assert.throws(() => formatClock(now, now, 'Nowhere/Town'), RangeError);
  });
});
