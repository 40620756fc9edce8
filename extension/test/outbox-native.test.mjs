import test from 'node:test';
import assert from 'node:assert/strict';
import { createOutbox, debouncedSaver, EVENT_MAX_BYTES } from '../background/outbox.js';
import { createNativeLink, stateForDisconnect, BACKOFF_MS, HOST_NAME } from '../background/native.js';
import { createFakeTimers, createFakePort } from '../test-support/fake-timers.mjs';

test('outbox_push_assignsIncreasingSeq', () => {
  const o = createOutbox();
  assert.deepEqual([o.push({ type: 'a' }).seq, o.push({ type: 'b' }).seq], [1, 2]);
});

test('outbox_sendingAlone_dropsNothingUntilAck', () => {
  const o = createOutbox();
  for (let i = 0; i < 5; i++) o.push({ type: 'e' });
  assert.equal(o.size, 5);
  assert.equal(o.ack(3), 3);
  assert.deepEqual(o.unacked().map((e) => e.seq), [4, 5]);
  assert.equal(o.ack(Number.NaN), 0);
});

test('outbox_overLimit_dropsOldestAndCounts', () => {
  const o = createOutbox({ limit: 3 });
  for (let i = 0; i < 5; i++) o.push({ type: 'e' });
  assert.deepEqual(o.unacked().map((e) => e.seq), [3, 4, 5]);
  assert.equal(o.dropped, 2);
});

test('outbox_restoreAfterWorkerRestart_keepsEventsAndNeverReusesSeq', () => {
  const saved = [];
  const a = createOutbox({ save: (s) => saved.push(JSON.parse(JSON.stringify(s))) });
  a.push({ type: 'x' });
  a.push({ type: 'y' });
  a.ack(1);
  const b = createOutbox();
  b.push({ type: 'early' }); // an event that arrived before the restore finished
  b.restore(saved.at(-1));
  assert.deepEqual(b.unacked().map((e) => [e.type, e.seq]), [['y', 2], ['early', 3]]);
  assert.equal(b.push({ type: 'z' }).seq, 4);
});

test('debouncedSaver_burst_writesOnceWithLatestState', async () => {
  const writes = [];
  const timers = createFakeTimers();
  const save = debouncedSaver({ set: async (v) => writes.push(v) }, 'k', 200, timers);
  save({ events: [1] });
  save({ events: [1, 2] });
  timers.advance(250);
  await Promise.resolve();
  assert.deepEqual(writes, [{ k: { events: [1, 2] } }]);
});

function linkWith({ failConnect } = {}) {
  const timers = createFakeTimers();
  const ports = [];
  const states = [];
  const received = [];
  const outbox = createOutbox();
  const link = createNativeLink({
    connectNative: (name) => {
      assert.equal(name, HOST_NAME);
      if (failConnect) throw new Error('boom');
      const p = createFakePort();
      ports.push(p);
      return p;
    },
    lastError: (p) => (p && p.error ? p.error.message : null),
    outbox,
    timers,
    hello: { extensionVersion: '0.1.0', browser: 'chrome' },
    onState: (s) => states.push(s),
    onMessage: (m) => received.push(m),
  });
  return { link, timers, ports, states, received, outbox };
}

test('stateForDisconnect_browserMessages_mapped', () => {
  assert.equal(stateForDisconnect('Specified native messaging host not found.'), 'missing');
  assert.equal(stateForDisconnect('Access to the specified native messaging host is forbidden.'), 'forbidden');
  assert.equal(stateForDisconnect('Native host has exited.'), 'disconnected');
  assert.equal(stateForDisconnect(null), 'disconnected');
});

test('nativeLink_start_sendsHelloThenConnectedOnHostHello', () => {
  const { link, ports, states } = linkWith();
  link.start();
  assert.equal(ports[0].posted[0].type, 'client.hello');
  assert.equal(ports[0].posted[0].browser, 'chrome');
  assert.equal(link.state, 'connecting');
  ports[0].hostSays({ v: 1, type: 'hello', protocol: 1, host: '0.1.0', capabilities: ['events'] });
  assert.equal(link.state, 'connected');
  assert.deepEqual(states, ['connecting', 'connected']);
});

test('nativeLink_hostMissing_stateMissingAndBackoffGrows', () => {
  const { link, timers, ports } = linkWith();
  link.start();
  ports[0].hostDies('Specified native messaging host not found.');
  assert.equal(link.state, 'missing');
  timers.advance(BACKOFF_MS[0] - 1);
  assert.equal(ports.length, 1);
  timers.advance(1);
  assert.equal(ports.length, 2);
  ports[1].hostDies('Specified native messaging host not found.');
  timers.advance(BACKOFF_MS[1] - 1);
  assert.equal(ports.length, 2, 'second wait is longer');
  timers.advance(1);
  assert.equal(ports.length, 3);
});

test('nativeLink_reconnect_resendsUnackedInSeqOrder', () => {
  const { link, timers, ports } = linkWith();
  link.start();
  for (let i = 0; i < 4; i++) link.send({ type: 'stream.progress', ts: i });
  ports[0].hostSays({ type: 'ack', upTo: 2, count: 2 });
  ports[0].hostDies('Native host has exited.');
  assert.equal(link.state, 'disconnected');
  link.send({ type: 'stream.end', ts: 9 }); // while down: buffered
  timers.advance(BACKOFF_MS[0]);
  const resent = ports[1].posted.filter((m) => m.seq).map((m) => m.seq);
  assert.deepEqual(resent, [3, 4, 5]);
  ports[1].hostSays({ type: 'ack', upTo: 5 });
  assert.equal(link.send({ type: 'x', ts: 1 }).seq, 6);
});

test('nativeLink_request_repliesMatchedByIdAndErrorsReject', async () => {
  const { link, ports, received } = linkWith();
  link.start();
  const p1 = link.request('ping');
  const p2 = link.request('history', { limit: 5 });
  const [r1, r2] = ports[0].posted.slice(1);
  assert.deepEqual([r1.type, r2.type, r2.limit], ['ping', 'history', 5]);
  ports[0].hostSays({ type: 'error', id: r2.id, code: 110, name: 'not_implemented' });
  ports[0].hostSays({ type: 'pong', id: r1.id });
  assert.equal((await p1).type, 'pong');
  await assert.rejects(p2, (e) => e.code === 110);
  ports[0].hostSays({ type: 'diagnosis', id: null, stage: 'evidence', break: { breakId: 'b1' } });
  assert.equal(received.length, 1, 'unsolicited messages go to onMessage');
});

test('nativeLink_requestWhileDown_rejectsAndTimeoutRejects', async () => {
  const { link, timers, ports } = linkWith();
  await assert.rejects(link.request('ping'), /host_connecting/);
  link.start();
  const p = link.request('probe');
  timers.advance(30000);
  await assert.rejects(p, /host_timeout/);
  ports[0].hostDies('x');
});

test('nativeLink_connectThrows_treatedAsDisconnect', () => {
  const { link, timers } = linkWith({ failConnect: true });
  link.start();
  assert.equal(link.state, 'disconnected');
  assert.ok(timers.pending > 0, 'a retry is scheduled');
});

test('debouncedSaver_anyStateShape_saved', async () => {
  const writes = [];
  const timers = createFakeTimers();
  const save = debouncedSaver({ set: async (v) => writes.push(v) }, 'streams', 500, timers);
  save({ 12: [{ stream: '12:a.1' }] }); // the stream snapshot has no `events`
  timers.advance(500);
  await Promise.resolve();
  assert.deepEqual(writes, [{ streams: { 12: [{ stream: '12:a.1' }] } }]);
});

// The host discards frames over its 256 KiB cap without an ack (error 111); before, such an event
// stayed in the outbox and went out again on every reconnect.
test('outbox_eventOverTheFrameCap_neverQueuedAndCounted', () => {
  const o = createOutbox();
  const big = { type: 'browser.extensions', extensions: [{ id: 'a', name: 'n'.repeat(EVENT_MAX_BYTES) }] };
  assert.equal(o.push(big), null);
  assert.equal(o.size, 0);
  assert.equal(o.tooLarge, 1);
  assert.equal(o.push({ type: 'ok' }).seq, 1, 'a dropped event takes no seq');
  const restored = createOutbox();
  restored.restore({ nextSeq: 3, events: [{ ...big, seq: 1 }, { type: 'ok', seq: 2 }] });
  assert.deepEqual(restored.unacked().map((e) => e.seq), [2], 'an oversize event persisted by an older version is dropped');
  assert.equal(restored.tooLarge, 1);
});

test('nativeLink_oversizeEvent_neverPostedNorResent', () => {
  const { link, timers, ports } = linkWith();
  link.start();
  assert.equal(link.send({ type: 'browser.extensions', extensions: [{ name: 'é'.repeat(EVENT_MAX_BYTES / 2 + 1) }] }), null);
  link.send({ type: 'stream.end', ts: 1 });
  ports[0].hostDies('Native host has exited.');
  timers.advance(BACKOFF_MS[0]);
  const events = (p) => p.posted.filter((m) => m.seq);
  assert.deepEqual(events(ports[0]).map((m) => m.type), ['stream.end']);
  assert.deepEqual(events(ports[1]).map((m) => m.type), ['stream.end']);
});
