import { strict as assert } from 'node:assert';
import { resolveTimePhrase, TIME_PHRASE } from '../../../bot/language/time-phrase';

// Sunday 6 December 2026, 02:30 UTC.
const NOW = new Date('2026-12-06T02:30:00Z');
const iso = (s: string): string => new Date(s).toISOString();

describe('language: time phrases (UTC, pure)', () => {
  const cases: [string, string, string, string][] = [
    // phrase, at, from, to
    ['last Monday 09:00', '2026-11-30T09:00:00Z', '2026-11-30T09:00:00Z', '2026-12-06T02:30:00Z'],
    ['last monday at 9am', '2026-11-30T09:00:00Z', '2026-11-30T09:00:00Z', '2026-12-06T02:30:00Z'],
    ['2026-11-02', '2026-11-02T23:59:59.999Z', '2026-11-02T00:00:00Z', '2026-11-02T23:59:59.999Z'],
    ['on 2026-11-02', '2026-11-02T23:59:59.999Z', '2026-11-02T00:00:00Z', '2026-11-02T23:59:59.999Z'],
    ['2026-11-02 09:00', '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z', '2026-12-06T02:30:00Z'],
    ['2026-11-02T09:00:12.345Z', '2026-11-02T09:00:12.345Z', '2026-11-02T09:00:12.345Z', '2026-12-06T02:30:00Z'],
    ['this week', '2026-12-06T02:30:00Z', '2026-11-30T00:00:00Z', '2026-12-06T02:30:00Z'],
    ['last week', '2026-11-29T23:59:59.999Z', '2026-11-23T00:00:00Z', '2026-11-29T23:59:59.999Z'],
    ['yesterday', '2026-12-05T23:59:59.999Z', '2026-12-05T00:00:00Z', '2026-12-05T23:59:59.999Z'],
    ['today', '2026-12-06T02:30:00Z', '2026-12-06T00:00:00Z', '2026-12-06T02:30:00Z'],
    ['since Monday', '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z', '2026-12-06T02:30:00Z'],
    ['3 days ago', '2026-12-03T23:59:59.999Z', '2026-12-03T00:00:00Z', '2026-12-03T23:59:59.999Z'],
    ['2 Nov', '2026-11-02T23:59:59.999Z', '2026-11-02T00:00:00Z', '2026-11-02T23:59:59.999Z'],
    ['Dec 24', '2025-12-24T23:59:59.999Z', '2025-12-24T00:00:00Z', '2025-12-24T23:59:59.999Z'],
    ['9am on Friday', '2026-12-04T09:00:00Z', '2026-12-04T09:00:00Z', '2026-12-06T02:30:00Z'],
    ['09:00', '2026-12-05T09:00:00Z', '2026-12-05T09:00:00Z', '2026-12-06T02:30:00Z'],
    ['today 02:15:30', '2026-12-06T02:15:30Z', '2026-12-06T02:15:30Z', '2026-12-06T02:30:00Z'],
    ['yesterday at 17:05:09', '2026-12-05T17:05:09Z', '2026-12-05T17:05:09Z', '2026-12-06T02:30:00Z'],
  ];
  for (const [phrase, at, from, to] of cases) {
    it(`"${phrase}"`, () => {
      const r = resolveTimePhrase(phrase, NOW);
      assert.ok(r, 'understood');
      assert.deepEqual([r.at.toISOString(), r.from.toISOString(), r.to.toISOString()], [iso(at), iso(from), iso(to)]);
      assert.ok(new RegExp(`^${TIME_PHRASE}$`, 'i').test(phrase), 'the patterns recognise it');
    });
  }

  it('refuses what it does not understand, and never answers a time after now', () => {
    for (const p of ['garbage', '2026-02-30', '25:00', 'last Funday'])
      assert.equal(resolveTimePhrase(p, NOW), undefined, p);
    assert.ok((resolveTimePhrase('today', NOW)?.at ?? NOW) <= NOW);
  });

  it("says times back in the cards' one format (cards/card-time.ts), days without a time of day", () => {
    const label = (p: string): string | undefined => resolveTimePhrase(p, NOW)?.label;
    assert.equal(label('2026-11-02 09:00'), 'Mon 2 Nov 2026, 09:00 UTC');
    assert.equal(label('since 2026-11-02 09:00'), 'since Mon 2 Nov 2026, 09:00 UTC');
    assert.equal(label('2026-11-02'), 'Mon 2 Nov 2026');
    assert.equal(label('last week'), 'the week of Mon 23 Nov 2026');
  });

  it('reads counts in words, months ago, the last hour and the start of a month', () => {
    const at = (p: string): string | undefined => resolveTimePhrase(p, NOW)?.at.toISOString();
    assert.equal(at('a month ago'), iso('2026-11-06T23:59:59.999Z'));
    assert.equal(at('3 months ago'), iso('2026-09-06T23:59:59.999Z'));
    assert.equal(at('two weeks ago'), iso('2026-11-22T23:59:59.999Z'));
    assert.equal(at('an hour ago'), iso('2026-12-06T01:30:00Z'));
    assert.equal(at('at the start of November'), iso('2026-11-01T23:59:59.999Z'));
    const hour = resolveTimePhrase('in the last hour', NOW);
    assert.equal(hour?.from.toISOString(), iso('2026-12-06T01:30:00Z'));
    assert.equal(hour?.label, 'in the past hour');
    assert.equal(resolveTimePhrase('last week', NOW)?.label, 'the week of Mon 23 Nov 2026');
    for (const p of ['a month ago', 'two weeks ago', 'in the last hour', 'at the start of November'])
      assert.match(p, new RegExp(`^${TIME_PHRASE}$`, 'i'));
  });
});
