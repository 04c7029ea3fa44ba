/**
 * Exports on the production stack (two `groupbot serve` instances, the local cloud's Teams, the Graph emulator),
 * issue 25 point 2: "export the members of Finance Readers" works in Bob's 1:1 chat, in a group chat and in a
 * team channel alike. Each time the bot answers with a card whose link opens the CSV in Bob's OneDrive (fetched
 * over the emulator's HTTPS with her token), and the link does not open for another member of that conversation.
 * No Teams file consent is involved (the manifest says supportsFiles: false).
 */
import { strict as assert } from 'node:assert';
import { Agent, fetch } from 'undici';
import { sharedProductionStack, type ProductionStack } from './support/production-stack';
import { textOf } from './support/sent-activity';
import { awaitSent, lastSeq } from './support/wait-sent';
import type { BotSent } from '../../local-cloud';

/** The Action.OpenUrl link of a sent card, or undefined. */
function linkOf(sent: BotSent): string | undefined {
  const attachments = (sent.activity?.attachments ?? []) as {
    content?: { actions?: { type?: string; url?: string }[] };
  }[];
  for (const a of attachments) {
    const open = a.content?.actions?.find((x) => x.type === 'Action.OpenUrl');
    if (open?.url) return open.url;
  }
  return undefined;
}

describe('production mode: CSV exports in every Teams scope (OneDrive link)', function () {
  this.timeout(90_000);
  let stack: ProductionStack;
  let agent: Agent;

  before(async function () {
    this.timeout(180_000);
    stack = await sharedProductionStack();
    agent = new Agent({ connect: { ca: stack.emulator.caPem } });
    const { teams } = stack.cloud;
    // Bob may have signed in already (the stack is shared with other files): wait for the answer, not the sign-in.
    await teams.install('bob');
    const chat = teams.personalConversation('bob');
    const since = lastSeq(teams);
    await teams.sendMessage('bob', chat.id, 'my groups');
    await awaitSent(teams, chat.id, since, (s) => /You are in/.test(textOf(s)), 'the answer to "my groups"', 30_000);
  });
  after(async () => {
    await agent?.close();
  });

  let mark: number[] = [];
  beforeEach(() => {
    mark = stack.logMark();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed' && stack) process.stderr.write(`${stack.tail(mark)}\n`);
  });

  /** GET the link with a demo user's token: status and the bytes as text (byte-order mark kept). */
  async function open(url: string, upn: string): Promise<{ status: number; body: string }> {
    const token = await stack.emulator.issueToken(upn);
    const res = await fetch(url, { dispatcher: agent, headers: { Authorization: `Bearer ${token}` } });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()).toString('utf8') };
  }

  /** Asks for the export in a conversation and checks the card and its link. */
  async function exportIn(conversationId: string, other: string): Promise<void> {
    const { teams } = stack.cloud;
    const since = lastSeq(teams);
    await teams.sendMessage('bob', conversationId, 'export the members of Finance Readers');
    const card = await awaitSent(
      teams,
      conversationId,
      since,
      (s) => linkOf(s) !== undefined,
      'the export card',
      30_000,
    );
    assert.match(textOf(card), /Finance Readers members \d{4}-\d{2}-\d{2}\.csv/);
    assert.match(textOf(card), /OneDrive › groupbot exports/);
    const url = linkOf(card) as string;
    assert.ok(url.startsWith(`${stack.emulator.baseUrl}/personal/bob_contoso_com/s/`), url);
    const mine = await open(url, 'bob@contoso.com');
    assert.equal(mine.status, 200);
    assert.match(mine.body, /^\uFEFFName,Mail,User principal name,Type,How they are in the group\r\n/);
    assert.match(mine.body, /\r\nOlga Owner,olga@contoso\.com,/);
    assert.equal((await open(url, other)).status, 403, `${other} sees the card but cannot open the file`);
  }

  it('in the 1:1 chat', async () => {
    await exportIn(stack.cloud.teams.personalConversation('bob').id, 'alex@contoso.com');
  });

  it('in a group chat', async () => {
    const { teams } = stack.cloud;
    const group = teams.groupChat();
    await teams.addBotTo(group.id, 'bob');
    await exportIn(group.id, 'alex@contoso.com');
  });

  it('in a team channel', async () => {
    const { teams } = stack.cloud;
    const channel = teams.teamChannels()[0];
    assert.ok(channel, 'the demo team has a channel');
    await teams.addBotTo(channel.id, 'bob');
    await exportIn(channel.id, 'ana@contoso.com');
  });
});
