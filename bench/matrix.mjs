// The accuracy benchmark's fault matrix: every lab fault and browser scenario this machine can
// play, grouped by the browser environment it needs (one browser per environment and run set).
// [name, lab page query, expected top cause (null = a clean case: no break expected), options]
import { join } from 'node:path';
import { EXTENSION, ROOT } from '../e2e/lib/harness.mjs';
import { startHijackLab, writeHijackTargets } from '../e2e/lib/hijack.mjs';
import { startProxyLab, vpnThenReset, VPN_BEFORE_BREAK_MS } from '../e2e/lib/proxy-double.mjs';

const BLOCKER = join(ROOT, 'e2e', 'fixtures', 'blocker-extension');
const STALL = { timeoutMs: 40_000 };

export const PLAIN = [
  ['clean_sse', 'fault=clean&proto=sse', null],
  ['clean_claude', 'fault=clean&proto=claude', null],
  ['clean_ws', 'fault=clean&proto=ws', null],
  ['clean_drip', 'fault=drip&proto=sse&frames=6', null],
  ['clean_slow_ttft', 'fault=slow_ttft&ttft_ms=3000&proto=sse', null],
  ['fin_sse', 'fault=fin&proto=sse', 'stream.dropped_unexplained'],
  ['fin_claude', 'fault=fin&proto=claude', 'stream.dropped_unexplained'],
  ['rst_sse', 'fault=rst&proto=sse', 'stream.dropped_unexplained'],
  ['rst_ws', 'fault=rst&proto=ws', 'stream.dropped_unexplained'],
  ['cut_sse', 'fault=cut&after=700&proto=sse', 'stream.dropped_unexplained'],
  ['ws_drop', 'fault=ws_drop&proto=ws', 'stream.dropped_unexplained'],
  ['http401', 'fault=http401&proto=sse', 'session.conflict'],
  ['http403', 'fault=http403&proto=claude', 'session.conflict'],
  ['http429', 'fault=http429&proto=sse', 'server.overloaded'],
  ['http429_ws', 'fault=http429&proto=ws', 'server.overloaded'],
  ['http500', 'fault=http500&proto=sse', 'server.error'],
  ['http502', 'fault=http502&proto=claude', 'server.error'],
  ['http504', 'fault=http504&proto=sse', 'server.gateway_timeout'],
  ['slow_ttft_504', 'fault=slow_ttft&ttft_ms=3000&then=504&prompt_bytes=200000&proto=sse', 'server.gateway_timeout'],
  ['overloaded_claude', 'fault=overloaded&proto=claude', 'server.overloaded'],
  ['overloaded_sse', 'fault=overloaded&proto=sse', 'server.overloaded'],
  ['overloaded_ws', 'fault=overloaded&proto=ws', 'server.overloaded'],
  ['ws1011', 'fault=ws1011&proto=ws', 'server.error'],
  ['ws1013', 'fault=ws1013&proto=ws', 'server.overloaded'],
  ['stall_sse', 'fault=stall&proto=sse', 'stream.stalled', STALL],
  ['stall_ws', 'fault=stall&proto=ws', 'stream.stalled', STALL],
  // What the user meets besides a stream's own end (docs/diagnosis.md "When is it a break?").
  // The page's own script wraps fetch and breaks its reader, and no other extension can run on the
  // page: nothing points at an extension (a page can do this itself), so the honest verdict is
  // unexplained (docs/diagnosis.md, extension.interference; e2e/test/user-sees.test.mjs has the
  // case with an extension able to run on the page).
  ['banner_over_complete', 'fault=clean&proto=sse&wrap_fetch=break', 'stream.dropped_unexplained'],
  ['blank_shell_script404', 'shell=1&page_fault=script404', 'page.init_failed', { timeoutMs: 30_000 }],
  ['blank_shell_script_hang', 'shell=1&page_fault=script_hang', 'page.init_failed', { timeoutMs: 30_000 }],
  ['ws_connect_blackhole', 'fault=clean&proto=ws&ws=blackhole', 'network.blocked', { timeoutMs: 30_000 }],
  ['slow_drip', 'fault=drip&gap_ms=2500&frames=10&proto=sse', 'network.throttled', { timeoutMs: 45_000 }],
];

export const BLOCKED = [
  ['blocker_clean', 'fault=clean&proto=sse&tag=ok', null],
  ['blocked_sse', 'fault=clean&proto=sse&tag=sdblock', 'extension.blocked_request'],
  ['blocked_ws', 'fault=clean&proto=ws&tag=sdblock', 'extension.blocked_request'],
];

export const DNS = [
  ['dns_clean', 'fault=clean&proto=sse', null],
  ['dns_sse', 'fault=clean&proto=sse&stream_host=localhost', 'dns.resolution_failed'],
  ['dns_ws', 'fault=clean&proto=ws&stream_host=localhost', 'dns.resolution_failed'],
];

/** Network-change cases need the namespace pair: `during` gets it from the environment. */
export function netnsCases(pair) {
  const move = async (page) => {
    await page.waitForFunction(() => window.__lab && window.__lab.frames >= 10, null, { timeout: 15_000 });
    await pair.moveClient();
  };
  return [
    ['netns_clean', 'fault=clean&proto=sse', null],
    ['netchange_sse', 'fault=clean&proto=sse&frames=600&gap_ms=50', 'network.changed', { timeoutMs: 40_000, during: move }],
    ['netchange_ws', 'fault=clean&proto=ws&frames=600&gap_ms=50', 'network.changed', { timeoutMs: 40_000, during: move }],
  ];
}

// Resolution through a real (lab) DNS server: Chromium in the client namespace resolves with
// /etc/netns/CLIENT/resolv.conf → the lab DNS in the server namespace, which answers chatgpt.com
// with the lab's address and fails each stream host its own way. The page impersonates chatgpt.com
// over the lab's HTTPS port (--ignore-certificate-errors); `stream_host` picks the failing name.
// Each case first sets the lab DNS rule for chat.openai.com (its control API, reached from a tab:
// the namespace is not reachable from here); the lab's answers carry no SOA, so Chromium does not
// cache the failure and the next case resolves again.
const dnsRule = (rule) => async (context, base) => {
  const p = await context.newPage();
  try {
    await p.goto(`${base}lab/dns?set=chat.openai.com=${rule}`);
  } finally {
    await p.close();
  }
};
export const NETNS_DNS = [
  ['nsdns_clean', 'fault=clean', null],
  ['nsdns_nxdomain', 'fault=clean&stream_host=chat.openai.com', 'dns.resolution_failed', { before: dnsRule('nxdomain') }],
  ['nsdns_servfail', 'fault=clean&stream_host=chat.openai.com', 'dns.resolution_failed', { before: dnsRule('servfail') }],
  ['nsdns_dead', 'fault=clean&stream_host=chat.openai.com', 'dns.resolution_failed', { before: dnsRule('drop'), timeoutMs: 40_000 }],
];

// A lying system resolver (e2e/lib/hijack.mjs): the namespace's resolv.conf names a lab DNS server
// that answers chat.openai.com with the client's own veth address (nothing listens: refused),
// while the host's configured public resolver, a second lab DNS server, answers truthfully. Only
// the host's post-mortem can tell (the browser sees a refused connection), so these cases wait for
// the `probed` verdict. The control breaks a stream on chatgpt.com, which both resolvers answer
// alike with the lab's (private) address: DNS must not be blamed.
const PROBED = { stage: 'probed' };
export const NETNS_HIJACK = [
  ['hijack_clean', 'fault=clean&proto=sse', null],
  ['hijack_sse', 'fault=clean&proto=sse&stream_host=chat.openai.com', 'dns.hijacked', PROBED],
  ['hijack_ws', 'fault=clean&proto=ws&stream_host=chat.openai.com', 'dns.hijacked', PROBED],
  ['hijack_control_rst', 'fault=rst&proto=sse', 'stream.dropped_unexplained', PROBED],
];

// Two routing layers (e2e/lib/proxy-double.mjs): Chromium behind --proxy-server (a CONNECT proxy
// in the server namespace); a tun interface appears in the client namespace while the answer
// streams, 17 s or more later (past network.changed's window) the proxy resets its tunnels. Each
// case first removes the previous case's tun (the control case has none when its stream breaks).
// The delay grows 8% per case so no two breaks of the run set share a duration (a repeated
// duration is a real history pattern, network.idle_cutoff). The lab's WebSocket on chatgpt.com is
// filed under site "generic": two SSE and two WebSocket breaks per run keep the sites balanced, so
// the history rule pattern.same_site (≥ 70% of breaks on one site, ≥ 2 sites) has nothing to
// find. The post-mortem probes are awaited.
export function proxyCases(pair, proxy) {
  const tuns = [];
  let k = 0;
  const delayMs = () => Math.round(VPN_BEFORE_BREAK_MS * 1.08 ** (k++ % 12));
  const dropTuns = async () => { while (tuns.length) pair.delTun(tuns.pop()); };
  const o = (vpn) => ({ timeoutMs: 30_000, stage: 'probed', before: dropTuns,
    during: vpnThenReset(pair, proxy, { vpn, delayMs, onTun: (t) => tuns.push(t) }) });
  const long = 'fault=clean&frames=1500&gap_ms=50';
  return [
    ['proxy_clean', 'fault=clean&proto=sse', null],
    ['proxy_reset_no_vpn', `${long}&proto=sse`, 'stream.dropped_unexplained', o(false)],
    ['proxy_double_sse', `${long}&proto=sse`, 'proxy.double', o(true)],
    ['proxy_double_ws', `${long}&proto=ws`, 'proxy.double', o(true)],
    ['proxy_reset_no_vpn_ws', `${long}&proto=ws`, 'stream.dropped_unexplained', o(false)],
  ];
}

const MAP_LOCALHOST = (pair) => ({
  extraArgs: [`--host-resolver-rules=MAP localhost ${pair.serverAddr}`],
  base: (lab) => lab.url.replace(pair.serverAddr, 'localhost'),
});

/**
 * An environment: its cases, the browser options, and for namespace ones (root) either
 * `netns(pair)` giving lab arguments, browser arguments and the page base URL, or `setup(pair)`
 * starting the scenario itself: {base, extraArgs, stop(), targets?(home) for the host's
 * targets.json, ...} — `cases(pair, scenario)` gets it.
 */
export const ENVIRONMENTS = [
  { id: 'plain', cases: () => PLAIN, browser: {} },
  { id: 'blocker', cases: () => BLOCKED, browser: { extensions: [EXTENSION, BLOCKER] } },
  { id: 'dns', cases: () => DNS, browser: { extraArgs: ['--host-resolver-rules=MAP localhost ~NOTFOUND'] } },
  { id: 'netns', cases: (pair) => netnsCases(pair), browser: {}, netns: (pair) => ({ labArgs: [], ...MAP_LOCALHOST(pair) }) },
  { id: 'netns_dns', cases: () => NETNS_DNS, browser: {}, netns: (pair) => {
    const s = pair.serverAddr;
    pair.resolvConf(pair.client, s);
    return {
      labArgs: ['--https-port', '0', '--dns-port', '53', '--dns', `chatgpt.com=${s}`, '--dns', 'chat.openai.com=nxdomain'],
      extraArgs: ['--ignore-certificate-errors'],
      base: (lab) => `https://chatgpt.com:${new URL(lab.https).port}/`,
    };
  } },
  { id: 'netns_hijack', cases: () => NETNS_HIJACK, browser: {}, setup: async (pair) => {
    const s = await startHijackLab(pair);
    return { base: s.base, extraArgs: ['--ignore-certificate-errors'], stop: s.stop, targets: writeHijackTargets };
  } },
  { id: 'netns_proxy', cases: (pair, sc) => proxyCases(pair, sc.proxy), browser: {}, setup: async (pair) => {
    const s = await startProxyLab(pair);
    return { base: s.base, extraArgs: s.browserArgs, stop: s.stop, proxy: s.proxy, targets: s.targets };
  } },
];
