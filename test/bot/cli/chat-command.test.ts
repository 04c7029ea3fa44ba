/**
 * `groupbot chat` as a real process: lines on stdin, the bot's answers (cards as text) on stdout, as the demo
 * user given with --as. With no local stack running on the DATA_DIR it starts its own emulator (port 0).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnGroupbot, type GroupbotProcess } from './groupbot-process';

describe('groupbot chat (spawned)', function () {
  this.timeout(120_000);
  const procs: GroupbotProcess[] = [];
  let dataDir: string;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-chat-'));
  });
  after(async () => {
    for (const p of procs) await p.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  // One DATA_DIR for every run (one after the other): only the first seeds the demo tenant.
  const run = (args: string[], input?: string): GroupbotProcess => {
    const p = spawnGroupbot(['chat', ...args], { ...(input !== undefined ? { input } : {}), dataDir });
    procs.push(p);
    return p;
  };

  it('--as ana@contoso.com: "who owns SecurityGroup101" prints Bob Kelly, "exit" quits with 0', async () => {
    const p = run(['--as', 'ana@contoso.com'], 'who owns SecurityGroup101\nexit\n');
    assert.equal(await p.exited(90_000), 0, p.stderr());
    const out = p.stdout();
    assert.match(out, /Chatting as Ana Silva <ana@contoso\.com>/);
    assert.match(out, /bot> .*Owners of SecurityGroup101/);
    assert.match(out, /Bob Kelly · bob@contoso\.com/);
    assert.doesNotMatch(out + p.stderr(), /eyJ[A-Za-z0-9_-]{10,}\./, 'no token is printed');
  });

  it('--help prints the usage and exits 0 without starting anything', async () => {
    const p = run(['--help']);
    assert.equal(await p.exited(30_000), 0, p.stderr());
    assert.match(p.stdout(), /^usage: groupbot chat \[--as <upn>\]/);
  });

  it('a number presses that button of the latest card (Ana asks to join Finance Readers → the owners are asked)', async () => {
    const p = run(['--as=ana@contoso.com'], 'add me to Finance Readers\n1\nquarterly review\n');
    assert.equal(await p.exited(90_000), 0, p.stderr());
    const out = p.stdout();
    assert.match(out, /1\) Submit request/);
    assert.match(out, /\(card updated\)[\s\S]*Waiting for a decision from Olga Owner/);
    assert.match(out, /1\) Cancel request/);
    assert.match(out, /Olga Owner has not chatted with me yet/, 'told that the owner has no 1:1 chat yet');
    assert.doesNotMatch(out, /Approve/, "the owners' buttons never show in the requester's own chat");
  });

  it('a button on a card with inputs asks for each input on the next lines, keeping shown values on empty lines', async () => {
    const blanks = '\n'.repeat(8);
    const p = run(['--as', 'megan@contoso.com'], `create a security group called Cafe Creme\n1\n${blanks}1\nexit\n`);
    assert.equal(await p.exited(90_000), 0, p.stderr());
    const out = p.stdout();
    assert.match(out, /Name \[Cafe Creme\]:/);
    assert.match(out, /Create the security group 'Cafe Creme'/);
    assert.match(out, /bot> Created 'Cafe Creme'\./);
    assert.doesNotMatch(out + p.stderr(), /readline was closed/);
  });

  it('an unknown user is refused with exit code 1 and a sentence', async () => {
    const p = run(['--as', 'nobody@contoso.com'], '');
    assert.equal(await p.exited(90_000), 1);
    assert.match(p.stderr(), /there is no user 'nobody@contoso\.com' in the local directory/);
  });

  it('an unknown argument gets the usage and exit code 2, without starting anything', async () => {
    const p = run(['--bogus'], '');
    assert.equal(await p.exited(30_000), 2);
    assert.match(p.stderr(), /unknown argument '--bogus'/);
    assert.match(p.stderr(), /usage: groupbot chat/);
  });
});
