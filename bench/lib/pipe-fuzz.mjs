// The smaller fuzz run against the real jar over pipes: P host processes, each fed K inputs
// (docs/protocol.md examples mutated, random framed bodies; every fifth process ends with raw
// garbage that loses the frame boundary). Checks what only a real process shows: stdout carries
// nothing but frames of JSON objects, the host exits by itself within 10 s of stdin closing, and
// it exits with 0 (EOF) or 3 (protocol error ended the session), never a crash.
// Usage: node pipe-fuzz.mjs P K SEED -- host command...
// Prints {"inputs":n,"crashes":n,"hangs":n,"stdout_violations":n}
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [P, K, S] = process.argv.slice(2, 5).map(Number);
const cmd = process.argv.slice(process.argv.indexOf('--') + 1);
let seed = S || 1;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const md = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'protocol.md'), 'utf8');
const seeds = [];
for (const m of md.matchAll(/```json\n([\s\S]*?)```/g)) {
  for (const line of m[1].split(/\n(?=\{)/)) { try { const o = JSON.parse(line); if (o && o.type) seeds.push(o); } catch { /* not a message */ } }
}
const values = [null, true, 0, -1, 1.5, 1e308, -1e308, 2 ** 63, '', 'x'.repeat(3000), '\u0000\ud800', [], {}, [1, 'a'], { a: { b: [] } }, 'stream.open', 'ping'];
function mutated() {
  const m = structuredClone(pick(seeds));
  const keys = Object.keys(m);
  switch (Math.floor(rnd() * 5)) {
    case 0: m[pick(keys)] = pick(values); break;
    case 1: delete m[pick(keys)]; break;
    case 2: m[`k${Math.floor(rnd() * 9)}`] = pick(values); break;
    case 3: m.type = pick(seeds).type; break;
    default: break;
  }
  return Buffer.from(JSON.stringify(m));
}
function randomBody() {
  const b = Buffer.alloc(1 + Math.floor(rnd() * 120));
  for (let i = 0; i < b.length; i++) b[i] = Math.floor(rnd() * 256);
  return b;
}
function frame(body) { const h = Buffer.alloc(4); h.writeUInt32LE(body.length); return Buffer.concat([h, body]); }

function checkFrames(out) {
  let off = 0;
  while (off < out.length) {
    if (out.length - off < 4) return false;
    const len = out.readUInt32LE(off);
    if (len === 0 || len > 1024 * 1024 || off + 4 + len > out.length) return false;
    try { const o = JSON.parse(out.subarray(off + 4, off + 4 + len).toString('utf8')); if (!o || typeof o.type !== 'string') return false; } catch { return false; }
    off += 4 + len;
  }
  return true;
}

let inputs = 0, crashes = 0, hangs = 0, violations = 0;
for (let p = 0; p < P; p++) {
  const parts = [];
  for (let k = 0; k < K; k++) { parts.push(frame(rnd() < 0.8 ? mutated() : randomBody())); inputs++; }
  if (p % 5 === 4) { parts.push(randomBody()); inputs++; }
  const child = spawn(cmd[0], cmd.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  const out = [];
  let err = '';
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => { err += d; });
  child.stdin.on('error', () => {});
  child.stdin.end(Buffer.concat(parts));
  const code = await new Promise((resolve) => {
    const t = setTimeout(() => { hangs++; child.kill('SIGKILL'); }, 10_000 + K * 5);
    child.on('exit', (c, sig) => { clearTimeout(t); resolve(sig ? sig : c); });
  });
  if (code !== 0 && code !== 3 && code !== 'SIGKILL') { crashes++; console.error(`process ${p}: exit ${code}\n${err.slice(-2000)}`); }
  if (/Exception in thread|OutOfMemoryError|StackOverflowError/.test(err)) { crashes++; console.error(`process ${p}: ${err.slice(-2000)}`); }
  if (!checkFrames(Buffer.concat(out))) { violations++; console.error(`process ${p}: stdout is not only frames`); }
}
console.log(JSON.stringify({ inputs, seeds: seeds.length, crashes, hangs, stdout_violations: violations }));
