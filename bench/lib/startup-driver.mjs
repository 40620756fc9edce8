// Spawns native-messaging hosts the way Chromium does and times spawn -> first frame ("hello").
// Chromium starts the manifest's `path` with args [origin] and cwd = the host's folder; so do we.
// Usage: node startup-driver.mjs RUNS ORIGIN name=launcher [name=launcher...]
// Runs alternate between launchers (noise hits all alike). Prints one JSON line per launcher:
// {"name":..., "runs":n, "median_ms":m, "p90_ms":p, "min_ms":x}
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

const [runs, origin, ...specs] = process.argv.slice(2);
const hosts = specs.map((s) => ({ name: s.slice(0, s.indexOf('=')), path: s.slice(s.indexOf('=') + 1), ms: [] }));

function once(path) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(path, [origin], { cwd: dirname(path), stdio: ['pipe', 'pipe', 'ignore'] });
    let buf = Buffer.alloc(0);
    let t1 = 0;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${path}: no hello in 20 s`)); }, 20_000);
    child.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (t1 || buf.length < 4 || buf.length < 4 + buf.readUInt32LE(0)) return;
      t1 = performance.now();
      const msg = JSON.parse(buf.subarray(4, 4 + buf.readUInt32LE(0)).toString('utf8'));
      if (msg.type !== 'hello') { reject(new Error(`${path}: first frame is ${msg.type}`)); return; }
      child.stdin.end(); // the browser closing the port: the host must exit on its own
    });
    child.on('exit', () => { clearTimeout(timer); if (t1) resolve(t1 - t0); else reject(new Error(`${path}: exited before hello`)); });
  });
}

const q = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (const h of hosts) await once(h.path); // warm the page cache once, untimed
for (let r = 0; r < Number(runs); r++) {
  for (const h of hosts) h.ms.push(await once(h.path));
}
for (const h of hosts) {
  console.log(JSON.stringify({ name: h.name, runs: h.ms.length, median_ms: +median(h.ms).toFixed(1),
    p90_ms: +q(h.ms, 0.9).toFixed(1), min_ms: +Math.min(...h.ms).toFixed(1) }));
}
