import test from 'node:test';
import assert from 'node:assert/strict';
import { createSseParser, classifySseEvent } from '../src/common/sse.js';
import { createSseByteParser, LONG_VALUE, SHORT_VALUE } from '../src/common/sse-bytes.js';
import { siteById } from '../src/common/sites.js';

const LONG = 'x'.repeat(SHORT_VALUE + 10);
const STREAM =
  '\ufeff: keep-alive\r\n\r\n' +
  'event: content_block_delta\r\ndata: {"delta":"a"}\r\n\r\n' +
  'data: line1\ndata: line2\n\n' +
  'data: {"type":"error","error":{"type":"overloaded_error"}}\r\r' +
  'id: 7\nretry: 100\n\n' +
  'data\n\n' +
  `data: {"token":"${LONG}"}\n\n` +
  `data: ${LONG}\ndata: short\n\n` +
  'data: {"é✓😀":"ünïcödé"}\n\n' +
  'event: message_stop\ndata: {}\n\n' +
  'data: [DONE]\n\n' +
  'data: unterminated';
const BYTES = new TextEncoder().encode(STREAM);
const decoder = new TextDecoder();
const decode = (b, s, e) => decoder.decode(b.subarray(s, e));

function textEvents() {
  const out = [];
  const p = createSseParser((t, d) => out.push([t, d]));
  p.push(STREAM);
  p.end();
  return out;
}

function byteEvents(chunks) {
  const out = [];
  const p = createSseByteParser((t, d) => out.push([t, d]), decode);
  for (const c of chunks) p.push(c);
  p.end();
  return out;
}

test('sseByteParser_wholeStream_sameEventsAsTextParserWithLongValuesDropped', () => {
  const expected = textEvents().map(([t, d]) => [t, d.length > SHORT_VALUE && d.indexOf('error') < 0 ? LONG_VALUE : d]);
  assert.deepEqual(byteEvents([BYTES]), expected);
});

test('sseByteParser_everySplitPoint_sameEvents', () => {
  const whole = byteEvents([BYTES]);
  for (let i = 0; i <= BYTES.length; i++) {
    for (let j = i; j <= BYTES.length; j += 11) {
      assert.deepEqual(byteEvents([BYTES.subarray(0, i), BYTES.subarray(i, j), BYTES.subarray(j)]), whole, `split ${i}/${j}`);
    }
  }
});

test('sseByteParser_classification_sameAsTextParser', () => {
  const site = siteById('chatgpt');
  const cls = (events) => events.map(([t, d]) => classifySseEvent(site, t, d));
  assert.deepEqual(cls(byteEvents([BYTES])), cls(textEvents()));
});

test('sseByteParser_longTokenValues_neverKept', () => {
  const kept = [];
  const p = createSseByteParser((t, d) => kept.push(d), decode);
  p.push(new TextEncoder().encode(`data: CANARY-7f3a9 ${LONG}\n\n`));
  assert.deepEqual(kept, [LONG_VALUE]);
});
