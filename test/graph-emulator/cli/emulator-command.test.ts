/**
 * The real `groupbot emulator` and `groupbot token` commands: the printed lines, tokens issued while the
 * emulator runs, durability of an acknowledged write across SIGKILL, and a clean stop on SIGTERM.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Agent } from 'undici';
import { DEMO_GROUPS } from '../../../graph-emulator/seed/demo-tenant';

const bin = path.resolve(__dirname, '../../../bin/groupbot.js');
// Plain `node bin/groupbot.js`, as a user runs it (the bin registers the TypeScript loader itself).
const nodeArgs = [bin];

interface Started {
  child: ChildProcess;
  url: string;
  caPath: string;
  exit: Promise<number | null>;
}

function startCli(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, [...nodeArgs, 'emulator', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /^graph-emulator listening on (https:\/\/localhost:\d+\/v1\.0)$/m.exec(out)?.[1];
      const ca = /^ca-certificate: (.+)$/m.exec(out)?.[1];
      if (url && ca) resolve({ child, url, caPath: ca, exit });
    });
    void exit.then((code) => reject(new Error(`emulator exited (${code}) before listening: ${out}${err}`)));
  });
}

function token(dataDir: string, upn: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...nodeArgs, 'token', '--as', upn, '--data', dataDir], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

describe('groupbot emulator / token (command line)', function () {
  this.timeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-emu-cli-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps an acknowledged write across SIGKILL, and stops cleanly on SIGTERM', async () => {
    const first = await startCli(dataDir);
    assert.ok(path.isAbsolute(first.caPath));
    const ca = fs.readFileSync(first.caPath, 'utf8');
    const agent = new Agent({ connect: { ca } });
    const t = token(dataDir, 'megan@contoso.com');
    assert.equal(t.status, 0, t.stderr);
    const headers = { Authorization: `Bearer ${t.stdout}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${first.url}/groups`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        displayName: 'Survives Kill',
        mailEnabled: false,
        mailNickname: 'surviveskill',
        securityEnabled: true,
      }),
      dispatcher: agent,
    } as RequestInit);
    assert.equal(created.status, 201);
    const id = ((await created.json()) as { id: string }).id;
    const patched = await fetch(`${first.url}/groups/${DEMO_GROUPS.legal.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ description: 'after kill' }),
      dispatcher: agent,
    } as RequestInit);
    assert.equal(patched.status, 204);
    first.child.kill('SIGKILL');
    await first.exit;

    const second = await startCli(dataDir);
    assert.equal(fs.readFileSync(second.caPath, 'utf8'), ca, 'the CA is reused');
    const read = await fetch(`${second.url}/groups/${id}`, { headers, dispatcher: agent } as RequestInit);
    assert.equal(read.status, 200, 'the token issued before the restart is still valid');
    assert.equal(((await read.json()) as { displayName: string }).displayName, 'Survives Kill');
    const legal = await fetch(`${second.url}/groups/${DEMO_GROUPS.legal.id}`, {
      headers,
      dispatcher: agent,
    } as RequestInit);
    assert.equal(((await legal.json()) as { description: string }).description, 'after kill');
    second.child.kill('SIGTERM');
    assert.equal(await second.exit, 0);
    await agent.close();
  });

  it('token: unknown UPN is a clear error with exit 1; missing options exit 2', () => {
    const r = token(dataDir, 'nobody@contoso.com');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no user with the UPN 'nobody@contoso\.com'/);
    const u = spawnSync(process.execPath, [...nodeArgs, 'token', '--data', dataDir], { encoding: 'utf8' });
    assert.equal(u.status, 2);
    assert.match(u.stderr, /--as UPN is required/);
  });

  it('emulator: --dynamic-delay-ms takes a whole number of milliseconds (the emulator reads no environment)', () => {
    const r = spawnSync(
      process.execPath,
      [...nodeArgs, 'emulator', '--port', '0', '--data', dataDir, '--dynamic-delay-ms', 'soon'],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--dynamic-delay-ms must be a whole number of milliseconds, got 'soon'/);
  });
});
