import { strict as assert } from 'node:assert';
import { Agent, fetch } from 'undici';
import { startHarness, UPN, allText, type Harness } from './command-harness';
import { runIntent } from '../../../bot/commands/dispatch';
import type { CommandContext } from '../../../bot/commands/context';
import { closeGraphConnections, createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { oneDriveFileSink } from '../../../bot/exports/onedrive-file-sink';
import { parseIntent } from '../../../bot/language';
import { DEFAULT_SCOPES } from '../../../graph-emulator';
import { createLogger } from '../../../bot/log';
import { assertNoLeaks } from '../../support/card-scan';

/** The URL of the card's Action.OpenUrl. */
function urlOf(card: unknown): string {
  const a = (card as { actions?: { type: string; url?: string }[] }).actions?.find((x) => x.type === 'Action.OpenUrl');
  assert.ok(a?.url, 'an Open URL button');
  return a.url;
}

describe('bot/commands/members-export (emulator, OneDrive)', function () {
  this.timeout(120_000);
  let h: Harness;
  let agent: Agent;
  const logged: string[] = [];
  const files = oneDriveFileSink({ log: createLogger('warn', (l) => logged.push(l)) });
  before(async () => {
    h = await startHarness();
    agent = new Agent({ connect: { ca: h.emulator.caPem } });
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
    await agent.close();
  });

  /** GET a link on the emulator as a demo user. */
  async function open(url: string, upn: string): Promise<{ status: number; text: string; disposition: string }> {
    const token = await h.emulator.issueToken(upn);
    const res = await fetch(url, { dispatcher: agent, headers: { Authorization: `Bearer ${token}` } });
    return { status: res.status, text: await res.text(), disposition: res.headers.get('content-disposition') ?? '' };
  }

  /** A context whose token carries only these scopes. */
  async function ctxWithScopes(upn: string, scopes: string[]): Promise<CommandContext> {
    const base = await h.ctx(upn);
    const token = await h.emulator.issueToken(upn, { scopes });
    const client = createGraphClient({ baseUrl: h.emulator.baseUrl, caPem: h.emulator.caPem }, async () => token);
    return { ...base, graph: new GraphSession(client, { baseUrl: h.emulator.baseUrl }, async () => undefined) };
  }

  it('parses "export the members of Marketing" and "download Sales members as CSV"', () => {
    assert.deepEqual(parseIntent('export the members of Marketing'), {
      intent: 'exportMembers',
      groups: ['Marketing'],
    });
    assert.deepEqual(parseIntent('download Sales members as CSV'), { intent: 'exportMembers', groups: ['Sales'] });
    assert.equal(parseIntent('who is in Marketing').intent, 'listMembers');
  });

  it("a nested group: the CSV is saved in the user's OneDrive and the card's link opens it for them only", async () => {
    const ctx = { ...(await h.ctx(UPN.megan)), files };
    const out = await runIntent({ intent: 'exportMembers', groups: ['Engineering All'] }, ctx);
    const url = urlOf(out.replies[0]?.card);
    assert.match(url, new RegExp(`^${h.emulator.baseUrl}/personal/megan_contoso_com/s/[A-Za-z0-9_-]{43}$`));
    const res = await open(url, UPN.megan);
    assert.equal(res.status, 200);
    assert.match(res.disposition, /attachment; filename="Engineering All members \d{4}-\d{2}-\d{2}\.csv"/);
    const csv = res.text.replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'Name,Mail,User principal name,Type,How they are in the group');
    assert.ok(
      lines.some((l) => /^Lee Gu,lee@contoso\.com,lee@contoso\.com,Member user,Direct member; owner$/.test(l)),
      csv,
    );
    assert.ok(
      lines.some((l) => /^Engineering Platform,.*,Group,Direct member$/.test(l)),
      csv,
    );
    assert.ok(
      lines.some((l) => /^Zo.* M.*,Member user,Through nested group 'Engineering Platform'$/.test(l)),
      csv,
    );
    assert.match(allText(out), /rows for 'Engineering All'/);
    assertNoLeaks(out.replies, 'the export reply');
    assert.match(allText(out), /Saved as Engineering All members .* in your OneDrive › groupbot exports/);
    assert.equal((await open(url, 'alex@contoso.com')).status, 403, 'a colleague who sees the card cannot open it');
  });

  it('without Files.ReadWrite: says which permission is missing and shows the first rows instead', async () => {
    const ctx = {
      ...(await ctxWithScopes(
        UPN.megan,
        DEFAULT_SCOPES.filter((s) => s !== 'Files.ReadWrite'),
      )),
      files,
    };
    const out = await runIntent({ intent: 'exportMembers', groups: ['Finance Readers'] }, ctx);
    const text = allText(out);
    assert.match(text, /needs the delegated permission Files\.ReadWrite/);
    assert.match(text, /here are the first \d+ rows as CSV:\nName,Mail/);
    assert.match(text, /Olga Owner,olga@contoso\.com/);
    assert.equal(out.replies[0]?.card, undefined);
  });

  it('a guest (no OneDrive: Graph answers 404) is told so and still gets the rows', async () => {
    const ctx = { ...(await h.ctx(UPN.guest)), files };
    // By id: guests cannot look groups up by name, but read a group they belong to.
    const out = await runIntent({ intent: 'exportMembers', groups: ['0b4f6c1e-93a2-4d57-8e0f-2c9d7a61b5e4'] }, ctx);
    const text = allText(out);
    assert.match(text, /you have no OneDrive in this organization yet/);
    assert.match(text, /Nestor/);
  });
});
