// Two network namespaces joined by one veth pair, for the root-only browser scenarios: the lab in
// `sde2e-s-ID` on 10.214.X.1, Chromium (and so the host it starts) in `sde2e-c-ID` on 10.214.X.2.
// No default route, no other interface: nothing inside reaches beyond the pair. Every command is a
// fixed argument vector (execFileSync, never a shell string). close() — also run on process exit
// — kills what still runs inside and deletes both namespaces and their /etc/netns folders.
// (The Java side has the same pair as io.streamdoctor.lab.netns.NetnsPair, on 10.213.X.0/30.)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const IP = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].find((p) => existsSync(p)) || null;
const IPTABLES = ['/usr/sbin/iptables', '/sbin/iptables'].find((p) => existsSync(p)) || null;

/** Why namespace scenarios cannot run here, or null when they can. */
export function netnsUnavailable() {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'needs root (network namespaces)';
  if (!IP) return "no 'ip' command (apt-get install iproute2)";
  return null;
}

function run(argv, timeout = 10_000) {
  return execFileSync(argv[0], argv.slice(1), { timeout, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

const live = new Set();
const closeAll = () => { for (const p of live) p.close(); };
process.on('exit', closeAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => { closeAll(); process.exit(128 + (sig === 'SIGINT' ? 2 : 15)); });
}

export function createPair() {
  const id = randomBytes(3).toString('hex');
  // 10.214.X.0/29: server .1, client .2, the client's address after a move .3.
  const octet = randomBytes(1)[0];
  const p = {
    server: `sde2e-s-${id}`, client: `sde2e-c-${id}`,
    serverIf: `sdv${id}s`, clientIf: `sdv${id}c`,
    serverAddr: `10.214.${octet}.1`, clientAddr: `10.214.${octet}.2`, spareAddr: `10.214.${octet}.3`,
    /** argv prefix running a command inside a namespace. */
    inNs: (ns) => [IP, 'netns', 'exec', ns],
    ip: (...args) => run([IP, ...args]),
    linkUp(up) { run([IP, '-n', p.client, 'link', 'set', 'dev', p.clientIf, up ? 'up' : 'down']); },
    /**
     * The client's network changes under an open connection: link down, its address swapped
     * between .2 and .3, link up. New connections work; the old ones are dead (the
     * server's packets go to an address nobody holds any more), as after a Wi-Fi/VPN switch.
     */
    async moveClient(downMs = 800) {
      p.linkUp(false);
      run([IP, '-n', p.client, 'addr', 'del', `${p.clientAddr}/29`, 'dev', p.clientIf]);
      [p.clientAddr, p.spareAddr] = [p.spareAddr, p.clientAddr];
      run([IP, '-n', p.client, 'addr', 'add', `${p.clientAddr}/29`, 'dev', p.clientIf]);
      await new Promise((r) => setTimeout(r, downMs));
      p.linkUp(true);
    },
    iptables(ns, rule) {
      if (!IPTABLES) throw new Error('no iptables (apt-get install iptables)');
      run([IP, 'netns', 'exec', ns, IPTABLES, '-w', '5', '-A', ...rule]);
    },
    /** Random loss of this fraction of incoming packets in both namespaces (no netem here). */
    setLoss(fraction) {
      for (const ns of [p.server, p.client]) {
        run([IP, 'netns', 'exec', ns, IPTABLES, '-w', '5', '-F', 'INPUT']);
        if (fraction > 0) p.iptables(ns, ['INPUT', '-m', 'statistic', '--mode', 'random', '--probability', fraction.toFixed(3), '-j', 'DROP']);
      }
    },
    /**
     * A VPN-like interface appears in the client namespace: `ip tuntap add dev NAME mode tun`, set
     * up (no address, no route: it carries nothing, the host's monitor only sees it exist). It dies
     * with the namespace; delTun removes it earlier.
     */
    addTun(name) {
      run([IP, '-n', p.client, 'tuntap', 'add', 'dev', name, 'mode', 'tun']);
      run([IP, '-n', p.client, 'link', 'set', 'dev', name, 'up']);
    },
    delTun(name) {
      try { run([IP, '-n', p.client, 'link', 'del', 'dev', name]); } catch { /* already gone */ }
    },
    /** /etc/netns/NS/resolv.conf: processes started with `ip netns exec NS` resolve through it. */
    resolvConf(ns, nameserver) {
      const dir = join('/etc/netns', ns);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'resolv.conf'), `nameserver ${nameserver}\noptions timeout:1 attempts:1\n`);
    },
    /** A Chromium launcher running the real binary inside the client namespace. */
    chromiumWrapper(dir, chromium) {
      const f = join(dir, 'chromium-in-netns.sh');
      writeFileSync(f, `#!/bin/sh\nexec '${IP}' netns exec '${p.client}' '${chromium}' "$@"\n`);
      chmodSync(f, 0o755);
      return f;
    },
    close() {
      if (!live.has(p)) return;
      live.delete(p);
      for (const ns of [p.client, p.server]) {
        try {
          for (const pid of run([IP, 'netns', 'pids', ns]).split(/\s+/).filter(Boolean)) {
            try { process.kill(Number(pid), 'SIGKILL'); } catch { /* already gone */ }
          }
        } catch { /* namespace never made */ }
        try { run([IP, 'netns', 'del', ns]); } catch { /* already gone */ }
        rmSync(join('/etc/netns', ns), { recursive: true, force: true });
      }
    },
  };
  live.add(p);
  try {
    run([IP, 'netns', 'add', p.server]);
    run([IP, 'netns', 'add', p.client]);
    run([IP, 'link', 'add', p.serverIf, 'netns', p.server, 'type', 'veth', 'peer', 'name', p.clientIf, 'netns', p.client]);
    run([IP, '-n', p.server, 'addr', 'add', `${p.serverAddr}/29`, 'dev', p.serverIf]);
    run([IP, '-n', p.client, 'addr', 'add', `${p.clientAddr}/29`, 'dev', p.clientIf]);
    for (const ns of [p.server, p.client]) run([IP, '-n', ns, 'link', 'set', 'lo', 'up']);
    run([IP, '-n', p.server, 'link', 'set', p.serverIf, 'up']);
    run([IP, '-n', p.client, 'link', 'set', p.clientIf, 'up']);
    return p;
  } catch (e) {
    p.close();
    throw e;
  }
}
