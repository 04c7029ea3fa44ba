/**
 * The project's TypeScript sources under a folder (node_modules and .d.ts files left out), for the repo's own
 * checks (import cycles, function length, dead exports). Throws when `dir` cannot be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}
