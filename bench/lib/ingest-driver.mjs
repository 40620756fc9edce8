// Drives a native-messaging host with N realistic events and measures sustained ingest.
// Usage: node ingest-driver.mjs N -- <host command...>
// Prints one JSON line: {"events":N,"seconds":s,"events_per_s":r,"rss_mib":m,"hwm_mib":h,"errors":e}
// Time runs from the host's hello to the ack of the last event; RSS is read right then.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const n = Number(process.argv[2] || 1_000_000);
const cmd = process.argv.slice(process.argv.indexOf('--') + 1);

// Events of realistic size and mix: mostly progress summaries, some opens/ends/browser evidence.
// Timestamps end now: the host refuses any more than a day from its clock (error 109).
const base = Date.now() - n;
function event(i) {
  const stream = `${i % 40}:${Math.floor(i / 400)}`;
  switch (i % 10) {
    case 0: return { v: 1, type: 'stream.open', seq: i, ts: base + i, stream, site: 'chatgpt', url: 'https://chatgpt.com/backend-api/conversation', kind: 'sse', tabId: i % 40, payloadBytes: 2048 };
    case 5: return { v: 1, type: 'browser.http_status', seq: i, ts: base + i, tabId: i % 40, url: 'https://chatgpt.com/backend-api/conversation', status: 200, resourceType: 'xmlhttprequest' };
    case 9: return { v: 1, type: 'stream.end', seq: i, ts: base + i, stream, outcome: 'complete', frames: 400, bytes: 36000, durationMs: 4000, terminalSeen: true, gapMeanMs: 12.5, gapP95Ms: 40, gapMaxMs: 95, lastFrameAgoMs: 3 };
    default: return { v: 1, type: 'stream.progress', seq: i, ts: base + i, stream, frames: i % 400, bytes: (i % 400) * 90, gapMeanMs: 12.5, gapP95Ms: 40, gapMaxMs: 95 };
  }
}
function frame(obj) {
  const body = Buffer.from(JSON.stringify(obj));
  const f = Buffer.allocUnsafe(4 + body.length);
  f.writeUInt32LE(body.length, 0);
  body.copy(f, 4);
  return f;
}

// Every frame is built before the host starts, so the clock measures the host and the pipe,
// not JSON.stringify in this process (which otherwise competes for the same two cores).
const frames = [];
for (let i = 1; i <= n; i++) frames.push(frame(event(i)));
const all = Buffer.concat(frames);
frames.length = 0;
const host = spawn(cmd[0], cmd.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });

let buf = Buffer.alloc(0);
let start = 0;
let done = false;
let rss = 0;
let hwm = 0;
let errors = 0;
function status() {
  try {
    const s = readFileSync(`/proc/${host.pid}/status`, 'utf8');
    rss = Number(s.match(/VmRSS:\s+(\d+)/)[1]) / 1024;
    hwm = Number(s.match(/VmHWM:\s+(\d+)/)[1]) / 1024;
  } catch { /* process gone */ }
}
host.stdout.on('data', (d) => {
  buf = Buffer.concat([buf, d]);
  while (buf.length >= 4) {
    const len = buf.readUInt32LE(0);
    if (buf.length < 4 + len) break;
    const msg = JSON.parse(buf.subarray(4, 4 + len).toString('utf8'));
    buf = buf.subarray(4 + len);
    if (msg.type === 'hello' && !start) { start = performance.now(); pump(0); }
    if (msg.type === 'error') errors++;
    if (msg.type === 'ack' && msg.upTo >= n && !done) {
      done = true;
      const seconds = (performance.now() - start) / 1000;
      status();
      console.log(JSON.stringify({ events: n, seconds: +seconds.toFixed(3), events_per_s: Math.round(n / seconds), rss_mib: +rss.toFixed(1), hwm_mib: +hwm.toFixed(1), errors }));
      host.stdin.end();
    }
  }
});

function pump(off) {
  // Write in 256 KiB slices and respect back-pressure so the pipe, not node's heap, buffers.
  while (off < all.length) {
    const end = Math.min(all.length, off + 262144);
    const ok = host.stdin.write(all.subarray(off, end));
    off = end;
    if (!ok) {
      host.stdin.once('drain', () => pump(off));
      return;
    }
  }
}
setTimeout(() => { if (!done) { console.error('ingest: timed out'); host.kill('SIGKILL'); process.exit(1); } }, 300_000).unref();
host.on('exit', () => { if (!done) { console.error('ingest: host exited early'); process.exit(1); } });
