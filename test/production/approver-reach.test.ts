/**
 * Issue 25, point 1, end to end on the local cloud in production mode: every approver is reached, or the requester
 * knows who was not and why. (a) an owner who has the app installed but never chatted with groupbot gets the card in
 * a 1:1 chat groupbot opens (createConversation); (b) an owner without the app: the requester's confirmation says so
 * and the card goes to the fallback (the Groups Administrator's 1:1 chat); (c) that owner installs the app later and
 * gets the card then; (d) a group whose team has groupbot installed gets the card in the team's channel, mentioning
 * the owner. Each scenario uses its own requester, group and owner, so they stay apart on the shared stack.
 */
import { strict as assert } from 'node:assert';
import { DEMO_GROUPS, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import type { BotSent, TeamsClient } from '../../local-cloud';
import { sharedProductionStack, type ProductionStack } from './support/production-stack';
import { submitDataOf, textOf } from './support/sent-activity';
import { awaitSent, lastSeq } from './support/wait-sent';

type UserKey = keyof typeof DEMO_USERS;

/** `who` installs groupbot and signs in (SSO) in their 1:1 chat. */
async function signIn(teams: TeamsClient, who: UserKey): Promise<void> {
  await teams.install(who);
  await teams.sendMessage(who, teams.personalConversation(who).id, 'my groups');
  assert.equal((await teams.nextSignIn(who, { timeoutMs: 15_000 })).status, 200, `${who} signs in with SSO`);
}

/**
 * `who` asks for `group` in their 1:1 chat and submits their "Ask to join" card. Resolves to the seq before the
 * request (to look for what followed).
 */
async function askInPersonalChat(teams: TeamsClient, who: UserKey, group: string): Promise<number> {
  const chat = teams.personalConversation(who).id;
  const since = lastSeq(teams);
  await teams.sendMessage(who, chat, `I need access to ${group}`);
  const ask = await awaitSent(teams, chat, since, (s) => /Ask to join/i.test(textOf(s)), `the "Ask to join" card`);
  const submitted = await teams.executeAction(who, chat, ask.activityId, {
    verb: 'requestSubmit',
    data: { ...submitDataOf(ask.activity), justification: 'For the quarterly review' },
  });
  assert.equal(submitted.status, 200, 'the request is filed');
  return since;
}

const asksToJoin = (requester: UserKey, group: string) => (s: BotSent) =>
  s.kind !== 'update' &&
  new RegExp(`${DEMO_USERS[requester].displayName}.*asks to join '${group}'`).test(textOf(s).replace(/\s+/g, ' '));

describe('production mode: every approver is reached (local cloud)', function () {
  this.timeout(90_000);
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

  it('a. an owner with the app installed who never chatted gets the card in a 1:1 chat groupbot opens', async () => {
    const { teams } = stack.cloud;
    // Pre-installed (a setup policy) while groupbot heard nothing of it: no event, so no stored conversation.
    await teams.install('enrico', { notify: false });
    await signIn(teams, 'diego');
    const since = await askInPersonalChat(teams, 'diego', DEMO_GROUPS.legal.displayName);
    const ownerChat = teams.personalConversation('enrico').id;
    const card = await awaitSent(
      teams,
      ownerChat,
      since,
      asksToJoin('diego', 'Legal'),
      "the card in Enrico's 1:1 chat",
    );
    assert.notEqual(card.kind, 'update', 'a new message');
    assert.ok(
      (card.activity?.attachments as unknown[] | undefined)?.length,
      'the approval card itself, not only a line of text',
    );
    // The card works there: Enrico approves from the chat groupbot opened.
    const approved = await teams.executeAction('enrico', ownerChat, card.activityId, {
      verb: 'approvalApprove',
      data: findVerbData(card, 'approvalApprove'),
    });
    assert.equal(approved.status, 200);
    await awaitSent(
      teams,
      teams.personalConversation('diego').id,
      card.seq,
      (s) => /approved/i.test(textOf(s)) && /Legal/.test(textOf(s)),
      'Diego told that Enrico approved',
      30_000,
    );
  });

  it('b. an owner without the app: the confirmation says so, and the card goes to the Groups Administrator', async () => {
    const { teams } = stack.cloud;
    assert.equal(teams.isInstalled('lidia'), false, 'Lidia (owner of Design Team) has not installed groupbot');
    if (!teams.isInstalled('grace')) await teams.install('grace', { notify: false });
    await signIn(teams, 'joni');
    const since = await askInPersonalChat(teams, 'joni', DEMO_GROUPS.designTeam.displayName);
    const note = await awaitSent(
      teams,
      teams.personalConversation('joni').id,
      since,
      (s) => /has not installed groupbot/.test(textOf(s)),
      "the requester's note on who was not reached",
    );
    const text = textOf(note).replace(/\s+/g, ' ');
    assert.match(text, /Lidia Holloway has not installed groupbot/);
    assert.match(text, /Sent to Grace Taylor \(Groups Administrator, 1:1 chat\)/);
    assert.match(text, /ask your Teams admin to pre-install groupbot/i);
    assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-|29:1|a:1/, 'no ids in the sentence');
    await awaitSent(
      teams,
      teams.personalConversation('grace').id,
      since,
      asksToJoin('joni', 'Design Team'),
      "the card in Grace's 1:1 chat (the fallback)",
    );
  });

  it('c. when that owner installs the app later, the pending card is delivered to them then', async () => {
    const { teams } = stack.cloud;
    const since = lastSeq(teams);
    await teams.install('lidia');
    const card = await awaitSent(
      teams,
      teams.personalConversation('lidia').id,
      since,
      asksToJoin('joni', 'Design Team'),
      "the pending card in Lidia's new 1:1 chat",
    );
    assert.ok((card.activity?.attachments as unknown[] | undefined)?.length, 'the approval card');
    await awaitSent(
      teams,
      teams.personalConversation('joni').id,
      since,
      (s) => /Lidia Holloway has installed groupbot/.test(textOf(s)),
      'Joni told that Lidia now has the request',
    );
    // A second install event (an upgrade, a reinstall) does not post a second copy.
    const again = lastSeq(teams);
    await teams.install('lidia');
    await teams.idle();
    const copies = teams
      .sent(teams.personalConversation('lidia').id)
      .filter((s) => s.seq > again && asksToJoin('joni', 'Design Team')(s));
    assert.deepEqual(copies, [], 'no duplicate card');
  });

  it("d. a group whose team has groupbot installed gets the card in the team's channel, mentioning the owner", async () => {
    const { teams } = stack.cloud;
    const group = DEMO_GROUPS.executiveLeadership;
    assert.equal(teams.isInstalled('patti'), false, 'Patti (owner of Executive Leadership) has no app');
    teams.linkTeamToGroup(group.id);
    const general = teams.teamChannels().find((c) => c.name === 'General');
    assert.ok(general);
    await teams.addBotTo(general.id, 'megan');
    await signIn(teams, 'henrietta');
    const since = await askInPersonalChat(teams, 'henrietta', group.displayName);
    const card = await awaitSent(
      teams,
      general.id,
      since,
      asksToJoin('henrietta', group.displayName),
      'the card in the team channel',
    );
    const entities = JSON.stringify(card.activity?.attachments ?? []);
    assert.match(entities, /"mention"/, 'Patti is @mentioned on the card');
    assert.match(entities, /Patti Fernandez/);
    const note = await awaitSent(
      teams,
      teams.personalConversation('henrietta').id,
      since,
      (s) => /team channel/.test(textOf(s)),
      "the requester's note naming the team channel",
    );
    assert.match(textOf(note).replace(/\s+/g, ' '), /Sent to Patti Fernandez \(Contoso Operations team channel\)/);
  });
});

/** The `data` of the card button with `verb` (Action.Execute). */
function findVerbData(sent: BotSent, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { verb?: unknown; data?: Record<string, unknown> };
      if (n.verb === verb && n.data) found = n.data;
      else Object.values(node).forEach(walk);
    }
  };
  walk(sent.activity);
  if (!found) throw new Error(`no ${verb} button on the card`);
  return found;
}
