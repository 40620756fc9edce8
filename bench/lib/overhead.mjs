// Hook overhead: a local page streams N messages as fast as this server can send them, over
// WebSocket and over SSE (fetch + body reader, as the chat sites do), in two headless Chromiums
// started alike: one with the extension (its MAIN-world hook wraps WebSocket and fetch on
// http://127.0.0.1/*), one without. Runs alternate between the two browsers and flip order
// every round; the page times itself (first byte requested → last message handled) and posts
// its result to this server.
// The browsers are driven over a bare CDP pipe (lib/cdp-pipe.mjs), not Playwright: Playwright
// enables the Network domain on every page, which made Chromium report each of the 30,000
// frames to the driver and roughly halved the WebSocket rate of both browsers.
// With OVERHEAD_PIN=1 (the default on ≥ 2 CPUs) the browsers run on the last CPU and this
// driver and its server on the first: the browser's processes (and the extension's worker and
// native host, its children) then share one core, so every cycle the extension spends shows up
// in the rate, and the rate no longer jumps with where the scheduler puts the processes.
// SSE streams OVERHEAD_SSE_MESSAGES (default 300,000): 30,000 SSE events arrive in 2-3 reads
// within ~50 ms, a time that measures the start of a stream rather than its throughput; the
// start is reported on its own as fetch → first chunk (`*_first_chunk_ms`).
// SSE is read with a body reader (`res.body.getReader().read()`), as the chat sites' code does.
// OVERHEAD_VARIANTS=ws-empty-listener,no-forward,no-hook adds reference builds of the extension
// (lib/hook-variants.mjs) to the same rounds, each reported as `<variant>_ratio` in the JSON.
// Usage: node overhead.mjs ROUNDS N   Prints {"ws":{...},"sse":{...},"ws_ratio","sse_ratio"}
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { makeProfile, CHROMIUM, EXTENSION } from './e2e.mjs';
import { safeEnv } from '../../e2e/lib/safety.mjs';
import { launchPiped, waitForTarget, QUIET_FLAGS } from './cdp-pipe.mjs';
import { buildVariant } from './hook-variants.mjs';

const ROUNDS = Number(process.argv[2] || 7);
const N = Number(process.argv[3] || 30000);
const N_SSE = Number(process.env.OVERHEAD_SSE_MESSAGES || 300000);
const count = (mode) => (mode.startsWith('ws') ? N : N_SSE);
const PIN = process.env.OVERHEAD_PIN ? process.env.OVERHEAD_PIN === '1' : cpus().length >= 2;
const EXTENSION_ID = 'omagcholnfmppnbeobpckdaifhiiilgi';
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
// reference variants measured in the same rounds (lib/hook-variants.mjs), e.g. ws-empty-listener
const EXTRA = (process.env.OVERHEAD_VARIANTS || '').split(',').filter(Boolean);
// OVERHEAD_PIPE=1 adds "ssepipe": the same SSE body consumed through pipeThrough(TextDecoderStream)
// (reported in the JSON only; the last line of overhead.sh stays ws + reader SSE)
// "wsl" is the WebSocket page receiving through addEventListener('message') instead of onmessage:
// the hook then counts in a listener of its own (src/hook/ws-onmessage.js). JSON only.
const MODES = process.env.OVERHEAD_PIPE === '1' ? ['ws', 'wsl', 'sse', 'ssepipe'] : ['ws', 'wsl', 'sse'];
const PAYLOAD = JSON.stringify({ v: 'x'.repeat(80) }); // ~90 bytes, a typical token-delta frame

const PAGE = `<!doctype html><meta charset="utf-8"><title>overhead</title><script>
const q = new URLSearchParams(location.search); const n = Number(q.get('n')); const mode = q.get('mode');
const finish = (t0, c, firstMs) => {
  const r = { ms: performance.now() - t0, msgs: c, firstMs };
  fetch('/result?run=' + q.get('run'), { method: 'POST', body: JSON.stringify(r) });
};
if (mode === 'ws' || mode === 'wsl') {
  const t0 = performance.now(); let c = 0;
  const ws = new WebSocket('ws://' + location.host + '/ws?n=' + n);
  const onMessage = (e) => { if (typeof e.data === 'string' && ++c === n) finish(t0, c); };
  if (mode === 'ws') ws.onmessage = onMessage; else ws.addEventListener('message', onMessage);
} else {
  (async () => {
    const t0 = performance.now(); let c = 0; let buf = ''; let firstMs = null;
    const res = await fetch('/sse?n=' + n, { method: 'POST', headers: { accept: 'text/event-stream' } });
    const pipe = mode === 'ssepipe';
    const reader = pipe ? res.body.pipeThrough(new TextDecoderStream()).getReader() : res.body.getReader();
    const dec = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (firstMs === null) firstMs = performance.now() - t0;
      if (done) break;
      buf += pipe ? value : dec.decode(value, { stream: true });
      let i;
      while ((i = buf.indexOf('\\n\\n')) >= 0) { const ev = buf.slice(0, i); buf = buf.slice(i + 2); if (ev.startsWith('data: {')) c++; }
    }
    finish(t0, c, firstMs);
  })();
}
</script>`;

function pump(socket, total, make, end) {
  let i = 0;
  const step = () => {
    while (i < total) {
      const batch = [];
      for (let k = 0; k < 64 && i < total; k++, i++) batch.push(make(i));
      if (!socket.write(Buffer.concat(batch))) { socket.once('drain', step); return; }
    }
    end();
  };
  step();
}
const wsFrame = (text) => { const b = Buffer.from(text); return Buffer.concat([Buffer.from([0x81, b.length]), b]); };
const results = new Map(); // run id → resolve
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE); return; }
  if (url.pathname === '/result') {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => { res.end('ok'); results.get(url.searchParams.get('run'))?.(JSON.parse(body)); });
    return;
  }
  if (url.pathname === '/sse') {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    const ev = Buffer.from(`data: ${PAYLOAD}\n\n`);
    pump(res, Number(url.searchParams.get('n')), () => ev, () => res.end('data: [DONE]\n\n'));
    return;
  }
  res.writeHead(404); res.end();
});
server.on('upgrade', (req, socket) => {
  const accept = createHash('sha1').update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  socket.on('error', () => {});
  socket.on('data', () => {}); // the client's close frame
  const f = wsFrame(PAYLOAD);
  pump(socket, Number(new URL(req.url, 'http://x').searchParams.get('n')), () => f,
    () => socket.end(Buffer.from([0x88, 0x02, 0x03, 0xe8]))); // close 1000
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

if (PIN) {
  // this driver and its server on CPU 0 (every thread), the browsers on the last CPU
  const r = spawnSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`taskset failed: ${r.stderr || r.error}`);
}
const pin = PIN ? { pinCpu: cpus().length - 1 } : {};
const isWorker = (t) => t.type === 'service_worker' && t.url.includes(EXTENSION_ID);
const cleanups = [];
/** A browser with `extensionDir` loaded (and the native host registered in its profile). */
async function withExtension(name, extensionDir) {
  const profile = makeProfile(`overhead-${name}`);
  cleanups.push(profile.cleanup);
  const b = await launchPiped(CHROMIUM, [...QUIET_FLAGS, `--user-data-dir=${profile.profile}`,
    `--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`], { env: safeEnv(null), ...pin });
  await waitForTarget(b, isWorker, 15_000, `extension service worker (${name})`);
  return b;
}
const browsers = { hooked: await withExtension('hooked', EXTENSION) };
const plainDir = mkdtempSync(join(tmpdir(), 'sd-overhead-plain-'));
cleanups.push(() => rmSync(plainDir, { recursive: true, force: true }));
browsers.plain = await launchPiped(CHROMIUM, [...QUIET_FLAGS, `--user-data-dir=${plainDir}`], { env: safeEnv(null), ...pin });
for (const v of EXTRA) {
  const built = buildVariant(EXTENSION, v);
  cleanups.push(built.cleanup);
  browsers[v] = await withExtension(v, built.dir);
}
const names = Object.keys(browsers);

// CPU time (user + system, clock ticks) of a browser's whole process tree: renderers, network
// service, GPU, the extension's worker and the native host (children of the browser). Read
// before a page opens and after it reported, so the page's renderer is still alive.
function treeTicks(rootPid) {
  const procs = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = procs.get(p)?.ppid ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  let sum = 0;
  for (const [pid, p] of procs) if (inTree(pid)) sum += p.ticks;
  return sum;
}

let runId = 0;
async function once(name, mode) {
  const run = String(++runId);
  const n = count(mode);
  let timer;
  const result = new Promise((resolve, reject) => {
    results.set(run, resolve);
    timer = setTimeout(() => reject(new Error(`${mode}: no result in 120 s`)), 120_000);
  });
  const before = treeTicks(browsers[name].pid);
  const { targetId } = await browsers[name].send('Target.createTarget', { url: `${base}?mode=${mode}&n=${n}&run=${run}` });
  const r = await result.finally(() => { clearTimeout(timer); results.delete(run); });
  r.ticks = treeTicks(browsers[name].pid) - before;
  await browsers[name].send('Target.closeTarget', { targetId });
  if (r.msgs !== n) throw new Error(`${mode}: ${r.msgs} of ${n} messages`);
  return r;
}
const res = Object.fromEntries(MODES.map((m) => [m, Object.fromEntries(names.map((b) => [b, []]))]));
let seen = null;
try {
  for (const mode of MODES) for (const name of names) await once(name, mode); // warm-up, untimed
  for (let r = 0; r < ROUNDS; r++) {
    for (const mode of MODES) {
      for (const name of r % 2 ? [...names].reverse() : names) res[mode][name].push(await once(name, mode));
    }
  }
  // The hooked browser must really have watched the streams: its worker forwarded their ends.
  const worker = (await browsers.hooked.targets()).find(isWorker);
  seen = worker && await browsers.hooked.evaluate(worker.targetId,
    'globalThis.__streamdoctor.snapshot().outgoing.filter((e) => JSON.parse(e).type === "stream.end").length');
} finally {
  for (const b of Object.values(browsers)) await b.close();
  server.close();
  for (const c of cleanups) c();
}
// (a page closed right after its last message may take its stream's end along: not all 2 + ROUNDS)
const streams = ROUNDS * MODES.length;
if (!(seen >= streams)) throw new Error(`the hooked browser reported ${seen} stream ends, expected ${streams}: the hook did not run`);
const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const rate = (mode, name) => median(res[mode][name].map((r) => count(mode) / (r.ms / 1000)));
const out = { n: N, n_sse: N_SSE, rounds: ROUNDS, pinned: PIN };
for (const mode of MODES) {
  const runs = (name) => res[mode][name].map((r) => Math.round(count(mode) / (r.ms / 1000)));
  out[mode] = { hooked_msgs_per_s: Math.round(rate(mode, 'hooked')), plain_msgs_per_s: Math.round(rate(mode, 'plain')),
    hooked_runs: runs('hooked'), plain_runs: runs('plain') };
  // ms from the fetch() call to the first chunk read: the per-stream fixed costs
  if (res[mode].hooked[0].firstMs != null) {
    for (const name of names) out[mode][`${name}_first_chunk_ms`] = +median(res[mode][name].map((r) => r.firstMs)).toFixed(1);
  }
  for (const v of EXTRA) out[mode][`${v}_ratio`] = +(rate(mode, v) / rate(mode, 'plain')).toFixed(3);
  // CPU of the whole browser (all its processes) per 1,000 messages, ms: less noisy than rates
  const tick = 1000 / CLOCK_TICKS;
  for (const name of names) {
    out[mode][`${name}_cpu_ms_per_1k`] = +median(res[mode][name].map((r) => (r.ticks * tick * 1000) / count(mode))).toFixed(2);
  }
  out[`${mode}_ratio`] = +(rate(mode, 'hooked') / rate(mode, 'plain')).toFixed(3);
}
console.log(JSON.stringify(out));
