import assert from 'node:assert/strict';
import { buildDeleteConfirmationCard } from '../../cards/delete-confirmation-card';
import { assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { marketing, secGroup } from './fixtures';

describe('cards/delete-confirmation-card', () => {
  it('says what is lost for a Microsoft 365 group and that it is restorable for 30 days', () => {
    const card = buildDeleteConfirmationCard({ group: marketing, hasTeam: true });
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /42 members lose the access/);
    assert.match(text, /Owners: Olga Owner, Bob Stone\./);
    assert.match(text, /Mail to marketing@contoso\.com stops being delivered\./);
    assert.match(text, /Microsoft Teams team, SharePoint site/);
    assert.match(text, /restore it, with its members and owners, for 30 days/);
    assert.deepEqual(clickPayload(button(card, 'Delete')), { verb: 'groupDelete', groupId: marketing.id });
    assert.deepEqual(clickPayload(button(card, 'Cancel')), { verb: 'cancel' });
  });

  it('does not mention Teams or SharePoint for a security group, and says when it cannot be restored', () => {
    const text = textOf(buildDeleteConfirmationCard({ group: secGroup, restoreWindowDays: 0 }));
    assert.doesNotMatch(text, /SharePoint|Teams/);
    assert.match(text, /It cannot be restored afterwards\./);
  });
});
