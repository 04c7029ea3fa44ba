/**
 * Browser sessions of the emulator's OneDrive pages: a session names its user until it expires, ids are not
 * guessable, the cookie header is read by name, and the sign-in page escapes what it shows.
 */
import { strict as assert } from 'node:assert';
import { BrowserSessions, SESSION_COOKIE, sessionIdOf } from '../../../graph-emulator/drive/browser-sessions';
import { isSafeReturnPath, signInPage } from '../../../graph-emulator/drive/sign-in-page';

describe('graph-emulator browser sessions', () => {
  it('a session names its user until it expires, then is gone', () => {
    let now = 1_000_000;
    const s = new BrowserSessions(60_000, () => now);
    const a = s.open('user-a');
    const b = s.open('user-b');
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(s.userOf(a), 'user-a');
    assert.equal(s.userOf(b), 'user-b');
    assert.equal(s.userOf('unknown'), undefined);
    assert.equal(s.userOf(undefined), undefined);
    now += 59_999;
    assert.equal(s.userOf(a), 'user-a');
    now += 1;
    assert.equal(s.userOf(a), undefined, 'expired');
    assert.equal(s.userOf(b), undefined);
    assert.match(
      s.cookieFor(a),
      new RegExp(`^${SESSION_COOKIE}=${a}; Path=/; Max-Age=60; Secure; HttpOnly; SameSite=Lax$`),
    );
  });

  it('reads the session id out of a Cookie header by name', () => {
    assert.equal(sessionIdOf(`other=1; ${SESSION_COOKIE}=abc; x=2`), 'abc');
    assert.equal(sessionIdOf(`x${SESSION_COOKIE}=abc`), undefined);
    assert.equal(sessionIdOf(`${SESSION_COOKIE}=`), undefined);
    assert.equal(sessionIdOf(undefined), undefined);
  });

  it('the sign-in page returns only to the emulator’s own /personal/ paths and escapes names', () => {
    assert.ok(isSafeReturnPath('/personal/megan_contoso_com/s/abc_-'));
    assert.ok(isSafeReturnPath('/personal/megan_contoso_com/Documents/groupbot%20exports/a.csv'));
    for (const bad of ['https://x/', '//x', '/personal//x', '/personal/a\\b', '/v1.0/me', '/personal/"><script>'])
      assert.equal(isSafeReturnPath(bad), false, bad);
    const html = signInPage('/personal/a/s/t', [{ upn: 'e@x.com', displayName: '<b>Eve & "co"</b>' }], '<oops>');
    assert.ok(html.includes('&#60;b&#62;Eve &#38; &#34;co&#34;&#60;/b&#62;'));
    assert.ok(html.includes('&#60;oops&#62;'));
    assert.ok(!html.includes('<b>Eve'));
  });
});
