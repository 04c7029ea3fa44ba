/**
 * Every promise the README makes to a first-time user, checked against the stack `npm start` runs (`groupbot
 * start`: the Graph emulator, the bot and the Agents Playground on loopback), through the Playground's own HTTP and
 * WebSocket API (no browser: none of these promises is about the look of the UI). The test reads README.md: every
 * row of "Things to try", every step of "Try an approval" and every line of the command block must have a check
 * here, registered under its exact README text, and a check whose README text changed fails until it is looked at
 * again. One stack for the file; the checks run one after the other in README order, so later rows may rely on
 * what earlier rows did (the journal row reads the change the second row made).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { Agent, fetch as undiciFetch } from 'undici';
import { createGraphClient } from '../../bot/directory/graph-client';
import { LocalIdentity } from '../../bot/local/local-identity';
import type { RuntimeInfo } from '../../bot/local/local-runtime';
import { parseIntent } from '../../bot/language';
import { DEMO_GROUPS, DEMO_SKUS, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { startGroupbot, type GroupbotProcess } from '../support/groupbot-process';
import { PlaygroundClient, pushText, type PlaygroundPush } from '../support/playground-client';
import { spawnGroupProcess, type GroupProcess } from '../support/process-group';
import { approvalSteps, commandBlock, thingsToTry, type ApprovalStep, type TryRow } from '../support/readme-promises';
import { buttonOf, cardButtons, cardInputs, inputLabels } from './support/card-actions';
import { messageAsUser } from './support/message-as-user';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const GROUPBOT = join(ROOT, 'bin', 'groupbot.js');
const WAIT_MS = 30_000;

/** Every string of an invoke answer or a card, joined (for matching). */
function textOf(value: unknown): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return parts.join('\n');
}

/** A message the bot showed (a push, or the card an invoke answer put in place of the clicked one). */
interface Shown {
  conversationId: string;
  messageId: string;
  card?: unknown;
  text: string;
  seq: number;
}

function shown(p: PlaygroundPush): Shown {
  return {
    conversationId: p.conversationId,
    messageId: p.message.messageId,
    card: p.message.attachments[0]?.content,
    text: pushText(p),
    seq: p.seq,
  };
}

/** The first line of a check's failure: which README promise it is. */
function promise(what: string): string {
  return `README promise ${what}`;
}

describe('e2e: every README promise, against `npm start` (Playground API)', function () {
  this.timeout(120_000);
  let dir: string;
  let start: GroupbotProcess;
  let runtime: RuntimeInfo;
  let client: PlaygroundClient;
  let graph: Client;
  let groupChatName: string;
  const children: GroupProcess[] = [];
  const t0 = Date.now();
  const env = (): Record<string, string> => ({ DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' });

  const personal = (): string => client.config.personalChatId;
  const group = (): string => client.config.groupChatId;
  const person = (name: string) => {
    const p = client.config.users.find((u) => u.name === name);
    assert.ok(p, `${name} is a Playground user`);
    return p;
  };

  /** Sends `text` as Megan in her 1:1 chat and resolves to the first bot push there whose text matches `re`. */
  async function ask(text: string, re: RegExp): Promise<Shown> {
    await client.sendPersonal(text);
    return next(personal(), re);
  }

  /** Sends `text` in the group chat as `who` (default Megan) and resolves to the first matching bot push there. */
  async function askInGroup(text: string, re: RegExp, who?: string): Promise<Shown> {
    if (!who) await client.sendGroup(text);
    else
      await messageAsUser({
        playgroundUrl: runtime.playgroundUrl ?? '',
        conversationId: group(),
        from: person(who),
        bot: client.config.bot,
        text,
      });
    return next(group(), re);
  }

  /**
   * Presses the button titled `title` on a pushed card as `as` (default Megan), with the card's input values
   * (overridden by `inputs`), as the UI does. Resolves to what the invoke answered: the card that replaced the
   * clicked one (same message), or its text.
   */
  async function press(
    card: Shown,
    title: string | RegExp,
    opts: { as?: string; inputs?: Record<string, string> } = {},
  ): Promise<Shown> {
    const button = buttonOf(card.card, title);
    const data = { ...cardInputs(card.card), ...button.data, ...opts.inputs };
    const same = { conversationId: card.conversationId, messageId: card.messageId, seq: card.seq };
    if (button.type === 'Action.Submit') {
      await client.submit({
        conversationId: card.conversationId,
        replyToId: card.messageId,
        value: data,
        ...(opts.as ? { as: opts.as } : {}),
      });
      return { ...same, text: '' };
    }
    const answer = (await client.invokeExecute({
      conversationId: card.conversationId,
      replyToId: card.messageId,
      verb: button.verb ?? String(data['verb']),
      data,
      title: button.title,
      ...(opts.as ? { as: opts.as } : {}),
    })) as { value?: unknown } | undefined;
    const value = answer?.value;
    return value && typeof value === 'object'
      ? { ...same, card: value, text: textOf(value) }
      : { ...same, text: textOf(answer) };
  }

  /** The bot push in `conversationId` whose text matches `re` (the answer to a click that posts a new message). */
  async function next(conversationId: string, re: RegExp, timeoutMs = WAIT_MS): Promise<Shown> {
    return shown(await client.waitForBot(conversationId, { timeoutMs, where: (p) => re.test(pushText(p)) }));
  }

  /** `answer` when its text matches `re`, else the next bot push there that does. */
  async function answerOrNext(answer: Shown, re: RegExp, timeoutMs = WAIT_MS): Promise<Shown> {
    return re.test(answer.text) ? answer : next(answer.conversationId, re, timeoutMs);
  }

  async function memberIds(groupId: string): Promise<string[]> {
    const page = (await graph.api(`/groups/${groupId}/members`).select('id').top(999).get()) as {
      value: { id: string }[];
    };
    return page.value.map((m) => m.id);
  }

  async function groupStatus(groupId: string): Promise<number> {
    try {
      await graph.api(`/groups/${groupId}`).select('id').get();
      return 200;
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (typeof status !== 'number') throw err;
      return status;
    }
  }

  before(async function () {
    this.timeout(180_000);
    dir = mkdtempSync(join(tmpdir(), 'groupbot-readme-'));
    // `npm start` is `node bin/groupbot.js start`; ports 0 so CI and other runs on this machine never collide.
    start = await startGroupbot(['start'], {
      env: { ...env(), PORT: '0', GRAPH_EMULATOR_PORT: '0', PLAYGROUND_PORT: '0' },
      ready: /ready in [\d.]+ s\. Press Ctrl-C to stop\./,
      timeoutMs: 150_000,
    });
    runtime = JSON.parse(readFileSync(join(dir, 'data', 'local-runtime.json'), 'utf8')) as RuntimeInfo;
    assert.ok(runtime.playgroundUrl, 'npm start wrote the Playground URL to local-runtime.json');
    const raw = (await (await fetch(`${runtime.playgroundUrl}/_internal/v1/testConfig`)).json()) as {
      config: { groupChats: { name: string }[] };
    };
    groupChatName = raw.config.groupChats[0]?.name ?? '';
    client = await PlaygroundClient.connect(runtime.playgroundUrl);
    const megan = await new LocalIdentity(join(dir, 'data', 'graph')).tokenFor(DEMO_USERS.megan.upn);
    graph = createGraphClient(
      { baseUrl: new URL(runtime.emulatorUrl).origin, caPem: readFileSync(runtime.caCertPath, 'utf8') },
      async () => megan,
    );
    process.stdout.write(`      npm start ready: +${Date.now() - t0} ms\n`);
  });

  after(async function () {
    this.timeout(60_000);
    for (const c of children) await c.stop(5000);
    await client?.close();
    await start?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`      README e2e wall time: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  });

  // ---------------------------------------------------------------------------------------------------------------
  // "Things to try": one check per row, registered under the row's "you type" cell, with the "what happens" text
  // it was written for.

  interface RowCheck {
    happens: string;
    run(examples: string[]): Promise<void>;
  }

  const ROWS: Record<string, RowCheck> = {
    '`who owns SecurityGroup101`': {
      happens: 'the owners, with their mail',
      async run([text]) {
        const card = await ask(text as string, /Owners of SecurityGroup101/);
        assert.match(card.text, /Bob Kelly/);
        assert.match(card.text, /bob@contoso\.com/);
      },
    },

    '`add Ana to OutlookGroup101`': {
      happens: '"Ana" matches two people: a choice card, then a confirmation card, then the outcome',
      async run([text]) {
        const target = DEMO_GROUPS.outlookGroup101;
        assert.ok(!(await memberIds(target.id)).includes(DEMO_USERS.ana.id), 'Ana Silva is not a member yet');
        const choice = await ask(text as string, /Which "Ana" did you mean\?/);
        assert.match(choice.text, /Ana Silva[\s\S]*Ana Souza/);
        const confirm = await answerOrNext(await press(choice, /^Ana Silva/), /Add Ana Silva to 'OutlookGroup101'/);
        assert.ok(!(await memberIds(target.id)).includes(DEMO_USERS.ana.id), 'nothing changes before the confirmation');
        const outcome = await answerOrNext(
          await press(confirm, /^(Add|Confirm)$/),
          /Added 1 person to OutlookGroup101/,
        );
        assert.match(outcome.text, /Ana Silva[\s\S]*Added/);
        assert.ok((await memberIds(target.id)).includes(DEMO_USERS.ana.id), 'Graph lists Ana Silva as a member');
      },
    },

    "`add these to Marketing:` + a list, one name or address a line (the Playground's composer joins pasted lines: separate names with commas there)":
      {
        happens:
          'a resolution table (resolved / pick one / not found) before anything is written; progress on the card for more than 20 people; per-person outcome, and "retry the failed ones" when Microsoft Graph was busy',
        async run([lead]) {
          const marketing = DEMO_GROUPS.marketing;
          const before = await memberIds(marketing.id);
          // One name a line: resolved, ambiguous ("Ana" is two people) and not found.
          const table = await ask(
            `${lead}\nLee Gu\nAna\nNobody Here`,
            /3 names for Marketing: 1 resolved, 1 ambiguous, 1 not found\. Nothing has been changed yet\./,
          );
          assert.match(table.text, /Resolved \(1\)[\s\S]*Lee Gu[\s\S]*Not found \(1\)[\s\S]*Nobody Here/);
          assert.deepEqual(await memberIds(marketing.id), before, 'nothing is written before the table is confirmed');
          // Separated by commas, as the Playground's composer needs: the same table.
          await ask(`${lead} Lee Gu, Ana, Nobody Here`, /3 names for Marketing: 1 resolved, 1 ambiguous, 1 not found/);
          // Pasted into the Playground, the lines arrive joined: the bot says how to paste instead of guessing.
          await ask(
            `${lead} Lee Gu Bob Kelly Nobody Here`,
            /Your list arrived on one line .* Separate them with commas/,
          );

          // More than 20 people: progress on the card, then one outcome per person. ("Retry the failed ones" needs
          // Graph to stay busy past the client's retries; test/bot/teams/bulk-interruption.test.ts covers retrying.)
          const people = Object.values(DEMO_USERS).filter((u) => !before.includes(u.id));
          assert.ok(people.length > 20, `more than 20 people to add (${people.length})`);
          const bulk = await ask(
            `${lead}\n${people.map((u) => u.upn).join('\n')}`,
            new RegExp(`${people.length} names for Marketing: ${people.length} resolved`),
          );
          const confirm = await answerOrNext(
            await press(bulk, new RegExp(`^Add the ${people.length} resolved$`)),
            /They will become members of 'Marketing'/,
          );
          assert.deepEqual(await memberIds(marketing.id), before, 'nothing is written before the confirmation');
          const started = await press(confirm, /^(Add|Confirm)$/);
          const outcome = await answerOrNext(started, /Added \d+ (person|people) to Marketing\./, 90_000).catch(
            (err: Error) => {
              err.message += `\nthe click answered: ${started.text.slice(0, 600)}`;
              throw err;
            },
          );
          const progress = new RegExp(`Added \\d+ of ${people.length} to Marketing…`);
          assert.ok(
            progress.test(started.text) ||
              client.messages(personal()).some((p) => p.seq > bulk.seq && progress.test(pushText(p))),
            `progress on the card ("Added n of ${people.length} to Marketing…"); the click answered: ${started.text.slice(0, 300)}`,
          );
          const added = Number(/Added (\d+) (?:person|people) to Marketing\./.exec(outcome.text)?.[1]);
          const now = await memberIds(marketing.id);
          assert.equal(
            now.length - before.length,
            added,
            `the outcome counts what Graph shows: ${outcome.text.slice(0, 300)}`,
          );
          const rows = people.filter((u) => outcome.text.includes(u.displayName)).length;
          assert.ok(rows >= 10, `one row a person on the outcome card (${rows} of ${people.length} named)`);
        },
      },

    '`is Ana Silva in SecurityGroup101?`': {
      happens: 'yes, and how: "Ana Silva → Design Team → SecurityGroup101"',
      async run([text]) {
        const answer = await ask(text as string, /Ana Silva → Design Team → SecurityGroup101/);
        assert.match(answer.text, /\bYes\b/);
      },
    },

    '`can u get Johanna to look after the vendor portal access grp`': {
      happens:
        "read through the directory's group names (word order, shorthand, the verb anywhere): a confirmation to make Johanna Lorenz an owner of Vendor Portal Access",
      async run([text]) {
        const confirm = await ask(text as string, /Make Johanna Lorenz an owner of 'Vendor Portal Access'/);
        assert.match(confirm.text, /will become an owner/);
      },
    },

    '`why is Ana Silva in Marketing department`': {
      happens: 'explained through the dynamic rule ("department equals Marketing")',
      async run([text]) {
        const answer = await ask(text as string, /department equals Marketing/);
        assert.match(answer.text, /membership rule/);
      },
    },

    '`create a security group called Finance Readers`': {
      happens:
        'a form card prefilled from the sentence (type, name, mail nickname, description, owners, members, optional rule)',
      async run([text]) {
        const form = await ask(text as string, /Create a group/);
        const values = cardInputs(form.card);
        assert.equal(values['groupType'], 'security');
        assert.equal(values['displayName'], 'Finance Readers');
        assert.match(values['mailNickname'] ?? '', /^FinanceReaders$/i);
        const labels = inputLabels(form.card).join(' | ');
        for (const label of [/Type/, /Name/, /Mail nickname/, /Description/, /Owners/, /Members/, /rule \(optional\)/])
          assert.match(labels, label, `the form has ${label} (labels: ${labels})`);
        assert.equal(await groupsNamed('Finance Readers'), 1, 'the form creates nothing by itself');
      },
    },

    '`who would match user.city -eq "Seattle"`': {
      happens: 'the match count and a sample of the people who match',
      async run([text]) {
        const preview = await ask(text as string, /\d+ people would match/);
        const count = Number(/(\d+) people would match/.exec(preview.text)?.[1]);
        const seattle = (await graph.api('/users').filter("city eq 'Seattle'").select('id').top(999).get()) as {
          value: unknown[];
        };
        assert.equal(count, seattle.value.length, 'the count is the Seattle people of the directory');
        assert.match(preview.text, /Bob Kelly/, 'a sample of who matches');
      },
    },

    '`delete Legal`': {
      happens: 'a confirmation card that says what is lost, then a Restore button (30 days)',
      async run([text]) {
        const legal = DEMO_GROUPS.legal;
        const confirm = await ask(text as string, /Delete 'Legal'/);
        assert.match(confirm.text, /\d+ people lose its conversations, files and calendar/);
        assert.match(confirm.text, /restored, with its members and owners, until .+ \(30 days\)/);
        assert.equal(await groupStatus(legal.id), 200, 'nothing changes before Delete');
        const deleted = await answerOrNext(await press(confirm, /^Delete$/), /Legal was deleted/);
        assert.equal(await groupStatus(legal.id), 404, 'Graph no longer returns Legal');
        // Restore it, so later checks find the tenant as seeded.
        assert.ok(
          cardButtons(deleted.card).some((b) => b.title === 'Restore'),
          `a Restore button: ${deleted.text.slice(0, 300)}`,
        );
        const restoreConfirm = await answerOrNext(await press(deleted, 'Restore'), /Restore 'Legal'/);
        const restored = await answerOrNext(await press(restoreConfirm, 'Restore'), /Restored 'Legal'/);
        assert.match(restored.text, /Restored 'Legal' with its members and owners\./);
        assert.equal(await groupStatus(legal.id), 200, 'Graph returns the restored group');
      },
    },

    '`assign the E5 license to Design Team`': {
      happens: 'group-based licensing, with SKU names from the tenant',
      async run([text]) {
        const design = DEMO_GROUPS.designTeam;
        const confirm = await ask(text as string, /Assign Office 365 E5 to 'Design Team'/);
        assert.match(confirm.text, /Office 365 E5 \(ENTERPRISEPREMIUM\)/, 'the SKU name and part number');
        assert.match(confirm.text, /Every member gets this licence/);
        await answerOrNext(await press(confirm, /^Assign$/), /Office 365 E5/);
        const g = (await graph.api(`/groups/${design.id}`).select('assignedLicenses').get()) as {
          assignedLicenses: { skuId: string }[];
        };
        assert.ok(
          g.assignedLicenses.some((l) => l.skuId === DEMO_SKUS.e5.skuId),
          'Graph lists E5 on Design Team',
        );
      },
    },

    '`add me to Finance Readers` (as Ana)': {
      happens: 'Graph refuses (403), so the bot offers to ask the owners; they get an approval card',
      async run([text]) {
        const offer = await askInGroup(text as string, /Ask to join Finance Readers/, 'Ana Silva');
        await press(offer, 'Submit request', { as: 'Ana Silva', inputs: { justification: 'For the audit' } });
        const approval = await next(group(), /Ana Silva asks to join Finance Readers/);
        assert.ok(
          cardButtons(approval.card).some((b) => b.title === 'Approve'),
          'the approval card has Approve',
        );
        assert.match(approval.text, /<at>Olga Owner<\/at>/, 'addressed to Olga Owner, the owner');
      },
    },

    '`my requests` · `pending approvals`': {
      happens:
        'your requests (Cancel on open ones) and the requests you may decide (Approve, Review or deny), as cards with buttons; in a group chat, one line that names the groups and leaves the reasons out',
      async run([mine, approvals]) {
        // Megan may decide Ana's open request (the previous row): a card with Approve and Review or deny.
        const pending = await ask(approvals as string, /Requests waiting for your approval/);
        assert.match(pending.text, /Ana Silva[\s\S]*Finance Readers/);
        const titles = cardButtons(pending.card).map((b) => b.title);
        assert.ok(titles.includes('Approve') && titles.includes('Review or deny'), titles.join(', '));
        await ask(mine as string, /Your access requests/);
        // Ana, in the group chat: her request and where it stands, without her reason.
        const line = await askInGroup(mine as string, /You have 1 access request/, 'Ana Silva');
        assert.match(line.text, /Finance Readers \(waiting for a decision\)/);
        assert.doesNotMatch(line.text, /For the audit/);
        // Her copy of the open request has Cancel; she cancels, so "Try an approval" starts afresh.
        const latest = new Map<string, PlaygroundPush>();
        for (const p of client.messages(group())) if (p.message.attachments.length) latest.set(p.message.messageId, p);
        const requesterCard = [...latest.values()].find((p) =>
          cardButtons(p.message.attachments[0]?.content).some((b) => b.title === 'Cancel request'),
        );
        assert.ok(requesterCard, "Ana's copy of her request has Cancel request");
        await press(shown(requesterCard), 'Cancel request', { as: 'Ana Silva' });
        await next(group(), /[Cc]ancel/);
      },
    },

    '`history of OutlookGroup101` · `who added Ana Silva to OutlookGroup101?`': {
      happens:
        'the journal of changes made through groupbot (who asked, whose token, the Graph call, the result), with Undo for 24 hours',
      async run([history, who]) {
        const journal = await ask(history as string, /History of 'OutlookGroup101'/);
        assert.match(journal.text, /Megan Bowen/, `who asked (and whose token): ${journal.text.slice(0, 600)}`);
        assert.match(journal.text, /Ana Silva/, 'what changed: the add of the second row');
        assert.ok(
          cardButtons(journal.card).some((b) => /^Undo/.test(b.title)),
          `an Undo button: ${journal.text.slice(0, 600)}`,
        );
        const about = await ask(who as string, /History of 'OutlookGroup101' about Ana Silva/);
        assert.match(about.text, /Megan Bowen/);
      },
    },

    '`group hygiene` · `post the digest here` · `send the digest to me` · `stop the digest`': {
      happens:
        'groups without an owner ("make <member> owner"), expiring within 30 days (Renew), without members, with guests, with disabled members (Remove, or the rule that keeps them); administrators see every group, owners their own; weekly in a chat or channel ([docs/hygiene.md](docs/hygiene.md))',
      async run([hygiene, here, toMe, stop]) {
        const all = await ask(hygiene as string, /Group hygiene/);
        assert.match(all.text, /every group in the organisation/);
        assert.match(all.text, /Groups without an owner \(1\)[\s\S]*Vendor Portal Access/);
        assert.match(all.text, /Expiring soon \(\d+\)/);
        assert.match(all.text, /Groups without members/);
        assert.match(all.text, /Groups with guests \(\d+\)[\s\S]*Pat Partner/);
        // Raul Razo is disabled: in Seattle Employees its rule keeps him; the bulk row added him to Marketing.
        assert.match(all.text, /Members whose accounts are disabled \(\d+\)[\s\S]*Raul Razo/);
        assert.match(all.text, /its rule keeps them/);
        const titles = cardButtons(all.card).map((b) => b.title);
        assert.ok(
          titles.some((t) => /^Make .+ owner$/.test(t)),
          titles.join(', '),
        );
        assert.ok(titles.includes('Renew'), titles.join(', '));
        assert.ok(
          titles.some((t) => /^Remove/.test(t)),
          `Remove for a disabled member of a static group: ${titles.join(', ')}`,
        );
        // An owner sees their own groups only: Lee Gu, in the group chat.
        const lee = await askInGroup(hygiene as string, /Group hygiene/, 'Lee Gu');
        assert.match(lee.text, /groups you own/);
        assert.doesNotMatch(lee.text, /every group in the organisation|Vendor Portal Access/);
        // Weekly, in a chat: here, to me, and stop.
        await ask(here as string, /I'll post the hygiene digest in this chat every week/);
        await ask(toMe as string, /hygiene digest/);
        await ask(stop as string, /Stopped: no more weekly digests/);
      },
    },
  };

  async function groupsNamed(name: string): Promise<number> {
    const page = (await graph.api('/groups').filter(`displayName eq '${name}'`).select('id').get()) as {
      value: unknown[];
    };
    return page.value.length;
  }

  const rows: TryRow[] = thingsToTry(README);
  for (const row of rows) {
    it(`Things to try: ${row.youType}`, async () => {
      const check = ROWS[row.youType];
      assert.ok(check, `no check for README row ${row.youType} | ${row.happens}`);
      assert.equal(
        row.happens,
        check.happens,
        `README row ${row.youType} now promises something else; check it and update its check in this file`,
      );
      await check.run(row.examples).catch((err: Error) => {
        err.message = `${promise(`${row.youType} → ${row.happens}`)}\n${err.message}`;
        throw err;
      });
    });
  }

  it('has no check for a row the README no longer has', () => {
    const stale = Object.keys(ROWS).filter((k) => !rows.some((r) => r.youType === k));
    assert.deepEqual(stale, [], 'checks for rows the README dropped');
  });

  // ---------------------------------------------------------------------------------------------------------------
  // "Try an approval": Ana in a terminal (`groupbot chat --group`), Megan in the Playground.

  describe('Try an approval', () => {
    const steps: ApprovalStep[] = approvalSteps(README);
    let ana: GroupProcess;
    let approvalCard: Shown;
    let mark = 0;
    let askedAt = 0;

    /** Waits until Ana's terminal printed something matching `re` after `mark`. */
    async function anaPrinted(re: RegExp, timeoutMs = WAIT_MS): Promise<string> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const out = ana.stdout().slice(mark);
        if (re.test(out)) return out;
        if (Date.now() > until || !ana.running)
          throw new Error(`Ana's terminal did not print ${re}; it printed:\n${ana.output().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const type = (line: string): void => {
      ana.child.stdin?.write(`${line}\n`);
    };

    const STEPS: Record<number, { text: string; run(step: ApprovalStep): Promise<void> }> = {
      1: {
        text: '`npm start`, open the URL it prints and choose **Group requests** (the group chat). You are Megan Bowen, a Global Administrator.',
        async run(step) {
          const chat = /\*\*(.+?)\*\*/.exec(step.text)?.[1];
          assert.equal(chat, groupChatName, 'the README names the group chat as the Playground shows it');
          assert.equal(client.config.currentUser.name, 'Megan Bowen');
        },
      },
      2: {
        text: 'In a second terminal, in the same folder: `npx groupbot chat --as ana@contoso.com --group`. You are Ana Silva.',
        async run(step) {
          const command = step.code[0] ?? '';
          assert.match(command, /^npx groupbot chat /);
          const args = command.replace(/^npx groupbot /, '').split(/\s+/);
          ana = spawnGroupProcess([GROUPBOT, ...args], {
            env: { ...process.env, ...env(), NO_PROXY: 'localhost,127.0.0.1' },
            stdin: 'pipe',
          });
          children.push(ana);
          await anaPrinted(/In the Playground's group chat as Ana Silva <ana@contoso\.com>/);
        },
      },
      3: {
        text: 'As Ana, type `I need access to Finance Readers, I\'m preparing the quarterly review`. The "Ask to join" card comes back with the reason already in the box; type `1` (Submit request), then Enter to keep the reason.',
        async run(step) {
          const [request, submit] = step.code as [string, string];
          mark = ana.stdout().length;
          askedAt = client.messages().length;
          type(request);
          const card = await anaPrinted(/Ask to join Finance Readers[\s\S]*1\) Submit request/);
          assert.match(card, /\(now: I'm preparing the quarterly review\)/, 'the reason is already in the box');
          mark = ana.stdout().length;
          type(submit);
          await anaPrinted(/Why do you need access\? \[I'm preparing the quarterly review\]: /);
          type('');
          approvalCard = await next(group(), /Ana Silva asks to join Finance Readers/);
        },
      },
      4: {
        text: "In the browser, the group chat shows Ana's request and the approval card addressed to Olga Owner, the owner. As Megan (an administrator may decide any request) press **Approve**.",
        async run() {
          assert.match(approvalCard.text, /<at>Olga Owner<\/at>/, 'the approval card is addressed to Olga Owner');
          mark = ana.stdout().length;
          const answer = await press(approvalCard, 'Approve');
          assert.match(answer.text, /Approved by Megan Bowen/);
        },
      },
      5: {
        text: 'Every copy of the card, in the browser and in Ana\'s terminal, now says "Approved by Megan Bowen", with no buttons left, and Ana is told. Type `my requests` as Ana: the answer in the group chat names her requests and where each stands, and keeps her justification out of the group chat.',
        async run(step) {
          await next(group(), /Approved by Megan Bowen/);
          // Every copy of this request's card (Ana's "Ask to join" turned status card, the owners' card), as last
          // pushed: the decision, and no buttons.
          const latest = new Map<string, PlaygroundPush>();
          for (const p of client.messages(group()))
            if (p.seq >= askedAt && p.message.attachments.length) latest.set(p.message.messageId, p);
          const copies = [...latest.values()].filter((p) => /Finance Readers/.test(pushText(p)));
          assert.ok(copies.length >= 2, `the requester's and the owners' copies (${copies.length})`);
          for (const copy of copies) {
            assert.match(
              pushText(copy),
              /Approved by Megan Bowen/,
              `copy ${copy.message.messageId} shows the decision`,
            );
            assert.deepEqual(
              cardButtons(copy.message.attachments[0]?.content).map((b) => b.title),
              [],
              `copy ${copy.message.messageId} has no buttons left`,
            );
          }
          await anaPrinted(/Approved by Megan Bowen/);
          await anaPrinted(/approved your request|You are now a member|you're now a member/i);
          assert.ok((await memberIds(DEMO_GROUPS.financeReaders.id)).includes(DEMO_USERS.ana.id), 'Ana was added');
          const mine = step.code.find((c) => c === 'my requests');
          assert.ok(mine, 'step 5 asks for `my requests`');
          type(mine);
          const line = await next(group(), /<at>Ana Silva<\/at>.*access request/);
          assert.match(line.text, /Finance Readers \(approved by Megan Bowen\)/);
          assert.doesNotMatch(line.text, /quarterly review/, 'her justification stays out of the group chat');
          type('exit');
          await ana.exited;
        },
      },
    };

    for (const step of steps) {
      it(`step ${step.n}: ${step.text.slice(0, 80)}…`, async () => {
        const check = STEPS[step.n];
        assert.ok(check, `no check for README "Try an approval" step ${step.n}: ${step.text}`);
        assert.equal(step.text, check.text, `README "Try an approval" step ${step.n} changed; check it and update`);
        await check.run(step);
      });
    }
  });

  // ---------------------------------------------------------------------------------------------------------------
  // "How to chat", in a terminal: while `npm start` runs, `groupbot chat --as …` is a 1:1 chat with its bot.

  describe('How to chat', () => {
    it('How to chat: the terminal 1:1 chat uses the bot and store of `npm start`', async () => {
      const bullet =
        /- \*\*In a terminal\*\*: `(npx groupbot chat --as [^`]+)`[\s\S]*?When `npm start` is up on the same `DATA_DIR`, it is that user's 1:1 chat with the\s+bot `npm start` runs \(same store: `my requests`, approvals, history and Undo\)/.exec(
          README,
        );
      assert.ok(bullet, 'README "How to chat" still promises the 1:1 chat through the running bot');
      const args = (bullet[1] as string).replace(/^npx groupbot /, '').split(/\s+/);
      const chat = spawnGroupProcess([GROUPBOT, ...args], {
        env: { ...process.env, ...env(), NO_PROXY: 'localhost,127.0.0.1' },
        stdin: 'pipe',
      });
      children.push(chat);
      const ready = await chat.waitFor(/in a 1:1 chat with the bot of `npm start`/, WAIT_MS);
      assert.ok(ready !== 'exit' && ready !== 'timeout', `the chat did not join npm start:\n${chat.output()}`);
      chat.child.stdin?.write('my requests\n');
      // Ana's requests from the stack's store (the earlier checks filed two: one cancelled, one approved).
      const listed = await chat.waitFor(
        /Your access requests[\s\S]*Finance Readers[\s\S]*(approved|Approved)/,
        WAIT_MS,
      );
      assert.ok(listed !== 'exit' && listed !== 'timeout', `no list of her requests:\n${chat.output()}`);
      assert.doesNotMatch(chat.output(), /not available here|runs without its store/);
      chat.child.stdin?.write('exit\n');
      await chat.exited;
    });
  });

  // ---------------------------------------------------------------------------------------------------------------
  // The command block: each line run as written (through bash, in the repository), except that the emulator gets
  // a free port and a temporary data directory instead of 8443 and .data/graph (they may be taken here).

  describe('the command block', () => {
    const lines = commandBlock(README);
    let emulator: GroupProcess | undefined;
    let emulatorUrl = '';
    const graphDir = (): string => join(dir, 'cli-graph');
    const adapt = (command: string): string =>
      command.replace('--port 8443', '--port 0').replace(/\.data\/graph/g, graphDir());

    /**
     * Runs a README line with bash in the repository. `npx groupbot` resolves to this package's own bin (checked
     * once, on the first line); the other lines call bin/groupbot.js through a shell function of that name, which
     * saves npx's seconds of start-up per line.
     */
    function sh(command: string, viaNpx = false): { stdout: string; stderr: string; status: number | null } {
      const shim =
        'npx() { if [ "$1" = groupbot ]; then shift; node bin/groupbot.js "$@"; else command npx "$@"; fi; }; ';
      const r = spawnSync('bash', ['-c', `${viaNpx ? '' : shim}${command}`], {
        cwd: ROOT,
        env: { ...process.env, NO_PROXY: 'localhost,127.0.0.1' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { stdout: r.stdout, stderr: r.stderr, status: r.status };
    }

    const COMMANDS: Record<string, (command: string, comment: string) => Promise<void>> = {
      'npx groupbot parse "add Ana and Bob to Sales and Marketing"': async (command) => {
        const r = sh(command, true);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout), {
          intent: 'addMembers',
          users: ['Ana', 'Bob'],
          groups: ['Sales and Marketing'],
        });
      },
      "printf 'hi\\nwho owns X\\n' | npx groupbot parse -": async (command) => {
        const r = sh(command);
        assert.equal(r.status, 0, r.stderr);
        const out = r.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { intent: string; groups?: string[] });
        assert.equal(out.length, 2, 'one JSON line per input line');
        assert.deepEqual(out[1], { intent: 'listOwners', groups: ['X'] }, 'same order');
        assert.notEqual(out[0]?.intent, 'listOwners');
      },
      'npx groupbot rule check \'user.department -eq "Marketing" -and user.city -eq "Seattle"\'': async (command) => {
        const r = sh(command);
        assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
        assert.match(r.stdout, /valid|ok/i);
      },
      'echo \'{"department":"Marketing","city":"Seattle"}\' | npx groupbot rule eval \'user.city -eq "Seattle"\'':
        async (command) => {
          const r = sh(command);
          assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
          assert.match(r.stdout, /true|match/i);
          const other = sh(command.replace('"city":"Seattle"', '"city":"Paris"'));
          assert.doesNotMatch(other.stdout, /^true/i, 'a user elsewhere does not match');
        },
      'npx groupbot emulator --port 8443 --data .data/graph': async (command) => {
        const args = adapt(command)
          .replace(/^npx groupbot /, '')
          .split(/\s+/);
        emulator = spawnGroupProcess([GROUPBOT, ...args], { env: { ...process.env } });
        children.push(emulator);
        const ready = await emulator.waitFor(/https:\/\/localhost:\d+\/v1\.0/, 60_000);
        assert.ok(ready !== 'exit' && ready !== 'timeout', `the emulator did not start:\n${emulator.output()}`);
        emulatorUrl = ready[0];
      },
      'npx groupbot token --as megan@contoso.com --data .data/graph': async (command) => {
        assert.ok(emulatorUrl, 'the emulator line ran first');
        const r = sh(adapt(command));
        assert.equal(r.status, 0, r.stderr);
        const token = r.stdout.trim();
        assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'a JWT');
        const ca = readFileSync(join(graphDir(), 'tls', 'ca-certificate.pem'), 'utf8');
        const res = await undiciFetch(`${emulatorUrl}/me`, {
          headers: { authorization: `Bearer ${token}` },
          dispatcher: new Agent({ connect: { ca } }),
        });
        assert.equal(res.status, 200, 'the emulator accepts it');
        assert.equal(((await res.json()) as { userPrincipalName: string }).userPrincipalName, 'megan@contoso.com');
        await emulator?.stop(5000);
      },
    };

    for (const line of lines) {
      it(`${line.command}`, async () => {
        const check = COMMANDS[line.command];
        assert.ok(check, `no check for README command ${line.command}`);
        await check(line.command, line.comment);
      });
    }

    it('the parse paragraph: multi steps, shared groups, nameContains', () => {
      for (const quoted of [
        '("add Ana to Sales and Bob to Legal")',
        '("add Adele and remove Nestor from Marketing" gives both steps the group)',
        '("groups whose name mentions Finance")',
      ])
        assert.ok(README.includes(quoted), `the README still says ${quoted}`);
      const multi = parseIntent('add Ana to Sales and Bob to Legal');
      assert.equal(multi.intent, 'multi');
      assert.deepEqual(
        multi.steps?.map((s) => [s.intent, s.users, s.groups]),
        [
          ['addMembers', ['Ana'], ['Sales']],
          ['addMembers', ['Bob'], ['Legal']],
        ],
      );
      const shared = parseIntent('add Adele and remove Nestor from Marketing');
      assert.deepEqual(
        shared.steps?.map((s) => [s.intent, s.groups]),
        [
          ['addMembers', ['Marketing']],
          ['removeMembers', ['Marketing']],
        ],
      );
      assert.deepEqual(parseIntent('groups whose name mentions Finance'), {
        intent: 'listGroups',
        nameContains: 'Finance',
      });
    });
  });
});
