// Run by loopback-preload.test.ts in a child process started with `--require bot/local/loopback-preload.cjs`:
// tries each kind of connection and prints one JSON object with what happened to each, then exits.
'use strict';
const net = process.getBuiltinModule('node:net');
const http = process.getBuiltinModule('node:http');
const tls = process.getBuiltinModule('node:tls');
// argv[2]: the path of the undici package to test.
const { fetch: undiciFetch } = process.getBuiltinModule('node:module').createRequire(__filename)(process.argv[2]);

/** How a connection attempt ended: `connected`, or the error's code and message, and how long it took. */
function attempt(connect) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
    const socket = connect();
    socket.once('connect', () => {
      resolve({ outcome: 'connected', ms: ms() });
      socket.destroy();
    });
    socket.once('error', (err) => resolve({ outcome: 'error', code: err.code, message: err.message, ms: ms() }));
  });
}

/** How a fetch ended: the status, or the code and message of the error's cause. */
async function fetchOutcome(fetchFn, url) {
  const t0 = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
  try {
    const res = await fetchFn(url);
    await res.arrayBuffer();
    return { outcome: 'status', status: res.status, ms: ms() };
  } catch (err) {
    const cause = err.cause || err;
    return { outcome: 'error', code: cause.code, message: cause.message, ms: ms() };
  }
}

async function main() {
  const server = http.createServer((req, res) => res.end('ok'));
  // No host: the preload makes this bind 127.0.0.1 only.
  await new Promise((resolve) => server.listen(0, resolve));
  const { address, port } = server.address();
  let lookups = 0;
  const countingLookup = (host, options, callback) => {
    lookups++;
    callback(new Error('the lookup must not run'));
  };
  const result = {
    node: process.version,
    listenAddress: address,
    loopbackIp: await attempt(() => net.connect({ host: '127.0.0.1', port })),
    loopbackName: await attempt(() => net.connect(port, 'localhost')),
    privateIp: await attempt(() => net.connect({ host: '10.255.255.1', port: 80 })),
    hostname: await attempt(() =>
      net.connect({ host: 'groupbot-guard.example.com', port: 443, lookup: countingLookup }),
    ),
    tlsHostname: await attempt(() =>
      tls.connect({ host: 'groupbot-guard.example.com', port: 443, lookup: countingLookup }),
    ),
    localhostResolvingOff: await attempt(() =>
      net.connect({
        host: 'localhost',
        port,
        lookup: (host, options, callback) =>
          options && options.all
            ? callback(null, [{ address: '10.255.255.1', family: 4 }])
            : callback(null, '10.255.255.1', 4),
      }),
    ),
    globalFetchLoopback: await fetchOutcome(fetch, `http://127.0.0.1:${port}/`),
    undiciFetchLoopback: await fetchOutcome(undiciFetch, `http://127.0.0.1:${port}/`),
    undiciFetchOff: await fetchOutcome(undiciFetch, 'https://groupbot-guard.example.com/v1.0/me'),
    globalFetchOff: await fetchOutcome(fetch, 'http://10.255.255.1/'),
  };
  result.lookups = lookups;
  server.close();
  process.stdout.write(JSON.stringify(result));
}

main().catch((err) => {
  process.stderr.write(`probe failed: ${err.stack}\n`);
  process.exitCode = 1;
});
