import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/licenses', () => {
  it('reads what licences a group gives or comes with as its licences', () => {
    for (const [text, group] of [
      ['what licences does Licensed E5 Users give', 'Licensed E5 Users'],
      ['which licenses come with Finance Readers', 'Finance Readers'],
      ['what licenses do you get with Licensed E5 Users', 'Licensed E5 Users'],
      ['what licenses does Sales give its members', 'Sales'],
      ['which licences are included in the Design group', 'Design'],
      ['which licence do members of Licensed E5 Users get', 'Licensed E5 Users'],
      ['what license does Licensed E5 Users assign', 'Licensed E5 Users'],
    ] as const)
      assert.deepEqual(parseIntent(text), { intent: 'listLicenses', groups: [group] }, text);
  });

  it('still reads the tenant-wide question without a group', () => {
    assert.deepEqual(parseIntent('which licenses are available'), { intent: 'listLicenses' });
    assert.deepEqual(parseIntent('give Sales the E5 licence'), {
      intent: 'assignLicense',
      groups: ['Sales'],
      license: 'E5',
    });
  });
});
