/**
 * Production installs have no devDependencies (`npm prune --omit=dev` in the Dockerfile), so loading the
 * production code must not require one: not the card validator (adaptivecards), not ws, not the zip writer.
 * A fresh Node process loads the `serve` sub-command (which pulls in the runtime, the Teams layer, the commands
 * and the cards) and reports which packages ended up in its module cache.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs in the child: loads `entry` through tsx, prints the package names found in require.cache as JSON. */
const PROBE = `
require('tsx/cjs');
require(process.argv[1]);
const names = new Set();
for (const file of Object.keys(require.cache)) {
  const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file);
  if (m) names.add(m[1].replace('\\\\', '/'));
}
process.stdout.write(JSON.stringify([...names]));
`;

async function packagesLoadedBy(entry: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', PROBE, path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'error' },
  });
  return JSON.parse(stdout) as string[];
}

describe('production entry loads no devDependency', function () {
  this.timeout(60_000);

  it('loading the serve sub-command loads no devDependency but the TypeScript loader', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
    };
    const loaded = await packagesLoadedBy('bot/cli/serve-command.ts');
    assert.ok(loaded.includes('botbuilder'), `the probe saw the production modules load: ${loaded.join(', ')}`);
    const dev = Object.keys(pkg.devDependencies).filter((name) => name !== 'tsx');
    assert.deepEqual(
      loaded.filter((name) => dev.includes(name)),
      [],
    );
    assert.ok(!loaded.includes('adaptivecards'), 'the card validator is not loaded at start');
  });

  it('keeps test-only packages out of the production dependencies', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
    };
    for (const name of ['adaptivecards', 'ws', 'tsx']) {
      assert.ok(pkg.devDependencies[name] && !pkg.dependencies[name], `${name} is a devDependency only`);
    }
    for (const name of ['adaptivecards-templating', 'fs-extra']) {
      assert.equal(pkg.dependencies[name] ?? pkg.devDependencies[name], undefined, `${name} is not used`);
    }
  });
});
