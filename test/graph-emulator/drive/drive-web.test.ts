/**
 * A sharing link opened in a browser (no bearer token): sent to the emulator's local sign-in page, signed in as
 * the owner it downloads the CSV, signed in as someone else it shows the 403 page; the session cookie's flags;
 * bad sign-in input; and the bearer-token path as it was (200 owner, 403 colleague, 401 without a token).
 */
import { strict as assert } from 'node:assert';
import type { Agent } from 'undici';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { closeGraphConnections } from '../../../bot/directory/graph-client';

type Obj = Record<string, unknown>;
const CSV = '\uFEFFName,Mail\r\nAna Silva,ana@contoso.com\r\n';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface Got {
  status: number;
  headers: Headers;
  body: string;
}

describe('graph-emulator drive web addresses opened in a browser (sign-in page, session cookie)', function () {
  this.timeout(120_000);
  let emu: TestEmulator;
  let agent: Agent;
  /** The sharing link's path, `/personal/megan_contoso_com/s/<token>`. */
  let linkPath: string;

  /** One request, redirects not followed, as a browser would send it. */
  async function browser(
    method: string,
    pathAndQuery: string,
    o: { cookie?: string; form?: Record<string, string>; accept?: string; token?: string } = {},
  ): Promise<Got> {
    const headers: Record<string, string> = { Accept: o.accept ?? BROWSER_ACCEPT };
    if (o.cookie) headers.Cookie = o.cookie;
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    if (o.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(`${emu.baseUrl}${pathAndQuery}`, {
      method,
      headers,
      redirect: 'manual',
      ...(o.form ? { body: new URLSearchParams(o.form).toString() } : {}),
      dispatcher: agent,
    } as RequestInit);
    return { status: res.status, headers: res.headers, body: await res.text() };
  }

  /** Signs in through the form as `upn`; returns the `name=value` cookie and the POST's answer. */
  async function signIn(upn: string): Promise<{ cookie: string; res: Got }> {
    const res = await browser('POST', '/_layouts/signin', { form: { upn, return: linkPath } });
    const set = res.headers.get('set-cookie') ?? '';
    return { cookie: set.split(';')[0] ?? '', res };
  }

  before(async () => {
    emu = await startTestEmulator();
    const { Agent: UndiciAgent } = await import('undici');
    agent = new UndiciAgent({ connect: { ca: emu.emulator.caPem } });
    const megan = await emu.token('megan@contoso.com');
    const put = await emu.raw(
      'PUT',
      encodeURI('/v1.0/me/drive/root:/groupbot exports/Marketing members.csv:/content'),
      {
        token: megan,
        body: CSV,
        headers: { 'Content-Type': 'text/csv' },
      },
    );
    assert.equal(put.status, 201, put.text);
    const item = put.json() as Obj;
    const link = await emu.raw('POST', `/v1.0/me/drive/items/${item.id as string}/createLink`, {
      token: megan,
      body: JSON.stringify({ type: 'view', scope: 'users' }),
    });
    assert.equal(link.status, 201, link.text);
    linkPath = new URL(((link.json() as Obj).link as Obj).webUrl as string).pathname;
    assert.match(linkPath, /^\/personal\/megan_contoso_com\/s\/[A-Za-z0-9_-]{43}$/);
  });
  after(async () => {
    await closeGraphConnections();
    await agent.close();
    await emu.stop();
  });

  it('without a session a browser is sent to the local sign-in page, which lists the tenant and says there is no password', async () => {
    const first = await browser('GET', linkPath);
    assert.equal(first.status, 302);
    const location = first.headers.get('location') ?? '';
    assert.equal(location, `/_layouts/signin?return=${encodeURIComponent(linkPath)}`);
    const page = await browser('GET', location);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html; charset=utf-8$/);
    assert.match(page.body, /<h1>Sign in to open this file<\/h1>/);
    assert.match(page.body, /local Graph emulator/);
    assert.match(page.body, /no password/);
    assert.match(page.body, /<button type="submit">Megan Bowen<\/button>/);
    assert.match(page.body, /value="megan@contoso\.com"/);
    assert.match(page.body, /<input name="upn" type="email"/);
    assert.ok(page.body.includes(`name="return" value="${linkPath}"`), 'the form carries the link back');
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.equal(page.headers.get('cache-control'), 'no-store');
  });

  it('signing in as the owner sets an HttpOnly, Secure, SameSite=Lax host-only cookie and redirects back to the CSV', async () => {
    const { cookie, res } = await signIn('Megan@Contoso.com');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), linkPath);
    const set = res.headers.get('set-cookie') ?? '';
    const attrs = set.split(';').map((a) => a.trim().toLowerCase());
    assert.match(cookie, /^__Host-graphemu-session=[A-Za-z0-9_-]{43}$/);
    assert.ok(attrs.includes('httponly'), set);
    assert.ok(attrs.includes('secure'), set);
    assert.ok(attrs.includes('samesite=lax'), set);
    assert.ok(attrs.includes('path=/'), set);
    assert.ok(attrs.includes('max-age=28800'), set);
    assert.ok(!attrs.some((a) => a.startsWith('domain=')), 'no Domain: the cookie stays with the emulator origin');

    const file = await browser('GET', linkPath, { cookie });
    assert.equal(file.status, 200, file.body);
    assert.equal(file.headers.get('content-type'), 'text/csv');
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment; filename="Marketing members\.csv"/);
    assert.equal(file.body, CSV.replace(/^\uFEFF/, ''), 'fetch strips the BOM when decoding; the rest is the file');
    assert.equal(file.headers.get('content-length'), String(Buffer.byteLength(CSV)));
  });

  it('signed in as someone the link does not admit, the browser gets the 403 page', async () => {
    const { cookie, res } = await signIn('alex@contoso.com');
    assert.equal(res.status, 303);
    const denied = await browser('GET', linkPath, { cookie });
    assert.equal(denied.status, 403);
    assert.match(denied.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(denied.body, /This link was shared with someone else\./);
    assert.match(denied.body, /alex@contoso\.com/);
    assert.doesNotMatch(denied.body, /Ana Silva/);
  });

  it('keeps the bearer-token path as it was, and a bearer token wins over a cookie', async () => {
    const megan = await emu.token('megan@contoso.com');
    const alex = await emu.token('alex@contoso.com');
    const owner = await browser('GET', linkPath, { token: megan, accept: '*/*' });
    assert.equal(owner.status, 200);
    assert.equal(owner.headers.get('content-type'), 'text/csv');
    const colleague = await browser('GET', linkPath, { token: alex, accept: '*/*' });
    assert.equal(colleague.status, 403);
    assert.match(colleague.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(colleague.body, /You need permission to access this item\./);
    const none = await browser('GET', linkPath, { accept: '*/*' });
    assert.equal(none.status, 401, 'a client that does not ask for HTML still gets 401');
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer /);
    const { cookie } = await signIn('megan@contoso.com');
    const wrongBearer = await browser('GET', linkPath, { token: 'not-a-token', cookie });
    assert.equal(wrongBearer.status, 401, 'a bad bearer token is not rescued by the session');
    const sessionOnly = await browser('GET', linkPath, { cookie, accept: '*/*' });
    assert.equal(sessionOnly.status, 200, 'a session works for any client that sends the cookie');
  });

  it('refuses bad sign-in input: unknown UPN, a return address off the emulator, a forged cookie', async () => {
    const unknown = await browser('POST', '/_layouts/signin', {
      form: { upn: 'nobody@contoso.com', return: linkPath },
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.headers.get('set-cookie'), null);
    assert.match(unknown.body, /There is no enabled account with that UPN/);
    for (const ret of [
      'https://example.com/',
      '//example.com/personal/x',
      '/v1.0/me',
      '/personal/a//b',
      '/personal/a\r\nX: y',
    ])
      assert.equal(
        (await browser('POST', '/_layouts/signin', { form: { upn: 'megan@contoso.com', return: ret } })).status,
        400,
        ret,
      );
    assert.equal((await browser('GET', '/_layouts/signin?return=https%3A%2F%2Fexample.com%2F')).status, 400);
    const forged = await browser('GET', linkPath, { cookie: `__Host-graphemu-session=${'A'.repeat(43)}` });
    assert.equal(forged.status, 302, 'an unknown session is no session');
    assert.equal((await browser('DELETE', '/_layouts/signin')).status, 405);
  });
});
