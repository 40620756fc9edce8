// The fault matrix in a real browser: each lab fault must reach the user as a notification and
// as the right top cause in the popup; a clean stream must produce neither.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBreakCase, runCleanCase, topCause } from '../lib/cases.mjs';
import { browserSkip, labBrowserSuite } from '../lib/suite.mjs';

// name, lab query, expected top cause. Streams are HTTP/1.1 here (the lab), so a mid-stream FIN
// on chunked SSE is ERR_INCOMPLETE_CHUNKED_ENCODING and an RST is ERR_CONNECTION_RESET (lab-notes).
export const CASES = [
  ['fin', 'fault=fin&proto=sse', 'stream.dropped_unexplained'],
  ['rst', 'fault=rst&proto=sse', 'stream.dropped_unexplained'],
  ['http429', 'fault=http429&proto=sse', 'server.overloaded'],
  ['http504', 'fault=http504&proto=sse', 'server.gateway_timeout'],
  ['http401', 'fault=http401&proto=sse', 'session.conflict'],
  ['http500', 'fault=http500&proto=sse', 'server.error'],
  ['overloaded', 'fault=overloaded&proto=claude', 'server.overloaded'],
  ['ws_drop', 'fault=ws_drop&proto=ws', 'stream.dropped_unexplained'],
  ['ws1011', 'fault=ws1011&proto=ws', 'server.error'],
  ['ws1013', 'fault=ws1013&proto=ws', 'server.overloaded'],
  ['stall', 'fault=stall&proto=sse', 'stream.stalled'],
];

const skip = browserSkip();
const env = labBrowserSuite('faults', { skip });

test('clean stream: no break, no notification', { skip, timeout: 60_000 }, async () => {
  const r = await runCleanCase(env.browser.context, env.browser.worker, env.lab.url, 'clean', 'fault=clean&proto=sse');
  assert.equal(r.labState, 'done');
  assert.deepEqual(r.breaks, []);
  assert.equal(r.notifications.filter((n) => n.id === `sd:tab:${r.tabId}`).length, 0);
});

for (const [name, query, expected] of CASES) {
  test(`${name}: notification and popup name ${expected}`, { skip, timeout: 90_000 }, async () => {
    const r = await runBreakCase(env.browser.context, env.browser.worker, env.lab.url, name, query, name === 'stall' ? 70_000 : 30_000);
    assert.equal(topCause(r.brk), expected, `findings: ${JSON.stringify(r.brk.findings)}`);
    assert.ok(r.notification, `a notification for ${r.brk.breakId}`);
    assert.equal(r.popup[0], expected, `popup lists ${r.popup}`);
  });
}
