// Runs the BUILT content/hook.js in a vm page realm with the real bridge attached.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createFakePage, controlledResponse, settle, HOOK_FILENAME } from '../test-support/fake-page.mjs';
import { attachBridge } from '../test-support/fake-bridge.mjs';

const CANARY = 'CANARY-7f3a9';

const pages = [];
test.afterEach(() => {
  while (pages.length) pages.pop().dispose();
});

const streamEvents = (br) => br.events().map((e) => e.type).filter((t) => t.startsWith('stream.'));

function setup(pageUrl, respond, settings, timeScale = 1) {
  const page = createFakePage({ pageUrl, respond, timeScale });
  pages.push(page);
  const br = attachBridge(page, { settings });
  const raw = [];
  page.document.addEventListener(br.bridge.name, (ev) => raw.push(ev.detail));
  return { page, br, raw };
}

test('hook_canaryThroughEveryPath_neverPostedOut', async () => {
  const sse = controlledResponse();
  const generic = controlledResponse({ contentType: 'application/x-ndjson' });
  const failing = controlledResponse();
  const responses = [sse, generic, failing];
  const { page, br, raw } = setup(`http://127.0.0.1:8080/?q=${CANARY}`, () => responses.shift().response);
  await settle();
  // fetch request body + query, SSE answer, in-stream error text, ndjson stream, failing body
  const p1 = page.run(`fetch('/lab/sse/${CANARY}?prompt=${CANARY}', {method:'POST', body: JSON.stringify({prompt: '${CANARY}'})})`);
  const p2 = page.run(`fetch('/other/${CANARY}', {method:'POST', body: '${CANARY}'})`);
  const p3 = page.run(`fetch('/lab/claude/x', {method:'POST', body: '${CANARY}'})`);
  const [r1, r2, r3] = await Promise.all([p1, p2, p3]);
  sse.write(`data: {"delta":"${CANARY}"}\n\ndata: {"error":{"type":"${CANARY}","message":"${CANARY}"}}\n\ndata: [DONE]\n\n`);
  sse.close();
  generic.write(`{"t":"${CANARY}"}\n`);
  generic.close();
  failing.write(`event: error\ndata: ${CANARY}\n\n`);
  failing.fail(new TypeError(CANARY));
  await Promise.all([r1.text(), r2.text(), r3.text().catch(() => null)]);
  // WebSocket: URL, sent prompt frame, answer frames, error frame
  page.run(`globalThis.ws = new WebSocket('ws://127.0.0.1:8080/lab/ws/${CANARY}?t=${CANARY}')`);
  const ws = page.window.WebSocket.instances?.[0] ?? (await import('../test-support/fake-page.mjs')).FakeWebSocket.instances[0];
  ws.serverOpen();
  page.run(`ws.send(JSON.stringify({prompt: '${CANARY}'}))`);
  ws.serverMessage(JSON.stringify({ event: 'appendText', text: CANARY }));
  ws.serverMessage(JSON.stringify({ event: 'error', errorCode: CANARY }));
  ws.serverMessage(CANARY);
  ws.serverClose(1006, false);
  // EventSource
  page.run(`globalThis.es = new EventSource('/lab/sse/es?x=${CANARY}')`);
  const { FakeEventSource } = await import('../test-support/fake-page.mjs');
  FakeEventSource.instances[0].serverOpen();
  FakeEventSource.instances[0].serverMessage(CANARY);
  FakeEventSource.instances[0].serverError();
  // banner text
  page.addBanner(`Error in message stream ${CANARY}`);
  await settle(400);

  const posted = raw.join('\n') + JSON.stringify(br.sent);
  assert.ok(raw.length > 15, `expected many hook messages, got ${raw.length}`);
  assert.ok(!posted.includes(CANARY), 'canary leaked: ' + posted.slice(posted.indexOf(CANARY) - 200, posted.indexOf(CANARY) + 50));
  assert.ok(!posted.includes('7f3a9'));
  // and the paths really were observed
  const types = br.events().map((e) => e.type);
  for (const t of ['stream.open', 'stream.first_byte', 'stream.first_token', 'stream.error', 'stream.end', 'page.banner']) assert.ok(types.includes(t), t);
  assert.equal(br.ofType('stream.open').length, 5);
});

test('hook_sseCompleteStream_reportsCountsAndTerminal', async () => {
  const sse = controlledResponse();
  const { page, br } = setup('https://chatgpt.com/c/1', () => sse.response);
  await settle();
  const resp = await page.run(`fetch('https://chatgpt.com/backend-api/conversation', {method:'POST', body:'{"a":"ü"}'})`);
  const body = 'data: {"m":1}\n\ndata: {"m":2}\n\ndata: [DONE]\n\n';
  for (const piece of [body.slice(0, 5), body.slice(5, 21), body.slice(21)]) sse.write(piece);
  sse.close();
  assert.equal(await resp.text(), body, 'page reads the full original body');
  await settle(20);
  const [open] = br.ofType('stream.open');
  assert.equal(open.url, 'https://chatgpt.com/backend-api/conversation');
  assert.equal(open.payloadBytes, 10);
  assert.equal(open.kind, 'sse');
  const [end] = br.ofType('stream.end');
  assert.equal(end.outcome, 'complete');
  assert.equal(end.frames, 3);
  assert.equal(end.bytes, Buffer.byteLength(body));
  assert.equal(end.terminalSeen, true);
  assert.equal(end.httpStatus, 200);
});

test('hook_bodyFailsMidStream_outcomeErrorWithName', async () => {
  const sse = controlledResponse();
  const { page, br } = setup('https://claude.ai/new', () => sse.response);
  await settle();
  const resp = await page.run(`fetch('/api/organizations/o1/chat_conversations/c1/completion', {method:'POST'})`);
  sse.write('event: content_block_delta\ndata: {}\n\n');
  await settle();
  sse.fail(new TypeError('network error'));
  await assert.rejects(resp.text(), TypeError);
  await settle(20);
  const [end] = br.ofType('stream.end');
  assert.equal(end.outcome, 'error');
  assert.equal(end.errorName, 'TypeError');
  assert.equal(end.terminalSeen, false);
});

test('hook_http429_httpErrorWithoutReadingBody', async () => {
  const sse = controlledResponse({ status: 429, contentType: 'application/json' });
  const { page, br } = setup('https://chatgpt.com/', () => sse.response);
  await settle();
  const resp = await page.run(`fetch('/backend-api/conversation', {method:'POST'})`);
  await settle(20);
  assert.equal(resp.bodyUsed, false);
  const [end] = br.ofType('stream.end');
  assert.equal(end.outcome, 'http_error');
  assert.equal(end.httpStatus, 429);
  assert.deepEqual(br.ofType('stream.error').map((e) => e.errorType), ['http_status']);
});

test('hook_fetchRejects_samePromiseKindAndReason', async () => {
  const reason = new TypeError('Failed to fetch');
  const { page, br } = setup('https://chatgpt.com/', () => Promise.reject(reason));
  await settle();
  const p = page.run(`fetch('/backend-api/conversation', {method:'POST'})`);
  assert.equal(page.run('Promise') === p.constructor, true, 'a page-realm native Promise');
  await assert.rejects(p, (e) => e === reason);
  await settle(20);
  assert.equal(br.ofType('stream.end')[0].outcome, 'error');
});

test('hook_nonStreamFetch_notTrackedAndResponseIdentical', async () => {
  const original = new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
  const { page, br } = setup('https://chatgpt.com/', () => original);
  await settle();
  const got = await page.run(`fetch('/backend-api/models')`);
  assert.equal(got, original);
  await settle(20);
  assert.equal(br.ofType('stream.open').length, 0);
});

test('hook_wrappers_lookNative', async () => {
  const { page } = setup('https://chatgpt.com/', () => new Response(''));
  assert.equal(page.run('fetch.name'), 'fetch');
  assert.equal(page.run('fetch.length'), 2);
  assert.equal(page.run('Function.prototype.toString.call(fetch)').includes('fetchCalls'), true, 'toString answers for the original');
  assert.equal(page.run('Function.prototype.toString.call(Function.prototype.toString)'), 'function toString() { [native code] }');
  assert.equal(page.run('new WebSocket("wss://chatgpt.com/x") instanceof WebSocket'), true);
  assert.equal(page.run('new WebSocket("wss://chatgpt.com/x").constructor === WebSocket'), true);
  assert.equal(page.run('WebSocket.OPEN'), 1);
  assert.equal(page.run('class A extends WebSocket {}; new A("wss://chatgpt.com/y") instanceof A'), true);
  assert.equal(page.run('Object.getOwnPropertyDescriptor(window, "fetch").enumerable'), true);
  assert.throws(() => page.run('WebSocket("wss://x")'), TypeError);
});

test('hook_syncErrorFromOriginal_stackHasNoHookFrames', async () => {
  const { page } = setup('https://chatgpt.com/', () => new Response(''));
  page.run('globalThis.s = new WebSocket("wss://chatgpt.com/x")');
  let err = null;
  try {
    page.run('s.send("x")'); // InvalidStateError from the original, through our send wrapper
  } catch (e) {
    err = e;
  }
  assert.equal(err?.name, 'InvalidStateError');
  // (node:vm prepends the throwing source line to uncaught errors; only the frames count)
  const frames = String(err.stack).split('\n').filter((l) => /^\s+at /.test(l));
  assert.ok(frames.length > 0);
  assert.ok(!frames.some((l) => l.includes(HOOK_FILENAME)), err.stack);
});

/** A page on localhost:9000 with one open WebSocket `w` to `path`; returns {page, br, ws}. */
async function openSocket(path) {
  const { page, br } = setup('http://localhost:9000/', () => new Response(''));
  const { FakeWebSocket } = await import('../test-support/fake-page.mjs');
  await settle();
  page.run(`globalThis.w = new WebSocket("ws://localhost:9000${path}")`);
  const ws = FakeWebSocket.instances.at(-1);
  ws.serverOpen();
  return { page, br, ws };
}

test('hook_wsStream_accountingAndCloseCode', async () => {
  const { page, br, ws } = await openSocket('/lab/ws/run');
  page.run('w.send("{\\"prompt\\":\\"abc\\"}")');
  page.run('w.send("second frame")');
  for (let i = 0; i < 3; i++) ws.serverMessage('{"event":"appendText","text":"x"}');
  ws.serverClose(1006, false);
  await settle(20);
  const opens = br.ofType('stream.open');
  assert.equal(opens.length, 1, 'one stream.open per socket, however many sends');
  const [open] = opens;
  assert.equal(open.kind, 'ws');
  assert.equal(open.payloadBytes, 16);
  const [end] = br.ofType('stream.end');
  assert.deepEqual([end.outcome, end.frames, end.closeCode, end.wasClean, end.terminalSeen], ['error', 3, 1006, false, false]);
  // the lab's frames are parsed (site.wsFrame) in a task of their own, after the send's open
  assert.deepEqual(streamEvents(br), ['stream.open', 'stream.first_byte', 'stream.first_token', 'stream.progress', 'stream.end']);
});

test('hook_wsFramesWithoutGrammar_countedAsTheyArriveInOrder', async () => {
  const { br, ws } = await openSocket('/socket'); // no stream rule: the generic adapter
  ws.serverMessage('first'); // no send: this frame opens the stream
  for (const data of ['ab', 'é€', '😀']) ws.serverMessage(data); // counted inline, no task between
  ws.serverClose(1000, true);
  await settle(20);
  assert.deepEqual(streamEvents(br), ['stream.open', 'stream.first_byte', 'stream.progress', 'stream.end']);
  const [end] = br.ofType('stream.end');
  assert.deepEqual([end.outcome, end.frames, end.bytes], ['complete', 4, 5 + 2 + 5 + 4]);
});

test('hook_wsPageOnmessage_framesCountedOnceHandlerSeesItsOwnValues', async () => {
  const { page, br, ws } = await openSocket('/socket');
  page.run('globalThis.got = []; globalThis.f = function (e) { got.push([e.data, this === w, arguments.length]); return 7; }; w.onmessage = f;');
  assert.equal(page.run('w.onmessage === f'), true, 'the getter returns the page\'s function');
  for (const data of ['a', 'b', 'c']) ws.serverMessage(data);
  assert.equal(page.run('JSON.stringify(got)'), '[["a",true,1],["b",true,1],["c",true,1]]');
  page.run('w.onmessage = null');
  ws.serverMessage('d'); // our own listener is back
  page.run('w.onmessage = {}');
  ws.serverMessage('e'); // a non-callable handler: still ours
  page.run('w.onmessage = f');
  ws.serverMessage('f');
  ws.serverClose(1000, true);
  await settle(20);
  const [end] = br.ofType('stream.end');
  assert.deepEqual([end.frames, end.bytes], [6, 6]);
  assert.equal(page.run('got.map((g) => g[0]).join()'), 'a,b,c,f');
});

test('hook_wsPageOnmessage_ownListenerRemovedWhileHandlerSet', async () => {
  const { page, br, ws } = await openSocket('/socket');
  // a page listener before the handler that stops one frame: the handler, where we count, never
  // sees it (the documented miss); our own listener, registered before the page's, would have
  page.run('w.addEventListener("message", (e) => { if (e.data === "stop") e.stopImmediatePropagation(); }); w.onmessage = () => {};');
  for (const data of ['a', 'stop']) ws.serverMessage(data);
  page.run('w.onmessage = null'); // ours is back, after the page's listener
  ws.serverMessage('b');
  ws.serverClose(1000, true);
  await settle(20);
  assert.equal(br.ofType('stream.end')[0].frames, 2);
});

test('hook_wsOnmessageSetter_errorsAndForeignThisAsTheOriginal', async () => {
  const { page } = await openSocket('/socket');
  const d = 'Object.getOwnPropertyDescriptor(WebSocket.prototype, "onmessage")';
  assert.equal(page.run(`${d}.get.name + "/" + ${d}.set.name`), 'get onmessage/set onmessage');
  // a plain object has no private #handler: the original throws, and so must we, without our lines
  const [isTypeError, stack] = page.run(`(() => { try { ${d}.set.call({}, () => {}); } catch (e) { return [e.name === "TypeError", e.stack]; } })()`);
  assert.equal(isTypeError, true, stack);
  assert.ok(!String(stack).includes(HOOK_FILENAME), stack);
});

test('hook_pageBrokeCharCodeAt_wsFramesStillDeliveredNoErrorFromUs', async () => {
  const { page, br, ws } = await openSocket('/socket');
  page.run('globalThis.got = []; w.addEventListener("message", (e) => got.push(e.data));');
  page.run('String.prototype.charCodeAt = function () { throw new Error("page polyfill bug"); }');
  const errors = [];
  const onError = (e) => errors.push(e);
  process.on('uncaughtException', onError);
  try {
    for (const data of ['a', 'b']) ws.serverMessage(data); // our size count throws on each
    await settle(20);
  } finally {
    process.off('uncaughtException', onError);
  }
  assert.equal(page.run('got.join()'), 'a,b');
  assert.deepEqual(errors, []);
  assert.ok(br.events().every((e) => e.type !== 'stream.end'));
});

test('hook_wsFrameWhileSendOpenWaits_openStillFirst', async () => {
  const { page, br, ws } = await openSocket('/socket');
  page.run('w.send("prompt")'); // its stream.open waits for a task of its own
  ws.serverMessage('answer'); // arrives before that task: must not overtake it
  await settle(20);
  ws.serverMessage('more'); // nothing waits any more: counted inline
  ws.serverClose(1000, true);
  await settle(20);
  assert.deepEqual(streamEvents(br), ['stream.open', 'stream.first_byte', 'stream.progress', 'stream.end']);
  assert.equal(br.ofType('stream.open')[0].payloadBytes, 6);
  assert.deepEqual([br.ofType('stream.end')[0].frames, br.ofType('stream.end')[0].bytes], [2, 10]);
});

test('hook_siteDisabledInSettings_postsNothing', async () => {
  const sse = controlledResponse();
  const { page, br } = setup('https://chatgpt.com/', () => sse.response, { sites: { chatgpt: false } });
  await settle(20);
  await page.run(`fetch('/backend-api/conversation', {method:'POST'})`);
  sse.close();
  await settle(20);
  assert.equal(br.ofType('stream.open').length, 0);
});

test('hook_bannerShownTwice_reportedOncePerElement', async () => {
  const { page, br } = setup('http://127.0.0.1:1/', () => new Response(''));
  page.addBanner('Network error');
  page.addBanner('Something went wrong');
  await settle(400);
  page.addBanner('unrelated');
  await settle(400);
  assert.deepEqual(br.ofType('page.banner').map((e) => e.pattern), ['network_error', 'something_went_wrong']);
});

test('hook_pageReplacesFetchAfterUs_reportedOnceAsAfter', async () => {
  const { page, br } = setup('https://chatgpt.com/', () => new Response(''));
  await settle();
  page.run('window.fetch = function fetch() { return Promise.resolve(new Response("")); }');
  page.run('new WebSocket("wss://chatgpt.com/x")'); // a new stream triggers the check
  page.run('new WebSocket("wss://chatgpt.com/y")');
  await settle(20);
  const after = br.ofType('page.hook_replaced').filter((e) => e.when === 'after');
  assert.deepEqual(after.map((e) => e.api), ['fetch']);
});

// (the failed-script count needs real DOM event propagation: covered by reading, not here)
test('hook_appRootNeverRendered_initFailedNoAppRoot', async () => {
  const { br } = setup('https://claude.ai/new', () => new Response(''), undefined, 0.01);
  await settle(300); // the 15 s init timeout at 1/100 speed
  assert.deepEqual(br.ofType('page.init_failed').map((e) => [e.site, e.reason, e.failedScripts]), [['claude', 'no_app_root', 0]]);
});

test('hook_appRendered_noInitFailure', async () => {
  const { page, br } = setup('https://claude.ai/new', () => new Response(''), undefined, 0.01);
  page.renderApp();
  await settle(300);
  assert.equal(br.ofType('page.init_failed').length, 0);
});

test('hook_nonNativeOriginals_reportedAsBefore', async () => {
  // the fake page's fetch/WebSocket/EventSource are plain JS: exactly what another extension's
  // earlier wrapper looks like
  const { br } = setup('https://chatgpt.com/', () => new Response(''));
  await settle(20);
  const before = br.ofType('page.hook_replaced').filter((e) => e.when === 'before').map((e) => e.api);
  assert.deepEqual(before.sort(), ['EventSource', 'WebSocket', 'fetch']);
});

test('hook_chatgptWebPubSubSocket_filedUnderChatgpt_doneThenDropIsComplete', async () => {
  const { page, br } = setup('https://chatgpt.com/c/x', () => new Response(''));
  const { FakeWebSocket } = await import('../test-support/fake-page.mjs');
  await settle();
  page.run('globalThis.w = new WebSocket("wss://chatgpt-eus.webpubsub.azure.com/client/hubs/conversations?access_token=t")');
  const ws = FakeWebSocket.instances.at(-1);
  ws.serverOpen();
  page.run('w.send(JSON.stringify({type: "joinGroup", group: "g", ackId: 1}))');
  const b64 = (s) => Buffer.from(s).toString('base64');
  const msg = (sse) => JSON.stringify({ type: 'message', from: 'group', group: 'g', dataType: 'json', data: { type: 'http.response.body', body: b64(sse) } });
  ws.serverMessage(JSON.stringify({ type: 'ack', ackId: 1, success: true }));
  for (let i = 0; i < 3; i++) ws.serverMessage(msg(`data: {"v":"t${i}"}\n\n`));
  ws.serverMessage(msg('data: [DONE]\n\n'));
  ws.serverClose(1006, false); // the idle socket dropped after the answer
  await settle(30);
  const [open] = br.ofType('stream.open');
  assert.deepEqual([open.site, open.kind, open.url], ['chatgpt', 'ws', 'wss://chatgpt-eus.webpubsub.azure.com/client/hubs/conversations']);
  assert.equal(br.ofType('stream.first_token').length, 1);
  const [end] = br.ofType('stream.end');
  assert.deepEqual([end.outcome, end.terminalSeen, end.closeCode], ['complete', true, 1006]);
});

test('hook_chatgptWebPubSubSocket_dropMidAnswer_errorUnderChatgpt', async () => {
  const { page, br } = setup('https://chatgpt.com/', () => new Response(''));
  const { FakeWebSocket } = await import('../test-support/fake-page.mjs');
  await settle();
  page.run('globalThis.w = new WebSocket("wss://x.webpubsub.azure.com/client/hubs/conversations")');
  const ws = FakeWebSocket.instances.at(-1);
  ws.serverOpen();
  const body = Buffer.from('data: {"v":"a"}\n\n').toString('base64');
  ws.serverMessage(JSON.stringify({ type: 'message', dataType: 'binary', data: body }));
  ws.serverClose(1006, false);
  await settle(30);
  const [end] = br.ofType('stream.end');
  assert.deepEqual([br.ofType('stream.open')[0].site, end.outcome], ['chatgpt', 'error']);
});

test('hook_scriptsNeverArrived_initFailedNotLoaded', async () => {
  const page = createFakePage({ pageUrl: 'https://chatgpt.com/', respond: () => new Response(''), timeScale: 0.01, loaded: false });
  pages.push(page);
  const br = attachBridge(page);
  page.renderApp(); // a server-rendered shell is there, but the app's code never ran
  await settle(300);
  assert.deepEqual(br.ofType('page.init_failed').map((e) => [e.site, e.reason]), [['chatgpt', 'not_loaded']]);
});

test('hook_injectedAfterTheParserFinished_noFalseNotLoaded', async () => {
  const page = createFakePage({ pageUrl: 'https://chatgpt.com/', respond: () => new Response(''), timeScale: 0.01, loaded: false, readyState: 'complete' });
  pages.push(page);
  const br = attachBridge(page);
  page.renderApp();
  await settle(300);
  assert.equal(br.ofType('page.init_failed').length, 0);
});
