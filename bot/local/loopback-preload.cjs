// Preloaded into the Agents Playground process (node --require): the Playground calls server.listen(port)
// with no host, which binds every interface. This makes a listen without a host bind 127.0.0.1 only.
'use strict';
const net = process.getBuiltinModule('node:net');
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
