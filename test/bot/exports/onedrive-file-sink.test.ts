/**
 * bot/exports against the real Graph emulator over HTTPS, with the bot's own Graph client: the upload path
 * (names with spaces, '#', '%' and accents), the private view link (same link on a second export of the same
 * file), the sink's card (name, rows, size, where, link), the 250 MB refusal before any request, and the
 * sentences for a missing Files.ReadWrite scope and a user without a OneDrive.
 */
import { strict as assert } from 'node:assert';
import { Agent, fetch } from 'undici';
import { startHarness, UPN, type Harness } from '../commands/command-harness';
import { FileNotDelivered } from '../../../bot/exports/file-sink';
import { closeGraphConnections, createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { oneDriveFileSink } from '../../../bot/exports/onedrive-file-sink';
import {
  MAX_SIMPLE_UPLOAD_BYTES,
  UploadTooLarge,
  uploadPath,
  uploadToOneDrive,
} from '../../../bot/exports/onedrive-upload';
import { createPrivateViewLink } from '../../../bot/exports/share-link';
import { createLogger } from '../../../bot/log';
import { DEFAULT_SCOPES } from '../../../graph-emulator';

type Card = {
  body: { type: string; text?: string; facts?: { title: string; value: string }[] }[];
  actions: { url: string }[];
};

describe('bot/exports: OneDrive upload and link (emulator over HTTPS)', function () {
  this.timeout(120_000);
  let h: Harness;
  let agent: Agent;
  const sink = oneDriveFileSink({ log: createLogger('error', () => undefined) });
  before(async () => {
    h = await startHarness();
    agent = new Agent({ connect: { ca: h.emulator.caPem } });
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
    await agent.close();
  });

  async function session(upn: string, scopes?: string[]): Promise<GraphSession> {
    const token = await h.emulator.issueToken(upn, scopes ? { scopes } : {});
    const client = createGraphClient({ baseUrl: h.emulator.baseUrl, caPem: h.emulator.caPem }, async () => token);
    return new GraphSession(client, { baseUrl: h.emulator.baseUrl }, async () => undefined);
  }

  async function download(url: string, upn: string): Promise<{ status: number; body: string }> {
    const token = await h.emulator.issueToken(upn);
    const res = await fetch(url, { dispatcher: agent, headers: { Authorization: `Bearer ${token}` } });
    // The bytes as stored (res.text() would drop the byte-order mark).
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()).toString('utf8') };
  }

  it('encodes every path segment of the upload path', () => {
    assert.equal(
      uploadPath('A #1 100% é.csv'),
      '/me/drive/root:/groupbot%20exports/A%20%231%20100%25%20%C3%A9.csv:/content',
    );
  });

  it('uploads a file whose name has spaces, #, % and accents, and links to it; the same file again keeps the link', async () => {
    const megan = await session(UPN.megan);
    const name = 'Zoë #1 100% members 2026-12-07.csv';
    const saved = await uploadToOneDrive(megan, name, Buffer.from('a,b\r\n'), 'text/csv; charset=utf-8');
    assert.equal(saved.name, name);
    assert.equal(saved.size, 5);
    const url = await createPrivateViewLink(megan, saved.id);
    assert.equal((await download(url, UPN.megan)).body, 'a,b\r\n');
    const again = await uploadToOneDrive(megan, name, Buffer.from('a,b,c\r\n'), 'text/csv; charset=utf-8');
    assert.equal(again.id, saved.id, 'replaced in place');
    assert.equal(await createPrivateViewLink(megan, again.id), url, 'createLink gives the existing link');
    assert.equal((await download(url, UPN.megan)).body, 'a,b,c\r\n', 'the link shows the new content');
    assert.equal((await download(url, UPN.bob)).status, 403);
  });

  it('the sink answers with a card: name, rows, size, where it is saved and the link', async () => {
    const body = Buffer.from('\uFEFFName\r\nAna\r\nBob\r\n', 'utf8');
    const reply = await sink.offer(
      {
        name: 'Sales members 2026-12-07.csv',
        contentType: 'text/csv; charset=utf-8',
        body,
        description: '2 rows.',
        rows: 2,
      },
      await session(UPN.megan),
    );
    const card = reply.card as unknown as Card;
    assert.equal(card.body[0]?.text, 'Sales members 2026-12-07.csv');
    const facts = card.body.find((b) => b.type === 'FactSet')?.facts ?? [];
    assert.deepEqual(
      facts.map((f) => [f.title, f.value]),
      [
        ['Rows', '2 rows'],
        ['Size', `${body.length} bytes`],
        ['Saved in', 'OneDrive › groupbot exports'],
      ],
    );
    assert.match(JSON.stringify(card), /Only the person who asked for this export can open the link/);
    const url = card.actions[0]?.url ?? '';
    assert.equal((await download(url, UPN.megan)).body, body.toString('utf8'));
    assert.match(reply.text, /only you can open this link/);
  });

  it('refuses a file over 250 MB before sending anything', async () => {
    const megan = await session(UPN.megan);
    await h.resetStats();
    const huge = Buffer.allocUnsafeSlow(MAX_SIMPLE_UPLOAD_BYTES + 1);
    await assert.rejects(uploadToOneDrive(megan, 'huge.csv', huge, 'text/csv'), UploadTooLarge);
    await assert.rejects(
      sink.offer({ name: 'huge.csv', contentType: 'text/csv', body: huge, description: '', rows: 1 }, megan),
      (e: unknown) => e instanceof FileNotDelivered && /more than the 250 MB/.test(e.reason),
    );
    assert.equal(await h.requests(), 0);
  });

  it('FileNotDelivered says what to do: Files.ReadWrite missing (403), no OneDrive (404)', async () => {
    const file = { name: 'x.csv', contentType: 'text/csv', body: Buffer.from('x'), description: '', rows: 1 };
    const noScope = await session(
      UPN.megan,
      DEFAULT_SCOPES.filter((s) => s !== 'Files.ReadWrite'),
    );
    await assert.rejects(
      sink.offer(file, noScope),
      (e: unknown) => e instanceof FileNotDelivered && /Files\.ReadWrite/.test(e.reason),
    );
    await assert.rejects(
      sink.offer(file, await session(UPN.guest)),
      (e: unknown) => e instanceof FileNotDelivered && /no OneDrive in this organization/.test(e.reason),
    );
  });
});
