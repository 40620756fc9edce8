// A dead DNS server (root only: network namespaces). Chromium and the host run in a client
// namespace whose /etc/netns resolv.conf names the lab DNS server in the server namespace. The
// lab page impersonates chatgpt.com over HTTPS (the lab DNS answers chatgpt.com with the lab's
// address) and streams from chat.openai.com, which the lab DNS never answers (rule `drop`) →
// the browser's lookup times out with ERR_NAME_NOT_RESOLVED → dns.resolution_failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startLab } from '../lib/harness.mjs';
import { runBreakCase, topCause } from '../lib/cases.mjs';
import { netnsBrowserSuite, netnsSkip } from '../lib/suite.mjs';

const skip = netnsSkip();
const env = netnsBrowserSuite('dns-netns', { skip, scenario: async (pair) => {
  const s = pair.serverAddr;
  const lab = await startLab(['--bind', s, '--https-port', '0', '--dns-port', '53', '--dns', `chatgpt.com=${s}`,
    '--dns', 'chat.openai.com=drop'], { prefix: pair.inNs(pair.server) });
  pair.resolvConf(pair.client, s);
  return { base: `https://chatgpt.com:${new URL(lab.https).port}/`, extraArgs: ['--ignore-certificate-errors'], stop: () => lab.stop() };
} });


test('the resolver never answers for the stream host: dns.resolution_failed', { skip, timeout: 90_000 }, async () => {
  const r = await runBreakCase(env.browser.context, env.browser.worker, env.scenario.base, 'dns_dead', 'fault=clean&stream_host=chat.openai.com', 40_000);
  assert.equal(topCause(r.brk), 'dns.resolution_failed', `findings: ${JSON.stringify(r.brk.findings)}`);
  assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
  assert.equal(r.popup[0], 'dns.resolution_failed', `popup lists ${r.popup}`);
});
