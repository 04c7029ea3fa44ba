/** Shared empty arrays: built and reloaded objects share one frozen empty array; in-place changes throw. */
import { strict as assert } from 'node:assert';
import { buildUser } from '../../../graph-emulator/directory/object-factory';
import { emptyArray, shareEmptyArrays } from '../../../graph-emulator/model/shared-values';

describe('graph-emulator shared empty arrays', () => {
  it('built users share the frozen empty array; an in-place change throws instead of changing every user', () => {
    const a = buildUser({ id: '1', upn: 'a@contoso.com', displayName: 'A' });
    const b = buildUser({ id: '2', upn: 'b@contoso.com', displayName: 'B' });
    assert.equal(a.assignedLicenses, b.assignedLicenses);
    assert.ok(Object.isFrozen(a.assignedLicenses));
    assert.throws(() => a.assignedLicenses.push({ skuId: 'x', disabledPlans: [] }), TypeError);
    assert.deepEqual(b.assignedLicenses, []);
    assert.deepEqual(a.proxyAddresses, ['SMTP:a@contoso.com']);
  });

  it('shareEmptyArrays swaps parsed empty arrays and leaves the rest alone', () => {
    const parsed = JSON.parse('{"id":"1","otherMails":[],"businessPhones":["+1 555"],"mail":null}') as Record<
      string,
      unknown
    >;
    const out = shareEmptyArrays(parsed);
    assert.equal(out, parsed);
    assert.equal(out.otherMails, emptyArray());
    assert.deepEqual(out.businessPhones, ['+1 555']);
    assert.equal(out.mail, null);
  });
});
