// Spawns native-messaging hosts the way Chromium does and times two things per start:
// spawn -> hello, and spawn -> the pong that answers client.hello + stream.open + stream.end +
// ping written at spawn (the host's start-up finished: session wired, first events ingested, a
// request answered). The second is what a start-up trick that only moves work past the hello
// would make worse. Usage: node ready-driver.mjs RUNS ORIGIN name=launcher [name=launcher...]
// Runs alternate between launchers. Prints one JSON line per launcher:
// {"name":..., "runs":n, "hello_median_ms":h, "ready_median_ms":r}
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

const [runs, origin, ...specs] = process.argv.slice(2);
const hosts = specs.map((s) => ({ name: s.slice(0, s.indexOf('=')), path: s.slice(s.indexOf('=') + 1), hello: [], ready: [] }));

function frame(obj) {
  const body = Buffer.from(JSON.stringify(obj));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  return Buffer.concat([head, body]);
}

function once(path) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const ts = Date.now();
    const child = spawn(path, [origin], { cwd: dirname(path), stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdin.write(Buffer.concat([
      frame({ v: 1, type: 'client.hello', id: 'c1', extensionVersion: 'bench', browser: 'chrome' }),
      frame({ v: 1, type: 'stream.open', seq: 1, ts, stream: '1:1', site: 'chatgpt', url: 'https://chatgpt.com/backend-api/conversation', kind: 'sse', tabId: 1, payloadBytes: 100 }),
      frame({ v: 1, type: 'stream.end', seq: 2, ts: ts + 5, stream: '1:1', outcome: 'complete', frames: 4, bytes: 360, durationMs: 5, terminalSeen: true }),
      frame({ v: 1, type: 'ping', id: 'p1' }),
    ]));
    let buf = Buffer.alloc(0);
    let hello = 0;
    let ready = 0;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${path}: no pong in 20 s`)); }, 20_000);
    child.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32LE(0)) {
        const msg = JSON.parse(buf.subarray(4, 4 + buf.readUInt32LE(0)).toString('utf8'));
        buf = buf.subarray(4 + buf.readUInt32LE(0));
        if (msg.type === 'hello' && !hello) hello = performance.now() - t0;
        if (msg.type === 'pong' && !ready) { ready = performance.now() - t0; child.stdin.end(); }
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (hello && ready) resolve([hello, ready]);
      else reject(new Error(`${path}: exited before ${hello ? 'pong' : 'hello'}`));
    });
  });
}

const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (const h of hosts) await once(h.path); // warm the page cache once, untimed
for (let r = 0; r < Number(runs); r++) {
  for (const h of hosts) {
    const [hello, ready] = await once(h.path);
    h.hello.push(hello);
    h.ready.push(ready);
  }
}
for (const h of hosts) {
  console.log(JSON.stringify({ name: h.name, runs: h.hello.length, hello_median_ms: +median(h.hello).toFixed(1),
    ready_median_ms: +median(h.ready).toFixed(1) }));
}
