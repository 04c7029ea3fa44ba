import { strict as assert } from 'node:assert';
import { DownloadStore, downloadResponse } from '../../../bot/exports/download-store';
import { csvCell, toCsv } from '../../../bot/exports/csv-write';

describe('bot/exports', () => {
  it('download links are unguessable, expire, and answer with an attachment that is never cached', () => {
    let now = 1_000;
    const store = new DownloadStore({ ttlMs: 60_000, now: () => now });
    const a = store.put('Sales members.csv', 'text/csv; charset=utf-8', Buffer.from('x'));
    const b = store.put('Sales members.csv', 'text/csv; charset=utf-8', Buffer.from('y'));
    assert.notEqual(a.path, b.path);
    assert.match(a.path, /^\/downloads\/[A-Za-z0-9_-]{43}\/Sales%20members\.csv$/);
    const ok = downloadResponse(store, a.path);
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['Cache-Control'], 'no-store');
    assert.match(ok.headers['Content-Disposition'] ?? '', /^attachment; filename="Sales members\.csv"/);
    assert.equal(downloadResponse(store, '/downloads/../../etc/passwd').status, 404);
    now += 60_001;
    assert.equal(downloadResponse(store, a.path).status, 404, 'expired');
  });

  it('CSV: quoting, line ends, a BOM, and formulas defused', () => {
    assert.equal(csvCell("O'Brien, Liam"), '"O\'Brien, Liam"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell(null), '');
    assert.equal(toCsv(['A', 'B'], [['1', null]]), '\uFEFFA,B\r\n1,\r\n');
  });
});
