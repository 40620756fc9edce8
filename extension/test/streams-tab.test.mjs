import test from 'node:test';
import assert from 'node:assert/strict';

test('streams_endTab_openAndStalledStreamsEndAborted_finishedOnesUntouched', async () => {
  const { createStreamRegistry } = await import('../background/streams.js');
  const { cleanHookEvent } = await import('../src/common/wire.js');
  const s = createStreamRegistry();
  const open = (id) => s.toProtocol({ type: 'stream.open', ts: 1000, stream: id, site: 'lab', url: 'http://127.0.0.1/lab/sse/x', kind: 'sse', payloadBytes: 1 }, 4);
  open('a.1');
  open('a.2');
  open('a.3');
  s.toProtocol({ type: 'stream.stall', ts: 2000, stream: 'a.2', silentMs: 20000 }, 4);
  s.toProtocol({ type: 'stream.end', ts: 2000, stream: 'a.3', outcome: 'complete', frames: 3, bytes: 30, durationMs: 1000, terminalSeen: true }, 4);
  const ends = s.endTab(4, 5000);
  assert.deepEqual(ends.map((e) => [e.stream, e.outcome, e.durationMs]), [['4:a.1', 'aborted', 4000], ['4:a.2', 'aborted', 4000]]);
  // the same shape a hook's stream.end has (wire.js validates hook events)
  const { stream, type, ...fields } = ends[0];
  assert.ok(cleanHookEvent({ type, stream: 'a.1', ...fields }), 'a valid stream.end');
  assert.deepEqual(s.endTab(99, 5000), []);
});

test('streams_endTab_laterEventsOfThatStream_dropped', async () => {
  const { createStreamRegistry } = await import('../background/streams.js');
  const s = createStreamRegistry();
  s.toProtocol({ type: 'stream.open', ts: 1000, stream: 'b.1', site: 'lab', url: 'http://127.0.0.1/lab/sse/x', kind: 'sse', payloadBytes: 1 }, 7);
  assert.equal(s.endTab(7, 3000).length, 1);
  // the dying page's reader rejects after the navigation: not a second end, not a break
  assert.equal(s.toProtocol({ type: 'stream.end', ts: 3100, stream: 'b.1', outcome: 'error', frames: 2, bytes: 20, durationMs: 2100, terminalSeen: false }, 7), null);
  assert.equal(s.forTab(7)[0].state, 'aborted');
  assert.deepEqual(s.streamingTabs(), []);
  // the next page's streams are new records
  assert.equal(s.toProtocol({ type: 'stream.open', ts: 3200, stream: 'c.1', site: 'lab', url: 'http://127.0.0.1/lab/sse/y', kind: 'sse', payloadBytes: 1 }, 7).stream, '7:c.1');
  assert.deepEqual(s.streamingTabs(), [7]);
});
