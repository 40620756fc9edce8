// Two routing layers (root only: network namespaces), shared by e2e/test/proxy-double-netns.test.mjs
// and the accuracy benchmark. The lab (HTTPS, impersonating chatgpt.com) and an HTTP CONNECT
// proxy (lib/connect-proxy.mjs) run in the server namespace; Chromium runs in the client namespace
// with --proxy-server pointing at the proxy's veth address. Chromium reports a command-line proxy
// to extensions as proxy.settings {mode: "fixed_servers", levelOfControl:
// "controllable_by_this_extension"} (checked in Chromium 156), which the extension sends as
// browser.proxy evidence. While the answer streams, a tun interface appears in the client
// namespace (where the host's OS monitor watches), and later the proxy resets its tunnels.
// DNS works as it would for a user: a lab DNS server on the client namespace's 127.0.0.1:53
// (its resolv.conf) answers chatgpt.com with the lab's address, and the host uses it as its public
// resolver too — else the host's post-mortem would find no resolver at all and say so.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLab } from './harness.mjs';
import { writeNamespaceTargets } from './safety.mjs';

const PROXY = join(dirname(fileURLToPath(import.meta.url)), 'connect-proxy.mjs');
/** network.changed counts interface changes up to 15 s before a break; this waits past that. */
export const VPN_BEFORE_BREAK_MS = 17_000;

function startProxy(pair) {
  const argv = [...pair.inNs(pair.server), process.execPath, PROXY, pair.serverAddr, pair.serverAddr];
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`proxy did not start: ${out}${err}`)); }, 10_000);
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`proxy exited ${code}: ${err}`)); });
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/proxy listening on (http:\/\/[0-9.]+:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          reset: () => child.stdin.write('reset\n'),
          stop: () => { child.stdin.end(); child.kill('SIGTERM'); },
        });
      }
    });
  });
}

/** Lab, resolver and proxy; resolves with {lab, proxy, base, browserArgs, targets(home), stop()}. */
export async function startProxyLab(pair) {
  const started = [];
  const stop = () => { for (const x of started) x.stop(); };
  try {
    const lab = await startLab(['--bind', pair.serverAddr, '--https-port', '0'], { prefix: pair.inNs(pair.server) });
    started.push(lab);
    started.push(await startLab(['--bind', '127.0.0.1', '--dns-port', '53', '--dns', `chatgpt.com=${pair.serverAddr}`],
      { prefix: pair.inNs(pair.client) }));
    pair.resolvConf(pair.client, '127.0.0.1');
    const proxy = await startProxy(pair);
    started.push(proxy);
    return {
      lab, proxy, stop,
      base: `https://chatgpt.com:${new URL(lab.https).port}/`,
      browserArgs: [`--proxy-server=${proxy.url}`, '--ignore-certificate-errors'],
      /** The host's targets.json (in its STREAMDOCTOR_HOME): the namespace's resolver. */
      targets: (home) => writeNamespaceTargets(home, ['127.0.0.1:53']),
    };
  } catch (e) {
    stop();
    throw e;
  }
}

export const tunName = () => `tun${randomBytes(3).toString('hex')}`;

/**
 * The `during` step of a case: once the answer streams, `vpn` ? a tun interface appears : nothing;
 * `delayMs` (≥ VPN_BEFORE_BREAK_MS) later the proxy resets its tunnels. Cases in one profile
 * should vary the delay by > 5%: streams cut again and again at one duration are a history
 * pattern (network.idle_cutoff) the host rightly reports.
 */
export function vpnThenReset(pair, proxy, { vpn = true, onTun = () => {}, delayMs = VPN_BEFORE_BREAK_MS } = {}) {
  return async (page) => {
    await page.waitForFunction(() => window.__lab && window.__lab.frames >= 5, null, { timeout: 15_000 });
    if (vpn) {
      const name = tunName();
      pair.addTun(name);
      onTun(name);
    }
    await new Promise((r) => setTimeout(r, typeof delayMs === 'function' ? delayMs() : delayMs));
    const state = await page.evaluate(() => window.__lab && window.__lab.state);
    if (state !== 'streaming') throw new Error(`the stream ended before the proxy reset it (state ${state})`);
    proxy.reset();
  };
}
