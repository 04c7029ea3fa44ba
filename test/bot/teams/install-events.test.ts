import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { conversationEventKind } from '../../../bot/teams/install-events';
import { personalChatParameters, statusOf } from '../../../bot/teams/personal-chat';
import { teamOf } from '../../../bot/teams/request-messenger';

const personal = { id: 'a:1x', conversationType: 'personal', tenantId: 't' };
const channel = { id: '19:team@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 't' };
const bot = { id: '28:bot', name: 'groupbot' };
const act = (a: Record<string, unknown>) =>
  ({ recipient: bot, from: { id: '29:1u', aadObjectId: 'U' }, ...a }) as unknown as Activity;

describe('bot/teams/install-events', () => {
  it('a personal install delivers, a team install remembers, a removal forgets', () => {
    assert.equal(
      conversationEventKind(act({ type: 'installationUpdate', action: 'add', conversation: personal })),
      'personal-install',
    );
    assert.equal(
      conversationEventKind(act({ type: 'installationUpdate', action: 'add', conversation: channel })),
      'remember',
    );
    assert.equal(
      conversationEventKind(act({ type: 'installationUpdate', action: 'remove', conversation: personal })),
      'forget',
    );
    assert.equal(
      conversationEventKind(act({ type: 'installationUpdate', action: 'add-upgrade', conversation: personal })),
      'remember',
    );
  });

  it('conversationUpdate: members or the bot added are remembered, the bot removed is forgotten', () => {
    assert.equal(
      conversationEventKind(act({ type: 'conversationUpdate', membersAdded: [bot], conversation: channel })),
      'remember',
    );
    assert.equal(
      conversationEventKind(
        act({ type: 'conversationUpdate', membersAdded: [{ id: '29:1other' }], conversation: channel }),
      ),
      'remember',
    );
    assert.equal(
      conversationEventKind(act({ type: 'conversationUpdate', membersRemoved: [bot], conversation: personal })),
      'forget',
    );
    assert.equal(conversationEventKind(act({ type: 'message', conversation: personal })), 'ignore');
  });

  it("reads the team's Entra group id from channelData.team, as Teams sends it", () => {
    const team = { id: '19:team@thread.tacv2', name: 'Finance', aadGroupId: 'ABC-1' };
    assert.deepEqual(teamOf(act({ channelData: { team } })), { id: team.id, name: 'Finance', aadGroupId: 'abc-1' });
    assert.equal(teamOf(act({ channelData: { team: { id: team.id } } })), undefined, 'no aadGroupId, no key');
    assert.equal(teamOf(act({ channelData: { tenant: { id: 't' } } })), undefined);
  });

  it('createConversation for a 1:1 chat: isGroup false, the tenant, one member, the bot; 403 is read as a status', () => {
    const p = personalChatParameters({ serviceUrl: 'https://x/amer/', tenantId: 't1', bot }, 'oid-1');
    assert.equal(p.isGroup, false);
    assert.equal(p.tenantId, 't1');
    assert.deepEqual(
      p.members?.map((m) => m.id),
      ['oid-1'],
    );
    assert.deepEqual(p.channelData, { tenant: { id: 't1' } });
    assert.equal(p.bot?.id, '28:bot');
    assert.equal(statusOf(Object.assign(new Error('x'), { statusCode: 403 })), 403);
    assert.equal(statusOf(new Error('x')), undefined);
  });
});
