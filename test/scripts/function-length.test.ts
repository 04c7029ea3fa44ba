import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { functionsIn, functionsOver } from '../../scripts/function-length';

describe('scripts/function-length', () => {
  it('finds no function in bot/commands longer than 60 lines', () => {
    const over = functionsOver(['bot/commands'], 60).map((f) => `${f.lines} lines ${f.name} ${f.file}:${f.line}`);
    assert.deepEqual(over, []);
  });

  it('measures declarations, methods, arrows and function expressions, nested ones under their outer name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-lengths-'));
    try {
      const file = path.join(dir, 'sample.ts');
      fs.writeFileSync(
        file,
        [
          'export function outer(): number {',
          '  const inner = (): number => {',
          '    return 1;',
          '  };',
          '  return inner();',
          '}',
          'class Box {',
          '  size(): number {',
          '    return 2;',
          '  }',
          '}',
          'export const shout = function (): string {',
          "  return 'a';",
          '};',
          'export const box = new Box();',
          '',
        ].join('\n'),
      );
      const found = functionsIn(file).map((f) => `${f.name}@${f.line}:${f.lines}`);
      assert.deepEqual(found, ['outer@1:6', 'outer > inner@2:3', 'Box.size@8:3', 'shout@12:3']);
      assert.deepEqual(
        functionsOver([dir], 4).map((f) => f.name),
        ['outer'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
