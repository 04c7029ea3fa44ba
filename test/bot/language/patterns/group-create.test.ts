import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/group-create', () => {
  it('reads "sec" as a security group and owners listed after a comma', () => {
    assert.deepEqual(parseIntent('new sec group Audit Readers, owners Olga and Pradeep'), {
      intent: 'createGroup',
      name: 'Audit Readers',
      groupType: 'security',
      owners: ['Olga', 'Pradeep'],
    });
    assert.deepEqual(parseIntent('create a sec group called Warehouse Scanners owned by Lee'), {
      intent: 'createGroup',
      name: 'Warehouse Scanners',
      groupType: 'security',
      owners: ['Lee'],
    });
  });

  it('keeps "sec" as a word inside a name', () => {
    assert.deepEqual(parseIntent('create a group called Sec Ops'), { intent: 'createGroup', name: 'Sec Ops' });
  });
});
