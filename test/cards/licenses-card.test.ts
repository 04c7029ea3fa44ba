import assert from 'node:assert/strict';
import { buildLicensesCard } from '../../cards/licenses-card';
import { assertValidCard, textOf } from './card-helpers';
import { guid, marketing } from './fixtures';

describe('cards/licenses-card', () => {
  it('lists tenant SKUs by name with in use / available / total', () => {
    const card = buildLicensesCard({
      scope: { kind: 'tenant' },
      licenses: [
        { skuId: guid(300), skuPartNumber: 'SPE_E5', displayName: 'Microsoft 365 E5', consumed: 40, enabled: 50 },
        { skuId: guid(301), skuPartNumber: 'FLOW_FREE', consumed: 3 },
      ],
    });
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /^Licence \| In use \| Available \| Total$/m);
    assert.match(text, /^Microsoft 365 E5 \(SPE_E5\) \| 40 \| 10 \| 50$/m);
    assert.match(text, /^FLOW_FREE \| 3 \| – \| –$/m);
  });

  it("lists a group's licences with assignment errors", () => {
    const text = textOf(
      buildLicensesCard({
        scope: { kind: 'group', group: { id: marketing.id, displayName: 'Marketing' } },
        licenses: [{ skuId: guid(300), skuPartNumber: 'SPE_E5', error: 'CountViolation' }],
      }),
    );
    assert.match(text, /^Licences of Marketing$/m);
    assert.match(text, /^SPE_E5 \| Error: CountViolation$/m);
  });
});
