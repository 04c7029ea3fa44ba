import { strict as assert } from 'node:assert';
import { conversationKind } from '../../../bot/teams/conversation-kind';

describe('bot/teams/conversation-kind', () => {
  it('reads Teams conversationType, then isGroup, and takes anything else for a 1:1 chat', () => {
    assert.equal(conversationKind({ conversationType: 'channel' }), 'channel');
    assert.equal(conversationKind({ conversationType: 'groupChat' }), 'groupChat');
    assert.equal(conversationKind({ conversationType: 'personal', isGroup: true }), 'personal');
    assert.equal(conversationKind({ isGroup: true }), 'groupChat');
    assert.equal(conversationKind({ isGroup: false }), 'personal');
    assert.equal(conversationKind({}), 'personal');
    assert.equal(conversationKind(undefined), 'personal');
  });
});
