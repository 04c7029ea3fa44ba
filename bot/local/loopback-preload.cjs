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
