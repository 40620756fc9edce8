// Network change mid-stream (root only: network namespaces). Chromium — and so the host it starts
// over native messaging — runs in a client namespace, the lab in a server namespace; while the
// answer streams, the client's link goes down, its address changes and the link comes back (a
// Wi-Fi/VPN switch). The browser goes offline/online and the old connection is dead →
// network.changed. The namespaces are always deleted (lib/netns.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { prerequisites, makeProfile, launchBrowser, startLab, settleNetwork, CHROMIUM } from '../lib/harness.mjs';
import { runBreakCase, topCause } from '../lib/cases.mjs';
import { createPair, netnsUnavailable } from '../lib/netns.mjs';

const pre = prerequisites();
const why = netnsUnavailable();
const skip = !pre.ok && !pre.required ? `missing: ${pre.missing.join('; ')}` : why ? `skipped: ${why}` : false;
let pair;
let lab;
let profile;
let browser;

before(async () => {
  if (skip) return;
  assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
  pair = createPair();
  lab = await startLab(['--bind', pair.serverAddr], { prefix: pair.inNs(pair.server) });
  profile = makeProfile('netchange');
  // The extension matches http://localhost/*: the browser reaches the lab under that name.
  browser = await launchBrowser(profile.profile, { wrapper: pair.chromiumWrapper(profile.dir, CHROMIUM),
    extraArgs: [`--host-resolver-rules=MAP localhost ${pair.serverAddr}`] });
  await settleNetwork(browser.context, `${lab.url.replace(pair.serverAddr, 'localhost')}lab/config`);
}, { timeout: 60_000 });

after(async () => {
  if (browser) await browser.context.close().catch(() => {});
  if (lab) lab.stop();
  if (pair) pair.close();
  if (profile) profile.cleanup();
});

test('network changes mid-stream: network.changed', { skip, timeout: 90_000 }, async () => {
  const url = lab.url.replace(pair.serverAddr, 'localhost');
  const r = await runBreakCase(browser.context, browser.worker, url, 'netchange', 'fault=clean&proto=sse&frames=600&gap_ms=50', 40_000,
    { during: async (page) => {
      await page.waitForFunction(() => window.__lab && window.__lab.frames >= 10, null, { timeout: 15_000 });
      await pair.moveClient();
    } });
  assert.equal(topCause(r.brk), 'network.changed', `findings: ${JSON.stringify(r.brk.findings)}`);
  assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
  assert.equal(r.popup[0], 'network.changed', `popup lists ${r.popup}`);
});
