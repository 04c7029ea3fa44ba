/**
 * Buttons that ignore their card's inputs, pressed through the real Agents Playground API the way its web client
 * (and Teams) press them: with every input of the card in the action data, whatever the button's associatedInputs
 * says. The create-group form's Cancel, the bulk table's Cancel, the access request's Cancel and the approval card's
 * Approve each get their own outcome, not "I couldn't use that button"; a crafted field on the same card still
 * gets that refusal. One emulator + bot (local mode) + Playground for the file; the Playground's user is Megan
 * Bowen, and Ana Silva and Olga Owner act in the group chat.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { loadConfig } from '../../bot/config';
import { createGraphClient } from '../../bot/directory/graph-client';
import { createLogger } from '../../bot/log';
import { startLocal, type LocalRuntime } from '../../bot/local/local-runtime';
import { writePlaygroundConfig } from '../../bot/local/playground-config';
import { DEMO_GROUPS, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { PlaygroundClient, pushText, type PlaygroundPush } from '../support/playground-client';
import { startPlayground, type RunningPlayground } from '../support/playground-launcher';
import { buttonOf, cardInputs } from './support/card-actions';
import { messageAsUser } from './support/message-as-user';

const WAIT_MS = 30_000;
const REFUSED = /I couldn't use that button/;
const CANCELLED = /OK, cancelled\. Nothing was changed\./;

type Obj = Record<string, unknown>;

/** Every string of an invoke answer or a card, joined (for matching). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join('\n');
  return '';
}

/** The first choice of each choice set of a card (what a user picking the first option sends), by input id. */
function firstChoices(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Obj;
      const choices = o['choices'];
      if (o['type'] === 'Input.ChoiceSet' && typeof o['id'] === 'string' && Array.isArray(choices))
        out[o['id']] = String((choices[0] as Obj | undefined)?.['value'] ?? '');
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('e2e: buttons that ignore inputs, pressed with every input filled (Playground API)', function () {
  this.timeout(120_000);
  let dir: string;
  let local: LocalRuntime;
  let playground: RunningPlayground;
  let client: PlaygroundClient;
  let graph: Client;
  const botLog: string[] = [];

  before(async function () {
    this.timeout(120_000);
    dir = mkdtempSync(join(tmpdir(), 'groupbot-sent-along-'));
    const config = loadConfig({ DATA_DIR: join(dir, 'data'), PORT: '0', GRAPH_EMULATOR_PORT: '0', LOG_LEVEL: 'info' });
    local = await startLocal(
      config,
      createLogger('info', (line) => botLog.push(line)),
    );
    const megan = await local.emulator.issueToken(DEMO_USERS.megan.upn);
    graph = createGraphClient({ baseUrl: local.emulator.baseUrl, caPem: local.emulator.caPem }, async () => megan);
    const configPath = join(dir, 'playground.yml');
    writePlaygroundConfig(configPath);
    // The launcher runs the Playground with --disable-telemetry and APPLICATION_INSIGHTS_NO_STATSBEAT=1.
    playground = await startPlayground({ botEndpoint: local.bot?.endpoint ?? '', configPath, logDir: dir });
    client = await PlaygroundClient.connect(playground.url);
  });

  after(async function () {
    this.timeout(30_000);
    if (this.currentTest?.state === 'failed') process.stderr.write(botLog.slice(-40).join('\n') + '\n');
    await client?.close();
    await playground?.stop();
    await local?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const personal = (): string => client.config.personalChatId;
  const group = (): string => client.config.groupChatId;

  /** The next bot push in the conversation whose text matches `re`. */
  function next(conversationId: string, re: RegExp): Promise<PlaygroundPush> {
    return client.waitForBot(conversationId, { timeoutMs: WAIT_MS, where: (p) => re.test(pushText(p)) });
  }

  /** Says `text` in the group chat as `who` (a Playground user's name) and waits for the matching push. */
  async function sayInGroup(who: string, text: string, re: RegExp): Promise<PlaygroundPush> {
    const from = client.config.users.find((u) => u.name === who);
    assert.ok(from, `${who} is a Playground user`);
    await messageAsUser({
      playgroundUrl: playground.url,
      conversationId: group(),
      from,
      bot: client.config.bot,
      text,
    });
    return next(group(), re);
  }

  /**
   * Presses the button titled `title` as the web client does: its data with every input of the card merged in
   * (`inputs` over the card's current values). Resolves to the text of what the bot answered: the invoke answer,
   * or, when that holds no text, the next push in the conversation.
   */
  async function press(
    push: PlaygroundPush,
    title: string | RegExp,
    inputs: Record<string, string>,
    opts: { as?: string; extra?: Obj; expect: RegExp },
  ): Promise<string> {
    const card = push.message.attachments[0]?.content;
    const button = buttonOf(card, title);
    const data = { ...cardInputs(card), ...inputs, ...button.data, ...opts.extra };
    assert.deepEqual(
      Object.keys(cardInputs(card)).filter((id) => !(id in data)),
      [],
      'every input of the card is sent',
    );
    const answer = await client.invokeExecute({
      conversationId: push.conversationId,
      replyToId: push.message.messageId,
      verb: button.verb ?? String(button.data['verb']),
      data,
      title: button.title,
      ...(opts.as ? { as: opts.as } : {}),
    });
    const said = textOf(answer);
    if (opts.expect.test(said) || REFUSED.test(said)) return said;
    return pushText(await next(push.conversationId, new RegExp(`${opts.expect.source}|${REFUSED.source}`)));
  }

  async function groupsNamed(name: string): Promise<number> {
    const page = (await graph.api('/groups').filter(`displayName eq '${name}'`).select('id').get()) as {
      value: unknown[];
    };
    return page.value.length;
  }

  async function memberIds(groupId: string): Promise<string[]> {
    const page = (await graph.api(`/groups/${groupId}/members`).select('id').top(999).get()) as {
      value: { id: string }[];
    };
    return page.value.map((m) => m.id).sort();
  }

  it('the create-group form: Cancel with every field filled (a nickname with a space too) cancels', async () => {
    await client.sendPersonal('create a security group called Sent Along Test');
    const form = await next(personal(), /Create a group/);
    const inputs = cardInputs(form.message.attachments[0]?.content);
    for (const id of ['groupType', 'displayName', 'mailNickname', 'description', 'owners', 'members', 'rule'])
      assert.ok(id in inputs, `the form has the ${id} input`);
    const filled = {
      ...firstChoices(form.message.attachments[0]?.content),
      displayName: 'Sent Along Test',
      mailNickname: 'has a space',
      description: 'd'.repeat(1024),
      owners: 'Olga Owner, Lee Gu',
      members: 'Ana Silva',
      rule: 'user.department -eq "Sales"',
    };
    const crafted = await press(form, 'Cancel', filled, { extra: { isAdmin: 'true' }, expect: CANCELLED });
    assert.match(crafted, /I couldn't use that button: The field "isAdmin" is not part of this button\./);
    const cancelled = await press(form, 'Cancel', filled, { expect: CANCELLED });
    assert.doesNotMatch(cancelled, REFUSED);
    assert.match(cancelled, CANCELLED);
    assert.equal(await groupsNamed('Sent Along Test'), 0, 'no group was created');
  });

  it('the bulk table: Cancel with a pick made for the ambiguous name cancels', async () => {
    const marketing = DEMO_GROUPS.marketing;
    const before = await memberIds(marketing.id);
    await client.sendPersonal('add these to Marketing: Lee Gu, Ana, Nobody Here');
    const table = await next(personal(), /3 names for Marketing: 1 resolved, 1 ambiguous, 1 not found/);
    const picks = firstChoices(table.message.attachments[0]?.content);
    assert.ok(
      Object.keys(picks).some((id) => /^pick_\d+$/.test(id)),
      `a pick input for "Ana": ${Object.keys(picks).join(', ')}`,
    );
    const crafted = await press(table, 'Cancel', picks, { extra: { pick_77: 'not a guid' }, expect: CANCELLED });
    assert.match(crafted, /I couldn't use that button: The field "pick_77" is not a GUID\./);
    const cancelled = await press(table, 'Cancel', picks, { expect: CANCELLED });
    assert.doesNotMatch(cancelled, REFUSED);
    assert.match(cancelled, CANCELLED);
    assert.deepEqual(await memberIds(marketing.id), before, 'nobody was added');
  });

  it("the access request's Cancel with a justification typed, then Approve with a deny reason typed", async () => {
    const finance = DEMO_GROUPS.financeReaders;
    const ask = () => sayInGroup('Ana Silva', 'add me to Finance Readers', /Ask to join Finance Readers/);
    const first = await ask();
    const cancelled = await press(
      first,
      'Cancel',
      { justification: 'typed, then thought better of it' },
      {
        as: 'Ana Silva',
        expect: CANCELLED,
      },
    );
    assert.doesNotMatch(cancelled, REFUSED);
    assert.match(cancelled, CANCELLED);

    const second = await ask();
    await press(second, 'Submit request', { justification: 'For the audit' }, { as: 'Ana Silva', expect: /Waiting/ });
    const approval = await next(group(), /Ana Silva asks to join Finance Readers/);
    const approved = await press(
      approval,
      'Approve',
      { reason: 'typed in the deny box by mistake' },
      {
        as: 'Olga Owner',
        expect: /Approved by Olga Owner/,
      },
    );
    assert.doesNotMatch(approved, REFUSED);
    assert.match(approved, /Approved by Olga Owner/);
    assert.ok((await memberIds(finance.id)).includes(DEMO_USERS.ana.id), 'Graph lists Ana in Finance Readers');
  });
});
