import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findImportCycles } from '../../scripts/import-cycles';

describe('scripts/import-cycles', () => {
  it('finds no import cycle in bot, cards and graph-emulator', () => {
    const cycles = findImportCycles(['bot', 'cards', 'graph-emulator']);
    assert.deepEqual(
      cycles.map((c) => c.join(' > ')),
      [],
    );
  });

  it('reports a cycle made only of type imports, through an index file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-cycles-'));
    try {
      fs.mkdirSync(path.join(dir, 'b'));
      fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport interface A { b?: B }\n");
      fs.writeFileSync(path.join(dir, 'b', 'index.ts'), "export type { B } from './b';\n");
      fs.writeFileSync(path.join(dir, 'b', 'b.ts'), "import type { A } from '../a';\nexport interface B { a?: A }\n");
      fs.writeFileSync(
        path.join(dir, 'c.ts'),
        "import { x } from 'node:fs';\nimport type { A } from './a';\nexport type C = A | typeof x;\n",
      );
      const cycles = findImportCycles([dir]);
      assert.equal(cycles.length, 1);
      assert.deepEqual(
        cycles[0]?.map((f) => path.basename(f)),
        ['a.ts', 'index.ts', 'b.ts'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
