import assert from 'node:assert/strict';
import { buildGroupDetailsCard } from '../../cards/group-details-card';
import { actionsOf, assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { dynGroup, marketing } from './fixtures';

describe('cards/group-details-card', () => {
  it('shows kind, mail, visibility, counts and owners, with Members/Owners buttons', () => {
    const card = buildGroupDetailsCard({ group: marketing });
    assertValidCard(card);
    const text = textOf(card);
    for (const line of [
      'Kind: Microsoft 365 group',
      'Mail: marketing@contoso.com',
      'Visibility: Private',
      'Members: 42',
      'Owners: 2',
    ])
      assert.match(text, new RegExp(`^${line}$`, 'm'));
    assert.match(text, /Olga Owner · olga@contoso\.com · Marketing/);
    assert.deepEqual(clickPayload(button(card, 'Members')), {
      verb: 'listShow',
      list: 'members',
      subjectId: marketing.id,
    });
    assert.deepEqual(clickPayload(button(card, 'Owners')), {
      verb: 'listShow',
      list: 'owners',
      subjectId: marketing.id,
    });
    assert.equal(actionsOf(card).length, 2);
  });

  it('shows the rule of a dynamic group and a Rule button', () => {
    const card = buildGroupDetailsCard({ group: dynGroup });
    assert.match(textOf(card), /Dynamic security group[\s\S]*Membership rule\nuser\.city -eq "Seattle"/);
    assert.deepEqual(clickPayload(button(card, 'Rule')), { verb: 'ruleShow', groupId: dynGroup.id });
  });

  it('warns about a group without owners', () => {
    assert.match(
      textOf(buildGroupDetailsCard({ group: { ...marketing, owners: [], ownerCount: 0 } })),
      /This group has no owners\./,
    );
  });
});
