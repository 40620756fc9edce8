import test from 'node:test';
import assert from 'node:assert/strict';
import { createGapStats, stallThreshold, percentile, STALL_FLOOR_MS, STALL_CEILING_MS, STALL_FIRST_FRAME_MS, STALL_EARLY_MS } from '../src/common/gaps.js';
import { createTracker, wsOutcome, CONNECT_BOUND_WS_MS, CONNECT_BOUND_HTTP_MS } from '../src/common/tracker.js';
import { siteById, GENERIC } from '../src/common/sites.js';

function tracker(site = siteById('chatgpt'), kind = 'sse') {
  const out = [];
  const t = createTracker({ id: 'a.1', kind, url: 'https://chatgpt.com/backend-api/conversation', site, emit: (type, f) => out.push({ type, ...f }), startedAt: 0 });
  return { t, out, types: () => out.map((e) => e.type) };
}
const TOKEN = { token: true, terminal: false, errorType: null };
const DONE = { token: false, terminal: true, errorType: null };

test('percentile_nearestRank_expected', () => {
  assert.equal(percentile([5, 1, 4, 2, 3], 0.95), 5);
  assert.equal(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 0.95), 95);
  assert.equal(percentile([], 0.95), null);
});

test('gapStats_frames_meanP95Max', () => {
  const g = createGapStats();
  for (const t of [0, 10, 30, 60, 100]) g.frame(t);
  assert.deepEqual(g.summary(), { gapMeanMs: 25, gapP95Ms: 40, gapMaxMs: 40 });
});

test('stallThreshold_phases_firstFrameEarlyAdaptiveClamped', () => {
  const g = createGapStats();
  assert.equal(stallThreshold(g, 0), STALL_FIRST_FRAME_MS);
  g.frame(0);
  g.frame(100);
  assert.equal(stallThreshold(g, 0), STALL_EARLY_MS);
  for (let i = 2; i < 10; i++) g.frame(i * 100);
  assert.equal(stallThreshold(g, 0), STALL_FLOOR_MS); // 4 × 100 ms is below the floor
  const slow = createGapStats();
  for (let i = 0; i < 10; i++) slow.frame(i * 5000);
  assert.equal(stallThreshold(slow, 0), 20000); // 4 × 5 s
  const glacial = createGapStats();
  for (let i = 0; i < 10; i++) glacial.frame(i * 30000);
  assert.equal(stallThreshold(glacial, 0), STALL_CEILING_MS);
  assert.equal(stallThreshold(g, 30000), 30000); // user floor wins
});

test('tracker_completeSse_emitsLifecycleInOrder', () => {
  const { t, out, types } = tracker();
  t.open(120);
  t.firstByte(50, 200);
  t.bytes(60, 100);
  t.frame(60, TOKEN);
  t.frame(80, TOKEN);
  t.frame(90, DONE);
  t.end(100, { outcome: t.cleanOutcome() });
  assert.deepEqual(types(), ['stream.open', 'stream.first_byte', 'stream.first_token', 'stream.progress', 'stream.end']);
  assert.equal(out[0].payloadBytes, 120);
  assert.equal(out[1].ttfbMs, 50);
  assert.equal(out[2].ttftMs, 60);
  const end = out.at(-1);
  assert.equal(end.outcome, 'complete');
  assert.equal(end.frames, 3);
  assert.equal(end.bytes, 100);
  assert.equal(end.terminalSeen, true);
  assert.equal(end.durationMs, 100);
  assert.equal(end.lastFrameAgoMs, 10);
});

test('tracker_cleanEndWithoutMarker_truncated', () => {
  const { t } = tracker();
  t.frame(10, TOKEN);
  assert.equal(t.cleanOutcome(), 'truncated');
  const g = tracker(GENERIC);
  g.t.frame(10, TOKEN);
  assert.equal(g.t.cleanOutcome(), 'complete');
});

test('tracker_silence_oneStallPerSilentPeriod', () => {
  const { t, out } = tracker();
  for (let i = 0; i < 10; i++) t.frame(i * 100, TOKEN);
  t.tick(900 + STALL_FLOOR_MS - 1);
  assert.equal(out.filter((e) => e.type === 'stream.stall').length, 0);
  t.tick(900 + STALL_FLOOR_MS + 1);
  t.tick(900 + STALL_FLOOR_MS + 5000);
  const stalls = out.filter((e) => e.type === 'stream.stall');
  assert.equal(stalls.length, 1);
  assert.equal(stalls[0].thresholdMs, STALL_FLOOR_MS);
  t.bytes(20000, 10); // activity ends the silent period
  t.tick(20000 + STALL_FLOOR_MS + 1);
  assert.equal(out.filter((e) => e.type === 'stream.stall').length, 2);
});

test('tracker_afterTerminalOrIdleSocket_noStall', () => {
  const a = tracker();
  a.t.frame(0, DONE);
  a.t.tick(1e6);
  const w = tracker(siteById('lab'), 'ws');
  w.t.markConnected();
  w.t.tick(1e6); // socket open, no answer in progress
  assert.equal(a.out.concat(w.out).filter((e) => e.type === 'stream.stall').length, 0);
});

test('tracker_progress_atMostOncePerSecond', () => {
  const { t, out } = tracker();
  for (let i = 0; i < 50; i++) t.frame(i * 100, TOKEN); // 5 s of frames
  t.tick(5000);
  const n = out.filter((e) => e.type === 'stream.progress').length;
  assert.ok(n >= 5 && n <= 6, String(n));
});

test('tracker_repeatedErrorType_reportedOnce', () => {
  const { t, out } = tracker();
  const err = { token: false, terminal: false, errorType: 'overloaded_error' };
  t.frame(1, err);
  t.frame(2, err);
  assert.equal(out.filter((e) => e.type === 'stream.error').length, 1);
});

test('tracker_afterEnd_ignoresEverything', () => {
  const { t, out } = tracker();
  t.end(5, { outcome: 'error', errorName: 'TypeError' });
  t.frame(6, TOKEN);
  t.end(7, { outcome: 'complete' });
  assert.equal(out.length, 1);
  assert.equal(out[0].errorName, 'TypeError');
});

test('wsOutcome_closeCases_mapped', () => {
  const w = tracker(siteById('lab'), 'ws');
  assert.equal(wsOutcome(w.t, { code: 1006, wasClean: false }, false), 'error');
  assert.equal(wsOutcome(w.t, { code: 1000, wasClean: true }, false), 'complete');
  assert.equal(wsOutcome(w.t, { code: 1011, wasClean: true }, false), 'error');
  w.t.frame(1, TOKEN);
  assert.equal(wsOutcome(w.t, { code: 1000, wasClean: true }, false), 'truncated');
  assert.equal(wsOutcome(w.t, { code: 1005, wasClean: true }, true), 'aborted');
  w.t.frame(2, DONE);
  assert.equal(wsOutcome(w.t, { code: 1000, wasClean: true }, true), 'complete');
});

test('gapStats_framesOfOneChunk_sameAsSingleFrames', () => {
  const one = createGapStats();
  const many = createGapStats();
  for (const [t, k] of [[0, 1], [10, 3], [40, 600], [45, 2]]) {
    many.frames(t, k);
    for (let i = 0; i < k; i++) one.frame(t);
  }
  assert.deepEqual(many.summary(), one.summary());
  assert.equal(many.gaps, one.gaps);
  assert.equal(many.p95(), one.p95());
});

test('tracker_countedFramesThenClassified_sameEndAsFramePerEvent', () => {
  const a = tracker();
  const b = tracker();
  a.t.frame(10, TOKEN);
  b.t.frame(10, TOKEN);
  for (let i = 0; i < 3; i++) a.t.frame(20, TOKEN);
  a.t.frame(20, DONE);
  b.t.frames(20, 4); // counted now, classified when the tail is parsed
  for (let i = 0; i < 3; i++) b.t.classify(TOKEN);
  b.t.classify(DONE);
  for (const x of [a, b]) x.t.end(30, { outcome: x.t.cleanOutcome() });
  assert.deepEqual(b.out, a.out);
  assert.equal(b.out.at(-1).outcome, 'complete');
});

test('tracker_classifiedError_reportedOnceWithoutFirstToken', () => {
  const { t, types } = tracker();
  t.frames(5, 2);
  t.classify({ token: false, terminal: false, errorType: 'overloaded_error' });
  t.classify({ token: false, terminal: false, errorType: 'overloaded_error' });
  assert.deepEqual(types(), ['stream.progress', 'stream.error']);
});

test('tracker_onTick_runsBeforeStallCheck', () => {
  const { t, out } = tracker();
  t.frame(0, TOKEN);
  t.onTick = () => t.classify(DONE); // the kept tail held the terminal marker
  t.tick(1e6);
  assert.equal(out.filter((e) => e.type === 'stream.stall').length, 0);
});

test('tracker_bodyNobodyReads_noStallUntilRead', () => {
  const { t, out } = tracker();
  t.unread = true; // the page has not started reading the body
  t.tick(1e6);
  assert.equal(out.filter((e) => e.type === 'stream.stall').length, 0);
  t.unread = false;
  t.tick(2e6);
  assert.equal(out.filter((e) => e.type === 'stream.stall').length, 1);
});

test('tracker_socketNeverOpens_oneConnectingStallAfter15s_withItsOpen', () => {
  const w = tracker(siteById('chatgpt'), 'ws');
  w.t.tick(CONNECT_BOUND_WS_MS - 1);
  assert.deepEqual(w.types(), []);
  w.t.tick(CONNECT_BOUND_WS_MS + 500);
  w.t.tick(CONNECT_BOUND_WS_MS + 60000);
  assert.deepEqual(w.types(), ['stream.open', 'stream.stall']);
  assert.deepEqual([w.out[1].phase, w.out[1].thresholdMs, w.out[1].silentMs], ['connecting', CONNECT_BOUND_WS_MS, CONNECT_BOUND_WS_MS + 500]);
  w.t.open(12); // the page's send after all: never a second open
  assert.equal(w.types().filter((x) => x === 'stream.open').length, 1);
});

test('tracker_fetchWithoutHeaders_connectingStallAfter30s_notBefore', () => {
  const a = tracker();
  a.t.open(10);
  a.t.tick(CONNECT_BOUND_HTTP_MS - 1);
  assert.deepEqual(a.types(), ['stream.open']);
  a.t.tick(CONNECT_BOUND_HTTP_MS + 1);
  assert.equal(a.out[1].phase, 'connecting');
  const b = tracker();
  b.t.open(10);
  b.t.firstByte(200, 200); // headers in time: the answer may think for a minute
  b.t.tick(CONNECT_BOUND_HTTP_MS + 1);
  assert.deepEqual(b.types(), ['stream.open', 'stream.first_byte']);
  const w = tracker(siteById('chatgpt'), 'ws');
  w.t.markConnected();
  w.t.tick(1e6);
  assert.deepEqual(w.types(), []);
});

test('wsOutcome_dropBetweenAnswersOfAGrammarSocket_complete_midAnswerError', () => {
  const ws = tracker({ ...GENERIC, id: 'chatgpt', wsFrame: () => null }, 'ws');
  ws.t.frame(0, TOKEN);
  assert.equal(wsOutcome(ws.t, { code: 1006, wasClean: false }, false), 'error');
  ws.t.frame(10, DONE);
  assert.equal(wsOutcome(ws.t, { code: 1006, wasClean: false }, false), 'complete');
  const plain = tracker(GENERIC, 'ws');
  plain.t.frame(0, DONE);
  assert.equal(wsOutcome(plain.t, { code: 1006, wasClean: false }, false), 'error', 'no grammar: no knowledge');
});
