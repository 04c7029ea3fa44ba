/**
 * Universal Actions refresh in production mode (bot/teams/sign-in.ts, turn-handlers.ts), end to end through the
 * local cloud: Teams fires an automatic refresh (`trigger: "automatic"`) for every listed viewer of an approval
 * card in a group chat. An owner who never signed in must see the card as it is meant for them (Approve / Deny),
 * with no sign-in prompt for merely looking at it; they sign in only when they click.
 *
 * Users are chosen so as not to disturb test/production/teams-sign-in.test.ts when both run on the shared stack:
 * Bob asks (signs in by SSO in his 1:1 chat), Olga only views (she stays signed out). The refresh is posted as the
 * channel posts it (signed with the local cloud's channel key): the local Teams client refreshes only for users
 * the card's `refresh.userIds` lists by their Teams id, and the bot lists Entra ids today (review finding R10,
 * bot/teams/request-coordinator.ts), so the client would not send it on its own.
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

  it("an owner who never signed in gets the approval card's Approve/Deny view, and no sign-in", async () => {
    const { teams } = stack.cloud;
    const group = teams.groupChat();
    assert.ok(group.memberIds.includes(DEMO_USERS.bob.id) && group.memberIds.includes(DEMO_USERS.olga.id));
    // Bob signs in once in his 1:1 chat (SSO) and asks in the group chat; Olga only views.
    const { approval } = await fileGroupChatRequest(teams, 'bob', 'Budget review for the security team.');

    const requestId = /"verb":"requestRefresh","requestId":"([^"]+)"/.exec(JSON.stringify(approval.activity))?.[1];
    assert.ok(requestId, 'the approval card carries a Universal Actions refresh');

    const signInsBefore = teams.signIns().length;
    const sentBefore = lastSeq(teams);
    const poster = new ChannelPoster(stack.cloud, stack.cloudDir);
    const refresh = poster.activity('olga', group, {
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
});
