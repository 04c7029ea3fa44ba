/**
 * Two real bot processes (`groupbot serve`) on one PostgreSQL schema and one shared Graph emulator process
 * (`groupbot emulator`, GRAPH_EMULATOR_URL), behind a round-robin proxy that one Agents Playground talks to.
 * Ana (the Playground's current user) files a request for Finance Readers in the group chat; Olga Owner approves
 * with an invoke sent as herself. The proxy is pinned per step so that each step lands on a known instance, and
 * it records which instance answered. Processes are killed with SIGKILL mid-flow and restarted on their port.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { Agent, request } from 'undici';
import { createGraphClient } from '../../../bot/directory/graph-client';
import { LocalIdentity } from '../../../bot/local/local-identity';
import { buildPlaygroundConfig, playgroundConfigYaml } from '../../../bot/local/playground-config';
import { openStore, type JournalEntry, type Store } from '../../../bot/store';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startGroupbot, type GroupbotProcess } from '../../support/groupbot-process';
import { PlaygroundClient, pushText, type PlaygroundPush } from '../../support/playground-client';
import { freePort, startPlayground, type RunningPlayground } from '../../support/playground-launcher';
import { dropSchemas, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';
import { RoundRobinProxy } from '../../support/round-robin-proxy';

const FINANCE = DEMO_GROUPS.financeReaders;
const ANA = DEMO_USERS.ana;
/** Short enough that an interrupted approval is retried within seconds (the defaults are 60 s and 120 s). */
const SWEEP_SECONDS = '0.5';
const LEASE_SECONDS = 3;

/** A Playground config whose current user is Ana (Megan takes her place among the other five). */
function anaConfigYaml(): string {
  const config = buildPlaygroundConfig();
  const ana = config.users.find((u) => u.aadObjectId === ANA.id);
  if (!ana) throw new Error('Ana is not in the Playground config');
  return playgroundConfigYaml({
    ...config,
    currentUser: ana,
    users: [config.currentUser, ...config.users.filter((u) => u !== ana)],
  });
}

/** `databaseUrl` with its search_path set to `schema` (the bot's DATABASE_URL; pg reads `options` from the URL). */
function urlWithSchema(databaseUrl: string, schema: string): string {
  return `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** Polls `check` every 25 ms until it returns a value; throws after `timeoutMs` naming `what`. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The local credential both bot instances are started with (BOT_ENDPOINT_SECRET). */
const ENDPOINT_SECRET = 'processes-test-endpoint-secret';

describe('requests on two bot processes behind one Agents Playground (one PostgreSQL, one emulator)', function () {
  this.timeout(90000);
  let dir: string;
  let databaseUrl: string;
  let schema: string;
  let observer: Store;
  let emulator: GroupbotProcess;
  let emulatorOrigin: string;
  let caAgent: Agent;
  let graph: Client;
  const ports: number[] = [];
  const bots: (GroupbotProcess | undefined)[] = [undefined, undefined];
  /** Output of every bot process that ran, for the sweeper assertions and for failures. */
  const outputs: { instance: string; output: () => string }[] = [];
  let proxy: RoundRobinProxy;
  let playground: RunningPlayground;
  let client: PlaygroundClient;
  let failed = false;

  async function startInstance(i: number): Promise<GroupbotProcess> {
    const name = i === 0 ? 'A' : 'B';
    const bot = await startGroupbot(['serve'], {
      ready: /groupbot listening on (\S+)/,
      env: {
        PORT: String(ports[i]),
        DATA_DIR: join(dir, `bot-${name}`),
        GRAPH_EMULATOR_URL: `${emulatorOrigin}/v1.0`,
        GRAPH_EMULATOR_DATA_DIR: join(dir, 'graph'),
        DATABASE_URL: urlWithSchema(databaseUrl, schema),
        LOG_LEVEL: 'info',
        REQUESTS_SWEEP_SECONDS: SWEEP_SECONDS,
        REQUEST_LEASE_SECONDS: String(LEASE_SECONDS),
        // Both instances sit behind one endpoint: they share the local credential, and reply only to the Playground.
        BOT_ENDPOINT_SECRET: ENDPOINT_SECRET,
        BOT_SERVICE_URLS: `http://127.0.0.1:${ports[2]}/_connector`,
      },
    });
    bots[i] = bot;
    outputs.push({ instance: `${name} (pid ${bot.pid})`, output: () => bot.output() });
    return bot;
  }

  async function emulatorControl(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Record<string, unknown>> {
    const res = await request(`${emulatorOrigin}${path}`, {
      method,
      dispatcher: caAgent,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`${method} ${path} answered ${res.statusCode}: ${text}`);
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  }

  before(async function () {
    this.timeout(180000);
    dir = mkdtempSync(join(tmpdir(), 'groupbot-processes-'));
    databaseUrl = await testDatabaseUrl();
    schema = uniqueSchemaName('procs');
    // Creates the schema and its tables; the bots find them migrated. Also the test's window into the state.
    observer = await openStore({ databaseUrl, schema });
    emulator = await startGroupbot(['emulator', '--port', '0', '--data', join(dir, 'graph')], {
      ready: /graph-emulator listening on (https:\/\/localhost:\d+)\/v1\.0/,
    });
    emulatorOrigin = emulator.ready[1] as string;
    outputs.push({ instance: `emulator (pid ${emulator.pid})`, output: () => emulator.output() });
    const identity = new LocalIdentity(join(dir, 'graph'));
    const caPem = readFileSync(join(dir, 'graph', 'tls', 'ca-certificate.pem'), 'utf8');
    caAgent = new Agent({ connect: { ca: caPem } });
    ports.push(await freePort(), await freePort(), await freePort());
    for (const name of ['A', 'B']) mkdirSync(join(dir, `bot-${name}`));
    await Promise.all([startInstance(0), startInstance(1)]);
    proxy = await RoundRobinProxy.start(ports.slice(0, 2).map((p) => `http://127.0.0.1:${p}`));
    const configPath = join(dir, 'playground.yml');
    writeFileSync(configPath, anaConfigYaml());
    playground = await startPlayground({
      botEndpoint: `${proxy.url}/api/messages/${ENDPOINT_SECRET}`,
      port: ports[2] as number,
      configPath,
      logDir: dir,
    });
    client = await PlaygroundClient.connect(playground.url);
    const megan = identity.tokenFor(DEMO_USERS.megan.upn);
    graph = createGraphClient({ baseUrl: emulatorOrigin, caPem }, async () => megan);
  });

  after(async function () {
    this.timeout(60000);
    if (failed || process.env.REQUESTS_TEST_LOG) {
      for (const o of outputs)
        process.stderr.write(`--- bot ${o.instance} ---\n${o.output().split('\n').slice(-25).join('\n')}\n`);
    }
    await client?.close();
    await playground?.stop();
    await proxy?.stop();
    await Promise.all(bots.map((b) => b?.stop()));
    await emulator?.stop();
    await caAgent?.close();
    await observer?.close();
    if (databaseUrl && schema) await dropSchemas(databaseUrl, [schema]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') failed = true;
    if (!graph) return;
    if ((await anaMemberships()) > 0) await graph.api(`/groups/${FINANCE.id}/members/${ANA.id}/$ref`).delete();
  });

  const group = (): string => client.config.groupChatId;
  const isCard = (p: PlaygroundPush, text: string): boolean =>
    p.message.attachments.length > 0 && pushText(p).includes(text);

  async function anaMemberships(): Promise<number> {
    const members = (await graph.api(`/groups/${FINANCE.id}/members`).select('id').get()) as {
      value: { id: string }[];
    };
    return members.value.filter((m) => m.id === ANA.id).length;
  }

  /** Ana asks and submits, both pinned to instance `on`; returns her card, the owners' card and the request id. */
  async function fileRequest(
    on: number,
  ): Promise<{ ask: PlaygroundPush; approval: PlaygroundPush; requestId: string }> {
    proxy.sendNextTo(on);
    await client.sendGroup('I need access to Finance Readers');
    const ask = await client.waitForBot(group(), { where: (p) => isCard(p, 'Ask to join') });
    proxy.sendNextTo(on);
    const submitted = await client.invokeExecute({
      conversationId: group(),
      replyToId: ask.message.messageId,
      verb: 'requestSubmit',
      as: 'Ana',
      // Ana's own card: its Submit names her pending operation as the card's owner.
      data: {
        ...(ask.message.attachments[0]?.content.actions as { data?: Record<string, unknown> }[]).find(
          (a) => a.data?.['verb'] === 'requestSubmit',
        )?.data,
        justification: 'I prepare the quarterly finance review.',
      },
    });
    assert.match(JSON.stringify(submitted), /Waiting for a decision from Olga Owner/);
    const approval = await client.waitForBot(group(), {
      actions: ['createMessage'],
      where: (p) => isCard(p, 'asks to join'),
    });
    const data = (
      approval.message.attachments[0]?.content.actions as { data?: { verb?: string; requestId?: string } }[]
    ).find((a) => a.data?.verb === 'approvalApprove')?.data;
    assert.ok(data?.requestId, 'the approval card has an Approve button with a request id');
    const submit = proxy.handled.filter((h) => h.verb === 'requestSubmit').at(-1);
    assert.equal(submit?.backend, on, `the submit landed on instance ${on}`);
    return { ask, approval, requestId: data.requestId };
  }

  function approve(approval: PlaygroundPush, requestId: string): Promise<unknown> {
    return client.invokeExecute({
      conversationId: group(),
      replyToId: approval.message.messageId,
      verb: 'approvalApprove',
      data: { requestId },
      as: 'Olga',
    });
  }

  /** The last card each of the two copies (requester's, owners') shows in the Playground. */
  function lastCards(ask: PlaygroundPush, approval: PlaygroundPush): unknown[] {
    return [ask, approval].map(
      (copy) =>
        client
          .messages(group())
          .filter((p) => p.message.messageId === copy.message.messageId)
          .at(-1)?.message.attachments[0]?.content,
    );
  }

  /** Index of the first push of the running test (pushes before it belong to earlier tests). */
  let mark = 0;
  beforeEach(() => {
    if (client) mark = client.messages().length;
  });

  async function assertApprovedEverywhere(requestId: string): Promise<JournalEntry> {
    const r = await until('the request to be approved and announced', async () => {
      const row = await observer.requests.get(requestId);
      return row?.state === 'approved' && row.outcomeNotifiedAt ? row : undefined;
    });
    assert.equal(r.decidedByName, 'Olga Owner');
    assert.equal(await anaMemberships(), 1, 'Ana was added exactly once');
    const told = client
      .messages(group())
      .filter((p) => p.seq >= mark && p.action === 'createMessage' && pushText(p).includes('approved your request'));
    assert.equal(told.length, 1, 'Ana was told once');
    assert.match(pushText(told[0] as PlaygroundPush), /<at>Ana Silva<\/at>/);
    const copies = await observer.requestCards.listForRequest(requestId);
    assert.equal(copies.length, 2, "the requester's copy and the owners' copy are recorded");
    const journal = (await observer.journal.historyOfGroup(FINANCE.id)).filter(
      (e) => e.requestId === requestId && e.action === 'member.add',
    );
    assert.equal(journal.length, 1, 'the add is journalled once');
    assert.equal(journal[0]?.tokenOfId, DEMO_USERS.olga.id, "with Olga's token");
    return journal[0] as JournalEntry;
  }

  it('files on instance A and approves on instance B: one add, every copy in the same final state, Ana told', async () => {
    const t0 = Date.now();
    const { ask, approval, requestId } = await fileRequest(0);
    proxy.sendNextTo(1);
    const byOlga = await approve(approval, requestId);
    assert.match(JSON.stringify(byOlga), /Approved by Olga Owner, \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC/);
    assert.equal(
      proxy.handled.filter((h) => h.verb === 'approvalApprove').at(-1)?.backend,
      1,
      'the approval landed on instance B',
    );
    await client.waitForBot(group(), {
      actions: ['createMessage'],
      where: (p) => pushText(p).includes('approved your request'),
    });
    assert.equal((await assertApprovedEverywhere(requestId)).result, 'succeeded');
    const [requesterCopy] = lastCards(ask, approval);
    assert.deepEqual(
      requesterCopy,
      (byOlga as { value?: unknown }).value,
      "the requester's copy shows the card that replaced the owners' copy",
    );
    process.stdout.write(`      A files, B approves, all told: ${Date.now() - t0} ms\n`);
  });

  it('loses nothing when both instances are SIGKILLed in turn after the filing; the restarted A approves', async () => {
    const { ask, approval, requestId } = await fileRequest(0);
    const t0 = Date.now();
    for (const i of [0, 1]) {
      await (bots[i] as GroupbotProcess).crash();
      await startInstance(i);
    }
    const restartMs = Date.now() - t0;
    proxy.sendNextTo(0);
    const byOlga = await approve(approval, requestId);
    assert.match(JSON.stringify(byOlga), /Approved by Olga Owner/);
    await client.waitForBot(group(), {
      actions: ['createMessage'],
      where: (p) => pushText(p).includes('approved your request'),
    });
    assert.equal((await assertApprovedEverywhere(requestId)).result, 'succeeded');
    const [requesterCopy] = lastCards(ask, approval);
    assert.deepEqual(
      requesterCopy,
      (byOlga as { value?: unknown }).value,
      'the copy posted before the crashes was updated by the new process',
    );
    process.stdout.write(`      two SIGKILLs + restarts: ${restartMs} ms\n`);
  });

  it('completes an approval whose instance was SIGKILLed during the Graph add (the sweeper retries it)', async () => {
    const { ask, approval, requestId } = await fileRequest(0);
    await emulatorControl('POST', '/_emulator/stats/reset');
    // Holds the add at the emulator long enough to kill the approving instance while it waits for the answer.
    await emulatorControl('POST', '/_emulator/faults', {
      latencyMs: 1500,
      pathPattern: `^POST /v1\\.0/groups/${FINANCE.id}/members/\\$ref$`,
    });
    proxy.sendNextTo(1);
    const click = approve(approval, requestId).then(
      (body) => ({ body }),
      (err: Error) => ({ err }),
    );
    // Kill only once the add is held at the emulator: the row is 'approving' and a Graph request is in flight
    // (the emulator counts requests on arrival and routes once answered; only the add is slowed down).
    await until("the approving instance's Graph add to be in flight", async () => {
      if ((await observer.requests.get(requestId))?.state !== 'approving') return undefined;
      const stats = await emulatorControl('GET', '/_emulator/stats');
      const answered =
        Object.values(stats.byRoute as Record<string, number>).reduce((a, b) => a + b, 0) -
        (stats.batchSteps as number);
      return (stats.requests as number) > answered ? true : undefined;
    });
    const victim = bots[1] as GroupbotProcess;
    const tKill = Date.now();
    await victim.crash();
    await emulatorControl('DELETE', '/_emulator/faults');
    const clicked = await click;
    assert.ok('err' in clicked, 'the click whose instance died got no card back');
    assert.equal(proxy.handled.filter((h) => h.verb === 'approvalApprove').at(-1)?.status, 502);
    const restarting = startInstance(1);
    const told = await client.waitForBot(group(), {
      actions: ['createMessage'],
      timeoutMs: 30000,
      where: (p) => pushText(p).includes('approved your request'),
    });
    const completedMs = Date.now() - tKill;
    await restarting;
    assert.match(pushText(told), /Olga Owner approved your request/);
    const entry = await assertApprovedEverywhere(requestId);
    assert.equal(
      entry.result,
      'no-op',
      'the held add went through after its caller died, so the retry found Ana already a member',
    );
    const [requesterCopy, ownersCopy] = lastCards(ask, approval);
    assert.match(
      JSON.stringify(ownersCopy),
      /Approved by Olga Owner/,
      "the owners' copy (whose click got no answer) was updated",
    );
    assert.deepEqual(requesterCopy, ownersCopy, 'both copies end in the same state');
    // The sweep tells the requester before it logs its report, so its log line may still be on its way.
    const sweeps = await until('the sweep report that completed the approval', async () => {
      const found = outputs
        .filter((o) => /"event":"requests\.swept"[^\n]*"completed":1/.test(o.output()))
        .map((o) => o.instance);
      return found.length > 0 ? found : undefined;
    }).catch(() => [] as string[]);
    assert.equal(sweeps.length, 1, `one instance's sweeper completed the approval (${sweeps.join(', ')})`);
    assert.ok(!sweeps[0]?.includes(String(victim.pid)), 'not the killed process');
    const stats = await emulatorControl('GET', '/_emulator/stats');
    const adds = (stats.byRoute as Record<string, number>)['POST /groups/{id}/members/$ref'] ?? 0;
    assert.equal(adds, 2, "the held add (answered to a dead process) and the sweeper's retry");
    process.stdout.write(
      `      SIGKILL during the add → completed by ${sweeps[0]} after ${completedMs} ms (lease ${LEASE_SECONDS} s); Graph adds seen: ${adds}\n`,
    );
  });
});
