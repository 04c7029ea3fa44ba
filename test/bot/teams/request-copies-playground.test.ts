/**
 * Every copy of a request card after each kind of decision, from each place, through the real Agents Playground
 * (HTTP + WebSocket API) against the real bot in local mode and the Graph emulator. Megan Bowen (Global
 * Administrator) is the Playground's current user, as in `npm start`; Ana Silva speaks in the group chat the way
 * `groupbot chat --as ana@contoso.com --group` does (a custom activity from her); owners click as themselves.
 * Prints the time from a decision's click to every copy updated, and the answer times of all clicks.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/log';
import { startLocal, type LocalRuntime } from '../../../bot/local/local-runtime';
import { buildPlaygroundConfig, playgroundConfigYaml } from '../../../bot/local/playground-config';
import { DEMO_GROUPS } from '../../../graph-emulator/seed/demo-tenant';
import { PlaygroundClient, pushText, type PlaygroundPush } from '../../support/playground-client';
import { startPlayground, type RunningPlayground } from '../../support/playground-launcher';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

describe('every copy of a request card, after each decision, in the Agents Playground', function () {
  this.timeout(120000);
  let dir: string;
  let local: LocalRuntime;
  let playground: RunningPlayground;
  let client: PlaygroundClient;
  const botLog: string[] = [];
  const answerMs: number[] = [];
  const everyCopyMs: Record<string, number> = {};

  before(async function () {
    this.timeout(180000);
    dir = mkdtempSync(join(tmpdir(), 'groupbot-copies-'));
    const config = loadConfig({
      DATA_DIR: join(dir, 'data'),
      PORT: '0',
      GRAPH_EMULATOR_PORT: '0',
      LOG_LEVEL: 'info',
      REQUESTS_SWEEP_SECONDS: '0',
    });
    local = await startLocal(
      config,
      createLogger('info', (line) => botLog.push(line)),
    );
    const configPath = join(dir, 'playground.yml');
    writeFileSync(configPath, playgroundConfigYaml(buildPlaygroundConfig()));
    playground = await startPlayground({ botEndpoint: local.bot?.endpoint ?? '', configPath, logDir: dir });
    client = await PlaygroundClient.connect(playground.url);
  });

  after(async function () {
    this.timeout(30000);
    if (answerMs.length) {
      process.stdout.write(
        `      click answers (n=${answerMs.length}): p50 ${percentile(answerMs, 50)} ms, p95 ${percentile(answerMs, 95)} ms, max ${Math.max(...answerMs)} ms\n`,
      );
      process.stdout.write(
        `      click → every copy updated: ${Object.entries(everyCopyMs)
          .map(([k, v]) => `${k} ${v} ms`)
          .join(', ')}\n`,
      );
    }
    if (this.currentTest?.state === 'failed' || process.env.REQUESTS_TEST_LOG)
      process.stderr.write(botLog.slice(-40).join('\n') + '\n');
    await client?.close();
    await playground?.stop();
    await local?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const group = (): string => client.config.groupChatId;
  const personal = (): string => client.config.personalChatId;
  const isCard = (p: PlaygroundPush, text: string): boolean =>
    p.message.attachments.length > 0 && pushText(p).includes(text);

  /** Ana says `text` in the group chat (as `groupbot chat --as ana@contoso.com --group` does). */
  async function anaSays(text: string): Promise<void> {
    const ana = client.config.users.find((u) => u.name === 'Ana Silva');
    assert.ok(ana, 'Ana is in the Playground');
    const res = await fetch(
      `${client.baseUrl}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(group())}`,
    );
    const activity = {
      ...((await res.json()) as Record<string, unknown>),
      type: 'message',
      text,
      from: { id: ana.id, name: ana.name, aadObjectId: ana.aadObjectId },
    };
    const posted = await fetch(`${client.baseUrl}/_internal/v1/customActivities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    assert.equal(posted.status, 200);
  }

  async function click(args: Parameters<PlaygroundClient['invokeExecute']>[0]): Promise<unknown> {
    const t0 = Date.now();
    const body = await client.invokeExecute(args);
    answerMs.push(Date.now() - t0);
    return body;
  }

  /** Ana asks for `groupName` in the group chat and submits; resolves to her copy and the owners' shared copy. */
  async function anaFiles(
    groupId: string,
    groupName: string,
  ): Promise<{ ask: PlaygroundPush; approval: PlaygroundPush; requestId: string }> {
    await anaSays(`I need access to ${groupName} because I'm preparing the quarterly review`);
    const ask = await client.waitForBot(group(), {
      timeoutMs: 30000,
      where: (p) => isCard(p, `Ask to join ${groupName}`),
    });
    const input = JSON.stringify(ask.message.attachments[0]?.content);
    assert.match(
      input,
      /"value":"I'm preparing the quarterly review"/,
      'the justification box is prefilled from the sentence',
    );
    const submitted = await click({
      conversationId: group(),
      replyToId: ask.message.messageId,
      verb: 'requestSubmit',
      as: 'Ana',
      // Ana's own card: its Submit names her pending operation as the card's owner.
      data: {
        ...(ask.message.attachments[0]?.content.actions as { data?: Record<string, unknown> }[]).find(
          (a) => a.data?.['verb'] === 'requestSubmit',
        )?.data,
        groupId,
        justification: "I'm preparing the quarterly review",
      },
    });
    assert.match(JSON.stringify(submitted), /Waiting for a decision/);
    const approval = await client.waitForBot(group(), {
      actions: ['createMessage'],
      timeoutMs: 30000,
      where: (p) => isCard(p, `asks to join`) && pushText(p).includes(groupName),
    });
    assert.match(
      pushText(approval),
      /<at>[^<]+<\/at>: Ana Silva asks to join/,
      'the mention is set apart from the sentence',
    );
    const content = approval.message.attachments[0]?.content as {
      actions?: { data?: { verb?: string; requestId?: string } }[];
      refresh?: { userIds?: string[] };
    };
    const requestId = content.actions?.find((a) => a.data?.verb === 'approvalApprove')?.data?.requestId;
    assert.ok(requestId);
    assert.ok(
      (content.refresh?.userIds ?? []).length > 0 && (content.refresh?.userIds ?? []).length <= 60,
      'the shared copy refreshes per viewer, for at most 60 users',
    );
    return { ask, approval, requestId };
  }

  /** Waits until every recorded copy of the request got an update showing `headline`; resolves to the elapsed ms. */
  async function everyCopyShows(requestId: string, headline: RegExp, since: number): Promise<number> {
    const copies = (await local.store?.requestCards.listForRequest(requestId)) ?? [];
    assert.ok(copies.length >= 2, `at least the requester's and the owners' copies are recorded (${copies.length})`);
    for (const copy of copies) {
      const push = await client.waitForBot(copy.conversationId, {
        actions: ['updateMessage'],
        timeoutMs: 30000,
        where: (p) => p.message.messageId === copy.activityId && headline.test(pushText(p)),
      });
      const card = JSON.stringify(push.message.attachments[0]?.content ?? {});
      assert.doesNotMatch(
        card,
        /approvalApprove|approvalDeny|requestCancel/,
        `copy ${copy.activityId} in ${copy.conversationId} has no live buttons`,
      );
    }
    return Date.now() - since;
  }

  it('an owner approves on the shared group-chat card: every copy, the clicked one included, shows it', async () => {
    const { approval, requestId } = await anaFiles(DEMO_GROUPS.financeReaders.id, 'Finance Readers');
    const refused = await click({
      conversationId: group(),
      replyToId: approval.message.messageId,
      verb: 'approvalApprove',
      data: { requestId },
      as: 'Lee',
    });
    const toLee = refused as { type?: string; value?: unknown };
    assert.equal(
      toLee.type,
      'application/vnd.microsoft.activity.message',
      "a non-owner's click leaves the shared card as it is for everyone",
    );
    assert.match(String(toLee.value), /^Only an owner of/, 'and only the clicker is told');
    const t0 = Date.now();
    const byOlga = await click({
      conversationId: group(),
      replyToId: approval.message.messageId,
      verb: 'approvalApprove',
      data: { requestId },
      as: 'Olga',
    });
    assert.match(JSON.stringify(byOlga), /Approved by Olga Owner/);
    everyCopyMs.approve = await everyCopyShows(requestId, /Approved by Olga Owner/, t0);
  });

  it('an owner denies on the shared card with a reason: every copy shows the denial', async () => {
    const { approval, requestId } = await anaFiles(DEMO_GROUPS.researchAndDevelopment.id, 'Research and Development');
    const t0 = Date.now();
    const byLee = await click({
      conversationId: group(),
      replyToId: approval.message.messageId,
      verb: 'approvalDeny',
      data: { requestId, reason: 'Not this quarter' },
      as: 'Lee',
    });
    assert.match(JSON.stringify(byLee), /Denied by Lee Gu/);
    everyCopyMs.deny = await everyCopyShows(requestId, /Denied by Lee Gu/, t0);
  });

  it('the requester cancels from her own copy: every copy shows the cancellation', async () => {
    const { ask, requestId } = await anaFiles(DEMO_GROUPS.sales.id, 'Sales');
    const byOlga = await click({
      conversationId: group(),
      replyToId: ask.message.messageId,
      verb: 'requestCancel',
      data: { requestId },
      as: 'Olga',
    });
    assert.equal(
      (byOlga as { type?: string }).type,
      'application/vnd.microsoft.activity.message',
      "someone else's Cancel leaves Ana's card as it is, for everyone",
    );
    const t0 = Date.now();
    const byAna = await click({
      conversationId: group(),
      replyToId: ask.message.messageId,
      verb: 'requestCancel',
      data: { requestId },
      as: 'Ana',
    });
    assert.match(JSON.stringify(byAna), /Cancelled by Ana Silva/);
    everyCopyMs.cancel = await everyCopyShows(requestId, /Cancelled by Ana Silva/, t0);
  });

  it('an administrator approves from her 1:1 chat: the group-chat copies follow', async () => {
    const { requestId } = await anaFiles(DEMO_GROUPS.legal.id, 'Legal');
    await client.sendPersonal('pending approvals');
    const list = await client.waitForBot(personal(), { timeoutMs: 30000, where: (p) => isCard(p, 'Legal') });
    await click({
      conversationId: personal(),
      replyToId: list.message.messageId,
      verb: 'approvalOpen',
      data: { requestId },
    });
    const mine = await client.waitForBot(personal(), {
      actions: ['createMessage'],
      timeoutMs: 30000,
      where: (p) => isCard(p, 'asks to join Legal') || (isCard(p, 'Legal') && pushText(p).includes('approvalApprove')),
    });
    const t0 = Date.now();
    const byMegan = await click({
      conversationId: personal(),
      replyToId: mine.message.messageId,
      verb: 'approvalApprove',
      data: { requestId },
    });
    assert.match(JSON.stringify(byMegan), /Approved by Megan Bowen/);
    everyCopyMs.approveFrom1to1 = await everyCopyShows(requestId, /Approved by Megan Bowen/, t0);
    const copies = (await local.store?.requestCards.listForRequest(requestId)) ?? [];
    assert.ok(
      copies.some((c) => c.conversationId === personal()) && copies.some((c) => c.conversationId === group()),
      'copies in the 1:1 and in the group chat',
    );
  });

  it("keeps Ana's list out of the shared chat: one short line addressed to her", async () => {
    await anaSays('my requests');
    const line = await client.waitForBot(group(), {
      actions: ['createMessage'],
      timeoutMs: 30000,
      where: (p) => pushText(p).includes('access request'),
    });
    assert.match(pushText(line), /<at>Ana Silva<\/at>: You have \d+ access requests?: .*Finance Readers \(/);
    assert.doesNotMatch(
      pushText(line),
      /quarterly review|Not this quarter/,
      'no justification or reason in the shared chat',
    );
    assert.equal(line.message.attachments.length, 0);
  });
});
