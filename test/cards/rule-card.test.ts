import assert from 'node:assert/strict';
import { buildRuleCard } from '../../cards/rule-card';
import { assertValidCard, button, clickPayload, rawTexts, textOf } from './card-helpers';
import { dynGroup } from './fixtures';

describe('cards/rule-card', () => {
  it('shows the rule in monospace, escaped, with a preview button', () => {
    const rule = '(user.department -eq "R&D") -and (user.mail -match "^a_.*")';
    const card = buildRuleCard({
      group: { id: dynGroup.id, displayName: dynGroup.displayName },
      rule,
      processingState: 'Paused',
    });
    assertValidCard(card);
    assert.ok(rawTexts(card).includes('(user.department -eq "R\\&D") -and (user.mail -match "^a\\_.\\*")'));
    assert.match(textOf(card), new RegExp(`^${rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    assert.match(textOf(card), /^Processing: Paused$/m);
    assert.deepEqual(clickPayload(button(card, 'Preview who matches')), { verb: 'rulePreview', groupId: dynGroup.id });
  });
});
