/**
 * Test support for the long-running sub-commands: spawns `bin/groupbot.js <args>` as a real process in its own
 * process group, with a temp DATA_DIR, collects its output, waits for lines, and always cleans up (SIGKILL to
 * the group in after hooks if the test did not stop it).
 */
import { type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnGroupProcess } from '../../support/process-group';

const BIN = path.resolve(__dirname, '../../../bin/groupbot.js');

export interface GroupbotProcess {
  child: ChildProcess;
  pid: number;
  dataDir: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `re` on stdout (checked as output arrives). Rejects on exit or timeout, quoting the output. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited(timeoutMs?: number): Promise<number | string>;
  /** Kills the whole process group with SIGKILL if anything is left, then removes DATA_DIR. Never throws. */
  cleanup(): Promise<void>;
}

/** Environment for a local-mode groupbot: no bot credentials, all ports 0 unless given, quiet logs. */
export function localEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    GRAPH_EMULATOR_PORT: '0',
    LOG_LEVEL: 'warn',
    NO_PROXY: 'localhost,127.0.0.1',
    ...extra,
  };
  for (const k of [
    'BOT_ID',
    'MicrosoftAppId',
    'BOT_PASSWORD',
    'BOT_TENANT_ID',
    'DATABASE_URL',
    'M365_AGENTS_PLAYGROUND_CONFIG_PATH',
  ])
    delete env[k];
  return env;
}

/** Spawns groupbot; `input` (if given) is written to stdin, which is then closed. */
export function spawnGroupbot(
  args: string[],
  opts: { env?: Record<string, string>; input?: string; dataDir?: string } = {},
): GroupbotProcess {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-cli-'));
  const proc = spawnGroupProcess([BIN, ...args], { env: localEnv(dataDir, opts.env), stdin: 'pipe' });
  if (opts.input !== undefined) proc.child.stdin?.end(opts.input);
  const describe = (): string =>
    `\n--- stdout ---\n${proc.stdout().slice(-3000)}\n--- stderr ---\n${proc.stderr().slice(-3000)}`;
  return {
    child: proc.child,
    pid: proc.pid,
    dataDir,
    stdout: proc.stdout,
    stderr: proc.stderr,
    async waitFor(re, timeoutMs = 60_000) {
      const m = await proc.waitFor(re, timeoutMs);
      if (m === 'exit')
        throw new Error(`groupbot ${args.join(' ')} exited (${await proc.exited}) before printing ${re}${describe()}`);
      if (m === 'timeout')
        throw new Error(`groupbot ${args.join(' ')} did not print ${re} within ${timeoutMs} ms${describe()}`);
      return m;
    },
    exited(timeoutMs = 30_000) {
      return Promise.race([
        proc.exited,
        new Promise<never>((_resolve, reject) => {
          const t = setTimeout(
            () => reject(new Error(`groupbot ${args.join(' ')} did not exit within ${timeoutMs} ms${describe()}`)),
            timeoutMs,
          );
          void proc.exited.then(() => clearTimeout(t));
        }),
      ]);
    },
    async cleanup() {
      await proc.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Pids of the live descendants of `pid` (children, grandchildren...), read from /proc. Linux only. */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ESRCH') continue; // exited meanwhile
      throw e;
    }
    // Fields after the command name (which is in parentheses and may contain spaces): state, ppid, ...
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parentOf.set(Number(entry), Number(rest[1]));
  }
  const out: number[] = [];
  const frontier = [pid];
  while (frontier.length) {
    const p = frontier.pop() as number;
    for (const [child, parent] of parentOf)
      if (parent === p) {
        out.push(child);
        frontier.push(child);
      }
  }
  return out;
}

/** True while a process with this pid exists (and is not a zombie). */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/** Local TCP ports in LISTEN state owned by `pid` (via its socket inodes and /proc/net/tcp{,6}), with their bound addresses. */
export function listeningSockets(pid: number): { address: string; port: number }[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // closed meanwhile
      throw e;
    }
    const m = /^socket:\[(\d+)\]$/.exec(target);
    if (m) inodes.add(m[1] as string);
  }
  const out: { address: string; port: number }[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A' || !inodes.has(cols[9] as string)) continue;
      const [hexAddr, hexPort] = (cols[1] as string).split(':') as [string, string];
      out.push({ address: hexAddress(hexAddr), port: parseInt(hexPort, 16) });
    }
  }
  return out;
}

function hexAddress(hex: string): string {
  if (hex.length === 8) return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
  if (hex === '0'.repeat(32)) return '::';
  if (hex.toUpperCase().startsWith('0000000000000000FFFF0000')) return `::ffff:${hexAddress(hex.slice(24))}`;
  if (hex === '00000000000000000000000001000000') return '::1';
  return `ipv6:${hex}`;
}
