/**
 * Access requests through the real Microsoft 365 Agents Playground (HTTP + WebSocket API, no browser), against the
 * real bot in local mode and the local Graph emulator. The Playground's current user is Ana Silva (a plain user),
 * so her group-chat text reaches the bot as Ana; Olga Owner (owner of Finance Readers) and Lee Gu (not an owner)
 * click through invokes sent as themselves.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { loadConfig } from '../../../bot/config';
import { createGraphClient } from '../../../bot/directory/graph-client';
import { createLogger } from '../../../bot/log';
import { startLocal, type LocalRuntime } from '../../../bot/local/local-runtime';
import { buildPlaygroundConfig, playgroundConfigYaml } from '../../../bot/local/playground-config';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { PlaygroundClient, pushText, type PlaygroundPush } from '../../support/playground-client';
import { startPlayground, type RunningPlayground } from '../../support/playground-launcher';

const FINANCE = DEMO_GROUPS.financeReaders;

/** A Playground config whose current user is Ana (Megan takes her place among the other five). */
function anaConfigYaml(): string {
  const config = buildPlaygroundConfig();
  const ana = config.users.find((u) => u.aadObjectId === DEMO_USERS.ana.id);
  if (!ana) throw new Error('Ana is not in the Playground config');
  return playgroundConfigYaml({
    ...config,
    currentUser: ana,
    users: [config.currentUser, ...config.users.filter((u) => u !== ana)],
  });
}

function cardText(value: unknown): string {
  return JSON.stringify(value ?? null);
}

describe('requests in the Agents Playground (Ana asks, Olga approves)', function () {
  this.timeout(60000);
  let dir: string;
  let local: LocalRuntime;
  let playground: RunningPlayground;
  let client: PlaygroundClient;
  let graph: Client;
  const botLog: string[] = [];

  before(async function () {
    this.timeout(90000);
    dir = mkdtempSync(join(tmpdir(), 'groupbot-requests-'));
    const config = loadConfig({ DATA_DIR: join(dir, 'data'), PORT: '0', GRAPH_EMULATOR_PORT: '0', LOG_LEVEL: 'info' });
    local = await startLocal(
      config,
      createLogger('info', (line) => botLog.push(line)),
    );
    const megan = await local.emulator.issueToken(DEMO_USERS.megan.upn);
    graph = createGraphClient({ baseUrl: local.emulator.baseUrl, caPem: local.emulator.caPem }, async () => megan);
    const configPath = join(dir, 'playground.yml');
    writeFileSync(configPath, anaConfigYaml());
    playground = await startPlayground({ botEndpoint: local.bot?.endpoint ?? '', configPath, logDir: dir });
    client = await PlaygroundClient.connect(playground.url);
  });

  after(async function () {
    this.timeout(30000);
    if (this.currentTest?.state === 'failed' || process.env.REQUESTS_TEST_LOG)
      process.stderr.write(botLog.slice(-40).join('\n') + '\n');
    await client?.close();
    await playground?.stop();
    await local?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const group = (): string => client.config.groupChatId;
  const isCard = (p: PlaygroundPush, text: string): boolean =>
    p.message.attachments.length > 0 && pushText(p).includes(text);

  it('tells Ana at once that she is already a member of Marketing ("add me to Marketing")', async () => {
    await client.sendGroup('add me to Marketing');
    const push = await client.waitForBot(group(), { where: (p) => pushText(p).includes('Marketing') });
    assert.match(pushText(push), /already a member of 'Marketing'/);
  });

  it('refuses a dynamic group and says who to ask', async () => {
    await client.sendGroup('I need access to Seattle Employees');
    const push = await client.waitForBot(group(), { where: (p) => pushText(p).includes('Seattle Employees') });
    assert.match(pushText(push), /dynamic membership/);
    assert.match(pushText(push), /Ask its owners \(Nestor/);
  });

  it("files Ana's request, refuses Lee, lets Olga approve once, and ends every card in the same state", async () => {
    await client.sendGroup('I need access to Finance Readers');
    const ask = await client.waitForBot(group(), { where: (p) => isCard(p, 'Ask to join') });
    assert.match(pushText(ask), /Olga Owner/);

    const submitData = (
      ask.message.attachments[0]?.content.actions as { data?: { verb?: string; pendingId?: string } }[]
    ).find((a) => a.data?.verb === 'requestSubmit')?.data;
    assert.ok(submitData?.pendingId, "the card names Ana's pending operation as its owner");
    const submitted = await client.invokeExecute({
      conversationId: group(),
      replyToId: ask.message.messageId,
      verb: 'requestSubmit',
      as: 'Ana',
      data: { ...submitData, justification: 'I prepare the quarterly finance review.' },
    });
    assert.match(cardText(submitted), /Waiting for a decision from Olga Owner/);
    const approval = await client.waitForBot(group(), {
      actions: ['createMessage'],
      where: (p) => isCard(p, 'asks to join'),
    });
    const card = approval.message.attachments[0]?.content as {
      msteams?: { entities?: { mentioned: { id: string } }[] };
    };
    assert.deepEqual(
      card.msteams?.entities?.map((e) => e.mentioned.id),
      [client.userId('Olga')],
      'Olga is @mentioned (by her Teams id) in the group chat',
    );
    const approvalText = pushText(approval);
    assert.doesNotMatch(approvalText, /quarterly finance review/, 'the group chat does not see the justification');
    assert.match(approvalText, /The reason is shown only to the requester and to the people who can decide/);
    const refreshFor = (approval.message.attachments[0]?.content.refresh as { userIds?: string[] } | undefined)
      ?.userIds;
    assert.ok(refreshFor?.includes(client.userId('Olga')), "Olga's own view (with the reason) comes by refresh");
    assert.match(approvalText, /Marketing/, "the requester's department is shown");
    const data = (
      approval.message.attachments[0]?.content.actions as { data?: { verb?: string; requestId?: string } }[]
    ).find((a) => a.data?.verb === 'approvalApprove')?.data;
    assert.ok(data?.requestId, 'the approval card has an Approve button with a request id');

    for (const who of ['Lee', 'Ana']) {
      const refused = await client.invokeExecute({
        conversationId: group(),
        replyToId: approval.message.messageId,
        verb: 'approvalApprove',
        data: { requestId: data.requestId },
        as: who,
      });
      const answer = refused as { type?: string; value?: unknown };
      assert.equal(
        answer.type,
        'application/vnd.microsoft.activity.message',
        `${who}'s click leaves the shared approval card as everyone sees it, buttons and all`,
      );
      assert.match(String(answer.value), /^Only an owner of "Finance Readers"/, `${who} alone is told`);
    }
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(
      !client
        .messages(group())
        .some(
          (p) =>
            (p.action === 'updateMessage' && p.message.messageId === approval.message.messageId) ||
            pushText(p).includes('Only an owner of'),
        ),
      'the refusals changed no copy and posted nothing to the chat',
    );

    const t0 = Date.now();
    const [byOlga, byOlgaAgain] = await Promise.all([
      client.invokeExecute({
        conversationId: group(),
        replyToId: approval.message.messageId,
        verb: 'approvalApprove',
        data: { requestId: data.requestId },
        as: 'Olga',
      }),
      client.invokeExecute({
        conversationId: group(),
        replyToId: approval.message.messageId,
        verb: 'approvalApprove',
        data: { requestId: data.requestId },
        as: 'Olga',
      }),
    ]);
    for (const body of [byOlga, byOlgaAgain]) assert.match(cardText(body), /Approved by Olga Owner/);
    const requesterCopy = await client.waitForBot(group(), {
      actions: ['updateMessage'],
      where: (p) => p.message.messageId === ask.message.messageId && pushText(p).includes('Approved by Olga Owner'),
    });
    const told = await client.waitForBot(group(), {
      actions: ['createMessage'],
      where: (p) => pushText(p).includes('approved your request'),
    });
    process.stdout.write(`      approve → requester's card updated and requester told: ${Date.now() - t0} ms\n`);
    assert.match(pushText(told), /<at>Ana Silva<\/at>/);
    assert.deepEqual(
      requesterCopy.message.attachments[0]?.content,
      (byOlga as { value?: unknown }).value,
      "the requester's copy shows exactly the card that replaced the owners' copy",
    );

    const members = (await graph.api(`/groups/${FINANCE.id}/members`).select('id').get()) as {
      value: { id: string }[];
    };
    assert.equal(members.value.filter((m) => m.id === DEMO_USERS.ana.id).length, 1, 'Ana was added exactly once');
    const copies = await local.store?.requestCards.listForRequest(data.requestId);
    assert.equal(
      copies?.length,
      2,
      `the requester's copy and the group-chat approval copy are recorded: ${JSON.stringify(copies)} ask=${ask.message.messageId} approval=${approval.message.messageId}`,
    );
  });

  it("lists Ana's requests with their state in her 1:1 chat, never in the group chat", async () => {
    await client.sendPersonal('my requests');
    const inPersonal = await client.waitForBot(client.config.personalChatId, {
      where: (p) => isCard(p, 'Your access requests'),
    });
    assert.match(pushText(inPersonal), /Finance Readers/);
    assert.match(pushText(inPersonal), /approved/);
    await client.sendGroup('my requests');
    const line = await client.waitForBot(group(), { where: (p) => pushText(p).includes('access request') });
    assert.match(
      pushText(line),
      /<at>Ana Silva<\/at>: You have 1 access request: Finance Readers \(approved by [^)]+\)\. I sent the details to our 1:1 chat\./,
    );
    assert.equal(line.message.attachments.length, 0, 'no list card in the group chat');
    const again = await client.waitForBot(client.config.personalChatId, {
      where: (p) => isCard(p, 'Your access requests'),
    });
    assert.match(pushText(again), /I prepare the quarterly finance review/, 'the justification goes to her 1:1 chat');
  });
});
