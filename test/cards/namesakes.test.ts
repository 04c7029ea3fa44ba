/** Groups that share a display name: every card that shows them together tells them apart. */
import assert from 'node:assert/strict';
import { buildChoiceCard } from '../../cards/choice-card';
import { buildConfirmationCard } from '../../cards/confirmation-card';
import { buildPagedListCard } from '../../cards/paged-list-card';
import { buildNotFoundCard } from '../../cards/not-found-card';
import { buildUserGroupsCard } from '../../cards/user-groups-card';
import { groupButtonTitles, ownedBy } from '../../cards/describe';
import type { GroupSummary } from '../../cards/view-models';
import { actionsOf, assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { ana1, bob, guid, olga } from './fixtures';
import { assertNoLeaks } from '../support/card-scan';

const readers = (n: number, over: Partial<GroupSummary> = {}): GroupSummary => ({
  id: guid(200 + n),
  displayName: 'Finance Readers',
  kind: 'security',
  dynamic: false,
  ...over,
});

describe('cards: same-named groups', () => {
  it('button titles differ: kind first, then mail, then owners, then creation date, then a number', () => {
    assert.deepEqual(groupButtonTitles([readers(1), readers(2, { kind: 'microsoft365', mail: 'fr@contoso.com' })]), [
      'Finance Readers (Security group)',
      'Finance Readers (Microsoft 365 group)',
    ]);
    assert.deepEqual(groupButtonTitles([readers(1, { owners: [olga] }), readers(2, { owners: [bob] })]), [
      'Finance Readers (Security group, owned by Olga Owner)',
      'Finance Readers (Security group, owned by Bob Stone)',
    ]);
    assert.deepEqual(groupButtonTitles([readers(1, { mail: 'a@contoso.com' }), readers(2, { owners: [] })]), [
      'Finance Readers (Security group, a@contoso.com)',
      'Finance Readers (Security group)',
    ]);
    assert.deepEqual(
      groupButtonTitles([
        readers(1, { createdDateTime: '2026-12-01T09:00:00Z' }),
        readers(2, { createdDateTime: '2026-12-08T12:44:00Z' }),
      ]),
      [
        'Finance Readers (Security group, created Tue 1 Dec 2026)',
        'Finance Readers (Security group, created Tue 8 Dec 2026)',
      ],
    );
    assert.deepEqual(groupButtonTitles([readers(1), readers(2)]), [
      'Finance Readers (Security group, #1)',
      'Finance Readers (Security group, #2)',
    ]);
    assert.deepEqual(groupButtonTitles([readers(1), { ...readers(2), displayName: 'Finance Writers' }]), [
      'Finance Readers (Security group)',
      'Finance Writers (Security group)',
    ]);
    assert.equal(ownedBy(readers(1, { owners: [olga, bob] })), 'owned by Olga Owner and Bob Stone');
  });

  it('a choice card between two "Finance Readers (Security group)" gives two different buttons, and lines with owners', () => {
    const card = buildChoiceCard({
      pendingId: 'p1',
      slot: 'groups.0',
      searchedName: 'Finance Readers',
      candidates: [
        { kind: 'group', group: readers(1, { owners: [olga] }) },
        { kind: 'group', group: readers(2, { owners: [bob] }) },
      ],
    });
    assertValidCard(card);
    assertNoLeaks(card);
    const titles = actionsOf(card).map((a) => a.title);
    assert.equal(new Set(titles).size, titles.length, `distinct: ${titles.join(' | ')}`);
    assert.deepEqual(clickPayload(button(card, 'Finance Readers (Security group, owned by Bob Stone)')), {
      verb: 'choose',
      pendingId: 'p1',
      objectId: guid(202),
      slot: 'groups.0',
    });
    assert.match(textOf(card), /Finance Readers · Security group · owned by Olga Owner/);
  });

  it('a list shows owners beside same-named groups', () => {
    const card = buildPagedListCard({
      list: 'groups',
      title: 'Groups',
      items: [
        { kind: 'group', group: readers(1, { owners: [olga] }) },
        { kind: 'group', group: readers(2, { owners: [] }) },
      ],
    });
    assertValidCard(card);
    assert.match(
      textOf(card),
      /Finance Readers · Security group · owned by Olga Owner\n.*Finance Readers · Security group · no owner/,
    );
  });

  it('a confirmation can offer to show the existing group (groupShow)', () => {
    const card = buildConfirmationCard({
      pendingId: 'p5',
      title: "Create the security group 'Finance Readers'",
      facts: [{ title: 'Name', value: 'Finance Readers' }],
      consequence: 'The group is created with the members listed.',
      warnings: ["A group called 'Finance Readers' already exists (Security group, owned by Olga Owner)."],
      showGroups: [{ id: guid(201), displayName: 'Finance Readers' }],
    });
    assertValidCard(card);
    assert.deepEqual(clickPayload(button(card, "Show the existing 'Finance Readers'")), {
      verb: 'groupShow',
      groupId: guid(201),
    });
    assert.deepEqual(
      actionsOf(card).map((a) => a.verb),
      ['confirm', 'cancel', 'groupShow'],
    );
  });

  it('the closest names of a not-found card and the groups of a person tell namesakes apart too', () => {
    const nf = buildNotFoundCard({
      pendingId: 'p2',
      slot: 'groups.0',
      searchedName: 'Finance Reader',
      objectType: 'group',
      closest: [
        { kind: 'group', group: readers(1, { owners: [olga] }) },
        { kind: 'group', group: readers(2, { owners: [bob] }) },
      ],
    });
    assertValidCard(nf);
    const titles = actionsOf(nf)
      .map((a) => a.title)
      .filter((t) => t.startsWith('Finance'));
    assert.deepEqual(titles, [
      'Finance Readers (Security group, owned by Olga Owner)',
      'Finance Readers (Security group, owned by Bob Stone)',
    ]);
    const ug = buildUserGroupsCard({
      user: ana1,
      direct: [readers(1, { owners: [olga] }), readers(2, { owners: [bob] })],
      viaNesting: [],
    });
    assert.match(textOf(ug), /Finance Readers · Security group · owned by Olga Owner\n.*owned by Bob Stone/);
  });
});
