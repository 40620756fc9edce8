// Where the hooked page spends its time: a CPU profile (CDP Profiler) of the overhead page in the
// browser with the extension, self time summed per function. Usage: node overhead-profile.mjs MODE N
import { createServer } from 'node:http';
import { makeProfile, launchBrowser } from './e2e.mjs';

const MODE = process.argv[2] || 'sse';
const N = Number(process.argv[3] || 100000);
const PAYLOAD = JSON.stringify({ v: 'x'.repeat(80) });
const PAGE = `<!doctype html><script>
window.go = async (n) => { const t0 = performance.now(); let c = 0; let buf = '';
  const res = await fetch('/sse?n=' + n, { method: 'POST' }); const r = res.body.getReader(); const d = new TextDecoder();
  for (;;) { const { value, done } = await r.read(); if (done) break; buf += d.decode(value, { stream: true });
    let i; while ((i = buf.indexOf('\\n\\n')) >= 0) { buf = buf.slice(i + 2); c++; } }
  return { c, ms: performance.now() - t0 }; };
window.goWs = (n) => new Promise((res) => { const t0 = performance.now(); let c = 0;
  const ws = new WebSocket('ws://' + location.host + '/ws?n=' + n);
  ws.onmessage = () => { if (++c === n) res({ c, ms: performance.now() - t0 }); }; });
</script>`;
const { createHash } = await import('node:crypto');
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE); return; }
  req.resume();
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const ev = Buffer.from(`data: ${PAYLOAD}\n\n`);
  const n = Number(url.searchParams.get('n'));
  let i = 0;
  const step = () => { while (i < n) { const b = []; for (let k = 0; k < 64 && i < n; k++, i++) b.push(ev); if (!res.write(Buffer.concat(b))) { res.once('drain', step); return; } } res.end('data: [DONE]\n\n'); };
  step();
});
server.on('upgrade', (req, socket) => {
  const accept = createHash('sha1').update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  socket.on('error', () => {}); socket.on('data', () => {});
  const b = Buffer.from(PAYLOAD); const f = Buffer.concat([Buffer.from([0x81, b.length]), b]);
  const n = Number(new URL(req.url, 'http://x').searchParams.get('n'));
  let i = 0;
  const step = () => { while (i < n) { const x = []; for (let k = 0; k < 64 && i < n; k++, i++) x.push(f); if (!socket.write(Buffer.concat(x))) { socket.once('drain', step); return; } } };
  step();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const profile = makeProfile('ovprof');
const b = await launchBrowser(profile.profile);
try {
  const page = await b.context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await page.evaluate(([m, n]) => (m === 'ws' ? window.goWs(n) : window.go(n)), [MODE, N]);
  const { profile: p } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = p.timeDeltas; const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const hits = new Map();
  p.samples.forEach((id, k) => hits.set(id, (hits.get(id) || 0) + (dt[k] || 0)));
  let total = 0;
  for (const [id, us] of hits) {
    const cf = byId.get(id).callFrame;
    const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}`;
    self.set(key, (self.get(key) || 0) + us); total += us;
  }
  console.log(`${MODE}: ${r.c} events in ${Math.round(r.ms)} ms`);
  for (const [k, us] of [...self].sort((a, c) => c[1] - a[1]).slice(0, 18)) console.log(`${(100 * us / total).toFixed(1).padStart(5)}%  ${k}`);
} finally {
  await b.context.close().catch(() => {}); server.close(); profile.cleanup();
}
