// Every host, lab or doctor process a test starts runs loopback-only: STREAMDOCTOR_LOOPBACK_ONLY=1
// (probes refuse non-loopback targets) and a STREAMDOCTOR_HOME whose config/targets.json points
// resolvers, DoH, identity queries and status pages at 127.0.0.1 (docs/evidence.md "targets").
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Closed loopback ports: a probe sent there fails at once and never leaves the machine.
const DEAD_DNS = '127.0.0.1:9';
const DEFAULT_SITES = { chatgpt: ['chatgpt.com', 'chat.openai.com'], claude: ['claude.ai'], gemini: ['gemini.google.com'],
  copilot: ['copilot.microsoft.com'], perplexity: ['www.perplexity.ai'] };

/**
 * `labUrl`: the lab's base URL, registered as the "lab" site with a WebSocket URL for the
 * post-mortem's upgrade probe (a real site's `wsUrl` is configuration too, docs/evidence.md).
 */
export function loopbackTargets(labUrl = null) {
  const connect = {};
  for (const host of Object.values(DEFAULT_SITES).flat()) connect[host] = '127.0.0.1:9';
  return {
    systemResolvers: [DEAD_DNS],
    publicResolvers: [DEAD_DNS],
    dohUrl: null,
    identity: [],
    // Same ids replace the defaults, so no real status page or WebSocket URL is left.
    sites: Object.entries(DEFAULT_SITES).map(([id, hosts]) => ({ id, hosts, wsUrl: null, statusUrl: null }))
      .concat(labUrl ? [labSite(labUrl)] : []),
    connect,
  };
}

// The host probes a site only on its configured port (443 unless given), never the port a
// stream used (docs/security.md): the lab's port and scheme are configuration here.
function labSite(labUrl) {
  const u = new URL(labUrl);
  const hosts = [...new Set([u.hostname, '127.0.0.1', 'localhost'])];
  const tls = u.protocol === 'https:';
  const port = Number(u.port) || (tls ? 443 : 80);
  return { id: 'lab', hosts, wsUrl: `${tls ? 'wss' : 'ws'}://${u.host}/lab/ws/probe`, statusUrl: null, port, tls };
}

/** Writes HOME/config/targets.json; returns its path. */
export function writeLoopbackTargets(home, labUrl = null) {
  const dir = join(home, 'config');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'targets.json');
  writeFileSync(file, JSON.stringify(loopbackTargets(labUrl), null, 2));
  return file;
}

/** The environment for any streamdoctor process (and for the browser that launches the host). */
export function safeEnv(home, base = process.env) {
  const env = { ...base, STREAMDOCTOR_LOOPBACK_ONLY: '1' };
  if (home) env.STREAMDOCTOR_HOME = home;
  return env;
}

/**
 * Targets for a host inside a test's client namespace whose resolvers are lab DNS servers on that
 * namespace's loopback: system = what resolv.conf names (empty list = ask the OS, as for a real
 * user), public = `publicResolvers`. No `connect` overrides: the usual 127.0.0.1:9 stand-in would
 * make the TCP/TLS probes report a dead port as a failed handshake; without one, loopback-only
 * mode skips them. LoopbackPolicy still drops any non-loopback resolver.
 */
export function writeNamespaceTargets(home, publicResolvers) {
  const dir = join(home, 'config');
  mkdirSync(dir, { recursive: true });
  const t = { ...loopbackTargets(), systemResolvers: [], publicResolvers, connect: {} };
  writeFileSync(join(dir, 'targets.json'), JSON.stringify(t, null, 2));
}
