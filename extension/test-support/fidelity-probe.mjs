// Runs INSIDE the test page (page.evaluate serializes it): exercises fetch, WebSocket and
// EventSource the way a page could to detect a wrapper, and returns everything it observed as
// plain data. The test compares the result with and without the extension: any difference is a
// defect. Timing-dependent values (dates, durations) are left out on purpose.
export async function fidelityProbe({ origin, wsOrigin }) {
  const out = {};
  const desc = (o, k) => {
    const d = Object.getOwnPropertyDescriptor(o, k);
    return d ? { writable: d.writable, enumerable: d.enumerable, configurable: d.configurable, kind: 'value' in d ? typeof d.value : 'accessor' } : null;
  };
  const src = (f) => Function.prototype.toString.call(f);
  const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
  const headers = (h) => [...h].filter(([k]) => !['date', 'keep-alive'].includes(k));
  const timeout = (ms) => new Promise((_, rej) => setTimeout(() => rej(new Error('probe timeout')), ms));

  // --- identity of the globals ---
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) {
    const f = window[name];
    out[name] = { desc: desc(window, name), src: src(f), toString: f.toString(), name: f.name, length: f.length, keys: Object.getOwnPropertyNames(f).sort(), proto: typeof f.prototype };
  }
  out.toStringSrc = src(Function.prototype.toString);
  out.toStringDesc = desc(Function.prototype, 'toString');
  out.wsProto = Object.getOwnPropertyNames(WebSocket.prototype).sort().map((k) => [k, desc(WebSocket.prototype, k)]);
  out.wsSendSrc = src(WebSocket.prototype.send);
  out.wsCloseSrc = src(WebSocket.prototype.close);
  out.esCloseSrc = src(EventSource.prototype.close);
  out.ctorIdentity = [WebSocket.prototype.constructor === WebSocket, EventSource.prototype.constructor === EventSource, WebSocket.OPEN, WebSocket.CLOSED, EventSource.CLOSED];
  try {
    WebSocket('x');
  } catch (e) {
    out.callWithoutNew = [e.name, e.message, e.stack.split('\n').length];
  }
  try {
    new WebSocket('not a url');
  } catch (e) {
    out.badUrl = [e.name, e.message, String(e.stack)];
  }
  try {
    Function.prototype.toString.call({});
  } catch (e) {
    out.toStringOnObject = [e.name, e.message, String(e.stack)];
  }

  // --- fetch: the Response object itself ---
  const r1 = await fetch(origin + '/redirect?x=1', { headers: { 'x-probe': '1' } });
  out.redirect = { isResponse: r1 instanceof Response, proto: Object.getPrototypeOf(r1) === Response.prototype, url: r1.url, redirected: r1.redirected, status: r1.status, statusText: r1.statusText, type: r1.type, ok: r1.ok, headers: headers(r1.headers), bodyUsedBefore: r1.bodyUsed, bodyIsStream: r1.body instanceof ReadableStream, ownKeys: Reflect.ownKeys(r1).length, ownBodyKeys: Reflect.ownKeys(r1.body).length };
  out.redirect.bytes = hex(await r1.arrayBuffer());
  out.redirect.bodyUsedAfter = r1.bodyUsed;

  const r2 = await fetch(origin + '/lab/sse/run?x=1', { method: 'POST', body: JSON.stringify({ prompt: 'probe' }) });
  const reader = r2.body.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(...value);
  }
  out.sse = { url: r2.url, status: r2.status, headers: headers(r2.headers), text: new TextDecoder().decode(new Uint8Array(chunks)), bodyUsed: r2.bodyUsed, cloneAfterRead: (() => { try { r2.clone(); return 'ok'; } catch (e) { return e.name; } })() };

  const r3 = await fetch(origin + '/lab/sse/clone');
  const c3 = r3.clone();
  out.clone = [await r3.text(), await c3.text(), r3.bodyUsed, c3.bodyUsed];

  const r4 = await fetch(new Request(origin + '/bytes', { method: 'GET' }));
  out.requestInput = [r4.url, r4.redirected, hex(await r4.arrayBuffer()).length];
  const pending = fetch(origin + '/bytes');
  out.promise = [pending instanceof Promise, Object.getPrototypeOf(pending) === Promise.prototype, typeof pending.then];
  await pending.then((r) => r.arrayBuffer());
  try {
    await fetch('http://127.0.0.1:1/nothing');
  } catch (e) {
    out.fetchReject = [e.name, e.message, e instanceof TypeError];
  }
  const aborter = new AbortController();
  const aborted = fetch(origin + '/lab/sse/abort', { signal: aborter.signal });
  aborter.abort();
  try {
    await aborted;
  } catch (e) {
    out.abort = [e.name, e instanceof DOMException];
  }
  // an unhandled rejection must still reach the page
  let unhandled = 0;
  window.addEventListener('unhandledrejection', (ev) => {
    unhandled++;
    ev.preventDefault();
  });
  fetch('http://127.0.0.1:1/unhandled');
  await new Promise((r) => setTimeout(r, 300));
  out.unhandled = unhandled;

  // --- body streams: the wrapped stream/reader/Response methods and every way to consume ---
  const fn = (f) => (typeof f === 'function' ? [f.name, f.length, src(f), Object.getOwnPropertyNames(f).sort().join(), typeof f.prototype] : String(f));
  const RSP = ReadableStream.prototype;
  const iterProto = Object.getPrototypeOf(new ReadableStream().values());
  out.streamFns = {
    rs: ['getReader', 'tee', 'pipeTo', 'pipeThrough', 'values', 'cancel'].map((k) => [k, desc(RSP, k), fn(RSP[k])]),
    asyncIterator: [RSP[Symbol.asyncIterator] === RSP.values, desc(RSP, Symbol.asyncIterator)],
    reader: ['read', 'cancel', 'releaseLock'].map((k) => [k, desc(ReadableStreamDefaultReader.prototype, k), fn(ReadableStreamDefaultReader.prototype[k])]),
    byob: ['read', 'cancel'].map((k) => [k, desc(ReadableStreamBYOBReader.prototype, k), fn(ReadableStreamBYOBReader.prototype[k])]),
    iter: ['next', 'return'].map((k) => [k, desc(iterProto, k), fn(iterProto[k])]),
    response: ['clone', 'text', 'json', 'arrayBuffer', 'blob', 'formData', 'bytes'].map((k) => [k, desc(Response.prototype, k), fn(Response.prototype[k])]),
  };
  const sse = () => fetch(origin + '/lab/sse/probe-' + Math.random().toString(36).slice(2), { method: 'POST' });
  const ways = {};
  const err = (e) => [e.name, e.message, String(e.stack).split('\n').length];
  {
    const r = await sse();
    const rd = r.body.pipeThrough(new TextDecoderStream()).getReader();
    let t = '';
    for (;;) { const { value, done } = await rd.read(); if (done) break; t += value; }
    // (not r.body.locked: through the hook's pass-through stage the source's pipe finishes a few
    // microtasks before the page reads `done`, so the lock is already released; README)
    ways.pipeThrough = [t, r.bodyUsed];
  }
  {
    const r = await sse();
    const got = [];
    await r.body.pipeTo(new WritableStream({ write(c) { got.push(c.constructor.name, c.byteLength > 0); } }));
    ways.pipeTo = [got.length > 0, r.body.locked];
  }
  {
    const r = await sse();
    let t = '';
    const d = new TextDecoder();
    for await (const c of r.body) t += d.decode(c, { stream: true });
    ways.forAwait = [t, r.body.locked];
  }
  {
    const r = await sse();
    for await (const c of r.body) if (c) break;
    ways.forAwaitBreak = [r.body.locked];
  }
  {
    const r = await sse();
    const [a, b] = r.body.tee();
    ways.tee = await Promise.all([new Response(a).text(), new Response(b).text()]);
  }
  {
    const r = await sse();
    const rd = r.body.getReader({ mode: 'byob' });
    let n = 0;
    let buf = new ArrayBuffer(8);
    for (;;) { const { value, done } = await rd.read(new Uint8Array(buf)); if (done) break; n += value.byteLength; buf = value.buffer; }
    ways.byob = [n, rd.constructor.name];
  }
  {
    const r = await sse();
    ways.text = [await r.text(), r.bodyUsed];
  }
  {
    const r = await sse();
    const rd = r.body.getReader();
    const first = await rd.read();
    const p = rd.read();
    await rd.cancel('stop');
    const after = await p;
    ways.cancel = [first.done, after.done, after.value === undefined, r.body.locked];
    try { r.body.getReader(); } catch (e) { ways.lockedGetReader = err(e); }
    rd.releaseLock();
    ways.readAfterRelease = await rd.read().then(() => 'resolved', (e) => [e.name, e.message]);
  }
  {
    const r = await sse();
    try { r.body.pipeThrough({}); } catch (e) { ways.badPipeThrough = err(e); }
    ways.badPipeTo = await r.body.pipeTo({}).then(() => 'resolved', (e) => [e.name, e.message]);
    ways.afterBad = [r.body.locked, (await r.text()).length > 0];
  }
  out.bodyWays = ways;

  // --- WebSocket: instance properties and the event sequence ---
  const ws = new WebSocket(wsOrigin + '/lab/ws/probe?x=1', []);
  out.wsInstance = { isWs: ws instanceof WebSocket, ctor: ws.constructor === WebSocket, proto: Object.getPrototypeOf(ws) === WebSocket.prototype, url: ws.url, readyState: ws.readyState, binaryType: ws.binaryType, protocol: ws.protocol, extensions: ws.extensions, bufferedAmount: ws.bufferedAmount, ownKeys: Reflect.ownKeys(ws), onmessage: ws.onmessage };
  try {
    ws.send('too early');
  } catch (e) {
    out.wsEarlySend = [e.name, e.message];
  }
  const events = [];
  ws.binaryType = 'arraybuffer';
  ws.onmessage = (ev) => events.push(['onmessage', typeof ev.data === 'string' ? ev.data : 'bin:' + hex(ev.data), ev instanceof MessageEvent, ev.origin]);
  ws.addEventListener('message', (ev) => events.push(['listener', ev.isTrusted, ev.eventPhase]));
  await Promise.race([new Promise((r) => ws.addEventListener('open', r, { once: true })), timeout(5000)]);
  events.push(['open', ws.readyState, ws.protocol, ws.extensions]);
  ws.send('hello');
  ws.send(new Uint8Array([1, 2, 3]).buffer);
  await new Promise((r) => setTimeout(r, 300));
  ws.send('close-normal');
  const close = await Promise.race([new Promise((r) => ws.addEventListener('close', r, { once: true })), timeout(5000)]);
  events.push(['close', close.code, close.reason, close.wasClean, close instanceof CloseEvent, ws.readyState]);
  out.wsEvents = events;
  class Sub extends WebSocket {}
  const sub = new Sub(wsOrigin + '/lab/ws/sub');
  out.subclass = [sub instanceof Sub, sub instanceof WebSocket, sub.constructor === Sub];
  sub.close();
  const dropper = new WebSocket(wsOrigin + '/lab/ws/drop');
  await Promise.race([new Promise((r) => dropper.addEventListener('open', r, { once: true })), timeout(5000)]);
  dropper.send('drop');
  const dropped = await Promise.race([new Promise((r) => dropper.addEventListener('close', r, { once: true })), timeout(5000)]);
  out.wsDrop = [dropped.code, dropped.wasClean];

  // --- EventSource ---
  const es = new EventSource(origin + '/lab/es?x=1');
  out.es = { isEs: es instanceof EventSource, ctor: es.constructor === EventSource, url: es.url, withCredentials: es.withCredentials, readyState: es.readyState };
  out.esMessages = await Promise.race([
    new Promise((resolve) => {
      const got = [];
      es.onmessage = (ev) => {
        got.push(ev.data);
        if (got.length === 2) {
          es.close();
          resolve(got.concat(es.readyState));
        }
      };
    }),
    timeout(5000),
  ]);
  return out;
}
