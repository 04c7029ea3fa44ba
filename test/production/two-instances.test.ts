/**
 * Two instances, nothing lost (issue 25, point 9): two `groupbot serve` processes in PRODUCTION mode on ONE
 * PostgreSQL schema, behind the local cloud's Teams, which sends each request to the instance a step names (`via`:
 * 0 = instance A, 1 = instance B; a list gives the instance of each request one step causes, in order). Every
 * step that continues something started earlier goes to the other instance than the one that started it, so
 * whatever a process kept in its own memory would be missing there: a sign-in's state, a "which one?" prompt, a
 * confirm card's pending operation, an access request and its card copies.
 */
import { strict as assert } from 'node:assert';
import { Agent } from 'undici';
import type { BotSent, TeamsClient } from '../../local-cloud';
import { DEMO_GROUPS, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { startProductionStack, type ProductionStack } from './support/production-stack';
import { describeSent, isSignInCard, submitDataOf, textOf } from './support/sent-activity';
import { awaitSent, lastSeq, sentAfter, sentWithin } from './support/wait-sent';

const A = 0;
const B = 1;
/** The bot's answer to "who owns Marketing" (its owners are Olga Owner and Megan Bowen). */
const OWNERS_OF_MARKETING = /Olga Owner[\s\S]*Megan Bowen|Megan Bowen[\s\S]*Olga Owner/;

describe('production mode: two instances on one PostgreSQL (local cloud)', function () {
  this.timeout(90_000);
  let stack: ProductionStack;
  let teams: TeamsClient;

  before(async function () {
    this.timeout(180_000);
    stack = await startProductionStack({ instances: 2 });
    assert.equal(stack.bots.length, 2);
    teams = stack.cloud.teams;
    teams.setBotEndpoints(stack.bots.map((b) => b.endpoint));
  });

  after(async function () {
    this.timeout(60_000);
    await stack?.stop();
  });

  let mark: number[] = [];
  beforeEach(() => {
    mark = stack.logMark();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed' && stack) process.stderr.write(`${stack.tail(mark)}\n`);
  });

  it('a sign-in that starts on one instance completes on the other (SSO, and the magic code after a 412)', async () => {
    // SSO: the message reaches A, which answers with a sign-in card; the token exchange reaches B, which must
    // find the waiting message (stored, not in A's memory) and answer it without the user retyping.
    await teams.install('megan', { via: A });
    const meganChat = teams.personalConversation('megan');
    let since = lastSeq(teams);
    await teams.sendMessage('megan', meganChat.id, 'who owns Marketing', { via: [A, B] });
    await awaitSent(teams, meganChat.id, since, isSignInCard, 'a sign-in card from instance A');
    const sso = await teams.nextSignIn('megan', { timeoutMs: 20_000 });
    assert.deepEqual({ kind: sso.kind, status: sso.status }, { kind: 'sso', status: 200 }, 'B accepts the exchange');
    await awaitSent(
      teams,
      meganChat.id,
      since,
      (s) => !isSignInCard(s) && OWNERS_OF_MARKETING.test(textOf(s)),
      'the answer to "who owns Marketing" after the exchange on B',
    );

    // Magic code: no consent for SSO, so the exchange on A fails (412); the user completes the sign-in page and
    // Teams sends the magic code (signin/verifyState) to B.
    teams.setBehaviour('alex', { consented: false, sso: true, completesSignIn: true });
    await teams.install('alex', { via: B });
    const alexChat = teams.personalConversation('alex');
    since = lastSeq(teams);
    await teams.sendMessage('alex', alexChat.id, 'who owns Marketing', { via: [A, A, B] });
    const first = await teams.nextSignIn('alex', { timeoutMs: 20_000 });
    assert.deepEqual({ kind: first.kind, status: first.status }, { kind: 'sso', status: 412 }, 'A: no consent');
    const second = await teams.nextSignIn('alex', { timeoutMs: 20_000 });
    assert.deepEqual(
      { kind: second.kind, status: second.status },
      { kind: 'magic-code', status: 200 },
      'B accepts the magic code of a sign-in A started',
    );
    await awaitSent(
      teams,
      alexChat.id,
      since,
      (s) => !isSignInCard(s) && OWNERS_OF_MARKETING.test(textOf(s)),
      'the answer to "who owns Marketing" after the magic code on B',
    );
  });

  it('a "which one?" prompt and a confirm card, each answered through the other instance', async () => {
    const chat = teams.personalConversation('megan');
    const since = lastSeq(teams);
    await teams.sendMessage('megan', chat.id, 'remove Ana from Marketing', { via: A });
    const which = await awaitSent(teams, chat.id, since, (s) => /Which "Ana"/.test(textOf(s)), 'the "which Ana?" card');
    const choose = buttonData(which.activity, 'choose', /Ana Silva/);
    const chosen = await teams.executeAction(
      'megan',
      chat.id,
      which.activityId,
      { verb: 'choose', data: choose },
      {
        via: B,
      },
    );
    assert.equal(chosen.status, 200);
    assert.match(JSON.stringify(chosen.body), /Remove Ana Silva from 'Marketing'/, 'B continues the prompt A asked');
    const confirm = buttonData(teams.currentActivity(chat.id, which.activityId), 'confirm');
    const done = await teams.executeAction(
      'megan',
      chat.id,
      which.activityId,
      { verb: 'confirm', data: confirm },
      {
        via: A,
      },
    );
    assert.equal(done.status, 200);
    assert.match(JSON.stringify(done.body), /Removed 1 person from Marketing/, 'A runs the operation B prepared');
    assert.ok(
      !(await graphMembers(stack, DEMO_GROUPS.marketing.id)).includes(DEMO_USERS.ana.id),
      'Ana is no longer a member of Marketing',
    );
    // The same confirm clicked again (now on B) does not run it twice.
    const again = await teams.executeAction(
      'megan',
      chat.id,
      which.activityId,
      { verb: 'confirm', data: confirm },
      {
        via: B,
      },
    );
    assert.doesNotMatch(JSON.stringify(again.body), /Removed 1 person/, 'a second click does not remove again');
  });

  it('Ana asks on A; Olga approves on B; Megan, the second owner, clicks Approve on A: told, every copy updated, Ana told once', async () => {
    // Ana must not be a member (the previous scenario removed her; this makes the scenario stand alone).
    await removeMember(stack, DEMO_GROUPS.marketing.id, DEMO_USERS.ana.id);
    // The owners have chatted with groupbot once (their 1:1 conversation is known).
    for (const who of ['ana', 'olga', 'megan'] as const) {
      if (teams.signIns().some((e) => e.user === who && e.status === 200)) continue;
      await teams.install(who);
      const chat = teams.personalConversation(who);
      const before = lastSeq(teams);
      await teams.sendMessage(who, chat.id, 'my groups');
      assert.equal((await teams.nextSignIn(who, { timeoutMs: 20_000 })).status, 200, `${who} signs in`);
      await awaitSent(teams, chat.id, before, (s) => !isSignInCard(s), `the answer to ${who}'s "my groups"`);
    }
    await teams.idle();

    const anaChat = teams.personalConversation('ana');
    const olgaChat = teams.personalConversation('olga');
    const meganChat = teams.personalConversation('megan');
    const since = lastSeq(teams);
    await teams.sendMessage('ana', anaChat.id, 'I need access to Marketing', { via: A });
    const ask = await awaitSent(teams, anaChat.id, since, (s) => /Ask to join/i.test(textOf(s)), '"Ask to join"');
    const submitted = await teams.executeAction(
      'ana',
      anaChat.id,
      ask.activityId,
      { verb: 'requestSubmit', data: { ...submitDataOf(ask.activity), justification: 'Spring campaign' } },
      { via: A },
    );
    assert.equal(submitted.status, 200);
    assert.match(JSON.stringify(submitted.body), /Waiting for a decision/, "Ana's card says it waits for the owners");

    const isApprovalCard = (s: BotSent): boolean => s.kind !== 'update' && /Ana Silva asks to join/.test(textOf(s));
    const olgaCard = await awaitSent(teams, olgaChat.id, since, isApprovalCard, "Olga's approval card");
    const meganCard = await awaitSent(teams, meganChat.id, since, isApprovalCard, "Megan's approval card");
    const requestId = buttonData(olgaCard.activity, 'approvalApprove').requestId;
    assert.equal(typeof requestId, 'string');
    assert.equal(buttonData(meganCard.activity, 'approvalApprove').requestId, requestId, 'one request, two copies');

    const approved = await teams.executeAction(
      'olga',
      olgaChat.id,
      olgaCard.activityId,
      { verb: 'approvalApprove', data: { requestId } },
      { via: B },
    );
    assert.equal(approved.status, 200);
    assert.match(JSON.stringify(approved.body), /Approved by Olga Owner/, 'B approves with Olga as the decider');
    assert.ok((await graphMembers(stack, DEMO_GROUPS.marketing.id)).includes(DEMO_USERS.ana.id), 'Ana is a member');

    // Megan's copy may still show its buttons when she clicks (she clicks on A, which did not decide).
    const late = await teams.executeAction(
      'megan',
      meganChat.id,
      meganCard.activityId,
      { verb: 'approvalApprove', data: { requestId } },
      { via: A },
    );
    assert.equal(late.status, 200);
    const lateText = JSON.stringify(late.body);
    assert.match(lateText, /Approved by Olga Owner/, 'Megan is shown that Olga approved it already');
    assert.doesNotMatch(lateText, /Approved by Megan/, 'Megan did not decide it a second time');
    assert.doesNotMatch(lateText, /"verb":"approvalApprove"/, 'her copy has no Approve button any more');
    assert.match(
      lateText,
      /This request was already approved by Olga Owner at [^"]*\d{1,2}:\d{2}/,
      'Megan alone is told why her click did nothing',
    );

    // Every copy (Olga's, Megan's, Ana's own request card) ends up showing the decision, without buttons.
    for (const [chat, id, whose] of [
      [olgaChat.id, olgaCard.activityId, "Olga's copy"],
      [meganChat.id, meganCard.activityId, "Megan's copy"],
      [anaChat.id, ask.activityId, "Ana's request card"],
    ] as const) {
      await untilCard(teams, chat, id, /Approved by Olga Owner/, whose);
      assert.doesNotMatch(JSON.stringify(teams.currentActivity(chat, id)), /"verb":"approval(Approve|Deny)"/, whose);
    }
    // The sentence was Megan's answer only: no copy anyone else sees carries it, nor any update the bot sent.
    for (const [chat, id, whose] of [
      [olgaChat.id, olgaCard.activityId, "Olga's copy"],
      [anaChat.id, ask.activityId, "Ana's request card"],
    ] as const)
      assert.doesNotMatch(JSON.stringify(teams.currentActivity(chat, id)), /already approved/, whose);
    for (const chat of [olgaChat.id, meganChat.id, anaChat.id])
      for (const s of await sentWithin(teams, chat, since, 0))
        assert.doesNotMatch(JSON.stringify(s.activity), /already approved/, `sent to ${chat}: ${describeSent([s])}`);

    // Ana is told once, whichever instance told her (both handled the request).
    await awaitSent(teams, anaChat.id, since, (s) => /approved your request/i.test(textOf(s)), 'Ana is told');
    const toAna = await sentWithin(teams, anaChat.id, since, 3000);
    const told = toAna.filter((s) => s.kind !== 'update' && /approved your request/i.test(textOf(s)));
    assert.equal(told.length, 1, `Ana is told exactly once; the bot sent her:\n${describeSent(toAna)}`);
    // Nothing else asks Olga or Megan again.
    for (const chat of [olgaChat.id, meganChat.id]) {
      const fresh = sentAfter(teams, chat, since).filter(isApprovalCard);
      assert.equal(fresh.length, 1, `one approval card in each owner's chat:\n${describeSent(fresh)}`);
    }
  });

  it('Olga on B and Megan on A click Approve at the same moment: one decision, one add, Ana told once', async () => {
    await removeMember(stack, DEMO_GROUPS.marketing.id, DEMO_USERS.ana.id);
    await teams.idle();
    const anaChat = teams.personalConversation('ana');
    const olgaChat = teams.personalConversation('olga');
    const meganChat = teams.personalConversation('megan');
    const since = lastSeq(teams);
    await teams.sendMessage('ana', anaChat.id, 'I need access to Marketing', { via: B });
    const ask = await awaitSent(teams, anaChat.id, since, (s) => /Ask to join/i.test(textOf(s)), '"Ask to join"');
    const submitted = await teams.executeAction(
      'ana',
      anaChat.id,
      ask.activityId,
      { verb: 'requestSubmit', data: { ...submitDataOf(ask.activity), justification: 'Autumn campaign' } },
      { via: B },
    );
    assert.equal(submitted.status, 200);
    const isApprovalCard = (s: BotSent): boolean => s.kind !== 'update' && /Ana Silva asks to join/.test(textOf(s));
    const olgaCard = await awaitSent(teams, olgaChat.id, since, isApprovalCard, "Olga's approval card");
    const meganCard = await awaitSent(teams, meganChat.id, since, isApprovalCard, "Megan's approval card");
    const requestId = buttonData(olgaCard.activity, 'approvalApprove').requestId;
    const [olga, megan] = await Promise.all([
      teams.executeAction(
        'olga',
        olgaChat.id,
        olgaCard.activityId,
        {
          verb: 'approvalApprove',
          data: { requestId },
        },
        { via: B },
      ),
      teams.executeAction(
        'megan',
        meganChat.id,
        meganCard.activityId,
        {
          verb: 'approvalApprove',
          data: { requestId },
        },
        { via: A },
      ),
    ]);
    assert.deepEqual([olga.status, megan.status], [200, 200]);
    const deciders = [JSON.stringify(olga.body), JSON.stringify(megan.body)].flatMap(
      (t) => /Approved by (Olga Owner|Megan Bowen)/.exec(t)?.[1] ?? [],
    );
    assert.ok(deciders.length >= 1, 'at least the winning click is answered with the decision');
    assert.equal(new Set(deciders).size, 1, `one decider, whoever won: ${deciders.join(', ')}`);
    const winner = deciders[0] as string;
    for (const [chat, id, whose] of [
      [olgaChat.id, olgaCard.activityId, "Olga's copy"],
      [meganChat.id, meganCard.activityId, "Megan's copy"],
      [anaChat.id, ask.activityId, "Ana's request card"],
    ] as const) {
      await untilCard(teams, chat, id, new RegExp(`Approved by ${winner}`), whose);
    }
    assert.ok((await graphMembers(stack, DEMO_GROUPS.marketing.id)).includes(DEMO_USERS.ana.id), 'Ana is a member');
    await awaitSent(teams, anaChat.id, since, (s) => /approved your request/i.test(textOf(s)), 'Ana is told');
    const toAna = await sentWithin(teams, anaChat.id, since, 3000);
    const told = toAna.filter((s) => s.kind !== 'update' && /approved your request/i.test(textOf(s)));
    assert.equal(told.length, 1, `Ana is told exactly once; the bot sent her:\n${describeSent(toAna)}`);
  });
});

/** The data of the first Action.Execute with `verb` (and a title matching `title`) in an activity's card. */
function buttonData(activity: unknown, verb: string, title?: RegExp): Record<string, unknown> {
  const found: Array<{ title?: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { type?: string; verb?: string; title?: string; data?: Record<string, unknown> };
      if (n.type === 'Action.Execute' && n.verb === verb) found.push({ title: n.title, data: n.data ?? {} });
      Object.values(node).forEach(walk);
    }
  };
  walk(activity);
  const hit = found.find((b) => !title || title.test(b.title ?? ''));
  if (!hit) throw new Error(`no "${verb}" button${title ? ` titled ${String(title)}` : ''} on the card`);
  return hit.data;
}

/** Waits until the message's current card matches `pattern` (copies are updated after the click is answered). */
async function untilCard(
  teams: TeamsClient,
  conversationId: string,
  activityId: string,
  pattern: RegExp,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(JSON.stringify(teams.currentActivity(conversationId, activityId) ?? {}))) {
    if (Date.now() > deadline)
      throw new Error(
        `${what} does not show ${String(pattern)} after ${timeoutMs} ms:\n` +
          JSON.stringify(teams.currentActivity(conversationId, activityId)).slice(0, 600),
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Calls the Graph emulator as Megan (Global Administrator). */
async function graphCall(
  stack: ProductionStack,
  method: string,
  path: string,
): Promise<{ status: number; text: string }> {
  const token = await stack.emulator.issueToken(DEMO_USERS.megan.upn);
  const dispatcher = new Agent({ connect: { ca: stack.emulator.caPem } });
  try {
    const res = await fetch(`${stack.emulator.graphUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
      dispatcher,
    } as RequestInit);
    return { status: res.status, text: await res.text() };
  } finally {
    await dispatcher.close();
  }
}

/** The member ids of a group. */
async function graphMembers(stack: ProductionStack, groupId: string): Promise<string[]> {
  const res = await graphCall(stack, 'GET', `/groups/${groupId}/members?$select=id`);
  assert.equal(res.status, 200, 'Graph lists the members');
  return (JSON.parse(res.text) as { value: { id: string }[] }).value.map((m) => m.id);
}

/** Removes a member when present (404: was not a member). */
async function removeMember(stack: ProductionStack, groupId: string, userId: string): Promise<void> {
  const res = await graphCall(stack, 'DELETE', `/groups/${groupId}/members/${userId}/$ref`);
  assert.ok(res.status === 204 || res.status === 404, `Graph removes the member (${res.status})`);
}
