import assert from 'node:assert/strict';
import {
  cardTime,
  expandCardTimes,
  formatTime,
  isKnownTimeZone,
  localizeCardTimes,
  localizeTimes,
  plainTime,
  zoneLabel,
} from '../../cards/card-time';

describe('cards/card-time', () => {
  it('writes every time one way, in UTC and saying so: "Tue 8 Dec 2026, 12:44 UTC"', () => {
    assert.equal(formatTime(new Date('2026-12-08T12:44:59.123Z')), 'Tue 8 Dec 2026, 12:44 UTC');
    assert.equal(cardTime('2026-12-08T12:44:00Z').value, 'Tue 8 Dec 2026, 12:44 UTC');
    assert.equal(plainTime('2026-12-08T13:44:00+01:00'), 'Tue 8 Dec 2026, 12:44 UTC');
    assert.equal(cardTime('2026-12-08T12:44:00Z').value, plainTime('2026-12-08T12:44:00Z'), 'card and text agree');
  });

  it("writes a time in the reader's zone with the zone named", () => {
    assert.equal(formatTime(new Date('2026-12-08T12:44:00Z'), 'Europe/Paris'), 'Tue 8 Dec 2026, 13:44 Paris time');
    assert.equal(
      formatTime(new Date('2026-12-08T02:05:00Z'), 'America/Los_Angeles'),
      'Mon 7 Dec 2026, 18:05 Los Angeles time',
    );
    assert.equal(formatTime(new Date('2026-12-08T12:44:00Z'), 'UTC'), 'Tue 8 Dec 2026, 12:44 UTC');
    assert.equal(formatTime(new Date('2026-12-08T12:44:00Z'), 'Nowhere/Town'), 'Tue 8 Dec 2026, 12:44 UTC');
    assert.equal(zoneLabel('Etc/GMT+5'), 'Etc/GMT+5');
    assert.equal(isKnownTimeZone('Asia/Tokyo'), true);
    assert.equal(isKnownTimeZone('../../etc'), false);
  });

  it('shows an unparsable time escaped, as given', () => {
    assert.equal(cardTime('**soon**').value, '\\*\\*soon\\*\\*');
    assert.equal(plainTime('soon'), 'soon');
  });

  it('rewrites card times into a zone, in text and in every card string but button data', () => {
    const utc = 'Asked Tue 8 Dec 2026, 12:44 UTC; undo until Wed 9 Dec 2026, 12:44 UTC.';
    assert.equal(
      localizeTimes(utc, 'Asia/Tokyo'),
      'Asked Tue 8 Dec 2026, 21:44 Tokyo time; undo until Wed 9 Dec 2026, 21:44 Tokyo time.',
    );
    assert.equal(localizeTimes(utc, undefined), utc);
    assert.equal(localizeTimes(utc, 'UTC'), utc);
    assert.equal(localizeTimes(utc, 'Bad/Zone'), utc);
    const card = {
      body: [{ type: 'TextBlock', text: utc }],
      actions: [{ type: 'Action.Execute', data: { verb: 'sendText', text: utc } }],
      fallbackText: utc,
    };
    const local = localizeCardTimes(card, 'Asia/Tokyo');
    assert.match(local.body[0]?.text ?? '', /21:44 Tokyo time/);
    assert.match(local.fallbackText, /21:44 Tokyo time/);
    assert.equal(local.actions[0]?.data.text, utc, 'payloads go back as they were');
    assert.equal(card.fallbackText, utc, 'the input is not changed');
  });

  it('still expands the DATE/TIME functions of older cards for the terminal', () => {
    assert.equal(
      expandCardTimes('{{DATE(2026-11-26T14:02:00Z, SHORT)}} {{TIME(2026-11-26T14:02:00Z)}}'),
      '2026-11-26 14:02 UTC',
    );
  });
});
