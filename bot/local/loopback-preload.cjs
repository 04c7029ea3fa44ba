// Preloaded (node --require) into the processes groupbot starts that must stay on this machine's loopback: the
// Agents Playground, and the `groupbot serve` processes of `groupbot cloud` and the production-mode tests.
//
// 1. Outgoing TCP: every TCP client connection in Node (net.connect, tls.connect, http(s) agents, fetch and
//    undici) goes through net.Socket#connect. A connection to anything but 127.0.0.0/8, ::1 or `localhost` is
//    refused there, before any lookup or packet: the socket is destroyed on the next tick with an Error whose code
//    is ERR_LOOPBACK_GUARD, and one line naming the host and port goes to stderr. Unix sockets (a `path`) are
//    local and allowed. For `localhost`, the address it resolves to must be loopback too.
// 2. Listening: the Playground calls server.listen(port) with no host, which binds every interface. A listen
//    without a host binds 127.0.0.1 instead.
// 3. A watchdog (GROUPBOT_PLAYGROUND_PARENT=<pid>): the process exits once the process that started it is gone.
//
// Plain CJS with no dependencies; `process.getBuiltinModule` needs Node >= 20.16.
'use strict';
const net = process.getBuiltinModule('node:net');

const GUARD_CODE = 'ERR_LOOPBACK_GUARD';
const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** True for an IP literal in 127.0.0.0/8 or ::1 (IPv4-mapped forms included). */
function isLoopbackAddress(address) {
  const family = net.isIP(address);
  if (family === 4) return loopback.check(address, 'ipv4');
  if (family === 6) return loopback.check(address, 'ipv6');
  return false;
}

/** True for a host this guard lets a socket connect to. */
function isLoopbackHost(host) {
  const h = String(host)
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === 'localhost.' || isLoopbackAddress(h);
}

/** The host and port a Socket#connect call names, or `{ path }` for a Unix socket / named pipe. */
function connectTarget(args) {
  let first = args[0];
  // net.connect and tls.connect pass Node's own normalized [options, callback] array.
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') {
    if (first.path) return { path: String(first.path) };
    return { host: first.host || 'localhost', port: first.port };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' && args[1] ? args[1] : 'localhost', port: first };
  }
  if (typeof first === 'string') return { path: first };
  return { host: 'localhost', port: undefined };
}

function refusal(host, port, detail) {
  const where = `${host}${port === undefined ? '' : `:${port}`}`;
  const err = new Error(
    `loopback guard: refused a connection to ${where}${detail}; this process may only connect to 127.0.0.0/8, ::1 or localhost`,
  );
  err.code = GUARD_CODE;
  err.host = String(host);
  err.port = port;
  process.stderr.write(`loopback guard (pid ${process.pid}): refused a connection to ${where}${detail}\n`);
  return err;
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connectOnLoopbackOnly(...args) {
  const target = connectTarget(args);
  if (target.path !== undefined) return originalConnect.apply(this, args);
  if (!isLoopbackHost(target.host)) {
    const err = refusal(target.host, target.port, '');
    process.nextTick(() => this.destroy(err));
    return this;
  }
  if (net.isIP(String(target.host).replace(/^\[(.*)\]$/, '$1')) === 0) {
    // `localhost`: what it resolves to must be loopback as well (checked before the connection is attempted).
    // With autoSelectFamily, 'lookup' is emitted once per address, each before its attempt.
    const checkAddress = (lookupError, address) => {
      if (lookupError || isLoopbackAddress(address) || this.destroyed) return;
      this.destroy(refusal(target.host, target.port, ` (it resolved to ${address})`));
    };
    this.on('lookup', checkAddress);
    this.once('connect', () => this.removeListener('lookup', checkAddress));
  }
  return originalConnect.apply(this, args);
};

const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (args.length > 1 && (args[1] === undefined || args[1] === null)) args[1] = '127.0.0.1';
    else if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (
    first &&
    typeof first === 'object' &&
    !Array.isArray(first) &&
    first.port !== undefined &&
    !first.host &&
    !first.path
  ) {
    args[0] = { ...first, host: '127.0.0.1' };
  }
  return originalListen.apply(this, args);
};

// The Playground runs in its own process group, so a groupbot process that dies without stopping it (SIGKILL,
// a crash) would leave it holding its port. It exits once the process that started it is gone.
const parentPid = Number(process.env.GROUPBOT_PLAYGROUND_PARENT);
if (Number.isInteger(parentPid) && parentPid > 1) {
  const watchdog = setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch (err) {
      if (err && err.code === 'ESRCH') process.exit(0);
    }
  }, 1000);
  watchdog.unref();
}
