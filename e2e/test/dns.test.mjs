// DNS failure: the page on 127.0.0.1 streams from `localhost`, which this Chromium cannot resolve
// (--host-resolver-rules MAP localhost ~NOTFOUND) → net::ERR_NAME_NOT_RESOLVED → dns.resolution_failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBreakCase, topCause } from '../lib/cases.mjs';
import { browserSkip, labBrowserSuite } from '../lib/suite.mjs';

export const NXDOMAIN_ARGS = ['--host-resolver-rules=MAP localhost ~NOTFOUND'];

const skip = browserSkip();
const env = labBrowserSuite('dns', { skip, browserOpts: { extraArgs: NXDOMAIN_ARGS } });

// SSE only: for a WebSocket neither failure reaches webRequest (no request_error at all, the page
// sees close 1006 before open); the accuracy benchmark keeps the WebSocket variants as known gaps.
for (const proto of ['sse']) {
  test(`${proto} stream host does not resolve: dns.resolution_failed`, { skip, timeout: 60_000 }, async () => {
    const r = await runBreakCase(env.browser.context, env.browser.worker, env.lab.url, `dns_${proto}`, `fault=clean&proto=${proto}&stream_host=localhost`);
    assert.equal(topCause(r.brk), 'dns.resolution_failed', `findings: ${JSON.stringify(r.brk.findings)}`);
    assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
    assert.equal(r.popup[0], 'dns.resolution_failed', `popup lists ${r.popup}`);
  });
}
