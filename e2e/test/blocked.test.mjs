// Blocked by another extension: a second test extension (fixtures/blocker-extension) blocks the
// lab stream URL with declarativeNetRequest → net::ERR_BLOCKED_BY_CLIENT → extension.blocked_request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { EXTENSION, ROOT } from '../lib/harness.mjs';
import { runBreakCase, runCleanCase, topCause } from '../lib/cases.mjs';
import { browserSkip, labBrowserSuite } from '../lib/suite.mjs';

export const BLOCKER = join(ROOT, 'e2e', 'fixtures', 'blocker-extension');

const skip = browserSkip();
const env = labBrowserSuite('blocked', { skip, browserOpts: { extensions: [EXTENSION, BLOCKER] } });

test('unmarked stream next to the blocker: no break', { skip, timeout: 60_000 }, async () => {
  const r = await runCleanCase(env.browser.context, env.browser.worker, env.lab.url, 'blocker_clean', 'fault=clean&proto=sse&tag=ok');
  assert.equal(r.labState, 'done');
  assert.deepEqual(r.breaks, []);
});

// SSE only: for a WebSocket neither failure reaches webRequest (no request_error at all, the page
// sees close 1006 before open); the accuracy benchmark keeps the WebSocket variants as known gaps.
for (const proto of ['sse']) {
  test(`${proto} stream blocked by an extension: extension.blocked_request`, { skip, timeout: 60_000 }, async () => {
    const r = await runBreakCase(env.browser.context, env.browser.worker, env.lab.url, `blocked_${proto}`, `fault=clean&proto=${proto}&tag=sdblock`);
    assert.equal(topCause(r.brk), 'extension.blocked_request', `findings: ${JSON.stringify(r.brk.findings)}`);
    assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
    assert.equal(r.popup[0], 'extension.blocked_request', `popup lists ${r.popup}`);
  });
}
