/**
 * bot/local/loopback-preload.cjs, in child processes started with `--require` (the way the Playground and the
 * production suite's bots get it): connections to 127.0.0.1 and localhost work; one to 10.255.255.1, one to a
 * hostname (plain TCP and TLS), a `localhost` that resolves off loopback, and fetch (Node's and the undici package's)
 * to a non-loopback URL are refused at once with ERR_LOOPBACK_GUARD and a stderr line naming the host, without a DNS
 * lookup; a listen without a host binds 127.0.0.1. Runs on this Node (process.execPath) and on the Node binaries
 * named in LOOPBACK_TEST_NODES (colon-separated paths) only, so what it tests never depends on leftovers on the
 * machine; scripts/test.sh runs it again with Node 24 first in PATH.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..', '..', '..');
const PRELOAD = path.join(REPO, 'bot', 'local', 'loopback-preload.cjs');
const PROBE = path.join(__dirname, 'loopback-probe.cjs');
const UNDICI = require.resolve('undici');

interface Attempt {
  outcome: 'connected' | 'status' | 'error';
  status?: number;
  code?: string;
  message?: string;
  ms: number;
}
interface ProbeResult {
  node: string;
  listenAddress: string;
  lookups: number;
  [name: string]: Attempt | string | number;
}

/**
 * This Node plus each binary named in LOOPBACK_TEST_NODES (colon-separated), in that order, without duplicates.
 * A named binary that does not exist is kept, so its probe fails loudly instead of being skipped.
 */
function nodeBinaries(): string[] {
  const named = (process.env.LOOPBACK_TEST_NODES ?? '').split(':').filter(Boolean);
  return [...new Set([process.execPath, ...named.map((bin) => path.resolve(bin))])];
}

function runProbe(node: string): { result: ProbeResult; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${PRELOAD}` };
  delete env.GROUPBOT_PLAYGROUND_PARENT;
  const run = spawnSync(node, [PROBE, UNDICI], { env, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, `the probe on ${node} exits 0 (${run.error?.message ?? 'ran'}; stderr: ${run.stderr})`);
  return { result: JSON.parse(run.stdout) as ProbeResult, stderr: run.stderr };
}

/** A refusal by the guard: the guard's code, a message naming the host, and no time for any network attempt. */
function assertRefused(a: Attempt, host: string, what: string): void {
  assert.equal(a.outcome, 'error', `${what} is refused`);
  assert.equal(a.code, 'ERR_LOOPBACK_GUARD', `${what} is refused by the guard (got ${a.code}: ${a.message})`);
  assert.match(a.message ?? '', new RegExp(`refused a connection to ${host.replace(/\./g, '\\.')}`));
  assert.ok(a.ms < 250, `${what} is refused at once (${a.ms.toFixed(1)} ms)`);
}

describe('bot/local/loopback-preload.cjs', function () {
  this.timeout(60_000);
  for (const node of nodeBinaries()) {
    describe(`on ${node === process.execPath ? `this Node (${process.version})` : node}`, () => {
      let result: ProbeResult;
      let stderr: string;
      before(() => {
        ({ result, stderr } = runProbe(node));
      });

      it('lets connections to 127.0.0.1 and localhost through, and fetch to 127.0.0.1', () => {
        assert.equal((result.loopbackIp as Attempt).outcome, 'connected');
        assert.equal((result.loopbackName as Attempt).outcome, 'connected');
        assert.deepEqual(
          [(result.globalFetchLoopback as Attempt).status, (result.undiciFetchLoopback as Attempt).status],
          [200, 200],
        );
      });

      it('makes a listen without a host bind 127.0.0.1', () => {
        assert.equal(result.listenAddress, '127.0.0.1');
      });

      it('refuses 10.255.255.1 and a hostname at once, without a DNS lookup', () => {
        assertRefused(result.privateIp as Attempt, '10.255.255.1:80', 'net.connect to 10.255.255.1');
        assertRefused(result.hostname as Attempt, 'groupbot-guard.example.com:443', 'net.connect to a hostname');
        assertRefused(result.tlsHostname as Attempt, 'groupbot-guard.example.com:443', 'tls.connect to a hostname');
        assert.equal(result.lookups, 0, 'no DNS lookup was attempted');
      });

      it('refuses localhost when it resolves off loopback', () => {
        const a = result.localhostResolvingOff as Attempt;
        assertRefused(a, 'localhost:', 'localhost resolving to 10.255.255.1');
        assert.match(a.message ?? '', /resolved to 10\.255\.255\.1/);
      });

      it("refuses undici's fetch and Node's fetch to non-loopback URLs", () => {
        assertRefused(result.undiciFetchOff as Attempt, 'groupbot-guard.example.com:443', 'undici fetch');
        assertRefused(result.globalFetchOff as Attempt, '10.255.255.1:80', 'fetch');
      });

      it('names each refused host on stderr, and nothing of the URL beyond host and port', () => {
        assert.match(stderr, /loopback guard \(pid \d+\): refused a connection to 10\.255\.255\.1:80\n/);
        assert.match(stderr, /refused a connection to groupbot-guard\.example\.com:443\n/);
        assert.doesNotMatch(stderr, /v1\.0\/me/, 'no path');
      });
    });
  }
});
