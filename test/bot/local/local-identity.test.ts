/**
 * Local mode's identity provider against a real data directory (a signing key and a users index on disk): tokens
 * verify with the emulator's key, name the user, and one is reused across turns rather than signed every time.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalIdentity } from '../../../bot/local/local-identity';
import { ensureSigningKey } from '../../../graph-emulator/auth/signing-key';
import { verifyAccessToken } from '../../../graph-emulator/auth/access-token';
import { writeUsersIndex } from '../../../graph-emulator/auth/users-index-file';

describe('bot/local/local-identity', () => {
  let dir: string;
  const ana = { id: '11111111-2222-3333-4444-555555555555', upn: 'ana@contoso.com', displayName: 'Ana Silva' };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-identity-'));
    writeUsersIndex(dir, { tenantId: 't1', users: { [ana.upn]: ana } });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('mints a token the emulator accepts, for the user named by UPN or by id', () => {
    const identity = new LocalIdentity(dir);
    const claims = verifyAccessToken(ensureSigningKey(dir), identity.tokenFor('ana@contoso.com'));
    assert.equal(claims.oid, ana.id);
    assert.equal(identity.tokenFor(ana.id), identity.tokenFor('ANA@contoso.com'), 'the same user, the same token');
  });

  it('reuses the minted token on later turns instead of signing a new one', async () => {
    const identity = new LocalIdentity(dir);
    const first = identity.tokenFor(ana.upn);
    // A second later a freshly signed token differs (its iat moved on); the cached one does not.
    await new Promise((r) => setTimeout(r, 1100));
    assert.notEqual(new LocalIdentity(dir).tokenFor(ana.upn), first, 'signing again gives another token');
    assert.equal(identity.tokenFor(ana.upn), first);
  });

  it('refuses a user who is not in the local directory', () => {
    assert.throws(() => new LocalIdentity(dir).tokenFor('nobody@contoso.com'), /no user 'nobody@contoso.com'/);
  });
});
