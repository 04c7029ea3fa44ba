import { strict as assert } from 'node:assert';
import { buildReport, isTidy, ownedFindings, type HygieneFindings } from '../../../bot/hygiene/hygiene-report';
import type { HygieneGroup, HygieneMember } from '../../../bot/directory/hygiene-read';

const NOW = new Date('2026-12-06T00:00:00Z');
const group = (id: string, displayName: string, extra: Partial<HygieneGroup> = {}): HygieneGroup => ({
  id,
  displayName,
  groupTypes: [],
  mailEnabled: false,
  securityEnabled: true,
  membershipRule: null,
  visibility: null,
  expirationDateTime: null,
  ...extra,
});
const none: HygieneFindings = { ownerless: [], expiring: [], empty: [], guests: [], disabled: [], incomplete: [] };

describe('bot/hygiene report', () => {
  it('is all tidy when nothing was found', () => {
    const r = buildReport(none, { scope: 'tenant', now: NOW, maxLines: 8, expiringDays: 30 });
    assert.ok(isTidy(r));
    assert.equal(r.sections.length, 5);
    assert.ok(r.sections.every((s) => s.complete && s.lines.length === 0));
  });

  it('counts days to expiry, sorts the soonest first and marks incomplete sections', () => {
    const r = buildReport(
      {
        ...none,
        expiring: [
          group('b', 'Beta', { expirationDateTime: '2026-12-20T00:00:00Z' }),
          group('a', 'Alpha', { expirationDateTime: '2026-12-07T00:00:00Z' }),
          group('c', 'Gamma', { expirationDateTime: '2026-12-05T00:00:00Z' }),
        ],
        incomplete: ['expiring'],
      },
      { scope: 'tenant', now: NOW, maxLines: 2, expiringDays: 30 },
    );
    const s = r.sections.find((x) => x.key === 'expiring');
    assert.deepEqual(
      s?.lines.map((l) => `${l.groupName}: ${l.detail}`),
      ['Gamma: expires today', 'Alpha: expires in 1 day'],
    );
    assert.equal(s?.total, 3);
    assert.equal(s?.complete, false);
    assert.equal(isTidy(r), false);
  });

  it('offers Remove only where members can be removed by hand', () => {
    const raul = { id: 'r', displayName: 'Raul', userType: 'Member', accountEnabled: false };
    const r = buildReport(
      {
        ...none,
        disabled: [
          {
            user: raul,
            groups: [
              group('d', 'Dynamic', { groupTypes: ['DynamicMembership'], membershipRule: 'user.city -eq "X"' }),
              group('x', 'Exchange list', { mailEnabled: true, securityEnabled: false }),
              group('s', 'Static'),
            ],
          },
        ],
      },
      { scope: 'tenant', now: NOW, maxLines: 8, expiringDays: 30 },
    );
    const lines = r.sections.find((x) => x.key === 'disabled')?.lines ?? [];
    assert.deepEqual(
      lines.map((l) => [l.groupName, l.fix?.kind ?? null]),
      [
        ['Dynamic', null],
        ['Exchange list', null],
        ['Static', 'removeMember'],
      ],
    );
    assert.match(lines[0]?.detail ?? '', /its rule keeps them/);
  });

  it("builds an owner's findings from members: empty groups, guests, disabled members and expiry", () => {
    const members = new Map<string, { items: HygieneMember[]; complete: boolean }>([
      ['e', { items: [], complete: true }],
      [
        'm',
        {
          items: [
            { id: 'p', displayName: 'Pat', type: 'user', userType: 'Guest', accountEnabled: true },
            { id: 'r', displayName: 'Raul', type: 'user', userType: 'Member', accountEnabled: false },
            { id: 'g', displayName: 'Nested', type: 'group', userType: null, accountEnabled: null },
          ],
          complete: false,
        },
      ],
    ]);
    const f = ownedFindings(
      [group('e', 'Empty'), group('m', 'Mixed', { expirationDateTime: '2026-12-10T00:00:00Z' }), group('n', 'Unread')],
      members,
      new Date('2027-01-05T00:00:00Z'),
    );
    assert.deepEqual(
      f.empty.map((g) => g.id),
      ['e'],
    );
    assert.deepEqual(
      f.guests.map((x) => [x.group.id, x.guests.map((u) => u.id)]),
      [['m', ['p']]],
    );
    assert.deepEqual(
      f.disabled.map((x) => [x.user.id, x.groups.map((g) => g.id)]),
      [['r', ['m']]],
    );
    assert.deepEqual(
      f.expiring.map((g) => g.id),
      ['m'],
    );
    assert.deepEqual(f.incomplete.sort(), ['disabled', 'guests']);
    const r = buildReport(f, { scope: 'owned', now: NOW, maxLines: 8, expiringDays: 30 });
    assert.deepEqual(
      r.sections.map((s) => s.key),
      ['expiring', 'empty', 'guests', 'disabled'],
    );
  });
});
