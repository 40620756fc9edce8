// Blocked by another extension: a second test extension (fixtures/blocker-extension) blocks the
// lab stream URL with declarativeNetRequest → net::ERR_BLOCKED_BY_CLIENT → extension.blocked_request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { prerequisites, makeProfile, launchBrowser, startLab, EXTENSION, ROOT } from '../lib/harness.mjs';
import { runBreakCase, runCleanCase, topCause } from '../lib/cases.mjs';

export const BLOCKER = join(ROOT, 'e2e', 'fixtures', 'blocker-extension');
const pre = prerequisites();
const skip = !pre.ok && !pre.required ? `missing: ${pre.missing.join('; ')}` : false;
let lab;
let profile;
let browser;

before(async () => {
  if (skip) return;
  assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
  lab = await startLab();
  profile = makeProfile('blocked');
  browser = await launchBrowser(profile.profile, { extensions: [EXTENSION, BLOCKER] });
}, { timeout: 60_000 });

after(async () => {
  if (browser) await browser.context.close().catch(() => {});
  if (lab) lab.stop();
  if (profile) profile.cleanup();
});

test('unmarked stream next to the blocker: no break', { skip, timeout: 60_000 }, async () => {
  const r = await runCleanCase(browser.context, browser.worker, lab.url, 'blocker_clean', 'fault=clean&proto=sse&tag=ok');
  assert.equal(r.labState, 'done');
  assert.deepEqual(r.breaks, []);
});

// SSE only: for a WebSocket neither failure reaches webRequest (no request_error at all, the page
// sees close 1006 before open); the accuracy benchmark keeps the WebSocket variants as known gaps.
for (const proto of ['sse']) {
  test(`${proto} stream blocked by an extension: extension.blocked_request`, { skip, timeout: 60_000 }, async () => {
    const r = await runBreakCase(browser.context, browser.worker, lab.url, `blocked_${proto}`, `fault=clean&proto=${proto}&tag=sdblock`);
    assert.equal(topCause(r.brk), 'extension.blocked_request', `findings: ${JSON.stringify(r.brk.findings)}`);
    assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
    assert.equal(r.popup[0], 'extension.blocked_request', `popup lists ${r.popup}`);
  });
}
