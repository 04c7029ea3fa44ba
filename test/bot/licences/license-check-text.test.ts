/** The plain-words message of a finished licence check. */
import { strict as assert } from 'node:assert';
import { checkAnnouncement, licenceCheckText } from '../../../bot/licences/license-check-text';
import type { MemberLicenseErrors } from '../../../bot/directory/license-errors-read';

const SKU = '05e9a617-0261-4cee-bb44-138d3ef5d965';
const member = (
  displayName: string,
  ...errors: MemberLicenseErrors['errors'][number]['error'][]
): MemberLicenseErrors => ({
  id: displayName,
  displayName,
  errors: errors.map((error) => ({ skuId: SKU, error })),
  statesRead: true,
});

describe('bot/licences license-check text', () => {
  it('groups the people by reason, in plain words with the Graph name, sorted', () => {
    const text = licenceCheckText({
      groupName: 'Marketing',
      skuName: 'Microsoft 365 E3',
      complete: true,
      failed: [
        member('Nestor Wilke', 'CountViolation'),
        member('Adele Vance', 'CountViolation'),
        member('Debra Berg', 'MutuallyExclusiveViolation'),
        { id: 'x', displayName: 'Diego Siciliani', errors: [], statesRead: false },
      ],
    });
    assert.equal(
      text,
      "4 people did not get Microsoft 365 E3 from 'Marketing': not enough seats (CountViolation): Adele Vance, " +
        'Nestor Wilke; it conflicts with a licence they already have (MutuallyExclusiveViolation): Debra Berg; ' +
        'Entra did not let me read why: Diego Siciliani. Free or buy seats; Entra gives them the licence when it ' +
        'processes the group again.',
    );
  });

  it('says 1 person, names at most ten, and warns when the list was cut short', () => {
    const many = Array.from({ length: 12 }, (_, i) => member(`User ${String(i + 10)}`, 'DependencyViolation'));
    const text = licenceCheckText({ groupName: 'G', skuName: 'E5', complete: false, failed: many });
    assert.match(
      text,
      /^12 people did not get E5 from 'G': a service in it needs another service they do not have \(DependencyViolation\): User 10, .*User 19 and 2 more\. There may be more/,
    );
    assert.doesNotMatch(text, /Free or buy seats/);
    const one = licenceCheckText({ groupName: 'G', skuName: 'E5', complete: true, failed: [member('Ana', 'Other')] });
    assert.equal(one, "1 person did not get E5 from 'G': Entra reported another error (Other): Ana.");
  });

  it('announces the check in minutes', () => {
    assert.equal(
      checkAnnouncement(300),
      "I'll check in about 5 minutes and tell you here who did not get it, if anyone.",
    );
    assert.equal(
      checkAnnouncement(30),
      "I'll check in a minute or so and tell you here who did not get it, if anyone.",
    );
  });
});
