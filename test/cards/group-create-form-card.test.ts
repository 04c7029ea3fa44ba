import assert from 'node:assert/strict';
import { buildGroupCreateFormCard, deriveMailNickname } from '../../cards/group-create-form-card';
import { renderCardText } from '../../cards/render-text';
import { assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { NOW } from './fixtures';

describe('cards/group-create-form-card', () => {
  it('is prefilled from the sentence, with a derived mail nickname', () => {
    const card = buildGroupCreateFormCard({
      groupType: 'microsoft365',
      displayName: 'Équipe R&D',
      owners: ['Ana', 'Bob'],
      visibility: 'Public',
    });
    assertValidCard(card);
    const values = Object.fromEntries(renderCardText(card).inputs.map((i) => [i.id, i.value]));
    assert.deepEqual(values, {
      groupType: 'microsoft365',
      displayName: 'Équipe R&D',
      mailNickname: 'EquipeRD',
      description: '',
      visibility: 'Public',
      owners: 'Ana, Bob',
      members: '',
      rule: '',
    });
  });

  it('Create group sends the form inputs; Cancel ignores them', () => {
    const card = buildGroupCreateFormCard({ pendingId: 'p6', displayName: 'Finance Readers' });
    const inputs = {
      groupType: 'security',
      displayName: 'Finance Readers',
      mailNickname: 'FinanceReaders',
      description: '',
      visibility: 'Private',
      owners: 'Ana',
      members: 'Bob, Olga',
      rule: '',
    };
    assert.deepEqual(clickPayload(button(card, 'Create group'), inputs), {
      verb: 'groupCreate',
      pendingId: 'p6',
      groupType: 'security',
      displayName: 'Finance Readers',
      mailNickname: 'FinanceReaders',
      visibility: 'Private',
      owners: ['Ana'],
      members: ['Bob', 'Olga'],
    });
    assert.deepEqual(
      clickPayload(button(card, 'Preview rule'), { ...inputs, rule: 'user.city -eq "Oslo"' }).verb,
      'groupCreatePreview',
    );
    assert.deepEqual(clickPayload(button(card, 'Cancel'), inputs), { verb: 'cancel', pendingId: 'p6' });
  });

  it('shows the rule preview and a submission error', () => {
    const text = textOf(
      buildGroupCreateFormCard({
        rule: 'user.department -eq "Finance"',
        error: 'A group called Finance already exists.',
        rulePreview: { matchCount: 3, sample: [], warnings: ['w1'], asOf: NOW },
      }),
    );
    assert.match(text, /^A group called Finance already exists\.$/m);
    assert.match(text, /3 people would match\nas of Thu 26 Nov 2026, 14:30 UTC/);
    assert.match(text, /Warnings\nw1/);
  });

  it('derives nicknames Graph accepts', () => {
    assert.equal(deriveMailNickname('Finance Readers'), 'FinanceReaders');
    assert.equal(deriveMailNickname("O'Brien (Legal) @HQ"), 'OBrienLegalHQ');
    assert.equal(deriveMailNickname('x'.repeat(80)).length, 64);
  });
});
