// The packet check the browser suites run under (lib/hermetic.mjs): its parsers, and, as root, that
// a run which tries to reach past the machine fails while a quiet one passes. This file itself runs
// inside the check (e2e/pom.xml); the runs below are namespaces of their own inside that one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { namespaceUnavailable, packetCounters, queryName, sniOf } from '../lib/hermetic.mjs';

const HERMETIC = fileURLToPath(new URL('../lib/hermetic.mjs', import.meta.url));

test('queryName reads the question of a DNS query', () => {
  const q = Buffer.from('1234010000010000000000000361637306676f6f676c6503636f6d0000010001', 'hex');
  assert.equal(queryName(q), 'acs.google.com');
  assert.equal(queryName(q.subarray(0, 16)), null);
});

test('sniOf reads the server name of a TLS ClientHello', () => {
  const name = Buffer.from('x.mozilla.org');
  const sni = Buffer.concat([Buffer.from([0, 0, 0, name.length + 5, 0, name.length + 3, 0, 0, name.length]), name]);
  const body = Buffer.concat([Buffer.from([3, 3]), Buffer.alloc(32), Buffer.from([0, 0, 2, 0x13, 1, 1, 0]),
    Buffer.from([0, sni.length]), sni]);
  const hello = Buffer.concat([Buffer.from([0x16, 3, 1, 0, body.length + 4, 1, 0, 0, body.length]), body]);
  assert.equal(sniOf(hello), 'x.mozilla.org');
  assert.equal(sniOf(Buffer.from('GET / HTTP/1.1\r\n')), null);
});

test('packetCounters reads /proc/net/dev', () => {
  const text = 'Inter-|   Receive |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets\n'
    + '    lo:  1000      10    0    0    0     0          0         0     1000      10    0    0    0     0       0          0\n'
    + ' sdup0:     0       0    0    0    0     0          0         0      126       3    0    0    0     0       0          0\n';
  assert.deepEqual(packetCounters(text), { lo: { rx: 10, tx: 10 }, sdup0: { rx: 0, tx: 3 } });
});

const why = namespaceUnavailable();
for (const [name, script, leaks] of [
  ['a lookup of a public name', 'getent hosts example.com; exit 0', true],
  ['a connection to a public address', 'exec 3<>/dev/tcp/192.0.2.1/443 2>/dev/null; exit 0', true],
  ['a connection to a vendor service at loopback:443', 'exec 3<>/dev/tcp/127.0.0.1/443 2>/dev/null; exit 0', true],
  ['loopback traffic only', 'exec 3<>/dev/tcp/127.0.0.1/9 2>/dev/null; exit 0', false],
  ['an interface left in the namespace', 'ip link add sdstray0 type dummy 2>/dev/null || ip link add sdstray0 type veth peer name sdstray1; exit 0', true],
]) {
  test(`hermetic run with ${name}: ${leaks ? 'fails' : 'passes'}`, { skip: why ? `needs a namespace: ${why}` : false, timeout: 30_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-hermetic-test-'));
    try {
      const r = spawnSync(process.execPath, [HERMETIC, 'bash', '-c', script], { cwd: dir, encoding: 'utf8', timeout: 25_000,
        env: { ...process.env, STREAMDOCTOR_HERMETIC_REPORT_ONLY: '' } });
      const report = JSON.parse(readFileSync(join(dir, 'target', 'hermetic-report.json'), 'utf8'));
      assert.equal(r.status, leaks ? 1 : 0, `${r.stderr}\n${JSON.stringify(report)}`);
      assert.equal(report.packetsOffMachine + report.dnsQueries + report.loopbackWebConnects + report.strayInterfaces.length > 0,
        leaks, JSON.stringify(report));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
