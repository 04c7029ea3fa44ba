/**
 * The emulator's OneDrive routes over HTTPS: simple upload by path (201 new, 200 replaced, driveItem body),
 * createLink (201 new, 200 the same link again, permission with a link facet), the link's webUrl downloading the
 * file for the owner only (a `users` link) or for members of the tenant (`organization`), the Files.ReadWrite
 * check (403 accessDenied without it), 404 for a user without a OneDrive (a guest), the 250 MB simple-upload
 * limit, and files surviving a restart.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEFAULT_SCOPES } from '../../../graph-emulator';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { rejectsWithGraphError } from '../graph-assert';

type Obj = Record<string, unknown>;
const PATH = '/me/drive/root:/groupbot exports/Sales members 2026-12-07.csv:/content';
const WITHOUT_FILES = DEFAULT_SCOPES.filter((s) => s !== 'Files.ReadWrite');

describe('graph-emulator /me/drive (files and sharing links)', function () {
  this.timeout(120_000);
  let emu: TestEmulator;
  let megan: Client;
  let alex: Client;

  before(async () => {
    emu = await startTestEmulator();
    megan = await emu.clientFor('megan@contoso.com');
    alex = await emu.clientFor('alex@contoso.com');
  });
  after(async () => {
    await closeGraphConnections();
    await emu.stop();
    fs.rmSync(emu.dataDir, { recursive: true, force: true });
  });

  /** GET a web address with an optional bearer token: status, headers and body text. */
  async function open(url: string, upn?: string): Promise<{ status: number; type: string; body: string }> {
    const token = upn ? await emu.token(upn) : undefined;
    const res = await emu.raw('GET', new URL(url).pathname, token ? { token } : {});
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: res.text };
  }

  it('uploads a new file (201), replaces it (200, same id) and reads it back by id and path', async () => {
    const body = Buffer.from('\uFEFFName,Mail\r\nAna Silva,ana@contoso.com\r\n', 'utf8');
    const first = (await megan.api(PATH).header('Content-Type', 'text/csv').put(body)) as Obj;
    assert.equal(first.name, 'Sales members 2026-12-07.csv');
    assert.equal(first.size, body.length);
    assert.deepEqual(first.file, { mimeType: 'text/csv' });
    assert.equal((first.parentReference as Obj).path, '/drive/root:/groupbot exports');
    assert.match(first.id as string, /^01[A-Z2-7]{32}$/);
    assert.match(first.eTag as string, /^"\{[0-9A-F-]{36}\},1"$/);
    const raw = await emu.raw('PUT', encodeURI(`/v1.0${PATH}`), {
      token: await emu.token('megan@contoso.com'),
      body: 'Name\r\nBob\r\n',
      headers: { 'Content-Type': 'text/plain' },
    });
    assert.equal(raw.status, 200, raw.text);
    const second = raw.json() as Obj;
    assert.equal(second.id, first.id);
    assert.equal(second.size, 11);
    assert.match(second.eTag as string, /,2"$/);
    const byId = (await megan.api(`/me/drive/items/${first.id as string}`).get()) as Obj;
    assert.equal(byId.size, 11);
    const byPath = (await megan.api('/me/drive/root:/groupbot exports/Sales members 2026-12-07.csv').get()) as Obj;
    assert.equal(byPath.id, first.id);
    const folder = (await megan.api('/me/drive/root:/groupbot exports').get()) as Obj;
    assert.deepEqual(folder.folder, { childCount: 1 });
    const drive = (await megan.api('/me/drive').get()) as Obj;
    assert.equal(drive.driveType, 'business');
    assert.equal(((drive.owner as Obj).user as Obj).displayName, 'Megan Bowen');
  });

  it('takes a file larger than 4 MB in one PUT (the simple-upload limit is 250 MB)', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 7, 0x61);
    const item = (await megan.api('/me/drive/root:/groupbot exports/big.csv:/content').put(big)) as Obj;
    assert.equal(item.size, big.length);
  });

  it('refuses a body declared larger than 250 MB with 413 before reading it', async () => {
    const token = await emu.token('megan@contoso.com');
    const url = new URL(`${emu.baseUrl}/v1.0/me/drive/root:/huge.csv:/content`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request(
        url,
        {
          method: 'PUT',
          ca: emu.emulator.caPem,
          headers: { Authorization: `Bearer ${token}`, 'Content-Length': String(250 * 1024 * 1024 + 1) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.write('x');
    });
    assert.equal(status, 413);
  });

  it('createLink: a view link for specific people (201, then 200 with the same link) that opens only for the owner', async () => {
    const item = (await megan.api('/me/drive/root:/groupbot exports/Sales members 2026-12-07.csv').get()) as Obj;
    const first = (await megan
      .api(`/me/drive/items/${item.id as string}/createLink`)
      .post({ type: 'view', scope: 'users' })) as Obj;
    assert.deepEqual(first.roles, ['read']);
    const link = first.link as Obj;
    assert.equal(link.type, 'view');
    assert.equal(link.scope, 'users');
    const url = link.webUrl as string;
    assert.match(url, new RegExp(`^${emu.baseUrl}/personal/megan_contoso_com/s/[A-Za-z0-9_-]{43}$`));
    const token = await emu.token('megan@contoso.com');
    const again = await emu.raw('POST', `/v1.0/me/drive/items/${item.id as string}/createLink`, {
      token,
      body: JSON.stringify({ type: 'view', scope: 'users' }),
    });
    assert.equal(again.status, 200);
    assert.equal(((again.json() as Obj).link as Obj).webUrl, url);

    const owner = await open(url, 'megan@contoso.com');
    assert.equal(owner.status, 200);
    assert.equal(owner.type, 'text/csv');
    assert.equal(owner.body, 'Name\r\nBob\r\n');
    assert.equal((await open(url, 'alex@contoso.com')).status, 403, 'a colleague was not added to the link');
    assert.equal((await open(url)).status, 401, 'no sign-in');
    assert.equal((await open(url.replace(/s\/.+$/, `s/${'A'.repeat(43)}`), 'megan@contoso.com')).status, 404);
    assert.equal((await open(item.webUrl as string, 'megan@contoso.com')).status, 200, "the item's own webUrl");
    assert.equal((await open(item.webUrl as string, 'alex@contoso.com')).status, 403);
  });

  it('an organization link opens for members of the tenant but not for guests', async () => {
    const put = await emu.raw('PUT', '/v1.0/me/drive/root:/report.csv:/content', {
      token: await emu.token('alex@contoso.com'),
      body: 'a,b\r\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    assert.equal(put.status, 201, 'a new file');
    const item = put.json() as Obj;
    const perm = (await alex
      .api(`/me/drive/items/${item.id as string}/createLink`)
      .post({ type: 'view', scope: 'organization' })) as Obj;
    const url = (perm.link as Obj).webUrl as string;
    assert.equal((await open(url, 'ana@contoso.com')).status, 200);
    assert.equal((await open(url, 'pat_fabrikam.com#EXT#@contoso.onmicrosoft.com')).status, 403);
  });

  it('errors in Graph shape: 403 accessDenied without Files.ReadWrite, 404 for a guest, 404 itemNotFound, 400 for bad input', async () => {
    const noFiles = await emu.clientFor('megan@contoso.com', WITHOUT_FILES);
    await rejectsWithGraphError(noFiles.api(PATH).put(Buffer.from('x')), 403, 'accessDenied');
    const readOnly = await emu.clientFor('megan@contoso.com', [...WITHOUT_FILES, 'Files.Read']);
    await rejectsWithGraphError(readOnly.api(PATH).put(Buffer.from('x')), 403, 'accessDenied');
    assert.ok(((await readOnly.api('/me/drive/root').get()) as Obj).root, 'Files.Read reads');
    const guest = await emu.clientFor('pat_fabrikam.com#EXT#@contoso.onmicrosoft.com');
    await rejectsWithGraphError(
      guest.api(PATH).put(Buffer.from('x')),
      404,
      'ResourceNotFound',
      "User's mysite not found.",
    );
    await rejectsWithGraphError(
      megan.api('/me/drive/items/01AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/createLink').post({ type: 'view', scope: 'users' }),
      404,
      'itemNotFound',
    );
    const item = (await megan.api('/me/drive/root:/groupbot exports/big.csv').get()) as Obj;
    const create = `/me/drive/items/${item.id as string}/createLink`;
    await rejectsWithGraphError(megan.api(create).post({ type: 'embed' }), 400, 'invalidRequest');
    await rejectsWithGraphError(megan.api(create).post({ type: 'view', scope: 'anonymous' }), 403, 'accessDenied');
    await rejectsWithGraphError(
      megan.api('/me/drive/root:/a|b.csv:/content').put(Buffer.from('x')),
      400,
      'invalidRequest',
    );
    const e = await rejectsWithGraphError(
      megan.api('/me/drive/root:/groupbot exports/big.csv:/content?@microsoft.graph.conflictBehavior=fail').put('x'),
      409,
      'nameAlreadyExists',
    );
    assert.ok(e.requestId, 'the error carries innerError request-id');
  });

  it('keeps files and links across a restart of the emulator', async () => {
    const item = (await megan.api('/me/drive/root:/groupbot exports/Sales members 2026-12-07.csv').get()) as Obj;
    const perm = (await megan
      .api(`/me/drive/items/${item.id as string}/createLink`)
      .post({ type: 'view', scope: 'users' })) as Obj;
    const dataDir = emu.dataDir;
    await closeGraphConnections();
    await emu.emulator.stop();
    emu = await startTestEmulator({ dataDir });
    megan = await emu.clientFor('megan@contoso.com');
    const after = (await megan.api(`/me/drive/items/${item.id as string}`).get()) as Obj;
    assert.equal(after.name, 'Sales members 2026-12-07.csv');
    const url = new URL((perm.link as Obj).webUrl as string);
    const res = await emu.raw('GET', url.pathname, { token: await emu.token('megan@contoso.com') });
    assert.equal(res.status, 200);
    assert.equal(res.text, 'Name\r\nBob\r\n');
  });
});
