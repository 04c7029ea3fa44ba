import { strict as assert } from 'node:assert';
import { previewDelete } from '../../../bot/commands/delete-preview';
import type { DeleteFacts } from '../../../bot/directory/delete-lookahead';
import { creatorOwnershipSentence } from '../../../bot/directory/creator-owner';

const NOW = new Date('2026-12-05T09:00:00Z');
const base: DeleteFacts = {
  onPremisesSyncEnabled: null,
  hasTeam: false,
  memberCount: 3,
  transitiveUserCount: 3,
  ownerNames: ['Olga', 'Megan'],
  licenseNames: [],
};

describe('bot/commands/delete-preview', () => {
  it('a cloud Microsoft 365 group with a team: team, site and mailbox go; restorable for 30 days, with the date in UTC', () => {
    const p = previewDelete({
      name: 'Marketing',
      kind: 'microsoft365',
      dynamic: false,
      facts: { ...base, hasTeam: true },
      now: NOW,
    });
    assert.deepEqual(p.goes, [
      'its 3 members and 2 owners',
      'its team in Microsoft Teams, its SharePoint site and files, its mailbox, calendar and Planner plans',
    ]);
    assert.equal(p.restorableUntil, '2027-01-04T09:00:00.000Z');
    assert.match(p.restore, /until Mon 4 Jan 2027, 09:00 UTC \(30 days\)/);
    assert.match(p.warnings[0] ?? '', /While it is deleted, 3 people lose its conversations, files and calendar/);
  });

  it('a cloud security group with a licence: 30 days too, and members lose the licence', () => {
    const p = previewDelete({
      name: 'Licensed',
      kind: 'security',
      dynamic: false,
      facts: { ...base, licenseNames: ['Office 365 E5'] },
      now: NOW,
    });
    assert.ok(p.restorableUntil);
    assert.match(p.warnings[0] ?? '', /the licences it assigns \(Office 365 E5\) unless they get them another way/);
  });

  it('synced from on-premises: permanent, no restore date', () => {
    const p = previewDelete({
      name: 'HR',
      kind: 'security',
      dynamic: false,
      facts: { ...base, onPremisesSyncEnabled: true },
      now: NOW,
    });
    assert.equal(p.restorableUntil, undefined);
    assert.match(p.warnings.join(' '), /deleted permanently/);
  });

  it('nested members are counted as people reached', () => {
    const p = previewDelete({
      name: 'Eng',
      kind: 'security',
      dynamic: true,
      facts: { ...base, memberCount: 2, transitiveUserCount: 5, ownerNames: ['Lee'] },
      now: NOW,
    });
    assert.deepEqual(p.goes, [
      'its 2 members (5 people counting nested groups) and its owner (Lee)',
      'its dynamic membership rule',
    ]);
  });
});

describe('bot/directory/creator-owner', () => {
  it('follows Graph: non-admins own what they create; admins only Microsoft 365 groups', () => {
    assert.match(
      creatorOwnershipSentence({ admin: false, kind: 'security', othersNamed: true }),
      /You will be an owner/,
    );
    assert.match(
      creatorOwnershipSentence({ admin: true, kind: 'microsoft365', othersNamed: false }),
      /You will be an owner/,
    );
    assert.match(
      creatorOwnershipSentence({ admin: true, kind: 'security', othersNamed: false }),
      /it will have no owner/,
    );
    assert.match(
      creatorOwnershipSentence({ admin: null, kind: 'security', othersNamed: false }),
      /If you are not an administrator/,
    );
  });
});
