/**
 * `npm run bench`: runs every bench/*.ts script except this one, one after the other (sorted by name), each in
 * its own process with the same TypeScript loader, and prints their output under a header with the wall time.
 * Exits 1 if any script failed (after running all of them).
 * Run: node bin/run-ts.js bench/run-all.ts
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const RUN_TS = path.resolve(__dirname, '../bin/run-ts.js');

/** The benchmark scripts: every top-level .ts file in bench/ except this one (helpers live in subfolders). */
export function benchScripts(dir: string = __dirname): string[] {
  const self = path.basename(__filename);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && e.name !== self)
    .map((e) => path.join(dir, e.name))
    .sort();
}

function runOne(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUN_TS, file], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (err) => {
      process.stderr.write(`run-all: could not start ${file}: ${err.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const scripts = benchScripts();
  const failed: string[] = [];
  for (const file of scripts) {
    const name = path.relative(path.resolve(__dirname, '..'), file);
    process.stdout.write(`\n=== ${name} ===\n`);
    const t0 = Date.now();
    const code = await runOne(file);
    process.stdout.write(
      `=== ${name}: ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===\n`,
    );
    if (code !== 0) failed.push(name);
  }
  process.stdout.write(
    `\n${scripts.length} benchmark(s) run${failed.length ? `; failed: ${failed.join(', ')}` : ', all finished'}.\n`,
  );
  return failed.length ? 1 : 0;
}

if (require.main === module || process.argv[1] === __filename) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      process.stderr.write(`run-all: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
