/** The digest's "Background work failing" section: who sees which items, order, cap, and the card it makes. */
import { strict as assert } from 'node:assert';
import { backgroundSection, withBackgroundSection } from '../../../bot/hygiene/background-section';
import { buildReport, type HygieneReport } from '../../../bot/hygiene/hygiene-report';
import { buildHygieneCard } from '../../../cards/hygiene-card';
import type { BackgroundFailure } from '../../../bot/shared/background-failures';

const failure = (over: Partial<BackgroundFailure>): BackgroundFailure => ({
  kind: 'removal',
  itemId: 'm1',
  groupId: 'g1',
  groupName: 'Marketing',
  what: 'remove Ana Silva (access ended Mon 7 Dec 2026, 10:00 UTC)',
  failures: 5,
  lastError: 'nobody with a current sign-in could do it',
  firstAt: '2026-12-07T10:01:00.000Z',
  lastAt: '2026-12-07T10:10:00.000Z',
  gaveUpAt: '2026-12-07T10:10:00.000Z',
  told: ['olga'],
  ...over,
});

const EMPTY = { ownerless: [], expiring: [], empty: [], guests: [], disabled: [], incomplete: [] };

describe('bot/hygiene/background-section', () => {
  const items = [
    failure({
      kind: 'poll',
      itemId: 'g2',
      groupId: 'g2',
      groupName: 'Legal',
      what: 'check for membership changes',
      told: ['lee'],
    }),
    failure({}),
    failure({
      kind: 'approval',
      itemId: 'r1',
      groupName: 'Finance',
      what: 'add Bob (approved by Olga Owner)',
      told: [],
    }),
  ];

  it("lists everything in an administrator's digest, removals first", () => {
    const s = backgroundSection(items, { id: 'megan', scope: 'tenant', maxLines: 8 });
    assert.equal(s?.title, 'Background work failing');
    assert.equal(s?.total, 3);
    assert.deepEqual(
      s?.lines.map((l) => l.groupName),
      ['Marketing', 'Finance', 'Legal'],
    );
    assert.match(s?.lines[0]?.detail ?? '', /could not remove Ana Silva .*5 tries; nobody with a current sign-in/);
  });

  it("lists in an owner's digest only what the owner was told about, and nothing when there is none", () => {
    assert.deepEqual(
      backgroundSection(items, { id: 'OLGA', scope: 'owned', maxLines: 8 })?.lines.map((l) => l.groupName),
      ['Marketing'],
    );
    assert.equal(backgroundSection(items, { id: 'nobody', scope: 'owned', maxLines: 8 }), undefined);
    assert.equal(backgroundSection([], { id: 'megan', scope: 'tenant', maxLines: 8 }), undefined);
  });

  it('caps the lines and keeps the total; the card shows the section', () => {
    const s = backgroundSection(items, { id: 'megan', scope: 'tenant', maxLines: 1 });
    assert.deepEqual([s?.lines.length, s?.total], [1, 3]);
    const report: HygieneReport = buildReport(EMPTY, {
      scope: 'tenant',
      now: new Date('2026-12-08T09:00:00Z'),
      maxLines: 8,
      expiringDays: 30,
    });
    const shown = withBackgroundSection(report, s);
    assert.equal(shown.sections.length, report.sections.length + 1);
    assert.equal(withBackgroundSection(report, undefined), report);
    const card = JSON.stringify(buildHygieneCard(shown));
    assert.match(card, /Background work failing \(3\)/);
    assert.match(card, /and 2 more/);
  });
});
