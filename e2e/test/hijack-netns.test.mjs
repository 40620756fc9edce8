// A lying resolver (root only: network namespaces). Chromium and the host it starts resolve
// through the namespace's resolv.conf → a lab DNS server that answers chat.openai.com with a wrong
// address; a second lab DNS server, the host's configured public resolver, answers truthfully
// (lib/hijack.mjs). The page (chatgpt.com over the lab's HTTPS port) loads, its stream to
// chat.openai.com is refused; the host's post-mortem compares the two answers → dns.hijacked.
// A control break on chatgpt.com, which both resolvers answer alike, must not blame DNS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { prerequisites, makeProfile, launchBrowser, settleNetwork, CHROMIUM } from '../lib/harness.mjs';
import { runBreakCase, topCause } from '../lib/cases.mjs';
import { createPair, netnsUnavailable } from '../lib/netns.mjs';
import { startHijackLab, writeHijackTargets } from '../lib/hijack.mjs';

const pre = prerequisites();
const why = netnsUnavailable();
const skip = !pre.ok && !pre.required ? `missing: ${pre.missing.join('; ')}` : why ? `skipped: ${why}` : false;
let pair;
let labs;
let profile;
let browser;

before(async () => {
  if (skip) return;
  assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
  pair = createPair();
  labs = await startHijackLab(pair);
  profile = makeProfile('hijack-netns');
  writeHijackTargets(profile.home);
  browser = await launchBrowser(profile.profile, { wrapper: pair.chromiumWrapper(profile.dir, CHROMIUM),
    extraArgs: ['--ignore-certificate-errors'] });
  await settleNetwork(browser.context, `${labs.base}lab/config`);
}, { timeout: 90_000 });

after(async () => {
  if (browser) await browser.context.close().catch(() => {});
  if (labs) labs.stop();
  if (pair) pair.close();
  if (profile) profile.cleanup();
});

test('the system resolver lies about the stream host: dns.hijacked', { skip, timeout: 90_000 }, async () => {
  const r = await runBreakCase(browser.context, browser.worker, labs.base, 'hijack', 'fault=clean&stream_host=chat.openai.com',
    30_000, { stage: 'probed' });
  const findings = JSON.stringify(r.brk.findings);
  assert.equal(topCause(r.brk), 'dns.hijacked', `findings: ${findings}`);
  assert.ok(findings.includes(labs.lie), `the evidence names the lying answer ${labs.lie}: ${findings}`);
  assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
  assert.equal(r.popup[0], 'dns.hijacked', `popup lists ${r.popup}`);
});

test('both resolvers agree on the page host: a reset there is not blamed on DNS', { skip, timeout: 90_000 }, async () => {
  const r = await runBreakCase(browser.context, browser.worker, labs.base, 'hijack_control', 'fault=rst&proto=sse',
    30_000, { stage: 'probed' });
  assert.equal(topCause(r.brk), 'stream.dropped_unexplained', `findings: ${JSON.stringify(r.brk.findings)}`);
  assert.ok(!(r.brk.findings || []).some((f) => f.cause === 'dns.hijacked'), `findings: ${JSON.stringify(r.brk.findings)}`);
});
