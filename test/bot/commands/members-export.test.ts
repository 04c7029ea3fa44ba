import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import { startHarness, UPN, allText, type Harness } from './command-harness';
import { runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { DownloadStore, downloadResponse } from '../../../bot/exports/download-store';
import { linkFileSink } from '../../../bot/exports/link-file-sink';
import { parseIntent } from '../../../bot/language';

/** The URL of the card's Action.OpenUrl. */
function urlOf(card: unknown): string {
  const a = (card as { actions?: { type: string; url?: string }[] }).actions?.find((x) => x.type === 'Action.OpenUrl');
  assert.ok(a?.url, 'an Open URL button');
  return a.url;
}

describe('bot/commands/members-export (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  let server: http.Server;
  let port = 0;
  const store = new DownloadStore();
  before(async () => {
    h = await startHarness();
    server = http.createServer((req, res) => {
      const r = downloadResponse(store, new URL(req.url ?? '/', 'http://x').pathname);
      res.writeHead(r.status, r.headers);
      res.end(r.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
    await new Promise((r) => server.close(r));
  });

  it('parses "export the members of Marketing" and "download Sales members as CSV"', () => {
    assert.deepEqual(parseIntent('export the members of Marketing'), {
      intent: 'exportMembers',
      groups: ['Marketing'],
    });
    assert.deepEqual(parseIntent('download Sales members as CSV'), { intent: 'exportMembers', groups: ['Sales'] });
    assert.equal(parseIntent('who is in Marketing').intent, 'listMembers');
  });

  it('a nested group: a CSV link served on loopback with name, mail, UPN, type and how each person is in it', async () => {
    const ctx = { ...(await h.ctx(UPN.megan)), files: linkFileSink(store, () => `http://127.0.0.1:${port}`) };
    const out = await runIntent({ intent: 'exportMembers', groups: ['Engineering All'] }, ctx);
    const url = urlOf(out.replies[0]?.card);
    assert.match(
      url,
      /^http:\/\/127\.0\.0\.1:\d+\/downloads\/[A-Za-z0-9_-]{43}\/Engineering%20All%20members%20\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="Engineering All members/);
    const csv = (await res.text()).replace(/^\uFEFF/, '');
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
    const other = await fetch(url.replace(/downloads\/[^/]+/, `downloads/${'A'.repeat(43)}`));
    assert.equal(other.status, 404, 'another token gets nothing');
  });

  it('without a file sink (terminal chat), the rows come as text', async () => {
    const ctx = await h.ctx(UPN.megan);
    const out = await runIntent({ intent: 'exportMembers', groups: ['Finance Readers'] }, ctx);
    assert.match(allText(out), /Files can't be sent here/);
    assert.match(allText(out), /Olga Owner,olga@contoso\.com/);
  });
});
