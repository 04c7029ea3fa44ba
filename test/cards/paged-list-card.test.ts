import assert from 'node:assert/strict';
import { buildPagedListCard } from '../../cards/paged-list-card';
import { actionsOf, assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { ana1, marketing, secGroup } from './fixtures';

describe('cards/paged-list-card', () => {
  it('carries the paging cursor in the More button', () => {
    const card = buildPagedListCard({
      list: 'members',
      title: 'Members of Marketing',
      subject: { id: marketing.id, displayName: 'Marketing' },
      transitive: true,
      items: [{ kind: 'person', person: ana1 }],
      offset: 30,
      totalCount: 31,
      nextCursor: 'abc.DEF~1',
    });
    assertValidCard(card);
    assert.match(textOf(card), /31–31 of 31 \(including nested groups\)/);
    assert.deepEqual(clickPayload(button(card, 'More')), {
      verb: 'listMore',
      list: 'members',
      cursor: 'abc.DEF~1',
      subjectId: marketing.id,
      transitive: true,
    });
  });

  it('has no More button on the last page and lists groups with their kind', () => {
    const card = buildPagedListCard({
      list: 'groups',
      title: 'Security groups',
      items: [{ kind: 'group', group: secGroup }],
    });
    assertValidCard(card);
    assert.equal(actionsOf(card).length, 0);
    assert.match(textOf(card), /SecurityGroup101 · Security group/);
  });

  it('handles an empty page', () => {
    const card = buildPagedListCard({ list: 'groups', title: 'Deleted groups', items: [] });
    assertValidCard(card);
    assert.match(textOf(card), /Nothing to show\./);
  });
});
