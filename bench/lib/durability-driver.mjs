// Acts as the extension against a host that is killed (SIGKILL) at random points: it numbers
// events, keeps every event until an ack covers it, resends the unacked after each reconnect
// (extension/background/outbox.js does the same), and notes which break-triggering events were
// acked. Usage: node durability-driver.mjs LAUNCHER ORIGIN PREFIX KILLS SEED
// Prints one JSON line: {"prefix", "kills", "graceful", "events", "acked_break_streams":[...], "unacked_left"}
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

const [launcher, origin, prefix, killsArg, seedArg] = process.argv.slice(2);
const KILLS = Number(killsArg);
let seed = Number(seedArg) || 1;
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let seq = 0;
let streamNo = 0;
const outbox = []; // events not yet acked, in seq order
const ackedBreaks = new Set();
let events = 0;

function session() {
  const stream = `${prefix}${++streamNo}`;
  const t = Date.now();
  const broken = rand() < 0.5;
  const evs = [
    { type: 'stream.open', stream, site: 'chatgpt', url: 'https://chatgpt.com/backend-api/conversation', kind: 'sse', tabId: 1 },
    { type: 'stream.progress', stream, frames: 10, bytes: 900, gapMeanMs: 12, gapP95Ms: 30, gapMaxMs: 40 },
    { type: 'stream.end', stream, outcome: broken ? 'error' : 'complete', frames: 20, bytes: 1800, durationMs: 500,
      terminalSeen: !broken, errorType: broken ? 'TypeError' : undefined, gapMeanMs: 12, gapP95Ms: 30, gapMaxMs: 40 },
  ];
  return evs.map((e, i) => ({ v: 1, seq: ++seq, ts: t + i, ...e, isBreak: broken && e.type === 'stream.end' }));
}

function frame(e) {
  const { isBreak, ...msg } = e;
  const body = Buffer.from(JSON.stringify(msg));
  const f = Buffer.alloc(4 + body.length);
  f.writeUInt32LE(body.length, 0);
  body.copy(f, 4);
  return f;
}

function connect() {
  const child = spawn(launcher, [origin], { cwd: dirname(launcher), stdio: ['pipe', 'pipe', 'ignore'] });
  child.stdin.on('error', () => {}); // EPIPE after a kill
  let buf = Buffer.alloc(0);
  const c = { child, hello: null, exited: new Promise((r) => child.on('exit', r)) };
  c.hello = new Promise((resolve) => {
    child.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32LE(0)) {
        const msg = JSON.parse(buf.subarray(4, 4 + buf.readUInt32LE(0)).toString('utf8'));
        buf = buf.subarray(4 + buf.readUInt32LE(0));
        if (msg.type === 'hello') resolve();
        if (msg.type === 'ack') {
          while (outbox.length && outbox[0].seq <= msg.upTo) {
            const e = outbox.shift();
            if (e.isBreak) ackedBreaks.add(e.stream);
          }
        }
      }
    });
  });
  return c;
}

function send(c, evs) {
  if (evs.length && c.child.exitCode === null) c.child.stdin.write(Buffer.concat(evs.map(frame)));
}

let kills = 0;
let graceful = 0;
for (let cycle = 0; kills < KILLS; cycle++) {
  const c = connect();
  await Promise.race([c.hello, sleep(20_000)]);
  send(c, outbox); // resend everything unacked, as the extension does after a reconnect
  const until = Date.now() + 20 + rand() * 700;
  while (Date.now() < until) {
    const evs = session();
    outbox.push(...evs);
    events += evs.length;
    send(c, evs);
    await sleep(5 + rand() * 20);
  }
  if (cycle % 25 === 24) {
    c.child.stdin.end(); // an orderly restart now and then (browser closed the port)
    graceful++;
  } else {
    c.child.kill('SIGKILL');
    kills++;
  }
  await c.exited;
}
// Last connection: resend, wait until everything is acked, then close the port.
const c = connect();
await c.hello;
send(c, outbox);
const deadline = Date.now() + 30_000;
while (outbox.length && Date.now() < deadline) await sleep(50);
c.child.stdin.end();
await c.exited;
console.log(JSON.stringify({ prefix, kills, graceful, events, acked_break_streams: [...ackedBreaks], unacked_left: outbox.length }));
