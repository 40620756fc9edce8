// A lying resolver (root only: network namespaces). Chromium and the host it starts resolve
// through the namespace's resolv.conf → a lab DNS server that answers chat.openai.com with a wrong
// address; a second lab DNS server, the host's configured public resolver, answers truthfully
// (lib/hijack.mjs). The page (chatgpt.com over the lab's HTTPS port) loads, its stream to
// chat.openai.com is refused; the host's post-mortem compares the two answers → dns.hijacked.
// A control break on chatgpt.com, which both resolvers answer alike, must not blame DNS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBreakCase, topCause } from '../lib/cases.mjs';
import { startHijackLab, writeHijackTargets } from '../lib/hijack.mjs';
import { netnsBrowserSuite, netnsSkip } from '../lib/suite.mjs';

const skip = netnsSkip();
const env = netnsBrowserSuite('hijack-netns', { skip, timeoutMs: 90_000, scenario: async (pair) => {
  const labs = await startHijackLab(pair);
  return { ...labs, extraArgs: ['--ignore-certificate-errors'], targets: writeHijackTargets };
} });


test('the system resolver lies about the stream host: dns.hijacked', { skip, timeout: 90_000 }, async () => {
  const r = await runBreakCase(env.browser.context, env.browser.worker, env.scenario.base, 'hijack', 'fault=clean&stream_host=chat.openai.com',
    30_000, { stage: 'probed' });
  const findings = JSON.stringify(r.brk.findings);
  assert.equal(topCause(r.brk), 'dns.hijacked', `findings: ${findings}`);
  assert.ok(findings.includes(env.scenario.lie), `the evidence names the lying answer ${env.scenario.lie}: ${findings}`);
  assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
  assert.equal(r.popup[0], 'dns.hijacked', `popup lists ${r.popup}`);
});

test('both resolvers agree on the page host: a reset there is not blamed on DNS', { skip, timeout: 90_000 }, async () => {
  const r = await runBreakCase(env.browser.context, env.browser.worker, env.scenario.base, 'hijack_control', 'fault=rst&proto=sse',
    30_000, { stage: 'probed' });
  assert.equal(topCause(r.brk), 'stream.dropped_unexplained', `findings: ${JSON.stringify(r.brk.findings)}`);
  assert.ok(!(r.brk.findings || []).some((f) => f.cause === 'dns.hijacked'), `findings: ${JSON.stringify(r.brk.findings)}`);
});
