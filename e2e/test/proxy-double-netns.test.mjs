// Two routing layers (root only: network namespaces). Chromium — and so the host it starts — runs
// in a client namespace with --proxy-server set to a CONNECT proxy in the server namespace
// (lib/proxy-double.mjs). While the answer streams through the proxy, a tun interface appears in
// the client namespace; 17 s later (past network.changed's 15 s window) the proxy resets its
// tunnels (a 19 s delay the second time: no history pattern of equal cut times). The extension reported the proxy (fixed_servers), the host's OS monitor saw the VPN
// come up → proxy.double. The same reset without a VPN must not be blamed on two layers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBreakCase, topCause } from '../lib/cases.mjs';
import { vpnThenReset, startProxyLab } from '../lib/proxy-double.mjs';
import { netnsBrowserSuite, netnsSkip } from '../lib/suite.mjs';

const STREAM = 'fault=clean&proto=sse&frames=1000&gap_ms=50';
const skip = netnsSkip();
const env = netnsBrowserSuite('proxy-double', { skip, scenario: async (pair) => {
  const labs = await startProxyLab(pair);
  return { ...labs, extraArgs: labs.browserArgs };
} });


test('the extension sees the command-line proxy as fixed_servers', { skip, timeout: 30_000 }, async () => {
  const got = await env.browser.worker.evaluate(() => chrome.proxy.settings.get({}));
  assert.equal(got.value.mode, 'fixed_servers', JSON.stringify(got));
});

test('proxy reset without a VPN: not proxy.double', { skip, timeout: 90_000 }, async () => {
  const r = await runBreakCase(env.browser.context, env.browser.worker, env.scenario.base, 'proxy_only', STREAM, 30_000,
    { stage: 'probed', during: vpnThenReset(env.pair, env.scenario.proxy, { vpn: false }) });
  assert.ok(!(r.brk.findings || []).some((f) => f.cause === 'proxy.double'), `findings: ${JSON.stringify(r.brk.findings)}`);
  assert.equal(topCause(r.brk), 'stream.dropped_unexplained', `findings: ${JSON.stringify(r.brk.findings)}`);
});

test('a VPN comes up under a proxied browser, then the stream breaks: proxy.double', { skip, timeout: 90_000 }, async () => {
  const r = await runBreakCase(env.browser.context, env.browser.worker, env.scenario.base, 'proxy_double', STREAM, 30_000,
    { stage: 'probed', during: vpnThenReset(env.pair, env.scenario.proxy, { delayMs: 19_000 }) });
  assert.equal(topCause(r.brk), 'proxy.double', `findings: ${JSON.stringify(r.brk.findings)}`);
  assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
  assert.equal(r.popup[0], 'proxy.double', `popup lists ${r.popup}`);
});
