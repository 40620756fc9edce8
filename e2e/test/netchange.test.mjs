// Network change mid-stream (root only: network namespaces). Chromium — and so the host it starts
// over native messaging — runs in a client namespace, the lab in a server namespace; while the
// answer streams, the client's link goes down, its address changes and the link comes back (a
// Wi-Fi/VPN switch). The browser goes offline/online and the old connection is dead →
// network.changed. The namespaces are always deleted (lib/netns.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startLab } from '../lib/harness.mjs';
import { runBreakCase, topCause } from '../lib/cases.mjs';
import { netnsBrowserSuite, netnsSkip } from '../lib/suite.mjs';

const skip = netnsSkip();
const env = netnsBrowserSuite('netchange', { skip, scenario: async (pair) => {
  const lab = await startLab(['--bind', pair.serverAddr], { prefix: pair.inNs(pair.server) });
  // The extension matches http://localhost/*: the browser reaches the lab under that name.
  return { base: lab.url.replace(pair.serverAddr, 'localhost'), extraArgs: [`--host-resolver-rules=MAP localhost ${pair.serverAddr}`],
    stop: () => lab.stop() };
} });


test('network changes mid-stream: network.changed', { skip, timeout: 90_000 }, async () => {
  const r = await runBreakCase(env.browser.context, env.browser.worker, env.scenario.base, 'netchange', 'fault=clean&proto=sse&frames=600&gap_ms=50', 40_000,
    { during: async (page) => {
      await page.waitForFunction(() => window.__lab && window.__lab.frames >= 10, null, { timeout: 15_000 });
      await env.pair.moveClient();
    } });
  assert.equal(topCause(r.brk), 'network.changed', `findings: ${JSON.stringify(r.brk.findings)}`);
  assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
  assert.equal(r.popup[0], 'network.changed', `popup lists ${r.popup}`);
});
