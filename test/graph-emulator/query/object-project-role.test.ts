import { strict as assert } from 'node:assert';
import { projectObject } from '../../../graph-emulator/query';

describe('projectObject: directory roles in memberOf', () => {
  it('keeps roleTemplateId and displayName of a directoryRole item', () => {
    const role = {
      '@odata.type': '#microsoft.graph.directoryRole',
      id: 'a1b2c3d4-0000-0000-0000-000000000001',
      deletedDateTime: null,
      description: 'Can manage groups',
      displayName: 'Groups Administrator',
      roleTemplateId: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
    };
    const out = projectObject('directoryObject', role, undefined, { getById: false });
    assert.equal(out['@odata.type'], '#microsoft.graph.directoryRole');
    assert.equal(out.roleTemplateId, 'fdd7a751-b60b-444a-984c-02652fe8fa1c');
    assert.equal(out.displayName, 'Groups Administrator');
    assert.equal('userPrincipalName' in out, false);
  });
});
