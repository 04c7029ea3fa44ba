/**
 * Production mode end to end, the way Teams drives it: `groupbot serve` as a child process in PRODUCTION mode
 * (BOT_ID, BOT_PASSWORD, BOT_TENANT_ID, OAUTH_CONNECTION_NAME, DATABASE_URL on a private PostgreSQL, the Graph
 * emulator as Graph, the local cloud's Entra, channel keys, token service and Bot Connector), talking to the local
 * cloud's Teams client. Sign-in scenarios (issue 21, point 3, a-d and i): SSO on a first message, the 412 fallback
 * to the magic code, a missing consent, SSO on an owner's first card click, and sign-in steered out of a channel.
 * Expected behaviour: Microsoft's docs as summarized in /work/shared/real-tenant-review.md (R1-R5).
 */
import { strict as assert } from 'node:assert';
import { DEMO_GROUPS, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { sharedProductionStack, type ProductionStack } from './support/production-stack';
import { describeSent, isSignInCard, textOf } from './support/sent-activity';
import { awaitSent, lastSeq, sentAfter, sentWithin } from './support/wait-sent';
import { fileGroupChatRequest } from './support/group-chat-request';

/** The bot's answer to "add Ana to Marketing" for a user with rights: two people match "Ana". */
const ADD_ANA_REPLY = /Which "Ana"|Ana Silva/;

describe('production mode: sign-in as Teams does it (local cloud)', function () {
  this.timeout(60_000);
  let stack: ProductionStack;

  before(async function () {
    this.timeout(180_000);
    stack = await sharedProductionStack();
  });

  let mark: number[] = [];
  beforeEach(() => {
    mark = stack.logMark();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed' && stack) process.stderr.write(`${stack.tail(mark)}\n`);
  });

  it('a. SSO: a user who never signed in types "add Ana to Marketing"; after signin/tokenExchange the request runs without retyping', async () => {
    const { teams } = stack.cloud;
    await teams.install('megan');
    const chat = teams.personalConversation('megan');
    const since = lastSeq(teams);
    const sent = await teams.sendMessage('megan', chat.id, 'add Ana to Marketing');
    assert.equal(sent.status, 200, 'the bot accepts the message');
    const card = await awaitSent(teams, chat.id, since, isSignInCard, 'a sign-in card (OAuthCard)');
    const signIn = await teams.nextSignIn('megan', { timeoutMs: 15_000 });
    assert.deepEqual(
      { kind: signIn.kind, status: signIn.status },
      { kind: 'sso', status: 200 },
      'Teams exchanges the SSO token and the bot accepts it',
    );
    const reply = await awaitSent(
      teams,
      chat.id,
      card.seq,
      (s) => !isSignInCard(s) && ADD_ANA_REPLY.test(textOf(s)),
      'the answer to "add Ana to Marketing" after SSO, without retyping',
    );
    assert.match(textOf(reply), ADD_ANA_REPLY);
  });

  it('b. 412 fallback: a failed exchange gets 412, then the sign-in link and magic code (signin/verifyState), then the request runs', async () => {
    const { teams } = stack.cloud;
    // No consent for SSO (the exchange fails), but the user completes the sign-in page and its consent.
    teams.setBehaviour('alex', { consented: false, sso: true, completesSignIn: true });
    await teams.install('alex');
    const chat = teams.personalConversation('alex');
    const since = lastSeq(teams);
    await teams.sendMessage('alex', chat.id, 'add Ana to Marketing');
    const card = await awaitSent(teams, chat.id, since, isSignInCard, 'a sign-in card (OAuthCard)');
    const first = await teams.nextSignIn('alex', { timeoutMs: 15_000 });
    assert.deepEqual({ kind: first.kind, status: first.status }, { kind: 'sso', status: 412 }, 'the exchange fails');
    const second = await teams.nextSignIn('alex', { timeoutMs: 15_000 });
    assert.deepEqual(
      { kind: second.kind, status: second.status },
      { kind: 'magic-code', status: 200 },
      'the sign-in page and the magic code complete the sign-in',
    );
    const reply = await awaitSent(
      teams,
      chat.id,
      card.seq,
      (s) => !isSignInCard(s) && ADD_ANA_REPLY.test(textOf(s)),
      'the answer to "add Ana to Marketing" after the magic code, without retyping',
    );
    assert.match(textOf(reply), ADD_ANA_REPLY);
  });

  it('c. missing consent: the user is told clearly, and the next message is answered (not swallowed)', async () => {
    const { teams } = stack.cloud;
    // Admin consent missing: the exchange fails and the sign-in page cannot be completed ("Need admin approval").
    teams.setBehaviour('isaiah', { consented: false, sso: true, completesSignIn: false });
    await teams.install('isaiah');
    const chat = teams.personalConversation('isaiah');
    const since = lastSeq(teams);
    await teams.sendMessage('isaiah', chat.id, 'who owns Marketing');
    await awaitSent(teams, chat.id, since, isSignInCard, 'a sign-in card (OAuthCard)');
    const attempt = await teams.nextSignIn('isaiah', { timeoutMs: 15_000 });
    assert.equal(attempt.status, 412, 'the SSO exchange fails without consent');
    const beforeNext = lastSeq(teams);
    await teams.sendMessage('isaiah', chat.id, 'who owns Marketing');
    await awaitSent(teams, chat.id, beforeNext, () => true, 'any answer to the next message (it was swallowed)');
    // Anywhere in what the bot sent since the first message (a message, or the text of a later sign-in card).
    const told = sentAfter(teams, chat.id, since).find((s) => /consent|administrator|admin approval/i.test(textOf(s)));
    assert.ok(
      told,
      `the user is told that an administrator must consent; the bot sent:\n${describeSent(sentAfter(teams, chat.id, since))}`,
    );
  });

  it("d. an owner's first Approve click: 401 loginRequest with tokenExchangeResource, SSO, then the decision", async () => {
    const { teams } = stack.cloud;
    const group = teams.groupChat();
    for (const key of ['ana', 'olga'] as const) {
      const id = DEMO_USERS[key].id;
      assert.ok(group.memberIds.includes(id), `${key} is in the demo group chat`);
    }
    // Ana (no rights on Finance Readers) signs in once in her 1:1 chat (SSO), then asks in the group chat.
    const { approval } = await fileGroupChatRequest(teams, 'ana', 'I prepare the quarterly finance review.');
    const requestId = requestIdOf(approval.activity);
    assert.ok(requestId, 'the approval card has an Approve button with a request id');
    const signInsBefore = teams.signIns().length;
    const decided = await teams.executeAction('olga', group.id, approval.activityId, {
      verb: 'approvalApprove',
      data: { requestId },
    });
    const olgaSignIns = teams
      .signIns()
      .slice(signInsBefore)
      .filter((e) => e.user === 'olga' || e.user === DEMO_USERS.olga.upn);
    assert.deepEqual(
      olgaSignIns.map((e) => e.kind),
      ['action-sso'],
      "Olga's first click signs her in with SSO (a loginRequest carrying tokenExchangeResource), not a sign-in popup",
    );
    assert.equal(decided.status, 200);
    assert.match(JSON.stringify(decided.body), /Approved by Olga Owner/, 'the decision is made with her token');
    const members = await graphMembers(stack, DEMO_GROUPS.financeReaders.id);
    assert.ok(members.includes(DEMO_USERS.ana.id), 'Ana is now a member of Finance Readers');
  });

  it('i. in a channel, sign-in is steered to the 1:1 chat: no sign-in card is posted into the channel', async () => {
    const { teams } = stack.cloud;
    const [general] = teams.teamChannels();
    assert.ok(general, 'the demo team has a General channel');
    await teams.addBotTo(general.id, 'megan');
    await teams.install('grace');
    const since = lastSeq(teams);
    await teams.sendMessage('grace', general.id, 'who owns Marketing');
    const answer = await awaitSent(teams, general.id, since, () => true, "the bot's answer in the channel");
    const inChannel = await sentWithin(teams, general.id, since, 3000);
    assert.deepEqual(
      inChannel.filter(isSignInCard).map((s) => s.seq),
      [],
      `no sign-in card in the channel; the bot sent there:\n${describeSent(inChannel)}`,
    );
    assert.match(
      textOf(answer),
      /1:1|personal chat|private chat|chat with me|direct/i,
      'the answer points to the 1:1 chat',
    );
  });
});

/** The request id of the Approve button on an approval card activity. */
function requestIdOf(activity: Record<string, unknown> | undefined): string | undefined {
  const json = JSON.stringify(activity ?? {});
  const m =
    /"verb":"approvalApprove"[^}]*?"requestId":"([^"]+)"|"requestId":"([^"]+)"[^}]*?"verb":"approvalApprove"/.exec(
      json,
    );
  return m?.[1] ?? m?.[2];
}

/** The member ids of a group, read from the Graph emulator as Megan (Global Administrator). */
async function graphMembers(stack: ProductionStack, groupId: string): Promise<string[]> {
  const token = await stack.emulator.issueToken(DEMO_USERS.megan.upn);
  const { Agent } = await import('undici');
  const dispatcher = new Agent({ connect: { ca: stack.emulator.caPem } });
  try {
    const res = await fetch(`${stack.emulator.graphUrl}/groups/${groupId}/members?$select=id`, {
      headers: { authorization: `Bearer ${token}` },
      dispatcher,
    } as RequestInit);
    assert.equal(res.status, 200, 'Graph lists the members');
    const body = (await res.json()) as { value: { id: string }[] };
    return body.value.map((m) => m.id);
  } finally {
    await dispatcher.close();
  }
}
