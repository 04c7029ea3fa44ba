import { strict as assert } from 'node:assert';
import { AliasRouter, collapseDrivePath } from '../../../graph-emulator/routes/alias-router';

describe('graph-emulator alias router: OneDrive path addressing', () => {
  it('collapses drive/root:/a/b.csv:/content into one path parameter', () => {
    assert.deepEqual(collapseDrivePath(['me', 'drive', 'root:', 'groupbot exports', 'x.csv:', 'content']), {
      before: ['me', 'drive'],
      itemPath: 'groupbot exports/x.csv',
      after: ['content'],
    });
    assert.deepEqual(collapseDrivePath(['me', 'drive', 'root:', 'a', 'b.csv']), {
      before: ['me', 'drive'],
      itemPath: 'a/b.csv',
      after: [],
    });
    assert.equal(collapseDrivePath(['me', 'drive', 'root']), undefined);
    assert.equal(collapseDrivePath(['groups', 'root:', 'x']), undefined, 'only after drive/');
  });

  it('routes the collapsed path without normalising names that look like OData casts', () => {
    const r = new AliasRouter().add('PUT', '/me/drive/root:/{path}/content', () => ({ status: 204 }));
    const m = r.match('PUT', ['me', 'drive', 'root:', 'graph.user.csv:', 'content']);
    assert.equal(m.params.path, 'graph.user.csv');
    assert.equal(m.pattern, 'PUT /me/drive/root:/{path}/content');
  });
});
