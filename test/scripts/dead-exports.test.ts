import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deadExportReport, findDeadExports } from '../../scripts/dead-exports';

/** Writes `files` (path relative to a new temporary directory → contents) and returns the directory. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-dead-exports-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('scripts/dead-exports', function () {
  this.timeout(60_000);

  it('tells unimported, test-only and imported exports apart; a re-export and a require count as imports', () => {
    const dir = tree({
      'lib/a.ts': [
        'export const used = 1;',
        'export const viaIndex = 2;',
        'export const testOnly = 3;',
        'export const dead = 4;',
        'export const localOnly = 5;',
        'export const twice = localOnly * 2;',
        '',
      ].join('\n'),
      'lib/c.ts': 'export const required = 6;\nexport const alsoRequired = 7;\n',
      'lib/index.ts': "export { viaIndex, dead as deadAgain } from './a';\n",
      'lib/b.ts': [
        "import { used } from './a';",
        "import { viaIndex } from '.';",
        "const lazy = require('./c') as { required: number };",
        'export const sum = used + viaIndex + lazy.required;',
        '',
      ].join('\n'),
      'app/main.ts':
        "import { sum } from '../lib/b';\nimport { twice } from '../lib/a';\nexport const out = sum + twice;\n",
      'test/a.test.ts': "import { testOnly } from '../lib/a';\nexport const t = testOnly;\n",
    });
    try {
      const dead = findDeadExports(dir, ['lib', 'app'], ['test'], []);
      const names = (list: readonly { file: string; name: string }[]): string[] =>
        list.map((u) => `${u.file}:${u.name}`);
      assert.deepEqual(names(dead.unused), ['lib/a.ts:localOnly', 'lib/index.ts:deadAgain', 'app/main.ts:out']);
      assert.deepEqual(names(dead.testsOnly), ['lib/a.ts:testOnly']);
      assert.equal(dead.checked, 12);
      const report = deadExportReport(dead);
      assert.match(report, /^ {2}lib\/a\.ts: localOnly$/m);
      assert.match(report, /^ {2}lib\/index\.ts: deadAgain \(unused re-export\)$/m);
      assert.match(report, /^ {2}lib\/a\.ts: testOnly \(test\/a\.test\.ts\)$/m);
      assert.match(
        report,
        /3 not imported anywhere \(2 unused even in their own file\), 1 imported only by tests, of 12 exports\n$/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips the public entry points it is given', () => {
    const dir = tree({ 'lib/index.ts': 'export const api = 1;\n', 'lib/x.ts': 'export const x = 1;\n' });
    try {
      const dead = findDeadExports(dir, ['lib'], [], ['lib/index.ts']);
      assert.deepEqual(
        dead.unused.map((u) => u.name),
        ['x'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
