// A minimal HTTP CONNECT proxy for the namespace lab (run inside the server namespace with
// `ip netns exec NS node connect-proxy.mjs BIND UPSTREAM_HOST`). It tunnels every CONNECT to
// UPSTREAM_HOST on the requested port — whatever name the browser asked for — so it can only
// ever reach the lab. Prints "proxy listening on http://BIND:PORT/" once ready.
// stdin commands (one per line): "reset" resets every open tunnel (TCP RST to the browser), as a
// proxy that loses its route does; EOF on stdin stops it. Bounded: 32 tunnels, 5 s for a header.
import { createServer, connect } from 'node:net';
import { createInterface } from 'node:readline';

const [bind, upstream] = process.argv.slice(2);
if (!bind || !upstream) {
  process.stderr.write('usage: connect-proxy.mjs BIND UPSTREAM_HOST\n');
  process.exit(2);
}
const MAX = 32;
const live = new Set();

const server = createServer((client) => {
  if (live.size >= MAX) {
    client.resetAndDestroy();
    return;
  }
  live.add(client);
  client.on('close', () => live.delete(client));
  client.on('error', () => {});
  client.setTimeout(5_000, () => client.destroy());
  let head = Buffer.alloc(0);
  const onData = (d) => {
    head = Buffer.concat([head, d]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) {
      if (head.length > 8192) client.destroy();
      return;
    }
    client.off('data', onData);
    client.setTimeout(0);
    const m = /^CONNECT [^\s:]+:(\d{1,5}) HTTP\/1\.[01]\r\n/.exec(head.subarray(0, end).toString('latin1'));
    if (!m) {
      client.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\n\r\n');
      return;
    }
    const up = connect({ host: upstream, port: Number(m[1]) });
    client.upstream = up;
    up.on('error', () => client.destroy());
    up.on('close', () => client.destroy());
    client.on('close', () => up.destroy());
    up.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      const rest = head.subarray(end + 4);
      if (rest.length) up.write(rest);
      client.pipe(up);
      up.pipe(client);
    });
  };
  client.on('data', onData);
});

server.listen(0, bind, () => {
  process.stdout.write(`proxy listening on http://${bind}:${server.address().port}/\n`);
});

const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  if (line.trim() === 'reset') {
    for (const c of live) {
      if (c.upstream) c.upstream.destroy();
      c.resetAndDestroy();
    }
    process.stdout.write(`reset ${live.size}\n`);
  }
});
rl.on('close', () => {
  for (const c of live) c.destroy();
  server.close();
  process.exit(0);
});
