import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  cardTime,
  expandCardTimes,
  formatDay,
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

  it('writes a day as the date part of the same format, in UTC', () => {
    assert.equal(formatDay(new Date('2026-12-08T23:59:59Z')), 'Tue 8 Dec 2026');
    assert.equal(formatDay(new Date('not a date')), '');
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

/** Ways of writing a date or time other than cards/card-time.ts's. */
const FORMATTERS: readonly [string, RegExp][] = [
  ['toISOString().slice', /\.toISOString\(\)\.slice\(/],
  ['an ISO time in text', /\.toISOString\(\)\}/],
  ['toUTCString', /\.toUTCString\(/],
  ['toLocaleString', /\.toLocale(?:Date|Time)?String\(/],
  ['Intl.DateTimeFormat', /Intl\.DateTimeFormat\b/],
  ['a hand-written UTC suffix', /UTC`/],
];

/** Where one of them is not a time shown to a person, and why. Everything else goes through cards/card-time.ts. */
const ALLOWED: Record<string, { formatters: string[]; why: string }> = {
  'cards/card-time.ts': { formatters: FORMATTERS.map(([name]) => name), why: 'the one format' },
  'bot/commands/members-export.ts': { formatters: ['toISOString().slice'], why: 'the date in a CSV file name' },
  'bot/teams/bot-app.ts': { formatters: ['toLocaleString'], why: 'a number ("12,000 characters")' },
  'common/rules/rule-parser.ts': { formatters: ['toLocaleString'], why: 'a number ("3,072")' },
  'cards/file-link-card.ts': { formatters: ['toLocaleString'], why: 'a number ("1,204 rows")' },
  'bot/log.ts': { formatters: ['an ISO time in text'], why: 'log line timestamps, for machines' },
  'bot/directory/group-history-read.ts': { formatters: ['an ISO time in text'], why: 'an OData $filter for Graph' },
};

const REPO = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(?:ts|cjs|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Every use of a formatter outside the allowed files, as "file:line: name: code". */
function strayFormatters(files: readonly string[], read: (file: string) => string): string[] {
  const found: string[] = [];
  for (const file of files) {
    const allowed = ALLOWED[file]?.formatters ?? [];
    read(file)
      .split('\n')
      .forEach((line, i) => {
        for (const [name, re] of FORMATTERS)
          if (re.test(line) && !allowed.includes(name)) found.push(`${file}:${i + 1}: ${name}: ${line.trim()}`);
      });
  }
  return found;
}

describe('one time format (source scan of bot/ and cards/)', () => {
  const files = [...sources('bot'), ...sources('cards'), ...sources('common')].map((f) =>
    relative(REPO, join(REPO, f)),
  );

  it('finds no date or time formatter outside cards/card-time.ts but the allowed, non-shown ones', () => {
    assert.ok(files.length > 50 && files.includes('cards/card-time.ts'), `scanned ${files.length} files`);
    const stray = strayFormatters(files, (f) => readFileSync(join(REPO, f), 'utf8'));
    assert.deepEqual(stray, [], `write times shown to people with cards/card-time.ts:\n${stray.join('\n')}`);
  });

  it('would catch a new formatter (the scan can fail)', () => {
    const fake: Record<string, string> = {
      'bot/commands/new-thing.ts':
        'const a = `ends ${d.toISOString().slice(0, 16)} UTC`;\nconst b = d.toLocaleDateString();',
      'bot/teams/bot-app.ts': 'const c = new Intl.DateTimeFormat("en-GB").format(d);',
    };
    assert.deepEqual(
      strayFormatters(Object.keys(fake), (f) => fake[f] as string).map((s) => s.split(': ').slice(0, 2).join(': ')),
      [
        'bot/commands/new-thing.ts:1: toISOString().slice',
        'bot/commands/new-thing.ts:1: a hand-written UTC suffix',
        'bot/commands/new-thing.ts:2: toLocaleString',
        'bot/teams/bot-app.ts:1: Intl.DateTimeFormat',
      ],
    );
  });

  it('every allowed file still exists and still needs its exception', () => {
    for (const [file, { formatters, why }] of Object.entries(ALLOWED)) {
      if (file === 'cards/card-time.ts') continue;
      const text = readFileSync(join(REPO, file), 'utf8');
      for (const name of formatters) {
        const re = FORMATTERS.find(([n]) => n === name);
        assert.ok(re && re[1].test(text), `${file} no longer uses ${name} (${why}): drop the exception`);
      }
    }
  });
});
