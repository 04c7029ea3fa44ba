/**
 * A bulk add killed mid-way leaves a trace (issue: "add these N to Sales", bot SIGKILLed, nothing resumed). Real
 * processes: the Graph emulator (`groupbot emulator`), the bot (`groupbot serve`, PGlite store in its data
 * directory) and the Agents Playground, Megan as the current user. The emulator slows each membership write so the
 * kill lands during the second round trip; the bot is SIGKILLed right after it reported the first 20, restarted on
 * the same port and data directory, and must then tell Megan what happened, offer "Retry the rest", finish it, and
 * show the changes made before the kill in the group's history.
 */
import { randomBytes } from 'node:crypto';
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { LocalIdentity } from '../../../bot/local/local-identity';
import { buildPlaygroundConfig, playgroundConfigYaml } from '../../../bot/local/playground-config';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startGroupbot, type GroupbotProcess } from '../../support/groupbot-process';
import { PlaygroundClient, pushText, type PlaygroundPush } from '../../support/playground-client';
import { freePort, startPlayground, type RunningPlayground } from '../../support/playground-launcher';

/** The data of the first Action.Execute with `verb` in a push's card or an invoke's answer. */
function executeData(push: PlaygroundPush | unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (v: unknown): void => {
    if (found) return;
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['type'] === 'Action.Execute' && o['verb'] === verb) found = (o['data'] ?? {}) as Record<string, unknown>;
      else Object.values(o).forEach(walk);
    }
  };
  walk(push);
  return found;
}

/** The local endpoint credential, the same across the restart so that the Playground keeps reaching the bot. */
const ENDPOINT_SECRET = randomBytes(18).toString('base64url');

describe('a bulk add interrupted by SIGKILL is reported after the restart and can be finished', function () {
  this.timeout(180_000);
  let dir: string;
  let emulator: GroupbotProcess;
  let origin: string;
  let caAgent: Agent;
  let bot: GroupbotProcess | undefined;
  let port: number;
  let playgroundPort: number;
  let playground: RunningPlayground;
  let client: PlaygroundClient;
  let megan: string;
  let groupId: string;
  const people = Object.values(DEMO_USERS)
    .filter((u) => u.upn !== DEMO_USERS.megan.upn)
    .slice(0, 25);
  const outputs: (() => string)[] = [];

  async function graph(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await request(`${origin}${path}`, {
      method: method as 'GET',
      dispatcher: caAgent,
      headers: {
        authorization: `Bearer ${megan}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`${method} ${path} answered ${res.statusCode}: ${text}`);
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  }

  async function memberIds(): Promise<string[]> {
    const page = await graph('GET', `/v1.0/groups/${groupId}/members?$select=id&$top=999`);
    return (page['value'] as { id: string }[]).map((m) => m.id);
  }

  async function startBot(): Promise<GroupbotProcess> {
    const b = await startGroupbot(['serve'], {
      ready: /groupbot listening on (\S+)/,
      timeoutMs: 90_000,
      env: {
        PORT: String(port),
        DATA_DIR: join(dir, 'bot'),
        GRAPH_EMULATOR_URL: `${origin}/v1.0`,
        GRAPH_EMULATOR_DATA_DIR: join(dir, 'graph'),
        LOG_LEVEL: 'info',
        BULK_RUN_LEASE_SECONDS: '1',
        BOT_ENDPOINT_SECRET: ENDPOINT_SECRET,
        BOT_SERVICE_URLS: `http://127.0.0.1:${playgroundPort}/_connector`,
        // One $ref step per person and one round trip at a time, so that the kill lands between round trips.
        GROUPBOT_PATCH_BINDS: 'off',
        GROUPBOT_BATCH_CONCURRENCY: '1',
      },
    });
    outputs.push(() => `--- bot pid ${b.pid} ---\n${b.output().split('\n').slice(-40).join('\n')}`);
    return b;
  }

  before(async function () {
    this.timeout(240_000);
    dir = mkdtempSync(join(tmpdir(), 'groupbot-bulk-kill-'));
    mkdirSync(join(dir, 'bot'));
    emulator = await startGroupbot(['emulator', '--port', '0', '--data', join(dir, 'graph')], {
      ready: /graph-emulator listening on (https:\/\/localhost:\d+)\/v1\.0/,
      timeoutMs: 90_000,
    });
    origin = emulator.ready[1] as string;
    caAgent = new Agent({ connect: { ca: readFileSync(join(dir, 'graph', 'tls', 'ca-certificate.pem'), 'utf8') } });
    megan = new LocalIdentity(join(dir, 'graph')).tokenFor(DEMO_USERS.megan.upn);
    groupId = (
      await graph('POST', '/v1.0/groups', {
        displayName: 'Bulk Target',
        mailNickname: 'bulktarget',
        mailEnabled: false,
        securityEnabled: true,
        groupTypes: [],
      })
    )['id'] as string;
    port = await freePort();
    playgroundPort = await freePort();
    bot = await startBot();
    const configPath = join(dir, 'playground.yml');
    writeFileSync(configPath, playgroundConfigYaml(buildPlaygroundConfig()));
    playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${port}/api/messages/${ENDPOINT_SECRET}`,
      port: playgroundPort,
      configPath,
      logDir: dir,
    });
    client = await PlaygroundClient.connect(playground.url);
  });

  after(async function () {
    this.timeout(60_000);
    if (this.currentTest?.state === 'failed' || process.env.BULK_TEST_LOG)
      process.stderr.write(`${outputs.map((o) => o()).join('\n')}\n`);
    await client?.close();
    await playground?.stop();
    await bot?.stop();
    await emulator?.stop();
    await caAgent?.close();
    if (dir && !process.env.BULK_TEST_KEEP) rmSync(dir, { recursive: true, force: true });
  });

  it('journals what landed, reports the run after the restart, and "Retry the rest" finishes it', async () => {
    const chat = client.config.personalChatId;
    await client.sendPersonal(`add ${people.map((p) => p.upn).join(', ')} to Bulk Target`);
    const table = await client.waitForBot(chat, {
      timeoutMs: 20_000,
      where: (p) => executeData(p, 'bulkAdd') !== undefined,
    });
    // An Action.Execute is answered with the card that replaces the clicked one.
    const confirm = await client.invokeExecute({
      conversationId: chat,
      replyToId: table.message.messageId,
      verb: 'bulkAdd',
      data: executeData(table, 'bulkAdd') ?? {},
    });
    assert.match(JSON.stringify(confirm), /"title":"People","value":"25 people"/);

    // Each membership write now takes 150 ms: a round trip of 20 takes 3 s, the second one (5) 0.75 s.
    await request(`${origin}/_emulator/faults`, {
      method: 'POST',
      dispatcher: caAgent,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 150, pathPattern: 'members/\\$ref' }),
    }).then((r) => r.body.text());
    const clicked = client
      .invokeExecute({
        conversationId: chat,
        replyToId: table.message.messageId,
        verb: 'confirm',
        data: executeData(confirm, 'confirm') ?? {},
      })
      .catch((err: unknown) => err);
    await client.waitForBot(chat, { timeoutMs: 30_000, where: (p) => /20 of 25 done/.test(pushText(p)) });
    await bot?.crash();
    await clicked;
    await request(`${origin}/_emulator/faults`, { method: 'DELETE', dispatcher: caAgent }).then((r) => r.body.text());
    const before = await memberIds();
    assert.ok(before.length >= 20 && before.length < 25, `the kill landed mid-way: ${before.length} members`);

    bot = await startBot();
    const report = await client.waitForBot(chat, {
      timeoutMs: 30_000,
      where: (p) => pushText(p).includes('I was interrupted'),
    });
    const text = pushText(report);
    assert.match(text, /I was interrupted while adding 25 people to 'Bulk Target'/);
    assert.match(text, /20 of 25 changes were done or answered/);
    assert.match(text, /"history of Bulk Target" shows them/);
    assert.match(text, /5 may not have been made/);
    const retry = executeData(report, 'retryFailed');
    assert.ok(retry, 'the report offers Retry the rest');

    await client.sendPersonal('history of Bulk Target');
    const history = await client.waitForBot(chat, {
      timeoutMs: 20_000,
      where: (p) => pushText(p).includes("History of 'Bulk Target'"),
    });
    const added = people.filter((p) => pushText(history).includes(`Added ${p.displayName} to Bulk Target`));
    assert.ok(added.length >= 10, `history shows the changes made before the kill (${added.length} on its first page)`);

    const done = JSON.stringify(
      await client.invokeExecute({
        conversationId: chat,
        replyToId: report.message.messageId,
        verb: 'retryFailed',
        data: retry,
      }),
    );
    assert.match(done, /Added/, done.slice(0, 300));
    assert.doesNotMatch(done, /Failed|failed/);
    assert.deepEqual(
      (await memberIds()).sort(),
      people.map((p) => p.id).sort(),
      'everyone is a member after the retry',
    );
  });
});
