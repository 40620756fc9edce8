// Runs INSIDE the test page, like fidelity-probe.mjs: the WebSocket `onmessage` handler, which
// the hook replaces by a function of its own while the page has one (src/hook/ws-onmessage.js).
// Everything a page can see of that handler, as plain data; the test compares it with and
// without the extension. The socket gets 3 frames per text it sends (lab-server.mjs).
export async function wsHandlerProbe({ wsOrigin }) {
  const out = {};
  const src = (f) => Function.prototype.toString.call(f);
  const timeout = (ms) => new Promise((_, rej) => setTimeout(() => rej(new Error('probe timeout')), ms));
  const ws = new WebSocket(wsOrigin + '/lab/ws/handlers');
  const log = [];
  let frames = 0;
  let waiting = null;
  const framesReach = (n) => Promise.race([new Promise((r) => { waiting = [n, r]; }), timeout(5000)]);
  // counts every frame, whatever the page's handlers do; registered first, so it sees all
  ws.addEventListener('message', () => {
    frames++;
    log.push(['frame', frames]);
    if (waiting && frames >= waiting[0]) setTimeout(waiting[1], 0);
  });

  const d = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  out.descriptor = [d.get.name, d.get.length, d.set.name, d.set.length, src(d.get), src(d.set), d.enumerable, d.configurable, Object.getPrototypeOf(d.get) === Function.prototype];
  const f = function (ev) {
    log.push(['f', this === ws, arguments.length, ev instanceof MessageEvent, typeof ev.data]);
  };
  const g = function () {
    log.push(['g', this === ws]);
    return false;
  };
  const obj = { handleEvent() { log.push(['obj']); } };
  const values = [];
  ws.onmessage = f;
  values.push(ws.onmessage === f);
  ws.onmessage = obj;
  values.push(ws.onmessage === obj);
  ws.onmessage = 'a string';
  values.push(ws.onmessage);
  ws.onmessage = f;
  ws.onmessage = undefined;
  values.push(ws.onmessage);
  out.values = values;
  const errors = {};
  const attempt = (name, fn) => {
    try {
      errors[name] = ['returned', fn()];
    } catch (e) {
      errors[name] = [e.name, e.message, e.stack];
    }
  };
  attempt('setOnPlainObject', () => d.set.call({}, f));
  attempt('getOnPlainObject', () => d.get.call({}));
  attempt('setWithoutValue', () => d.set.call(ws));
  attempt('setOnPrototype', () => { WebSocket.prototype.onmessage = f; });
  out.errors = errors;

  ws.addEventListener('message', (ev) => log.push(['A', ev.defaultPrevented]));
  ws.onmessage = f; // after A
  ws.addEventListener('message', (ev) => log.push(['B', ev.defaultPrevented]));
  await Promise.race([new Promise((r) => ws.addEventListener('open', r, { once: true })), timeout(5000)]);
  ws.send('one');
  await framesReach(3);
  ws.onmessage = g; // same place as f
  ws.send('two');
  await framesReach(6);
  ws.onmessage = null;
  ws.send('three');
  await framesReach(9);
  ws.onmessage = obj; // not callable: WebIDL calls nothing ([LegacyTreatNonObjectAsNull])
  ws.onmessage = f; // re-registered, now after B
  ws.send('four');
  await framesReach(12);

  // errors thrown by the page's handler, as the page's error handlers see them
  const reported = [];
  const onError = (ev) => {
    reported.push([ev.message, ev.filename, ev.lineno, ev.colno, ev.error instanceof Error ? [ev.error.message, ev.error.stack] : ev.error]);
    ev.preventDefault();
  };
  window.addEventListener('error', onError);
  let throws = 0;
  ws.onmessage = function () {
    throws++;
    if (throws === 1) throw new Error('thrown by the page');
    if (throws === 2) throw 'a thrown string';
    if (throws === 3) null.property;
  };
  ws.send('five');
  await framesReach(15);
  // a handler that replaces itself while running, and one set from inside another listener
  ws.onmessage = function () {
    log.push(['self-replacing']);
    ws.onmessage = f;
  };
  ws.send('six');
  await framesReach(18);
  window.removeEventListener('error', onError);
  out.reported = reported;
  out.handlerAtEnd = ws.onmessage === f;
  ws.send('close-normal');
  const close = await Promise.race([new Promise((r) => ws.addEventListener('close', r, { once: true })), timeout(5000)]);
  out.close = [close.code, close.wasClean, frames];
  out.log = log;
  return out;
}
