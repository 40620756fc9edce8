import test from 'node:test';
import assert from 'node:assert/strict';
import { createLocalDetector, kindForError, KIND } from '../background/local-breaks.js';

const open = (stream = '7:a.1', kind = 'sse') => ({ type: 'stream.open', ts: 1000, stream, tabId: 7, site: 'chatgpt', url: 'https://chatgpt.com/backend-api/conversation', kind });
const end = (outcome, extra = {}, stream = '7:a.1') => ({ type: 'stream.end', ts: 5000, stream, outcome, frames: 12, closeCode: null, errorName: null, httpStatus: null, ...extra });

function run(events) {
  const d = createLocalDetector();
  let last = null;
  for (const e of events) last = d.observe(e) || last;
  return last ? d.take(last) : null;
}

test('localBreak_resetMidAnswer_droppedUnexplainedKindResetRegenerate', () => {
  const v = run([open(), end('error', { errorName: 'TypeError' }), { type: 'browser.request_error', ts: 5001, tabId: 7, url: open().url, stream: '7:a.1', error: 'net::ERR_CONNECTION_RESET' }]);
  assert.equal(v.brk.kind, KIND.RESET);
  assert.equal(v.brk.breakId, 'b-5000-7:a.1');
  assert.equal(v.brk.findings[0].cause, 'stream.dropped_unexplained');
  assert.deepEqual(v.brk.findings[0].remedies, ['regenerate']);
  assert.equal(v.brk.symptom, 'message_stream_error');
  assert.match(v.brk.findings[0].evidence[0].text, /ERR_CONNECTION_RESET/);
});

test('localBreak_http429_overloadedWithRetryAfter', () => {
  const v = run([open(), { type: 'stream.first_byte', ts: 1100, stream: '7:a.1', httpStatus: 429 }, { type: 'browser.http_status', ts: 1100, tabId: 7, url: open().url, status: 429, retryAfterS: 30 }, end('http_error', { httpStatus: 429, frames: 0 })]);
  assert.equal(v.brk.findings[0].cause, 'server.overloaded');
  assert.equal(v.brk.symptom, 'something_went_wrong');
  assert.ok(v.brk.findings[0].evidence.some((e) => /retry after 30 s/.test(e.text)));
});

test('localBreak_wsDrop1006_kindWsDrop', () => {
  const v = run([open('7:w.1', 'ws'), end('error', { closeCode: 1006 }, '7:w.1')]);
  assert.equal(v.brk.kind, KIND.WS_DROP);
  assert.equal(v.brk.findings[0].cause, 'stream.dropped_unexplained');
});

test('localBreak_blockedByClient_extensionBlocked', () => {
  const v = run([open(), { type: 'browser.request_error', ts: 1001, tabId: 7, url: open().url, stream: '7:a.1', error: 'net::ERR_BLOCKED_BY_CLIENT' }, end('error', { frames: 0 })]);
  assert.equal(v.brk.findings[0].cause, 'extension.blocked_request');
  assert.equal(v.brk.symptom, 'network_error');
});

test('localBreak_stall_thenComplete_withdrawn', () => {
  const d = createLocalDetector();
  d.observe(open());
  assert.equal(d.observe({ type: 'stream.stall', ts: 3000, stream: '7:a.1', silentMs: 20000, thresholdMs: 15000 }), '7:a.1');
  assert.equal(d.take('7:a.1').brk.findings[0].cause, 'stream.stalled');
  assert.equal(d.take('7:a.1').brk.symptom, 'stalled');
  d.observe(end('complete'));
  assert.deepEqual(d.take('7:a.1'), { withdraw: 'b-3000-7:a.1' });
});

test('localBreak_abortedByBrowser_withdrawn_cleanEnd_none', () => {
  assert.ok(run([open(), end('error'), { type: 'browser.request_error', ts: 5001, tabId: 7, url: open().url, stream: '7:a.1', error: 'net::ERR_ABORTED' }]).withdraw);
  assert.equal(run([open(), end('complete')]), null);
  assert.equal(run([open(), end('aborted')]), null);
});

test('kindForError_chromiumAndFirefoxNames', () => {
  assert.equal(kindForError('net::ERR_NAME_NOT_RESOLVED'), KIND.DNS);
  assert.equal(kindForError('NS_ERROR_UNKNOWN_HOST'), KIND.DNS);
  assert.equal(kindForError('NS_ERROR_NET_RESET'), KIND.RESET);
  assert.equal(kindForError('net::ERR_INTERNET_DISCONNECTED'), KIND.OFFLINE);
  assert.equal(kindForError('whatever'), null);
});

test('localDetector_manyStreams_bounded', () => {
  const d = createLocalDetector({ limit: 5 });
  for (let i = 0; i < 50; i++) d.observe(open(`7:a.${i}`));
  assert.equal(d.observe(end('error', {}, '7:a.0')), null, 'the oldest stream was forgotten');
  assert.equal(d.observe(end('error', {}, '7:a.49')), '7:a.49');
});
