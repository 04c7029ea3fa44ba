import { strict as assert } from 'node:assert';
import { buildFileLinkCard, fileSize } from '../../cards/file-link-card';
import { validateCard } from '../../cards/validate-card';
import { textOf } from './card-helpers';
import { assertNoLeaks } from '../support/card-scan';

describe('file link card', () => {
  const model = {
    name: 'Marketing *members* 2026-12-07.csv',
    description: "1,204 rows for 'Marketing': 1,200 direct, 4 through nested groups or as owners only.",
    rows: 1204,
    sizeBytes: 148_000,
    location: 'OneDrive › groupbot exports',
    url: 'https://contoso-my.sharepoint.com/personal/megan_contoso_com/s/abc',
  };

  it('shows name, what it holds, rows, size, where it is saved and who can open it, and validates', () => {
    const card = buildFileLinkCard(model);
    assert.deepEqual(validateCard(card, { allowFileLinks: true }).errors, []);
    assert.match(validateCard(card).errors.join('\n'), /Action\.OpenUrl is not allowed/, 'links stay opt-in');
    assert.equal(card.version, '1.5');
    assertNoLeaks(card);
    const text = textOf(card);
    assert.match(text, /Marketing \*members\* 2026-12-07\.csv/);
    assert.match(text, /1,204 rows/);
    assert.match(text, /145 KB/);
    assert.match(text, /OneDrive › groupbot exports/);
    assert.match(text, /Only the person who asked for this export can open the link/);
    assert.deepEqual(card.actions, [
      { type: 'Action.OpenUrl', title: 'Open Marketing *members* 2026-12-07.csv', url: model.url },
    ]);
    assert.match(card.fallbackText ?? '', /\(1,204 rows, 145 KB\) in OneDrive › groupbot exports: .* Open: https:/);
  });

  it('writes sizes as bytes, KB or MB, and one row in the singular', () => {
    assert.equal(fileSize(812), '812 bytes');
    assert.equal(fileSize(14 * 1024), '14 KB');
    assert.equal(fileSize(3.25 * 1024 * 1024), '3.3 MB');
    assert.match(textOf(buildFileLinkCard({ ...model, rows: 1 })), /\b1 row\b/);
  });
});
