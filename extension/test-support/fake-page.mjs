// A fake browser page for running the built content/hook.js in a node:vm context. Web platform
// pieces come from Node (EventTarget, CustomEvent, Response, ReadableStream, TextDecoder, URL);
// WebSocket, EventSource, the DOM and MutationObserver are small hand-written fakes whose
// server side the test drives. The JS builtins (Function, Promise, JSON…) are the context's own,
// as in a real page realm.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';

const HOOK_PATH = new URL('../content/hook.js', import.meta.url);
export const HOOK_FILENAME = 'chrome-extension://omagcholnfmppnbeobpckdaifhiiilgi/content/hook.js';

export class FakeMessageEvent extends Event {
  #data;
  constructor(type, init) {
    super(type);
    this.#data = init.data;
  }
  get data() {
    return this.#data;
  }
}

export class FakeCloseEvent extends Event {
  #code;
  #wasClean;
  constructor(type, init) {
    super(type);
    this.#code = init.code;
    this.#wasClean = init.wasClean;
  }
  get code() {
    return this.#code;
  }
  get wasClean() {
    return this.#wasClean;
  }
}

export class FakeWebSocket extends EventTarget {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static instances = [];
  #url;
  constructor(url) {
    super();
    this.#url = String(url);
    this.sent = [];
    this.readyState = 0;
    FakeWebSocket.instances.push(this);
  }
  get url() {
    return this.#url;
  }
  // An event handler IDL attribute (HTML § 8.1.8.1), as far as the hook depends on it: one
  // listener registered on the first non-null value and removed on null, calling whatever value
  // is current; non-objects are stored as null.
  #handler = null;
  #handlerListener = null;
  get onmessage() {
    return this.#handler;
  }
  set onmessage(value) {
    this.#handler = value !== null && (typeof value === 'object' || typeof value === 'function') ? value : null;
    if (this.#handler && !this.#handlerListener) {
      this.#handlerListener = (ev) => (typeof this.#handler === 'function' ? this.#handler.call(this, ev) : undefined);
      this.addEventListener('message', this.#handlerListener);
    } else if (!this.#handler && this.#handlerListener) {
      this.removeEventListener('message', this.#handlerListener);
      this.#handlerListener = null;
    }
  }
  send(data) {
    if (this.readyState !== 1) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
    this.sent.push(data);
  }
  close() {
    this.readyState = 2;
  }
  serverOpen() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  serverMessage(data) {
    this.dispatchEvent(new FakeMessageEvent('message', { data }));
  }
  serverClose(code, wasClean) {
    this.readyState = 3;
    this.dispatchEvent(new FakeCloseEvent('close', { code, wasClean }));
  }
}

export class FakeEventSource extends EventTarget {
  static instances = [];
  #url;
  constructor(url) {
    super();
    this.#url = String(url);
    FakeEventSource.instances.push(this);
  }
  get url() {
    return this.#url;
  }
  close() {}
  serverOpen() {
    this.dispatchEvent(new Event('open'));
  }
  serverMessage(data) {
    this.dispatchEvent(new FakeMessageEvent('message', { data }));
  }
  serverError() {
    this.dispatchEvent(new Event('error'));
  }
}

class FakeNode extends EventTarget {
  constructor(tag, text) {
    super();
    this.tag = tag;
    this.text = text || '';
    this.children = [];
  }
  get textContent() {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  get childElementCount() {
    return this.children.length;
  }
  get tagName() {
    return this.tag.toUpperCase();
  }
}

class FakeDocument extends FakeNode {
  constructor() {
    super('#document');
    this.documentElement = new FakeNode('html');
    this.banners = [];
    this.appRoot = null;
    this.state = 'loading';
  }
  get readyState() {
    return this.state;
  }
  querySelectorAll(selector) {
    if (/data-sd-banner|alert|error/.test(selector)) return this.banners;
    return this.appRoot ? [this.appRoot] : [];
  }
  querySelector() {
    return this.appRoot;
  }
}

class FakeMutationObserver {
  static instances = [];
  constructor(callback) {
    this.callback = callback;
    FakeMutationObserver.instances.push(this);
  }
  observe() {}
}

/**
 * Creates a page at `pageUrl` with the hook installed and a fetch whose responses the test
 * supplies: `respond(url, init) → Response | Promise<Response>`.
 */
export function createFakePage({ pageUrl = 'https://claude.ai/chat/x', respond, timeScale = 1, loaded = true, readyState = 'loading' } = {}) {
  const u = new URL(pageUrl);
  const document = new FakeDocument();
  document.state = readyState;
  const fetchCalls = [];
  const timers = new Set();
  FakeWebSocket.instances = [];
  FakeEventSource.instances = [];
  FakeMutationObserver.instances = [];
  const window = new EventTarget();
  Object.assign(window, {
    document,
    location: { href: pageUrl, hostname: u.hostname, origin: u.origin },
    fetch: async function fetch(input, init) {
      fetchCalls.push({ input, init });
      return respond ? respond(input, init) : new Response('');
    },
    WebSocket: FakeWebSocket,
    EventSource: FakeEventSource,
    EventTarget,
    Event,
    CustomEvent,
    MessageEvent: FakeMessageEvent,
    CloseEvent: FakeCloseEvent,
    URL,
    Request,
    Response,
    Headers,
    ReadableStream,
    ReadableStreamDefaultReader,
    ReadableStreamBYOBReader,
    TransformStream,
    WritableStream,
    TransformStreamDefaultController,
    TextDecoderStream,
    TextDecoder,
    Blob,
    Node: FakeNode,
    Element: FakeNode,
    Document: FakeDocument,
    MutationObserver: FakeMutationObserver,
    performance,
    ...trackedTimers(timers, timeScale),
  });
  window.window = window;
  const context = vm.createContext(window);
  vm.runInContext(readFileSync(HOOK_PATH, 'utf8'), context, { filename: HOOK_FILENAME });
  // A real page's parser finishes right after document_start; `loaded: false` plays a page whose
  // scripts never arrived (DOMContentLoaded never fires).
  if (loaded) queueMicrotask(() => document.dispatchEvent(new Event('DOMContentLoaded')));
  return {
    window,
    document,
    context,
    fetchCalls,
    run: (code) => vm.runInContext(code, context),
    /** Clears every timer the page (and so the hook) still holds. */
    dispose() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
    addBanner(text) {
      document.banners.push(new FakeNode('div', text));
      for (const mo of FakeMutationObserver.instances) mo.callback([]);
    },
    renderApp() {
      document.appRoot = new FakeNode('div');
      document.appRoot.children.push(new FakeNode('p', 'hello'));
    },
  };
}

/** Timer functions that remember their handles so a test can end the page. */
function trackedTimers(timers, scale) {
  return {
    setTimeout: function setTimeout(fn, ms, ...args) {
      const h = globalThis.setTimeout(() => {
        timers.delete(h);
        fn(...args);
      }, (ms || 0) * scale);
      timers.add(h);
      return h;
    },
    clearTimeout: function clearTimeout(h) {
      timers.delete(h);
      globalThis.clearTimeout(h);
    },
    setInterval: function setInterval(fn, ms) {
      const h = globalThis.setInterval(fn, ms);
      timers.add(h);
      return h;
    },
    clearInterval: function clearInterval(h) {
      timers.delete(h);
      globalThis.clearInterval(h);
    },
  };
}

/** A Response whose body the test writes chunk by chunk. */
export function controlledResponse({ status = 200, contentType = 'text/event-stream' } = {}) {
  let controller;
  const body = new ReadableStream({
    start(c) {
      controller = c;
    },
  });
  const response = new Response(body, { status, headers: { 'content-type': contentType } });
  const enc = new TextEncoder();
  return {
    response,
    write: (text) => controller.enqueue(enc.encode(text)),
    writeBytes: (bytes) => controller.enqueue(bytes),
    close: () => controller.close(),
    fail: (err) => controller.error(err),
  };
}

/** Lets timers of 0 ms and pending promise jobs run. */
export async function settle(ms = 5) {
  await sleep(ms);
  await sleep(0);
}
