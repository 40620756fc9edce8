import test from 'node:test';
import assert from 'node:assert/strict';
import { createSseEventCounter } from '../src/common/sse-count.js';
import { createSseParser } from '../src/common/sse.js';

const indexOfLf = (b, from) => b.indexOf(10, from);
const enc = new TextEncoder();
// LF and CRLF line ends, comments, id/retry-only and event-only blocks, a bare `data` line,
// multi-line data, an empty-data event, a trailing unterminated event
const STREAM =
  ': keep-alive\r\n\r\n' +
  'event: content_block_delta\r\ndata: {"delta":"a"}\r\n\r\n' +
  'data: line1\ndata: line2\n\n' +
  'id: 7\nretry: 100\n\n' +
  'event: ping\n\n' +
  'data\n\n' +
  'datum: no\n\n' +
  'data:\n\n' +
  'data: {"é✓😀":"ü"}\n\n\n\n' +
  'data: [DONE]\n\n' +
  'data: unterminated';
const BYTES = enc.encode(STREAM);

function parsedEvents(text) {
  let n = 0;
  const p = createSseParser(() => n++);
  p.push(text);
  return n;
}

function counted(chunks) {
  const count = createSseEventCounter(indexOfLf);
  return chunks.reduce((sum, c) => sum + count(c), 0);
}

test('sseEventCounter_wholeStream_sameCountAsParser', () => {
  assert.equal(parsedEvents(STREAM), 6);
  assert.equal(counted([BYTES]), 6);
});

test('sseEventCounter_everySplitPoint_sameCount', () => {
  for (let i = 0; i <= BYTES.length; i++) {
    for (let j = i; j <= BYTES.length; j += 7) {
      assert.equal(counted([BYTES.subarray(0, i), BYTES.subarray(i, j), BYTES.subarray(j)]), 6, `split ${i}/${j}`);
    }
  }
});

test('sseEventCounter_byteByByte_sameCount', () => {
  assert.equal(counted(Array.from(BYTES, (b) => Uint8Array.of(b))), 6);
});

test('sseEventCounter_bareCrLineEnds_countsNothing', () => {
  assert.equal(counted([enc.encode('data: a\r\rdata: b\r\r')]), 0);
});
