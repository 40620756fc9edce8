// Every way a page can consume a hooked fetch body is observed through the page's own reads
// (src/hook/wrap-streams.js): same bytes for the page, same stream.* accounting as a parse of
// every event. Runs the BUILT content/hook.js in a vm page realm with the real bridge.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createFakePage, controlledResponse, settle } from '../test-support/fake-page.mjs';
import { attachBridge } from '../test-support/fake-bridge.mjs';

const pages = [];
test.afterEach(() => {
  while (pages.length) pages.pop().dispose();
});

// 30 chunks of 5 events (more chunks than the hook keeps for the tail), then the terminal marker
const EVENT = 'data: {"delta":"' + 'x'.repeat(60) + '"}\n\n';
const CHUNKS = Array.from({ length: 30 }, () => EVENT.repeat(5));
const BODY = CHUNKS.join('') + 'data: [DONE]\n\n';
const EVENTS = 30 * 5 + 1;

function setup(response) {
  const page = createFakePage({ pageUrl: 'https://chatgpt.com/c/1', respond: () => response });
  pages.push(page);
  const br = attachBridge(page);
  return { page, br };
}

/** Starts a chat fetch, runs `consume` (page code, gets `res`, returns a promise) while the server writes. */
async function stream(consume, { chunks = [...CHUNKS, 'data: [DONE]\n\n'], end = 'close', bytes = false } = {}) {
  const sse = bytes ? byteResponse() : controlledResponse();
  const { page, br } = setup(sse.response);
  await settle();
  page.window.__res = await page.run(`fetch('/backend-api/conversation', {method:'POST'})`);
  const consumed = page.run(`(async (res) => { ${consume} })(__res)`);
  try {
    for (const c of chunks) {
      sse.write(c);
      await settle(0);
    }
    if (end === 'close') sse.close();
    else if (end) sse.fail(end);
  } catch {
    // the page cancelled the body: the server's writes fail
  }
  const out = await consumed.catch((e) => ({ error: e }));
  await settle(20);
  return { out, br, page, sse };
}

const READ_ALL = `const r = res.body.getReader(); const d = new TextDecoder(); let s = '';
  for (;;) { const { value, done } = await r.read(); if (done) return s; s += d.decode(value, { stream: true }); }`;

function assertComplete(br, frames = EVENTS, bytes = Buffer.byteLength(BODY)) {
  const [end] = br.ofType('stream.end');
  assert.ok(end, 'stream.end posted');
  assert.deepEqual([end.outcome, end.frames, end.bytes, end.terminalSeen], ['complete', frames, bytes, true]);
  assert.equal(br.ofType('stream.first_token').length, 1);
  return end;
}

test('bodies_readerLoop_everyEventCountedTerminalFromTail', async () => {
  const { out, br } = await stream(READ_ALL);
  assert.equal(out, BODY);
  assertComplete(br);
});

test('bodies_readPromise_isTheOriginal', async () => {
  const { out } = await stream(`const r = res.body.getReader(); const p = r.read();
    const plain = new ReadableStream().getReader().read(); // an unobserved reader's promise
    const same = Object.getPrototypeOf(p) === Object.getPrototypeOf(plain) && p.constructor === plain.constructor; await p; r.cancel(); return same;`);
  assert.equal(out, true);
});

test('bodies_pipeThroughTextDecoderStream_observedAndTextIdentical', async () => {
  const { out, br } = await stream(`const r = res.body.pipeThrough(new TextDecoderStream()).getReader(); let s = '';
    for (;;) { const { value, done } = await r.read(); if (done) return s; s += value; }`);
  assert.equal(out, BODY);
  assertComplete(br);
});

test('bodies_pipeTo_observedAndPromiseResolves', async () => {
  const { out, br } = await stream(`let n = 0; await res.body.pipeTo(new WritableStream({ write(c) { n += c.byteLength; } })); return n;`);
  assert.equal(out, Buffer.byteLength(BODY));
  assertComplete(br);
});

test('bodies_pipeThroughBadArgument_sameErrorAndStreamUntouched', async () => {
  const { out, br } = await stream(`let e1; try { res.body.pipeThrough({}); } catch (e) { e1 = e.constructor.name; }
    const locked = res.body.locked; const text = await new Response(res.body).text(); return [e1, locked, text.length];`);
  assert.deepEqual([...out], ['TypeError', false, BODY.length]);
  assert.equal(br.ofType('stream.end').length, 1);
});

// Node's stream async iterators carry own next/return (WebIDL puts them on a shared prototype,
// as Chromium does): this realm cannot show the iterator path; the browser fidelity test does.
const ownNext = Object.hasOwn(new ReadableStream().values(), 'next');
const iterSkip = ownNext ? "node's async iterators have own next(): covered in real Chromium" : false;

test('bodies_forAwait_observed', { skip: iterSkip }, async () => {
  const { out, br } = await stream(`let n = 0; for await (const c of res.body) n += c.byteLength; return n;`);
  assert.equal(out, Buffer.byteLength(BODY));
  assertComplete(br);
});

test('bodies_forAwaitBreak_abortedLikeCancel', { skip: iterSkip }, async () => {
  const { br } = await stream(`for await (const c of res.body) break; return 1;`);
  const [end] = br.ofType('stream.end');
  assert.equal(end.outcome, 'aborted');
});

test('bodies_teeBothBranchesRead_bytesCountedOnce', async () => {
  const { out, br } = await stream(`const [a, b] = res.body.tee(); const all = async (s) => { const r = s.getReader(); let n = 0; for (;;) { const { value, done } = await r.read(); if (done) return n; n += value.byteLength; } };
    return Promise.all([all(a), all(b)]);`);
  assert.deepEqual([...out], [Buffer.byteLength(BODY), Buffer.byteLength(BODY)]);
  assertComplete(br);
});

test('bodies_byobReader_observed', async () => {
  const { out, br } = await stream(`const r = res.body.getReader({ mode: 'byob' }); let n = 0; let buf = new ArrayBuffer(4096);
    for (;;) { const { value, done } = await r.read(new Uint8Array(buf)); if (done) return n; n += value.byteLength; buf = value.buffer; }`, { bytes: true });
  assert.equal(out, Buffer.byteLength(BODY));
  assertComplete(br);
});

test('bodies_text_fallbackCopyObserved', async () => {
  const { out, br } = await stream(`return res.text();`);
  assert.equal(out, BODY);
  assertComplete(br);
});

test('bodies_cloneThenReaderOnOriginal_observed', async () => {
  const { out, br } = await stream(`const c = res.clone(); const t = await res.text(); await c.body.cancel(); return t;`);
  assert.equal(out, BODY);
  assertComplete(br);
});

test('bodies_readerCancelMidStream_aborted', async () => {
  const { br } = await stream(`const r = res.body.getReader(); await r.read(); await r.read(); await r.cancel(); return 1;`);
  const [end] = br.ofType('stream.end');
  assert.equal(end.outcome, 'aborted');
  assert.equal(end.terminalSeen, false);
});

test('bodies_errorObjectThenBreak_errorTypeFromTailAndOutcomeError', async () => {
  const chunks = [...CHUNKS, 'data: {"error":{"type":"server_overloaded"}}\n\n'];
  const { out, br } = await stream(READ_ALL, { chunks, end: new TypeError('network error') });
  assert.equal(out.error?.name, 'TypeError');
  assert.deepEqual(br.ofType('stream.error').map((e) => e.errorType), ['server_overloaded']);
  const [end] = br.ofType('stream.end');
  assert.deepEqual([end.outcome, end.errorName, end.frames, end.terminalSeen], ['error', 'TypeError', EVENTS, false]);
});

test('bodies_cleanEndWithoutMarker_truncated', async () => {
  const { br } = await stream(READ_ALL, { chunks: CHUNKS });
  const [end] = br.ofType('stream.end');
  assert.deepEqual([end.outcome, end.frames, end.terminalSeen], ['truncated', EVENTS - 1, false]);
});

test('bodies_pageOwnStream_untouched', async () => {
  const { page, br } = setup(new Response(''));
  await settle();
  const out = await page.run(`(async () => { const s = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
    const r = s.getReader(); const got = []; for (;;) { const { value, done } = await r.read(); if (done) return got; got.push(value); } })()`);
  assert.deepEqual([...out], ['a', 'b']);
  assert.equal(br.ofType('stream.open').length, 0);
});

/** Like controlledResponse, but the body is a byte stream (BYOB readers work on it). */
function byteResponse() {
  let controller;
  const body = new ReadableStream({ type: 'bytes', start: (c) => (controller = c) });
  const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  const enc = new TextEncoder();
  return { response, write: (t) => controller.enqueue(enc.encode(t)), close: () => {
    controller.close();
    controller.byobRequest?.respond(0); // a pending BYOB read ends only when answered
  }, fail: (e) => controller.error(e) };
}

test('bodies_largeChunks_framesEstimatedTerminalFromTail', async () => {
  // 20 chunks of 100 events (8 KB each, over the hook's scan limit): counted from the mean event size
  const big = Array.from({ length: 20 }, () => EVENT.repeat(100));
  const { br } = await stream(READ_ALL, { chunks: [EVENT, ...big, EVENT.repeat(3) + 'data: [DONE]\n\n'] });
  const [end] = br.ofType('stream.end');
  assert.equal(end.outcome, 'complete');
  assert.equal(end.terminalSeen, true);
  assert.ok(Math.abs(end.frames - 2005) <= 20, `frames ${end.frames} ≈ 2005 (estimated: within 1 %)`);
});

test('bodies_pipeThroughThenPageCancels_aborted', async () => {
  const { br } = await stream(`const r = res.body.pipeThrough(new TextDecoderStream()).getReader(); await r.read(); await r.cancel('stop'); return 1;`);
  const [end] = br.ofType('stream.end');
  assert.equal(end.outcome, 'aborted');
});

test('bodies_pipeThroughBodyBreaks_error', async () => {
  const { out, br } = await stream(`const r = res.body.pipeThrough(new TextDecoderStream()).getReader(); for (;;) { const { done } = await r.read(); if (done) return 1; }`,
    { chunks: CHUNKS.slice(0, 3), end: new TypeError('network error') });
  assert.equal(out.error?.name, 'TypeError');
  const [end] = br.ofType('stream.end');
  assert.deepEqual([end.outcome, end.errorName], ['error', 'TypeError']);
});
