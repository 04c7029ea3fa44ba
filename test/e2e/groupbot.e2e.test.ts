/**
 * groupbot end to end in a real browser: headless Debian Chromium drives the Microsoft 365 Agents Playground's
 * UI, which talks to the real bot in local mode (bot/local/local-runtime.ts), which calls the local Graph
 * emulator with the signed-in user's own token. The UI user is Megan Bowen, a Global Administrator. Every step
 * leaves a screenshot in the run folder printed at start. One emulator + bot + Playground + browser for the file.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { Agent, fetch } from 'undici';
import { loadConfig } from '../../bot/config';
import { createGraphClient } from '../../bot/directory/graph-client';
import { createLogger } from '../../bot/log';
import { startLocal, type LocalRuntime } from '../../bot/local/local-runtime';
import { writePlaygroundConfig } from '../../bot/local/playground-config';
import { DEMO_GROUPS, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { describePush, PlaygroundClient, pushText, type PlaygroundPush } from '../support/playground-client';
import { startPlayground, type RunningPlayground } from '../support/playground-launcher';
import { PlaygroundBrowser } from './support/browser';
import { messageAsUser } from './support/message-as-user';

/** A Microsoft 365 group (restorable after delete) that Megan may delete and no other step touches. */
const DELETABLE = DEMO_GROUPS.legal;

/** Member ids of a group, read with Megan's token. */
async function memberIds(graph: Client, groupId: string): Promise<string[]> {
  const page = (await graph.api(`/groups/${groupId}/members`).select('id').top(999).get()) as {
    value: { id: string }[];
  };
  return page.value.map((m) => m.id);
}

/** The HTTP status of GET /groups/{id} (200 live, 404 deleted). */
async function groupStatus(graph: Client, groupId: string): Promise<number> {
  try {
    await graph.api(`/groups/${groupId}`).select('id').get();
    return 200;
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (typeof status !== 'number') throw err;
    return status;
  }
}

describe('e2e: groupbot in the Agents Playground (Chromium)', function () {
  let dir: string;
  let local: LocalRuntime;
  let playground: RunningPlayground;
  let browser: PlaygroundBrowser;
  let client: PlaygroundClient;
  let graph: Client;
  const botLog: string[] = [];

  before(async function () {
    this.timeout(90000);
    const t0 = Date.now();
    const mark = (what: string): void => {
      process.stdout.write(`      ${what} +${Date.now() - t0} ms\n`);
    };
    dir = mkdtempSync(join(tmpdir(), 'groupbot-e2e-'));
    const config = loadConfig({ DATA_DIR: join(dir, 'data'), PORT: '0', GRAPH_EMULATOR_PORT: '0', LOG_LEVEL: 'info' });
    // Chromium starts while the emulator seeds and the bot starts (both take seconds on a loaded machine).
    const launching = PlaygroundBrowser.launch('groupbot');
    // Marks the rejection handled until the `await` below rethrows it (no unhandled-rejection crash meanwhile).
    launching.catch(() => undefined);
    try {
      local = await startLocal(
        config,
        createLogger('info', (line) => botLog.push(line)),
      );
    } finally {
      browser = await launching;
    }
    mark('emulator + bot + chromium up');
    const megan = await local.emulator.issueToken(DEMO_USERS.megan.upn);
    graph = createGraphClient({ baseUrl: local.emulator.baseUrl, caPem: local.emulator.caPem }, async () => megan);
    const configPath = join(dir, 'playground.yml');
    writePlaygroundConfig(configPath);
    playground = await startPlayground({ botEndpoint: local.bot?.endpoint ?? '', configPath, logDir: dir });
    client = await PlaygroundClient.connect(playground.url);
    mark('playground up');
    await browser.open(playground.url);
    await browser.hideLogPanel();
    mark('UI ready');
  });

  after(async function () {
    this.timeout(30000);
    if (browser) {
      writeFileSync(join(browser.screenshotDir, 'bot.log'), botLog.join('\n') + '\n');
      if (playground) writeFileSync(join(browser.screenshotDir, 'playground.log'), playground.readLog());
    }
    await browser?.close();
    await client?.close();
    await playground?.stop();
    await local?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && browser) {
      const file = await browser.screenshot(`FAILED-${this.currentTest.title.slice(0, 40)}`);
      process.stdout.write(`      failure screenshot: ${file}\n`);
    }
  });

  it('answers "who owns SecurityGroup101" with Bob Kelly', async () => {
    await browser.pickChat('Personal Chat');
    await browser.send('who owns SecurityGroup101');
    const card = await browser.waitForCard({ text: 'Owners of SecurityGroup101' });
    assert.match(await card.innerText(), /Bob Kelly/);
    assert.match(await card.innerText(), /bob@contoso\.com/);
    await browser.screenshot('owners-of-securitygroup101');
  });

  it('exports the members of Finance Readers: a card with a OneDrive link that downloads the CSV', async () => {
    await browser.send('export the members of Finance Readers');
    const card = await browser.waitForCard({ text: /Finance Readers members \d{4}-\d{2}-\d{2}\.csv/ });
    const shown = await card.innerText();
    assert.match(shown, /OneDrive › groupbot exports/);
    assert.match(shown, /Only the person who asked for this export can open the link/);
    await browser.screenshot('export-finance-readers');
    const push = await client.waitForBot(client.config.personalChatId, {
      timeoutMs: 15000,
      where: (p) => p.message.attachments.some((a) => JSON.stringify(a.content).includes('Action.OpenUrl')),
    });
    const actions = (push.message.attachments[0]?.content.actions ?? []) as { type: string; url?: string }[];
    const url = actions.find((a) => a.type === 'Action.OpenUrl')?.url ?? '';
    assert.ok(url.startsWith(`${local.emulator.baseUrl}/personal/`), `a link into the emulator's OneDrive: ${url}`);
    // The Playground's user is Megan: her token opens the link over the emulator's HTTPS; another user's does not.
    const agent = new Agent({ connect: { ca: local.emulator.caPem } });
    try {
      const get = async (upn: string) =>
        fetch(url, { dispatcher: agent, headers: { Authorization: `Bearer ${await local.emulator.issueToken(upn)}` } });
      const res = await get(DEMO_USERS.megan.upn);
      assert.equal(res.status, 200);
      const csv = Buffer.from(await res.arrayBuffer()).toString('utf8');
      assert.match(csv, /^\uFEFFName,Mail,User principal name,Type,How they are in the group\r\n/);
      assert.match(csv, /\r\nOlga Owner,olga@contoso\.com,/);
      assert.equal((await get(DEMO_USERS.ana.upn)).status, 403);
    } finally {
      await agent.close();
    }
  });

  it('adds Ana Silva to OutlookGroup101 after the choice and confirmation cards', async () => {
    const ana = DEMO_USERS.ana;
    const group = DEMO_GROUPS.outlookGroup101;
    assert.ok(!(await memberIds(graph, group.id)).includes(ana.id), 'Ana Silva must not be a member before the test');

    await browser.send('add Ana to OutlookGroup101');
    const choice = await browser.waitForCard({ text: 'Which "Ana" did you mean?' });
    const choiceText = await choice.innerText();
    assert.match(choiceText, /Ana Silva/);
    assert.match(choiceText, /Ana Souza/);
    await browser.screenshot('add-ana-choice');

    await browser.clickCardButton('Which "Ana" did you mean?', /^Ana Silva/);
    const confirm = await browser.waitForCard({ text: "Add Ana Silva to 'OutlookGroup101'" });
    assert.ok(await confirm.getByRole('button', { name: 'Cancel' }).isVisible());
    await browser.screenshot('add-ana-confirmation');
    assert.ok(!(await memberIds(graph, group.id)).includes(ana.id), 'nothing may change before Confirm');

    await browser.clickCardButton("Add Ana Silva to 'OutlookGroup101'", /^(Add|Confirm)$/);
    const done = await browser.waitForCard({ text: 'Added 1 person to OutlookGroup101' });
    assert.match(await done.innerText(), /Ana Silva[\s\S]*Added/);
    await browser.screenshot('add-ana-outcome');

    assert.ok(
      (await memberIds(graph, group.id)).includes(ana.id),
      'Graph must list Ana Silva as a member of OutlookGroup101',
    );

    await browser.send('is Ana Silva in OutlookGroup101');
    const check = await browser.waitForCard({ text: 'Ana Silva is a direct member of OutlookGroup101' });
    assert.match(await check.innerText(), /Yes/);
    await browser.screenshot('is-ana-in-outlookgroup101');
  });

  it('resolves the ambiguous "Project Falcon" through the choice card to its details card', async () => {
    const security = DEMO_GROUPS.projectFalconSecurity;
    await browser.send('show Project Falcon');
    const choice = await browser.waitForCard({ text: 'Which "Project Falcon" did you mean?' });
    const text = await choice.innerText();
    assert.match(text, /Microsoft 365 group/);
    assert.match(text, /Security group/);
    await browser.screenshot('project-falcon-choice');

    await browser.clickCardButton('Which "Project Falcon" did you mean?', 'Project Falcon (Security group)');
    // The choice card is replaced in place by the details card (the Universal Actions response).
    await browser.waitForCardGone({ text: 'Which "Project Falcon" did you mean?' });
    const details = await browser.waitForCard({ text: security.description ?? 'Access to Project Falcon resources' });
    const detailsText = await details.innerText();
    assert.match(detailsText, /Security group/);
    assert.match(detailsText, /Bob Kelly/, 'the security group is owned by Bob Kelly');
    assert.doesNotMatch(detailsText, /collaboration space/, 'the Microsoft 365 group was not picked');
    await browser.screenshot('project-falcon-details');
  });

  it(`deletes '${DELETABLE.displayName}' after a confirmation that says what is lost, then restores it`, async () => {
    const name = DELETABLE.displayName;
    assert.equal(await groupStatus(graph, DELETABLE.id), 200);

    await browser.send(`delete ${name}`);
    const confirm = await browser.waitForCard({ text: `Delete '${name}'` });
    const confirmText = await confirm.innerText();
    assert.match(confirmText, /\d+ people lose its conversations, files and calendar/);
    assert.match(confirmText, /It can be restored, with its members and owners, until .+ \(30 days\)/);
    await browser.screenshot('delete-confirmation');
    assert.equal(await groupStatus(graph, DELETABLE.id), 200, 'nothing may change before Confirm');

    await browser.clickCardButton(`Delete '${name}'`, /^Delete$/);
    const deleted = await browser.waitForCard({ text: `${name} was deleted` });
    assert.ok(await deleted.getByRole('button', { name: 'Restore' }).isVisible());
    await browser.screenshot('deleted-with-restore');
    assert.equal(await groupStatus(graph, DELETABLE.id), 404, 'Graph must no longer return the deleted group');

    await browser.clickCardButton(`${name} was deleted`, 'Restore');
    const restoreConfirm = await browser.waitForCard({ text: `Restore '${name}'` });
    await browser.screenshot('restore-confirmation');
    await restoreConfirm.getByRole('button', { name: 'Restore' }).click();
    // The bot answers the confirmed restore with a text invoke response, which the client shows as a notice on
    // the card (Teams: a toast); the confirmation card itself is left as it was (reported to the LEAD).
    const notice = browser.page.getByText(`Restored '${name}' with its members and owners.`).first();
    await notice.waitFor({ state: 'visible', timeout: 15000 });
    await browser.screenshot('restored');

    assert.equal(await groupStatus(graph, DELETABLE.id), 200, 'Graph must return the restored group');
    assert.ok((await memberIds(graph, DELETABLE.id)).length > 0, 'the restored group keeps its members');
  });

  it("files Ana's access request in the group chat and shows Megan's approval on every copy of the card", async () => {
    // Issue 5: the requester asks in the group chat, the bot asks for a justification on a card and files it,
    // the owners' approval card is posted there (the bot knows no 1:1 chat with them), a Global Administrator
    // approves, every copy of the card ends in the same final state, and the add runs.
    const group = DEMO_GROUPS.financeReaders;
    const ana = DEMO_USERS.ana;
    const anaInChat = client.config.users.find((u) => u.aadObjectId === ana.id);
    assert.ok(anaInChat, 'Ana Silva is a Playground user');
    const chat = client.config.groupChatId;
    assert.ok(!(await memberIds(graph, group.id)).includes(ana.id), 'Ana Silva must not be a member before the test');

    await browser.pickChat(/Group requests/);
    // Opening the chat installs the bot there, and it greets (issue 6 item 2); that card is not the answer.
    await client.waitForBot(chat, {
      timeoutMs: 15000,
      where: (p) => /manages groups with your own permissions/.test(pushText(p)),
    });
    await messageAsUser({
      playgroundUrl: playground.url,
      conversationId: chat,
      from: anaInChat,
      bot: client.config.bot,
      text: `add me to ${group.displayName}`,
    });
    const first = await client.waitForBot(chat, { timeoutMs: 15000 });
    assert.match(
      pushText(first),
      new RegExp(`Ask to join ${group.displayName}`),
      `issue 5: "add me to ${group.displayName}" from a non-owner must answer with the access-request card ` +
        `(justification + Submit request); the bot answered: ${describePush(first)}`,
    );
    await browser.waitForCard({ text: `Ask to join ${group.displayName}` });
    await browser.screenshot('request-justification-card');

    // Ana submits her justification (the UI clicks as Megan, so Ana's click goes through the Playground API).
    const justification = 'I prepare the quarterly finance review.';
    await client.invokeExecute({
      conversationId: chat,
      replyToId: first.message.messageId,
      as: anaInChat.id,
      title: 'Submit request',
      verb: 'requestSubmit',
      // Ana's own card: its Submit names her pending operation as the card's owner.
      data: {
        ...(first.message.attachments[0]?.content.actions as { data?: Record<string, unknown> }[]).find(
          (a) => a.data?.['verb'] === 'requestSubmit',
        )?.data,
        verb: 'requestSubmit',
        groupId: group.id,
        justification,
      },
    });
    const approvalHeading = `${ana.displayName} asks to join ${group.displayName}`;
    const approval = await client.waitForBot(chat, {
      timeoutMs: 15000,
      where: (p: PlaygroundPush) => pushText(p).includes(approvalHeading),
    });
    const owner = DEMO_USERS.olga.displayName;
    const ownerMentioned = client
      .messages(chat)
      .some((p) => p.seq > first.seq && p.message.from.id === client.config.bot.id && pushText(p).includes(owner));
    assert.ok(
      ownerMentioned,
      `the approval posted in the group chat must name (mention) the group's owner ${owner}; seen: ${describePush(approval)}`,
    );
    const approvalCard = await browser.waitForCard({ text: approvalHeading });
    // The group chat's copy leaves the justification out (deciders get it by refresh in Teams, or in their 1:1).
    assert.doesNotMatch(await approvalCard.innerText(), new RegExp(justification.replace('.', '\\.')));
    assert.match(await approvalCard.innerText(), /The reason is shown only to the requester/);
    await browser.screenshot('request-approval-card');
    assert.ok(!(await memberIds(graph, group.id)).includes(ana.id), 'nothing may change before approval');

    // Megan, a Global Administrator, approves in the UI.
    await approvalCard.getByRole('button', { name: 'Approve' }).click();
    const decided = `Approved by ${DEMO_USERS.megan.displayName}`;
    await browser.waitForCard({ text: decided });
    await client.waitForBot(chat, {
      timeoutMs: 15000,
      actions: ['updateMessage'],
      where: (p) => pushText(p).includes(decided),
    });
    await browser.screenshot('request-approved');

    // Every copy (the requester's card and the owners' card) shows the same final state, with no buttons left.
    const copies = browser.page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: group.displayName })
      .filter({ hasText: ana.displayName });
    const count = await copies.count();
    assert.ok(count >= 2, `expected the requester's and the owners' copies of the card, found ${count}`);
    for (let i = 0; i < count; i++) {
      const copy = copies.nth(i);
      assert.match(await copy.innerText(), new RegExp(decided), `copy ${i + 1} of ${count} is not in the final state`);
      assert.equal(
        await copy.getByRole('button', { name: /Approve|Deny|Submit request/ }).count(),
        0,
        `copy ${i + 1} still has buttons`,
      );
    }
    assert.ok(
      (await memberIds(graph, group.id)).includes(ana.id),
      'Graph must list Ana Silva as a member of Finance Readers',
    );
  });
});
