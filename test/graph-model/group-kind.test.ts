import { strict as assert } from 'node:assert';
import {
  groupKind,
  isDynamic,
  isReadOnlyGroup,
  isReadOnlyKind,
  kindLabel,
  kindTitle,
} from '../../graph-model/group-kind';

const m365 = { groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false };
const dynamicSecurity = { groupTypes: ['DynamicMembership'], mailEnabled: false, securityEnabled: true };
const mailSecurity = { groupTypes: [], mailEnabled: true, securityEnabled: true };
const distribution = { groupTypes: [], mailEnabled: true, securityEnabled: false };

describe('graph-model/group-kind (shared by the bot, the cards and the emulator)', () => {
  it('decides the kind from groupTypes, mailEnabled and securityEnabled', () => {
    assert.deepEqual([m365, dynamicSecurity, mailSecurity, distribution].map(groupKind), [
      'microsoft365',
      'security',
      'mailEnabledSecurity',
      'distribution',
    ]);
    assert.equal(isDynamic(dynamicSecurity), true);
    assert.equal(isDynamic(m365), false);
  });

  it('marks mail-enabled security groups and distribution lists read-only, by kind or by group', () => {
    assert.deepEqual([m365, dynamicSecurity, mailSecurity, distribution].map(isReadOnlyGroup), [
      false,
      false,
      true,
      true,
    ]);
    assert.equal(isReadOnlyKind('distribution'), true);
    assert.equal(isReadOnlyKind('security'), false);
  });

  it('names a kind inside a sentence and at the start of a title, the same words either way', () => {
    assert.equal(kindLabel(dynamicSecurity), 'dynamic security group');
    assert.equal(kindLabel('microsoft365', true), 'dynamic Microsoft 365 group');
    assert.equal(kindLabel(distribution), 'distribution list');
    assert.equal(kindTitle(mailSecurity), 'Mail-enabled security group');
    assert.equal(kindTitle('microsoft365', true), 'Dynamic Microsoft 365 group');
  });
});
