/**
 * Universal Actions refresh in production mode (bot/teams/sign-in.ts, turn-handlers.ts, chat-user-ids.ts), end
 * to end through the local cloud: Teams fires an automatic refresh (`trigger: "automatic"`) for the viewers of an
 * approval card in a group chat. The card lists the deciders and the requester by their Teams ids (MRIs, which
 * the bot looks up one by one with getMember, GET /v3/conversations/{id}/members/{aadObjectId}, and caches), so
 * the local Teams client refreshes it for them on its own. An owner who never signed in sees the card as it is
 * meant for them (Approve / Deny), with no sign-in prompt for merely looking at it; they sign in only when they
 * click. In chats of up to 60 people Teams also refreshes for viewers it does not list (review finding R5): such
 * a viewer, who may not decide, gets a read-only view ("Waiting for Olga Owner"), never buttons or a sign-in.
 *
 * Users are chosen so as not to disturb test/production/teams-sign-in.test.ts when both run on the shared stack:
 * Bob asks (signs in by SSO in his 1:1 chat), Olga and Alex only view (they stay signed out). Alex's refresh is
 * posted as the channel posts it (signed with the local cloud's channel key), as Teams sends it in small chats.
 */
import { strict as assert } from 'node:assert';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { sharedProductionStack, type ProductionStack } from '../../production/support/production-stack';
import { textOf } from '../../production/support/sent-activity';
import { ChannelPoster } from '../../production/support/channel-post';
import { lastSeq } from '../../production/support/wait-sent';
import { fileGroupChatRequest } from '../../production/support/group-chat-request';

describe('bot/teams: an automatic refresh never asks a viewer to sign in (production, local cloud)', function () {
  this.timeout(90_000);
  let stack: ProductionStack;

  before(async function () {
    this.timeout(180_000);
    stack = await sharedProductionStack();
  });

  it('lists the viewers by Teams id; an owner who never signed in gets Approve/Deny, and no sign-in', async () => {
    const { teams } = stack.cloud;
    const group = teams.groupChat();
    assert.ok(group.memberIds.includes(DEMO_USERS.bob.id) && group.memberIds.includes(DEMO_USERS.olga.id));
    // Bob signs in once in his 1:1 chat (SSO) and asks in the group chat; Olga only views.
    const { approval } = await fileGroupChatRequest(teams, 'bob', 'Budget review for the security team.');

    const requestId = /"verb":"requestRefresh","requestId":"([^"]+)"/.exec(JSON.stringify(approval.activity))?.[1];
    assert.ok(requestId, 'the approval card carries a Universal Actions refresh');
    const userIds = /"userIds":(\[[^\]]*\])/.exec(JSON.stringify(approval.activity))?.[1];
    assert.ok(userIds, 'the refresh lists its viewers');
    const listed = (JSON.parse(userIds) as string[]).sort();
    assert.ok(listed.includes(teams.user('olga').id), `Olga (the owner) is listed by her Teams id: ${userIds}`);
    assert.ok(listed.includes(teams.user('bob').id), `Bob (the requester) is listed by his Teams id: ${userIds}`);
    for (const id of listed) assert.match(id, /^29:/, 'only Teams ids (MRIs): Teams ignores Entra ids');

    const signInsBefore = teams.signIns().length;
    const sentBefore = lastSeq(teams);
    // The local Teams client refreshes the card for Olga on its own, as she is listed.
    const viewed = await teams.viewCard('olga', group.id, approval.activityId);
    assert.ok(viewed, 'Teams refreshes the card for a listed viewer');
    const body = viewed.body as { statusCode?: number; type?: string; value?: unknown };
    assert.equal(viewed.status, 200);
    assert.equal(body.statusCode, 200, `not a 401 loginRequest: ${JSON.stringify(body).slice(0, 300)}`);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    const card = JSON.stringify(body.value);
    assert.match(card, /approvalApprove/, `Olga's view has the Approve button: ${card.slice(0, 600)}`);
    assert.match(card, /approvalDeny/, "Olga's view has the Deny button");
    assert.deepEqual(
      teams
        .sent(group.id)
        .filter((s) => s.seq > sentBefore)
        .map((s) => textOf(s)),
      [],
      'nothing is posted in the chat for a refresh (no sign-in card)',
    );
    assert.deepEqual(
      teams.signIns().slice(signInsBefore),
      [],
      'looking at a card signs nobody in (no SSO exchange, no sign-in page)',
    );
  });

  it('a viewer who may not decide (Alex, signed out) gets a read-only "waiting for" view: no buttons, no sign-in', async () => {
    const { teams } = stack.cloud;
    const group = teams.groupChat();
    assert.ok(group.memberIds.includes(DEMO_USERS.alex.id), 'Alex is in the demo group chat');
    const approval = [...teams.sent(group.id)]
      .reverse()
      .find((s) => s.kind !== 'update' && /Bob.*asks to join/i.test(textOf(s)));
    assert.ok(approval, "Bob's approval card from the first test");
    const requestId = /"verb":"requestRefresh","requestId":"([^"]+)"/.exec(JSON.stringify(approval.activity))?.[1];
    assert.ok(requestId);
    assert.equal(await teams.viewCard('alex', group.id, approval.activityId), undefined, 'Alex is not listed');

    const signInsBefore = teams.signIns().length;
    const sentBefore = lastSeq(teams);
    // In a chat of up to 60 people Teams refreshes for every viewer, listed or not: as the channel sends it.
    const poster = new ChannelPoster(stack.cloud, stack.cloudDir);
    const refresh = poster.activity('alex', group, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: approval.activityId,
      value: {
        action: { type: 'Action.Execute', verb: 'requestRefresh', data: { verb: 'requestRefresh', requestId } },
        trigger: 'automatic',
      },
    });
    const viewed = await poster.post((stack.bots[0] as { endpoint: string }).endpoint, refresh);
    const body = viewed.body as { statusCode?: number; type?: string; value?: unknown };
    assert.equal(viewed.status, 200);
    assert.equal(body.statusCode, 200, `not a 401 loginRequest: ${JSON.stringify(body).slice(0, 300)}`);
    const card = JSON.stringify(body.value);
    assert.match(card, /Waiting for Olga Owner/, `Alex sees whom it waits for: ${card.slice(0, 600)}`);
    assert.doesNotMatch(card, /Action\.Execute/, 'no button at all');
    assert.doesNotMatch(card, /Budget review/, "and not Bob's justification");
    assert.deepEqual(
      teams
        .sent(group.id)
        .filter((s) => s.seq > sentBefore)
        .map((s) => textOf(s)),
      [],
      'nothing is posted in the chat for a refresh (no sign-in card)',
    );
    assert.deepEqual(teams.signIns().slice(signInsBefore), [], 'looking at a card signs nobody in');
  });
});
