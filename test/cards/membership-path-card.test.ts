import assert from 'node:assert/strict';
import { buildMembershipPathCard } from '../../cards/membership-path-card';
import { assertValidCard, rawTexts, textOf } from './card-helpers';
import { ana1, guid, nasty, secGroup } from './fixtures';

const target = { id: secGroup.id, displayName: 'SecurityGroup101' };
const design = { id: guid(200), displayName: 'Design Team' };

describe('cards/membership-path-card', () => {
  it('explains a nested membership as a path', () => {
    const card = buildMembershipPathCard({ user: ana1, group: target, isMember: true, paths: [[design, target]] });
    assertValidCard(card);
    assert.match(textOf(card), /^Yes, Ana Lopez is a member of SecurityGroup101 through nested groups\.$/m);
    assert.match(textOf(card), /^Ana Lopez → Design Team → SecurityGroup101$/m);
    assert.equal(
      card.fallbackText,
      'Yes, Ana Lopez is a member of SecurityGroup101: Ana Lopez → Design Team → SecurityGroup101.',
    );
  });

  it('says direct member, or not a member', () => {
    assert.match(
      textOf(buildMembershipPathCard({ user: ana1, group: target, isMember: true, paths: [[target]] })),
      /is a direct member of SecurityGroup101/,
    );
    assert.match(
      textOf(buildMembershipPathCard({ user: ana1, group: target, isMember: false, paths: [] })),
      /^No, Ana Lopez is not a member of SecurityGroup101\.$/m,
    );
  });

  it('escapes names in the path', () => {
    const card = buildMembershipPathCard({ user: nasty, group: target, isMember: true, paths: [[target]] });
    assert.ok(rawTexts(card).every((t) => !t.includes('**Boss**')));
  });
});
