import assert from 'node:assert/strict';
import { buildUserGroupsCard } from '../../cards/user-groups-card';
import { assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { ana1, guid, marketing, secGroup } from './fixtures';

describe('cards/user-groups-card', () => {
  it('separates direct groups from groups through nesting, with the chain', () => {
    const card = buildUserGroupsCard({
      user: ana1,
      direct: [marketing],
      viaNesting: [{ group: secGroup, via: [{ id: guid(200), displayName: 'Design Team' }] }],
      nextCursor: 'n1',
    });
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /Direct member \(1\)\nMarketing · Microsoft 365 group/);
    assert.match(text, /Through nested groups \(1\)\nSecurityGroup101 · Security group · via Design Team/);
    assert.deepEqual(clickPayload(button(card, 'More')), {
      verb: 'listMore',
      list: 'userGroups',
      cursor: 'n1',
      subjectId: ana1.id,
      transitive: true,
    });
  });

  it('handles a user in no group', () => {
    const card = buildUserGroupsCard({ user: ana1, direct: [], viaNesting: [] });
    assertValidCard(card);
    assert.equal(card.fallbackText, 'Ana Lopez is not in any group.');
  });
});
