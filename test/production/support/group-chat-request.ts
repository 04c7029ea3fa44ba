/**
 * One access request filed as Teams users would file it, for the production-mode tests: the requester installs
 * groupbot and signs in once in their 1:1 chat (SSO), groupbot is added to the demo group chat, the requester asks
 * there for Finance Readers, submits their own "Ask to join" card, and the owners' approval card is posted.
 */
import { strict as assert } from 'node:assert';
import type { BotSent, TeamsClient } from '../../../local-cloud';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { submitDataOf, textOf } from './sent-activity';
import { awaitSent, lastSeq } from './wait-sent';

/**
 * Files `who`'s request with `justification` in the group chat; resolves to the group chat and the approval
 * card. Throws (assertion or wait errors) when a step does not happen as Teams would see it.
 */
export async function fileGroupChatRequest(
  teams: TeamsClient,
  who: keyof typeof DEMO_USERS,
  justification: string,
): Promise<{ group: ReturnType<TeamsClient['groupChat']>; approval: BotSent }> {
  const group = teams.groupChat();
  assert.ok(group.memberIds.includes(DEMO_USERS[who].id), `${who} is in the demo group chat`);
  await teams.install(who);
  await teams.sendMessage(who, teams.personalConversation(who).id, 'my groups');
  assert.equal((await teams.nextSignIn(who, { timeoutMs: 15_000 })).status, 200, `${who} signs in with SSO`);
  await teams.addBotTo(group.id, 'megan');
  const since = lastSeq(teams);
  await teams.sendMessage(who, group.id, 'I need access to Finance Readers');
  const ask = await awaitSent(teams, group.id, since, (s) => /Ask to join/i.test(textOf(s)), 'the "Ask to join" card');
  const submitted = await teams.executeAction(who, group.id, ask.activityId, {
    verb: 'requestSubmit',
    // The requester's own card: its Submit names their pending operation as the card's owner.
    data: { ...submitDataOf(ask.activity), justification },
  });
  assert.equal(submitted.status, 200, 'the request is filed');
  const firstName = DEMO_USERS[who].displayName.split(' ')[0] as string;
  const approval = await awaitSent(
    teams,
    group.id,
    ask.seq,
    (s) => s.kind !== 'update' && new RegExp(`${firstName}.*asks to join`, 'i').test(textOf(s)),
    `the approval card for ${firstName}'s request`,
  );
  return { group, approval };
}
