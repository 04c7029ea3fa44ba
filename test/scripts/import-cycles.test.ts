import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cycleReport, findFolderCycles, findImportCycles, folderOf } from '../../scripts/import-cycles';

/** Writes `files` (path relative to a new temporary directory → contents) and returns the directory. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-cycles-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('scripts/import-cycles', () => {
  const PROJECT = ['bot', 'cards', 'common', 'graph-emulator', 'graph-model', 'local-cloud'];

  it('finds no file import cycle in the project folders', () => {
    assert.deepEqual(
      findImportCycles(PROJECT).map((c) => c.join(' > ')),
      [],
    );
  });

  it('finds no folder import cycle in the project folders', () => {
    assert.equal(cycleReport([], findFolderCycles(PROJECT)), 'No import cycles (files and folders).\n');
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

  describe('folders', () => {
    it('takes two segments under bot/ (a file directly in bot/ stands for itself) and one elsewhere', () => {
      assert.equal(folderOf('bot/commands/member-add.ts'), 'bot/commands');
      assert.equal(folderOf('bot/commands/sub/deep.ts'), 'bot/commands');
      assert.equal(folderOf('bot/runtime.ts'), 'bot/runtime.ts');
      assert.equal(folderOf('graph-emulator/http/graph-server.ts'), 'graph-emulator');
      assert.equal(folderOf('common/rules/index.ts'), 'common');
    });

    it('reports a folder cycle with one example import per step, though no file cycle exists', () => {
      const dir = tree({
        'bot/commands/run.ts': "import { request } from '../requests/request';\nexport const run = request;\n",
        'bot/commands/context.ts': 'export interface Context { user: string }\n',
        'bot/requests/request.ts': 'export const request = 1;\n',
        'bot/requests/lists.ts': "import type { Context } from '../commands/context';\nexport type L = Context[];\n",
        'bot/requests/more.ts': "import type { Context } from '../commands/context';\nexport type M = Context;\n",
        'cards/card.ts': "import type { Context } from '../bot/commands/context';\nexport type Card = Context;\n",
      });
      try {
        assert.deepEqual(findImportCycles(['bot', 'cards'], dir), []);
        const cycles = findFolderCycles(['bot', 'cards'], dir);
        assert.deepEqual(cycles, [
          {
            folders: ['bot/commands', 'bot/requests'],
            edges: [
              { from: 'bot/commands/run.ts', to: 'bot/requests/request.ts' },
              { from: 'bot/requests/lists.ts', to: 'bot/commands/context.ts' },
            ],
          },
        ]);
        assert.equal(
          cycleReport([], cycles),
          [
            'folder cycle: bot/commands > bot/requests > bot/commands',
            '  bot/commands/run.ts imports bot/requests/request.ts',
            '  bot/requests/lists.ts imports bot/commands/context.ts',
            '0 file import cycle(s), 1 folder import cycle(s)',
            '',
          ].join('\n'),
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('finds a cycle through three folders and none once the back edge goes', () => {
      const files = {
        'bot/a/a.ts': "import { b } from '../b/b';\nexport const a = b;\n",
        'bot/b/b.ts': "import { c } from '../../common/c';\nexport const b = c;\n",
        'common/c.ts': "import { a } from '../bot/a/a';\nexport const c = 1;\nexport const d = a;\n",
        'bot/runtime.ts': "import { a } from './a/a';\nexport const r = a;\n",
      };
      const cyclic = tree(files);
      const clean = tree({ ...files, 'common/c.ts': 'export const c = 1;\n' });
      try {
        assert.deepEqual(
          findFolderCycles(['bot', 'common'], cyclic).map((c) => c.folders.join(' > ')),
          ['bot/a > bot/b > common'],
        );
        assert.deepEqual(findFolderCycles(['bot', 'common'], clean), []);
        assert.equal(cycleReport([], []), 'No import cycles (files and folders).\n');
      } finally {
        fs.rmSync(cyclic, { recursive: true, force: true });
        fs.rmSync(clean, { recursive: true, force: true });
      }
    });
  });
});
