// A dead DNS server (root only: network namespaces). Chromium and the host run in a client
// namespace whose /etc/netns resolv.conf names the lab DNS server in the server namespace. The
// lab page impersonates chatgpt.com over HTTPS (the lab DNS answers chatgpt.com with the lab's
// address) and streams from chat.openai.com, which the lab DNS never answers (rule `drop`) →
// the browser's lookup times out with ERR_NAME_NOT_RESOLVED → dns.resolution_failed.
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
  const s = pair.serverAddr;
  lab = await startLab(['--bind', s, '--https-port', '0', '--dns-port', '53', '--dns', `chatgpt.com=${s}`,
    '--dns', 'chat.openai.com=drop'], { prefix: pair.inNs(pair.server) });
  pair.resolvConf(pair.client, s);
  profile = makeProfile('dns-netns');
  browser = await launchBrowser(profile.profile, { wrapper: pair.chromiumWrapper(profile.dir, CHROMIUM),
    extraArgs: ['--ignore-certificate-errors'] });
  await settleNetwork(browser.context, `https://chatgpt.com:${new URL(lab.https).port}/lab/config`);
}, { timeout: 60_000 });

after(async () => {
  if (browser) await browser.context.close().catch(() => {});
  if (lab) lab.stop();
  if (pair) pair.close();
  if (profile) profile.cleanup();
});

test('the resolver never answers for the stream host: dns.resolution_failed', { skip, timeout: 90_000 }, async () => {
  const page = `https://chatgpt.com:${new URL(lab.https).port}/`;
  const r = await runBreakCase(browser.context, browser.worker, page, 'dns_dead', 'fault=clean&stream_host=chat.openai.com', 40_000);
  assert.equal(topCause(r.brk), 'dns.resolution_failed', `findings: ${JSON.stringify(r.brk.findings)}`);
  assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
  assert.equal(r.popup[0], 'dns.resolution_failed', `popup lists ${r.popup}`);
});
