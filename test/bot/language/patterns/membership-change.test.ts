import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/membership-change: a pasted list that arrived on one line', () => {
  it('keeps a list with line breaks or commas as it was (no flag)', () => {
    for (const text of ['add these to Marketing:\nLee Gu\nBob Kelly', 'add these to Marketing: Lee Gu, Bob Kelly']) {
      const intent = parseIntent(text);
      assert.deepEqual(intent.users, ['Lee Gu', 'Bob Kelly'], text);
      assert.equal(intent.listOnOneLine, undefined, text);
    }
  });

  it('splits addresses and object ids joined by spaces, which cannot be read any other way', () => {
    const id = '0b4f6c1e-93a2-4d57-8e0f-2c9d7a61b5e4';
    const intent = parseIntent(`add these to Marketing: lee@contoso.com bob@contoso.com ${id}`);
    assert.deepEqual(intent.users, ['lee@contoso.com', 'bob@contoso.com', id]);
    assert.equal(intent.listOnOneLine, undefined);
  });

  it('flags four words or more of names run together, keeping the line as one entry', () => {
    const add = parseIntent('add these to Marketing: Lee Gu Bob Kelly Nobody Here');
    assert.deepEqual(add, {
      intent: 'addMembers',
      users: ['Lee Gu Bob Kelly Nobody Here'],
      groups: ['Marketing'],
      listOnOneLine: true,
    });
    const remove = parseIntent('remove the following from Sales: Ana Silva Bob Kelly');
    assert.equal(remove.intent, 'removeMembers');
    assert.equal(remove.listOnOneLine, true);
  });

  it('leaves one name of up to three words alone', () => {
    const intent = parseIntent('add these to Marketing: Mary Ann Smith');
    assert.deepEqual(intent.users, ['Mary Ann Smith']);
    assert.equal(intent.listOnOneLine, undefined);
  });
});
