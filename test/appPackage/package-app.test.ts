import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildAppPackage, PACKAGE_FILES } from '../../scripts/app-package/app-package-build';
import { AppPackageSettingsError } from '../../scripts/app-package/manifest-fill';
import { writeZip } from '../../scripts/app-package/zip-write';
import { readZip } from './zip-read';

const ROOT = join(__dirname, '..', '..');
const SOURCE = join(ROOT, 'appPackage');
const SETTINGS = {
  BOT_ID: '0b2f6c1e-8a4d-4c1b-9e1a-3d5f7a9b1c2d',
  BOT_DOMAIN: 'groupbot.contoso.com',
  AAD_APP_CLIENT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  AAD_APP_ID_URI: 'api://groupbot.contoso.com/botid-0b2f6c1e-8a4d-4c1b-9e1a-3d5f7a9b1c2d',
};

describe('app package build (npm run package)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'groupbot-pkg-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('zips exactly manifest.json, color.png and outline.png with every placeholder filled', async () => {
    const out = join(dir, 'groupbot.zip');
    const built = await buildAppPackage({ sourceDir: SOURCE, settings: SETTINGS, version: '0.4.2', outFile: out });
    const entries = readZip(readFileSync(out));
    assert.deepEqual(
      entries.map((e) => e.name),
      [...PACKAGE_FILES],
    );
    const manifestText = (entries[0] as { data: Buffer }).data.toString('utf8');
    assert.ok(!manifestText.includes('${{'), 'unfilled placeholder left');
    const manifest = JSON.parse(manifestText) as Record<string, unknown>;
    assert.deepEqual(manifest, built.manifest);
    assert.equal(manifest.id, SETTINGS.BOT_ID, 'TEAMS_APP_ID defaults to BOT_ID');
    assert.equal(manifest.version, '0.4.2');
    assert.deepEqual(manifest.webApplicationInfo, {
      id: SETTINGS.AAD_APP_CLIENT_ID,
      resource: SETTINGS.AAD_APP_ID_URI,
    });
    assert.ok((entries[1] as { data: Buffer }).data.equals(readFileSync(join(SOURCE, 'color.png'))));
    assert.ok((entries[2] as { data: Buffer }).data.equals(readFileSync(join(SOURCE, 'outline.png'))));
  });

  it('reports every missing setting instead of writing a zip', async () => {
    await assert.rejects(
      buildAppPackage({
        sourceDir: SOURCE,
        settings: { BOT_DOMAIN: 'x.example.com' },
        version: '1.0.0',
        outFile: join(dir, 'a.zip'),
      }),
      (err: unknown) => {
        assert.ok(err instanceof AppPackageSettingsError);
        assert.deepEqual(
          err.problems.map((p) => p.split(' ')[0]),
          ['BOT_ID', 'AAD_APP_CLIENT_ID', 'AAD_APP_ID_URI'],
        );
        return true;
      },
    );
  });

  it('the npm script reads .env, builds the zip, and fails clearly without settings', async () => {
    const run = promisify(execFile);
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of [...Object.keys(SETTINGS), 'TEAMS_APP_ID']) delete env[name];
    const envFile = join(dir, '.env');
    writeFileSync(
      envFile,
      Object.entries(SETTINGS)
        .map(([k, v]) => `${k}=${v}  # comment`)
        .join('\n') + '\n',
    );
    const out = join(dir, 'pkg.zip');
    const ok = await run(
      process.execPath,
      ['bin/run-ts.js', 'scripts/package-app.ts', '--env', envFile, '--out', out],
      { cwd: ROOT, env },
    );
    assert.match(ok.stdout, /built .*pkg\.zip/);
    assert.equal(readZip(readFileSync(out)).length, 3);

    const missing = join(dir, 'empty.env');
    writeFileSync(missing, '# nothing here\n');
    await assert.rejects(
      run(
        process.execPath,
        ['bin/run-ts.js', 'scripts/package-app.ts', '--env', missing, '--out', join(dir, 'no.zip')],
        { cwd: ROOT, env },
      ),
      (err: { code?: number; stderr?: string }) => {
        assert.equal(err.code, 1);
        assert.match(err.stderr ?? '', /BOT_ID is not set/);
        assert.doesNotMatch(err.stderr ?? '', /\n\s+at /, 'no stack trace');
        return true;
      },
    );
  });

  it('the zip writer stores incompressible data, deflates text and refuses duplicates', () => {
    const noise = Buffer.from(Array.from({ length: 64 }, (_v, i) => (i * 193 + 71) & 0xff));
    const text = Buffer.from('hello '.repeat(100));
    const entries = readZip(
      writeZip([
        { name: 'a.bin', data: noise },
        { name: 'dir/b.txt', data: text },
      ]),
    );
    assert.deepEqual(
      entries.map((e) => [e.name, e.method]),
      [
        ['a.bin', 0],
        ['dir/b.txt', 8],
      ],
    );
    assert.ok((entries[1] as { data: Buffer }).data.equals(text));
    assert.throws(
      () =>
        writeZip([
          { name: 'x', data: text },
          { name: 'x', data: text },
        ]),
      /duplicate/,
    );
    assert.throws(() => writeZip([{ name: '../x', data: text }]), /invalid zip entry name/);
  });
});
