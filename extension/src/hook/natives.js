// Everything the hook calls on the page's realm, captured once at document_start, before any
// page script can replace it. Later page patches (of fetch, Promise.prototype.then, JSON.parse,
// EventTarget.prototype.dispatchEvent, ...) therefore neither see nor break our calls.

export function captureNatives(g) {
  const R = g.Reflect;
  const desc = g.Object.getOwnPropertyDescriptor;
  const getter = (proto, name) => {
    const d = proto && desc(proto, name);
    return d && d.get;
  };
  const method = (proto, name) => proto && proto[name];
  const Rs = g.ReadableStream && g.ReadableStream.prototype;
  const ReaderProto = g.ReadableStreamDefaultReader && g.ReadableStreamDefaultReader.prototype;
  const perf = g.performance;
  return {
    apply: R.apply,
    construct: R.construct,
    defineProperty: g.Object.defineProperty,
    getOwnPropertyDescriptor: desc,
    Proxy: g.Proxy,
    WeakMap: g.WeakMap,
    weakGet: g.WeakMap.prototype.get,
    weakSet: g.WeakMap.prototype.set,
    Promise: g.Promise,
    then: g.Promise.prototype.then,
    parse: g.JSON.parse,
    stringify: g.JSON.stringify,
    setTimeout: g.setTimeout,
    clearTimeout: g.clearTimeout,
    setInterval: g.setInterval,
    clearInterval: g.clearInterval,
    perfNow: perf && perf.now,
    perf,
    timeOrigin: perf ? perf.timeOrigin : 0,
    addEventListener: g.EventTarget.prototype.addEventListener,
    removeEventListener: g.EventTarget.prototype.removeEventListener,
    dispatchEvent: g.EventTarget.prototype.dispatchEvent,
    CustomEvent: g.CustomEvent,
    eventDetail: getter(g.CustomEvent && g.CustomEvent.prototype, 'detail'),
    eventTarget: getter(g.Event.prototype, 'target'),
    readyState: getter(g.Document && g.Document.prototype, 'readyState'),
    messageData: getter(g.MessageEvent && g.MessageEvent.prototype, 'data'),
    closeCode: getter(g.CloseEvent && g.CloseEvent.prototype, 'code'),
    closeWasClean: getter(g.CloseEvent && g.CloseEvent.prototype, 'wasClean'),
    URL: g.URL,
    urlHref: getter(g.URL && g.URL.prototype, 'href'),
    Request: g.Request,
    requestUrl: getter(g.Request && g.Request.prototype, 'url'),
    Response: g.Response,
    responseStatus: getter(g.Response && g.Response.prototype, 'status'),
    responseHeaders: getter(g.Response && g.Response.prototype, 'headers'),
    responseBody: getter(g.Response && g.Response.prototype, 'body'),
    responseClone: method(g.Response && g.Response.prototype, 'clone'),
    headersGet: method(g.Headers && g.Headers.prototype, 'get'),
    getReader: method(Rs, 'getReader'),
    read: method(ReaderProto, 'read'),
    pipeTo: method(Rs, 'pipeTo'),
    pipeThrough: method(Rs, 'pipeThrough'),
    streamLocked: getter(Rs, 'locked'),
    TransformStream: g.TransformStream,
    tsReadable: getter(g.TransformStream && g.TransformStream.prototype, 'readable'),
    tsWritable: getter(g.TransformStream && g.TransformStream.prototype, 'writable'),
    tsEnqueue: method(g.TransformStreamDefaultController && g.TransformStreamDefaultController.prototype, 'enqueue'),
    responseBodyUsed: getter(g.Response && g.Response.prototype, 'bodyUsed'),
    TextDecoder: g.TextDecoder,
    Uint8Array: g.Uint8Array,
    taIndexOf: g.Uint8Array && g.Object.getPrototypeOf(g.Uint8Array.prototype).indexOf,
    decode: method(g.TextDecoder && g.TextDecoder.prototype, 'decode'),
    ArrayBuffer: g.ArrayBuffer,
    isView: g.ArrayBuffer && g.ArrayBuffer.isView,
    byteLength: getter(g.ArrayBuffer && g.ArrayBuffer.prototype, 'byteLength'),
    Blob: g.Blob,
    blobSize: getter(g.Blob && g.Blob.prototype, 'size'),
    MutationObserver: g.MutationObserver,
    observe: method(g.MutationObserver && g.MutationObserver.prototype, 'observe'),
    querySelectorAll: method(g.Document && g.Document.prototype, 'querySelectorAll'),
    querySelector: method(g.Document && g.Document.prototype, 'querySelector'),
    textContent: getter(g.Node && g.Node.prototype, 'textContent'),
    childCount: getter(g.Element && g.Element.prototype, 'childElementCount'),
    tagName: getter(g.Element && g.Element.prototype, 'tagName'),
    scriptSrc: getter(g.HTMLScriptElement && g.HTMLScriptElement.prototype, 'src'),
    urlHostname: getter(g.URL && g.URL.prototype, 'hostname'),
    Error: g.Error,
  };
}

/** Milliseconds since the epoch on the page's clock (protocol.md `ts`). */
export function nowMs(N) {
  return N.timeOrigin + N.apply(N.perfNow, N.perf, []);
}

/** Calls a captured method or getter safely: undefined instead of throwing. */
export function call(N, fn, self, args) {
  try {
    return fn ? N.apply(fn, self, args || []) : undefined;
  } catch {
    return undefined;
  }
}

/** True when a function's source is the engine's native stub: "function name() { [native code] }". */
export function isNativeFunction(N, toString, fn) {
  if (typeof fn !== 'function') return false;
  try {
    return /^function [A-Za-z]*\(\) \{\s*\[native code\]\s*\}$/.test(N.apply(toString, fn, []));
  } catch {
    return false;
  }
}
