/**
 * Finds import cycles between the project's own TypeScript files (the job `madge --circular` does), counting
 * type-only imports too: a cycle of types still ties two modules together. Prints each cycle and exits 1 when
 * there is any.
 *
 *   node bin/run-ts.js scripts/import-cycles.ts [folder ...]     (default: bot cards graph-emulator)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...sourceFiles(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

/** The project files `file` imports or re-exports (type-only ones included). */
function importsOf(file: string, known: Set<string>): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, false);
  const targets: string[] = [];
  for (const ref of info.importedFiles) {
    if (!ref.fileName.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), ref.fileName);
    const hit = [`${base}.ts`, path.join(base, 'index.ts')].find((c) => known.has(c));
    if (hit) targets.push(hit);
  }
  return targets;
}

/**
 * Every elementary cycle reachable by depth-first search, each reported once (rotated to start at its smallest
 * path), as paths relative to the repository root. Never throws for a readable tree.
 */
export function findImportCycles(folders: string[]): string[][] {
  const files = folders.flatMap((f) => sourceFiles(path.resolve(ROOT, f)));
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, importsOf(f, known)]));
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next)).map((f) => path.relative(ROOT, f));
        const start = cycle.indexOf([...cycle].sort()[0] as string);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(rotated.join(' > '), rotated);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return [...cycles.values()];
}

if (process.argv[1] === __filename) {
  const folders = process.argv.slice(2);
  const cycles = findImportCycles(folders.length ? folders : ['bot', 'cards', 'graph-emulator']);
  for (const c of cycles) process.stdout.write(`${[...c, c[0]].join(' > ')}\n`);
  process.stdout.write(cycles.length ? `${cycles.length} import cycle(s)\n` : 'No import cycles.\n');
  process.exitCode = cycles.length ? 1 : 0;
}
