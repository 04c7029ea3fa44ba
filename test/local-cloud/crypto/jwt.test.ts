import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeJwt, JwtRejected, signJwt, verifyJwt } from '../../../local-cloud/crypto/jwt';
import { ensureRsaKey, publicJwk } from '../../../local-cloud/crypto/rsa-key';

describe('local-cloud JWTs and keys', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-jwt-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const now = () => Math.floor(Date.now() / 1000);
  const expect = { issuer: 'iss-a', audience: 'aud-a' };

  it('creates a key once and reuses it; its JWK carries the kid and extra members', () => {
    const a = ensureRsaKey(dir, 'k');
    const b = ensureRsaKey(dir, 'k');
    assert.equal(a.kid, b.kid);
    assert.notEqual(ensureRsaKey(dir, 'other').kid, a.kid);
    const jwk = publicJwk(a, { endorsements: ['msteams'] });
    assert.deepEqual([jwk.kty, jwk.kid, jwk.endorsements], ['RSA', a.kid, ['msteams']]);
  });

  it('verifies what it signs, and names the check that fails', () => {
    const key = ensureRsaKey(dir, 'k');
    const token = signJwt(key, { iss: 'iss-a', aud: 'aud-a', exp: now() + 60 });
    assert.equal(verifyJwt(key, token, expect).aud, 'aud-a');
    assert.equal(decodeJwt(token)?.iss, 'iss-a');
    const reject = (t: string, e: Partial<typeof expect>, why: RegExp) =>
      assert.throws(
        () => verifyJwt(key, t, { ...expect, ...e }),
        (err: unknown) => err instanceof JwtRejected && why.test(err.message),
      );
    reject(token, { issuer: 'iss-b' }, /issuer/);
    reject(token, { audience: 'aud-b' }, /audience/);
    reject(signJwt(key, { iss: 'iss-a', aud: 'aud-a', exp: now() - 600 }), {}, /expired/);
    reject(signJwt(ensureRsaKey(dir, 'other'), { iss: 'iss-a', aud: 'aud-a', exp: now() + 60 }), {}, /signature/);
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ iss: 'iss-a', aud: 'aud-a', exp: now() + 9999 })).toString('base64url')}.${s}`;
    reject(forged, {}, /signature/);
    reject('not.a-token', {}, /malformed|signature/);
  });
});
