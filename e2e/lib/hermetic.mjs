#!/usr/bin/env node
// Runs a test command (the browser suites: extension/pom.xml, e2e/pom.xml) where nothing can leave
// this machine, and fails it when something tried to. Usage: node hermetic.mjs CMD [ARGS...]
//
// As root: the command runs in a network namespace of its own (unshare(1) --net --mount), with
//  - `lo` up, and an "uplink" veth pair whose both ends stay inside (sdup0 10.99.0.2/24 → default
//    route via 10.99.0.1, an address nobody holds). Chromium needs a non-loopback interface with a
//    default route or it believes it is offline (navigator.onLine false); packets routed there go
//    nowhere, and the kernel counts each attempt (ARP) in sdup0's tx counter;
//  - /etc/resolv.conf bind-mounted (in this mount namespace only) to `nameserver 10.99.0.53` (on lo),
//    where a DNS sink (below) answers REFUSED and keeps every name asked: the lookups that would
//    have gone to the machine's resolver;
//  - /sys remounted, so /sys/class/net shows this namespace's interfaces (as `ip netns exec` does);
//  - web sinks on 127.0.0.1 and ::1 ports 80 and 443 that read the name asked for (TLS SNI, RFC 6066
//    section 3; HTTP Host) and close: a browser told by prefs that every name is 127.0.0.1
//    (Firefox, e2e/lib/firefox.mjs) reaches its vendors' services there. No test serves on those
//    ports in this namespace.
// Tests that make namespaces of their own (e2e/lib/netns.mjs) keep working: `ip netns add` works
// from here, their veth pairs are created straight into those namespaces.
// After the command: packets routed off the machine + DNS queries + loopback 80/443 connects must
// be 0, and no interface but lo and the uplink may be left here, or the run fails (exit 1) with
// the names; STREAMDOCTOR_HERMETIC_REPORT_ONLY=1 only reports (for measuring). A report goes to
// target/hermetic-report.json in the working directory.
// Not root: no namespace; the browsers run with their background services off by flags and prefs
// only (test-support/browser.mjs, e2e/lib/harness.mjs, e2e/lib/firefox.mjs), and this says so.
import { execFileSync, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const find = (names) => names.find((p) => existsSync(p)) || null;
const UNSHARE = find(['/usr/bin/unshare', '/bin/unshare']);
const IP = find(['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip']);
const MOUNT = find(['/usr/bin/mount', '/bin/mount']);
export const UPLINK = 'sdup0';
const UPLINK_PEER = 'sdup1';
// Not a loopback address: the machine's resolver is not one either (here 10.255.255.53), and the
// host's LoopbackPolicy would let its DNS probes query a loopback "system resolver" it refuses in
// CI. On lo, so packets to it never touch the uplink.
export const SINK_ADDR = '10.99.0.53';

const say = (line) => process.stderr.write(`# hermetic: ${line}\n`);
const run = (argv) => execFileSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 10_000 });

/** Why this run cannot have a namespace of its own, or null. */
export function namespaceUnavailable() {
  if (process.env.STREAMDOCTOR_HERMETIC === 'off') return 'turned off (STREAMDOCTOR_HERMETIC=off)';
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not root';
  if (!UNSHARE || !IP || !MOUNT) return 'no unshare/ip/mount (util-linux, iproute2)';
  // Root without CAP_SYS_ADMIN (an unprivileged container) cannot make namespaces: say so.
  try {
    execFileSync(UNSHARE, ['--net', '--mount', '--propagation', 'private', 'true'], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    return 'root, but unshare(1) cannot make a network namespace here';
  }
  return null;
}

/** {iface: {rx, tx}} packet counters of this process's network namespace (proc(5) /proc/net/dev). */
export function packetCounters(text = readFileSync('/proc/net/dev', 'utf8')) {
  const out = {};
  for (const line of text.split('\n').slice(2)) {
    const m = line.match(/^\s*([^:\s]+):\s*(.*)$/);
    if (!m) continue;
    const f = m[2].trim().split(/\s+/).map(Number);
    out[m[1]] = { rx: f[1], tx: f[9] };
  }
  return out;
}

/** The query name of a DNS message (RFC 1035 4.1.2), or null. */
export function queryName(msg) {
  if (msg.length < 13) return null;
  const labels = [];
  for (let i = 12; i < msg.length && labels.length < 64;) {
    const n = msg[i];
    if (n === 0) return labels.join('.') || '.';
    if (n > 63 || i + 1 + n > msg.length) return null;
    labels.push(msg.subarray(i + 1, i + 1 + n).toString('latin1'));
    i += 1 + n;
  }
  return null;
}

/** The REFUSED answer to `msg`: same id and question, QR set, RCODE 5. */
function refused(msg) {
  const r = Buffer.from(msg);
  r[2] = (msg[2] & 0x79) | 0x80; // QR=1, keep opcode and RD
  r[3] = 5;
  r.writeUInt16BE(0, 6); r.writeUInt16BE(0, 8); r.writeUInt16BE(0, 10);
  return r;
}

/** UDP + TCP DNS sink on addr:53 that answers REFUSED and calls onName(name) per query. */
async function startSink(addr, onName) {
  const udp = createSocket('udp4');
  udp.on('message', (msg, rinfo) => {
    onName(queryName(msg) || '?');
    if (msg.length >= 12) udp.send(refused(msg), rinfo.port, rinfo.address);
  });
  await new Promise((res, rej) => { udp.once('error', rej); udp.bind(53, addr, res); });
  const tcp = createServer((s) => {
    let buf = Buffer.alloc(0);
    s.setTimeout(5000, () => s.destroy());
    s.on('error', () => {});
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const msg = buf.subarray(2, 2 + buf.readUInt16BE(0));
        buf = buf.subarray(2 + msg.length);
        onName(queryName(msg) || '?');
        if (msg.length >= 12) {
          const r = refused(msg);
          const len = Buffer.alloc(2);
          len.writeUInt16BE(r.length);
          s.write(Buffer.concat([len, r]));
        }
      }
    });
  });
  await new Promise((res, rej) => { tcp.once('error', rej); tcp.listen(53, addr, res); });
  return () => { udp.close(); tcp.close(); };
}

/** The server name of a TLS ClientHello (RFC 8446 4.1.2, RFC 6066 3), or null. */
export function sniOf(b) {
  try {
    if (b[0] !== 0x16 || b[5] !== 1) return null;
    let i = 9 + 2 + 32; // record + handshake headers, version, random
    i += 1 + b[i]; // session id
    i += 2 + b.readUInt16BE(i); // cipher suites
    i += 1 + b[i]; // compression methods
    const end = i + 2 + b.readUInt16BE(i);
    for (i += 2; i + 4 <= end;) {
      const type = b.readUInt16BE(i);
      const len = b.readUInt16BE(i + 2);
      if (type === 0) return b.subarray(i + 9, i + 9 + b.readUInt16BE(i + 7)).toString('latin1');
      i += 4 + len;
    }
  } catch { /* truncated */ }
  return null;
}

/** Listeners on loopback 80/443 that call onName(name) per connection and close it. */
async function startWebSinks(onName) {
  const servers = [];
  for (const [port, nameOf] of [[80, (b) => (/\r?\nhost:\s*([^\s:]+)/i.exec(b.toString('latin1')) || [])[1]], [443, sniOf]]) {
    for (const addr of ['127.0.0.1', '::1']) {
      const srv = createServer((s) => {
        let name = '?';
        s.setTimeout(3000, () => s.destroy());
        s.on('error', () => {});
        s.once('data', (d) => { name = nameOf(d) || '?'; s.destroy(); });
        s.once('close', () => onName(`${port}:${name}`));
      });
      await new Promise((res) => { srv.once('error', () => res()); srv.listen(port, addr, res); });
      if (srv.listening) servers.push(srv);
    }
  }
  return () => servers.forEach((x) => x.close());
}

/** Sets this (fresh) namespace up. */
function setUp(scratch) {
  run([IP, 'link', 'set', 'lo', 'up']);
  run([IP, 'addr', 'add', `${SINK_ADDR}/32`, 'dev', 'lo']);
  run([IP, 'link', 'add', UPLINK, 'type', 'veth', 'peer', 'name', UPLINK_PEER]);
  // No IPv6 on the uplink: link-up would send router solicitations and DAD probes by itself.
  for (const i of [UPLINK, UPLINK_PEER]) writeFileSync(`/proc/sys/net/ipv6/conf/${i}/disable_ipv6`, '1');
  run([IP, 'addr', 'add', '10.99.0.2/24', 'dev', UPLINK]);
  run([IP, 'link', 'set', UPLINK, 'up']);
  run([IP, 'link', 'set', UPLINK_PEER, 'up']);
  run([IP, 'route', 'add', 'default', 'via', '10.99.0.1', 'dev', UPLINK]);
  run([MOUNT, '-t', 'sysfs', 'sysfs', '/sys']);
  const resolv = join(scratch, 'resolv.conf');
  writeFileSync(resolv, `# hermetic.mjs: every lookup here reaches the DNS sink only\nnameserver ${SINK_ADDR}\noptions timeout:1 attempts:1\n`);
  run([MOUNT, '--bind', resolv, '/etc/resolv.conf']);
}

async function inside(argv) {
  const scratch = mkdtempSync(join(tmpdir(), 'sd-hermetic-'));
  const names = [];
  const web = [];
  let stopSink = () => {};
  let stopWeb = () => {};
  let counters;
  try {
    setUp(scratch);
    stopSink = await startSink(SINK_ADDR, (n) => names.push(n));
    stopWeb = await startWebSinks((n) => web.push(n));
    counters = packetCounters();
  } catch (e) {
    say(`could not set the namespace up: ${e.message}`);
    rmSync(scratch, { recursive: true, force: true });
    process.exit(97);
  }
  say(`network namespace of its own: lo + ${UPLINK} (a dead end inside it); DNS sink on ${SINK_ADDR}; web sinks on loopback 80/443`);
  const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit', env: { ...process.env, STREAMDOCTOR_HERMETIC: 'netns' } });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  const code = await new Promise((res) => child.on('exit', (c, s) => res(c ?? (s ? 128 : 1))));
  await new Promise((r) => setTimeout(r, 300)); // the last connections' close events
  stopSink();
  stopWeb();
  const after = packetCounters();
  const offMachine = (after[UPLINK]?.tx ?? 0) - (counters[UPLINK]?.tx ?? 0);
  const strays = Object.keys(after).filter((i) => i !== 'lo' && i !== UPLINK && i !== UPLINK_PEER);
  const report = {
    mode: 'netns', exitCode: code, packetsOffMachine: offMachine, dnsQueries: names.length,
    dnsNames: tally(names), loopbackWebConnects: web.length, loopbackWebNames: tally(web), strayInterfaces: strays,
  };
  rmSync(scratch, { recursive: true, force: true });
  finish(report, code);
}

function tally(names) {
  const t = {};
  for (const n of names) t[n] = (t[n] || 0) + 1;
  return t;
}

function finish(report, code) {
  try {
    mkdirSync('target', { recursive: true });
    writeFileSync(join('target', 'hermetic-report.json'), JSON.stringify(report, null, 2) + '\n');
  } catch { /* a read-only working directory: the line below still says it */ }
  // An interface left in this namespace besides lo and the uplink would be a way out nobody counted.
  const leaks = report.packetsOffMachine + report.dnsQueries + report.loopbackWebConnects + report.strayInterfaces.length;
  say(`packets routed off this machine: ${report.packetsOffMachine}; DNS queries to the system resolver: `
    + `${report.dnsQueries}; connections to loopback 80/443: ${report.loopbackWebConnects}`
    + (report.strayInterfaces.length ? `; interfaces left behind: ${report.strayInterfaces.join(' ')}` : ''));
  if (report.dnsQueries) say(`names asked: ${JSON.stringify(report.dnsNames)}`);
  if (report.loopbackWebConnects) say(`loopback port:name: ${JSON.stringify(report.loopbackWebNames)}`);
  if (code === 0 && leaks > 0 && process.env.STREAMDOCTOR_HERMETIC_REPORT_ONLY !== '1') {
    say('FAILED: the suite tried to reach past this machine (docs/testing.md "A hermetic suite")');
    process.exit(1);
  }
  process.exit(code);
}

async function outside(argv) {
  const why = namespaceUnavailable();
  if (why) {
    say(`${why}: NO network namespace; the browsers' background services are off by flags and prefs only, `
      + 'and nothing here counts what leaves');
    const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit', env: { ...process.env, STREAMDOCTOR_HERMETIC: 'flags' } });
    child.on('exit', (c, s) => process.exit(c ?? (s ? 128 : 1)));
    return;
  }
  const child = spawn(UNSHARE, ['--net', '--mount', '--propagation', 'private', '--', process.execPath, SELF, '--inside', ...argv],
    { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (c, s) => process.exit(c ?? (s ? 128 : 1)));
}

if (process.argv[1] && process.argv[1] === SELF) {
  const args = process.argv.slice(2);
  if (args[0] === '--inside') await inside(args.slice(1));
  else if (args.length === 0) {
    process.stderr.write('usage: node hermetic.mjs CMD [ARGS...]\n');
    process.exit(2);
  } else await outside(args);
}
