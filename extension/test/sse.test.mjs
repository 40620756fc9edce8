import test from 'node:test';
import assert from 'node:assert/strict';
import { createSseParser, createLineParser, classifySseEvent, classifyWsFrame } from '../src/common/sse.js';
import { siteById, GENERIC } from '../src/common/sites.js';

const STREAM =
  '\ufeff: keep-alive\r\n\r\n' +
  'event: content_block_delta\r\ndata: {"delta":"a"}\r\n\r\n' +
  'data: line1\ndata: line2\n\n' +
  'data: {"type":"error","error":{"type":"overloaded_error"}}\r\r' +
  'id: 7\nretry: 100\n\n' + // no data: not dispatched
  'data\n\n' + // field without colon: empty data, dispatched
  'event: message_stop\ndata: {}\n\n' +
  'data: [DONE]\n\n' +
  'data: unterminated';

function parseAll(chunks) {
  const events = [];
  const p = createSseParser((type, data) => events.push([type, data]));
  for (const c of chunks) p.push(c);
  p.end();
  return events;
}

test('sseParser_wholeStream_dispatchesSpecEvents', () => {
  assert.deepEqual(parseAll([STREAM]), [
    ['content_block_delta', '{"delta":"a"}'],
    ['message', 'line1\nline2'],
    ['message', '{"type":"error","error":{"type":"overloaded_error"}}'],
    ['message', ''],
    ['message_stop', '{}'],
    ['message', '[DONE]'],
  ]);
});

test('sseParser_everySplitPoint_sameEvents', () => {
  const whole = parseAll([STREAM]);
  for (let i = 0; i <= STREAM.length; i++) {
    for (let j = i; j <= STREAM.length; j += 7) {
      assert.deepEqual(parseAll([STREAM.slice(0, i), STREAM.slice(i, j), STREAM.slice(j)]), whole, `split ${i}/${j}`);
    }
  }
});

test('sseParser_oneCharChunks_sameEvents', () => {
  assert.deepEqual(parseAll([...STREAM]), parseAll([STREAM]));
});

test('lineParser_splitRecords_countsNonEmptyLines', () => {
  const recs = [];
  const p = createLineParser((r) => recs.push(r));
  for (const c of ['[1', ',2]\n\n[3]\n', '[4', ']']) p.push(c);
  p.end();
  assert.deepEqual(recs, ['[1,2]', '[3]', '[4]']);
});

test('classifySseEvent_chatgptDoneAndClaudeStop_terminal', () => {
  assert.equal(classifySseEvent(siteById('chatgpt'), 'message', '[DONE]').terminal, true);
  assert.equal(classifySseEvent(siteById('claude'), 'message_stop', '{"type":"message_stop"}').terminal, true);
  assert.equal(classifySseEvent(siteById('claude'), 'message', '[DONE]').terminal, false);
});

test('classifySseEvent_inStreamErrorObject_shortCode', () => {
  const c = classifySseEvent(siteById('claude'), 'error', '{"type":"error","error":{"type":"overloaded_error","message":"x"}}');
  assert.deepEqual(c, { token: false, terminal: false, errorType: 'overloaded_error' });
  assert.equal(classifySseEvent(siteById('claude'), 'error', 'not json').errorType, 'server_error');
});

test('classifySseEvent_tokenMentioningError_stillToken', () => {
  const c = classifySseEvent(GENERIC, 'message', '{"delta":"an error message in prose"}');
  assert.deepEqual(c, { token: true, terminal: false, errorType: null });
});

test('classifyWsFrame_labFrames_classified', () => {
  const lab = siteById('lab');
  assert.equal(classifyWsFrame(lab, '{"event":"appendText","text":"hi"}').token, true);
  assert.equal(classifyWsFrame(lab, '{"event":"done"}').terminal, true);
  assert.equal(classifyWsFrame(lab, '{"event":"error"}').errorType, 'server_error');
  assert.deepEqual(classifyWsFrame(lab, 'not json'), { token: false, terminal: false, errorType: null });
  assert.deepEqual(classifyWsFrame(GENERIC, '{"event":"done"}'), { token: false, terminal: false, errorType: null });
});
