// The native port to the host: connect on start, reconnect with exponential backoff, resend the
// outbox after every (re)connect, drop events only on `ack`, match request replies by `id`.
// States shown to the user: connecting, connected, missing (host not installed), forbidden
// (installed but this extension id is not allowed), disconnected (it crashed or exited).

export const HOST_NAME = 'io.streamdoctor.host';
export const PROTOCOL_VERSION = 1;
export const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000, 30000, 60000];
export const REQUEST_TIMEOUT_MS = 30000;

/** Maps the browser's disconnect message onto a state the popup can explain. */
export function stateForDisconnect(message) {
  const m = String(message || '');
  if (/not found|no such native application|manifest/i.test(m)) return 'missing';
  if (/forbidden|not allowed|access/i.test(m)) return 'forbidden';
  return 'disconnected';
}

/**
 * deps: {connectNative(name) → port, lastError() → string|null, outbox, now(), timers,
 *        onMessage(msg), onState(state, detail), hello: {extensionVersion, browser}}
 */
export function createNativeLink(deps) {
  const { outbox, timers } = deps;
  let port = null;
  let state = 'connecting';
  let detail = null;
  let attempt = 0;
  let retryHandle = null;
  let requestSeq = 0;
  let hostInfo = null;
  const waiting = new Map(); // id → {resolve, reject, timer}

  const setState = (next, why) => {
    state = next;
    detail = why || null;
    deps.onState(state, detail);
  };

  const post = (msg) => {
    if (!port) return false;
    try {
      port.postMessage(msg);
      return true;
    } catch {
      return false;
    }
  };

  function connect() {
    retryHandle = null;
    setState('connecting');
    let p;
    try {
      p = deps.connectNative(HOST_NAME);
    } catch (e) {
      return onDisconnect(null, e && e.message);
    }
    port = p;
    p.onMessage.addListener(onMessage);
    p.onDisconnect.addListener(() => onDisconnect(p, deps.lastError(p)));
    post({ v: PROTOCOL_VERSION, type: 'client.hello', id: nextId(), ...deps.hello });
    for (const e of outbox.unacked()) post(e);
  }

  function onDisconnect(p, message) {
    if (p && p !== port) return;
    port = null;
    hostInfo = null;
    for (const [id, w] of waiting) {
      timers.clearTimeout(w.timer);
      w.reject(new Error('host_disconnected'));
      waiting.delete(id);
    }
    setState(stateForDisconnect(message), message || null);
    const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
    attempt++;
    retryHandle = timers.setTimeout(connect, delay);
  }

  function onMessage(msg) {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'hello') {
      attempt = 0;
      hostInfo = { host: msg.host, protocol: msg.protocol, capabilities: msg.capabilities };
      setState('connected');
      return;
    }
    if (msg.type === 'ack') {
      outbox.ack(Number(msg.upTo));
      return;
    }
    if (msg.id != null && waiting.has(msg.id)) {
      const w = waiting.get(msg.id);
      waiting.delete(msg.id);
      timers.clearTimeout(w.timer);
      if (msg.type === 'error') w.reject(Object.assign(new Error(msg.name || 'host_error'), { code: msg.code, reply: msg }));
      else w.resolve(msg);
      if (msg.type !== 'diagnosis') return;
    }
    deps.onMessage(msg);
  }

  function nextId() {
    return 'r' + ++requestSeq;
  }

  return {
    start: connect,
    /** Queues an event (gets a seq) and sends it now when connected. */
    send(event) {
      const withSeq = outbox.push({ v: PROTOCOL_VERSION, ...event });
      if (withSeq && port) post(withSeq);
      return withSeq;
    },
    /** Sends a request and resolves with the reply (rejects on error reply, timeout, no host). */
    request(type, fields = {}) {
      if (!port) return Promise.reject(new Error('host_' + state));
      const id = nextId();
      return new Promise((resolve, reject) => {
        const timer = timers.setTimeout(() => {
          waiting.delete(id);
          reject(new Error('host_timeout'));
        }, REQUEST_TIMEOUT_MS);
        waiting.set(id, { resolve, reject, timer });
        if (!post({ v: PROTOCOL_VERSION, type, id, ...fields })) {
          timers.clearTimeout(timer);
          waiting.delete(id);
          reject(new Error('host_send_failed'));
        }
      });
    },
    /** Skips the backoff wait (e.g. the user pressed "Check now"). */
    retryNow() {
      if (port || retryHandle === null) return;
      timers.clearTimeout(retryHandle);
      connect();
    },
    get state() {
      return state;
    },
    get detail() {
      return detail;
    },
    get hostInfo() {
      return hostInfo;
    },
  };
}
