import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { INTENT_NAMES, parseIntent } from '../../../bot/language';

const bin = path.resolve(__dirname, '../../../bin/groupbot.js');

/** Runs `groupbot parse -` with `input` on stdin; resolves with stdout, stderr and the exit code. */
function parseStdin(input: string): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'parse', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    // EPIPE means the child exited before reading everything; the exit status assertion reports that case.
    child.stdin.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') reject(e);
    });
    child.on('close', (status) =>
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), status }),
    );
    child.stdin.end(input);
  });
}

describe('groupbot parse', () => {
  it('prints one JSON Intent for "<text>"', () => {
    const res = spawnSync(process.execPath, [bin, 'parse', 'add Ana and Bob to Sales and Marketing'], {
      encoding: 'utf8',
    });
    assert.equal(res.status, 0, res.stderr);
    assert.deepStrictEqual(JSON.parse(res.stdout), {
      intent: 'addMembers',
      users: ['Ana', 'Bob'],
      groups: ['Sales and Marketing'],
    });
    assert.equal(res.stdout.trimEnd().split('\n').length, 1);
  });

  it('joins several arguments into one utterance', () => {
    const res = spawnSync(process.execPath, [bin, 'parse', 'who', 'owns', 'Zoë’s', 'Team'], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    assert.deepStrictEqual(JSON.parse(res.stdout), { intent: 'listOwners', groups: ['Zoë’s'] });
  });

  it('prints the intent table with --intents: one JSON row per intent, with its slots by role and examples', () => {
    const res = spawnSync(process.execPath, [bin, 'parse', '--intents'], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    const rows = res.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { intent: string; slots: string[]; people: string[]; examples: string[] });
    assert.deepEqual(
      rows.map((r) => r.intent),
      [...INTENT_NAMES],
    );
    const offboard = rows.find((r) => r.intent === 'offboardUser');
    assert.deepEqual(offboard?.slots, ['users', 'handOverTo']);
    assert.deepEqual(offboard?.people, ['users', 'handOverTo']);
    for (const row of rows) assert.equal(parseIntent(row.examples[0] as string).intent, row.intent, row.examples[0]);
  });

  it('exits 2 with a usage line when given nothing', () => {
    const res = spawnSync(process.execPath, [bin, 'parse'], { encoding: 'utf8' });
    assert.equal(res.status, 2);
    assert.match(res.stdout, /usage: groupbot parse/);
  });

  it('reads stdin line by line and prints one JSON a line in the same order (CRLF, empty lines included)', async () => {
    const lines = [
      'hi',
      'add me to Project Falcon',
      '',
      'who owns SecurityGroup101',
      "is O'Brien in Legal?",
      'what’s the weather',
    ];
    const res = await parseStdin(lines.join('\r\n') + '\r\n');
    assert.equal(res.status, 0, res.stderr);
    const out = res.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    assert.deepStrictEqual(
      out,
      lines.map((l) => parseIntent(l)),
    );
    assert.equal((out[3] as { intent: string }).intent, 'listOwners');
  });

  it('streams 10,000 lines in order', async () => {
    const templates = [
      'add user{i}@contoso.com to Marketing',
      'is user{i} in Sales?',
      'rename G{i} to H{i}',
      'never mind',
    ];
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      (templates[i % templates.length] as string).replace(/\{i\}/g, String(i)),
    );
    const res = await parseStdin(lines.join('\n'));
    assert.equal(res.status, 0, res.stderr);
    const out = res.stdout.trimEnd().split('\n');
    assert.equal(out.length, 10_000);
    assert.deepStrictEqual(JSON.parse(out[9_996] as string), {
      intent: 'addMembers',
      users: ['user9996@contoso.com'],
      groups: ['Marketing'],
    });
    assert.deepStrictEqual(JSON.parse(out[9_998] as string), {
      intent: 'renameGroup',
      groups: ['G9998'],
      name: 'H9998',
    });
    assert.deepStrictEqual(JSON.parse(out[9_999] as string), { intent: 'cancel' });
  });

  it('prints nothing and exits 0 for empty stdin', async () => {
    const res = await parseStdin('');
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stdout, '');
  });
});
