// WebSocket and EventSource observers. The constructors are replaced by Proxies of the originals
// (construct trap), prototype.constructor is pointed at the Proxy with its original attributes,
// so `instanceof`, `ws.constructor === WebSocket`, statics (OPEN, CLOSED…), subclassing and every
// instance property (binaryType, protocol, readyState, onmessage…) are the browser's own.
// We observe each instance through the captured addEventListener, or for frames through the
// page's own onmessage handler while it has one (ws-onmessage.js). We timestamp and count;
// parsing runs later in a task of its own, so no frame reaches the page later.
import { classifySseEvent, classifyWsFrame } from '../common/sse.js';
import { streamAdapter } from '../common/sites.js';
import { utf8Length } from '../common/sha256.js';
import { createFrameSizer } from '../common/frame-size.js';
import { wsOutcome } from '../common/tracker.js';
import { call } from './natives.js';
import { payloadBytes } from './wrap-fetch.js';
import { installOnmessage } from './ws-onmessage.js';

export function wrapConstructor(ctx, name, observe) {
  const { g, N, stealth } = ctx;
  const Original = g[name];
  if (typeof Original !== 'function') return null;
  const wrapper = new N.Proxy(Original, {
    construct(target, args, newTarget) {
      let instance;
      try {
        instance = N.construct(target, args, newTarget === wrapper ? target : newTarget);
      } catch (e) {
        throw stealth.cleanStack(e);
      }
      try {
        observe(instance);
      } catch {
        // observation failed: the page still gets its instance
      }
      return instance;
    },
    apply(target, thisArg, args) {
      try {
        return N.apply(target, thisArg, args); // throws "use the new operator", as the original
      } catch (e) {
        throw stealth.cleanStack(e);
      }
    },
  });
  stealth.mask(wrapper, Original);
  stealth.replace(g, name, wrapper);
  stealth.replace(Original.prototype, 'constructor', wrapper);
  return wrapper;
}

/** Wraps a prototype method: calls the original first (same errors), then `after(self, args)`. */
export function wrapMethod(ctx, proto, name, after) {
  const { N, stealth } = ctx;
  const original = proto && proto[name];
  if (typeof original !== 'function') return;
  const wrapper = new N.Proxy(original, {
    apply(target, thisArg, args) {
      let result;
      try {
        result = N.apply(target, thisArg, args);
      } catch (e) {
        throw stealth.cleanStack(e);
      }
      try {
        after(thisArg, args);
      } catch {
        // ignore
      }
      return result;
    },
  });
  stealth.mask(wrapper, original);
  stealth.replace(proto, name, wrapper);
}

export function wrapWebSocket(ctx) {
  const { g, N } = ctx;
  const sockets = new N.WeakMap(); // socket → {tracker, opened, pageClosed}
  const Original = g.WebSocket;
  if (typeof Original !== 'function') return null;
  const proto = Original.prototype;
  const getUrl = N.getOwnPropertyDescriptor(proto, 'url');
  const urlOf = (ws) => call(N, getUrl && getUrl.get, ws);

  const observe = (ws) => {
    const startedAt = ctx.now();
    const target = ctx.resolve(urlOf(ws));
    if (!target) return;
    // Every socket of a chat page is followed and belongs to the page's site; the site's frame
    // grammar applies to its own stream URLs and the transports it lists (sites.js), other
    // sockets are counted without one (counts, gaps, close codes).
    const site = streamAdapter(ctx.site, target);
    const state = { tracker: ctx.newStream('ws', target.url, startedAt, site), opened: false, pageClosed: false, deferred: 0 };
    N.apply(N.weakSet, sockets, [ws, state]);
    state.later = (fn) => {
      state.deferred++;
      ctx.later(() => {
        state.deferred--;
        fn();
      });
    };
    const openOnce = (bytes) => {
      if (state.opened) return;
      state.opened = true;
      state.tracker.open(bytes);
    };
    // frames a site parses are read whole anyway: their size is exact
    const textSize = site.wsFrame ? utf8Length : createFrameSizer();
    const onFrame = (t, data) => {
      openOnce(null);
      state.tracker.bytes(t, typeof data === 'string' ? textSize(data) : sizeOf(N, data));
      state.tracker.frame(t, classifyWsFrame(site, data));
    };
    const listen = (type, fn) => N.apply(N.addEventListener, ws, [type, fn]);
    // A frame of a site without a frame grammar costs a size and a gap: counted right here.
    // Keeping every frame for a later task cost more renderer CPU than that counting (25 rounds
    // of bench/overhead.sh-style runs: 0.84 → 0.91 of the plain rate; docs/benchmarks.md).
    // Frames that must be parsed (site.wsFrame) still wait for a task of their own, and so does
    // every frame while earlier work of this socket waits there, so events keep their order.
    // Called by our listener, or by the page's onmessage while it has one (ws-onmessage.js).
    // Never both for one frame: a dispatch calls only the listeners registered when it began,
    // minus those removed since (DOM § 2.9 "inner invoke": a clone of the list, removed flag).
    state.onMessage = (ev) => {
      const t = ctx.now();
      const data = N.apply(N.messageData, ev, []);
      if (site.wsFrame || state.deferred > 0) {
        state.later(() => onFrame(t, data));
        return;
      }
      try {
        onFrame(t, data);
      } catch {
        // inside the page's dispatch: nothing of ours may reach its error handlers
      }
    };
    state.listening = true;
    listen('message', state.onMessage);
    state.pageHandler = (counting) => {
      if (counting === !state.listening) return;
      state.listening = !counting;
      N.apply(counting ? N.removeEventListener : N.addEventListener, ws, ['message', state.onMessage]);
    };
    listen('open', () => state.tracker.markConnected());
    listen('close', (ev) => {
      const t = ctx.now();
      const code = N.apply(N.closeCode, ev, []);
      const wasClean = N.apply(N.closeWasClean, ev, []);
      state.later(() => {
        openOnce(null);
        const outcome = wsOutcome(state.tracker, { code, wasClean }, state.pageClosed);
        state.tracker.end(t, { outcome, closeCode: code, wasClean });
      });
    });
  };

  const wrapper = wrapConstructor(ctx, 'WebSocket', observe);
  if (wrapper) installOnmessage(ctx, proto, (ws) => N.apply(N.weakGet, sockets, [ws]));
  // The prompt goes out in a frame after the handshake: stream.open waits for the first send so
  // it can carry payloadBytes (or for the first frame/close when the page never sends).
  wrapMethod(ctx, proto, 'send', (ws, args) => {
    const state = N.apply(N.weakGet, sockets, [ws]);
    if (!state || state.opened) return;
    state.opened = true; // synchronously: a second send before the drain must not open again
    const data = args[0];
    const bytes = typeof data === 'string' ? utf8Length(data) : sizeOf(N, data);
    state.later(() => state.tracker.open(bytes));
  });
  wrapMethod(ctx, proto, 'close', (ws) => {
    const state = N.apply(N.weakGet, sockets, [ws]);
    if (state) state.pageClosed = true;
  });
  return wrapper;
}

function sizeOf(N, data) {
  if (N.ArrayBuffer && data instanceof N.ArrayBuffer) return call(N, N.byteLength, data) ?? 0;
  if (N.Blob && data instanceof N.Blob) return call(N, N.blobSize, data) ?? 0;
  if (N.isView && N.isView(data)) return data.byteLength;
  return 0;
}

export function wrapEventSource(ctx) {
  const { N } = ctx;
  const sources = new N.WeakMap();
  const observe = (es) => {
    const startedAt = ctx.now();
    const proto = ctx.g.EventSource.prototype;
    const getUrl = N.getOwnPropertyDescriptor(proto, 'url');
    const target = ctx.resolve(call(N, getUrl && getUrl.get, es));
    if (!target) return;
    const state = { tracker: null, pageClosed: false, startedAt };
    const begin = (t) => {
      state.tracker = ctx.newStream('eventsource', target.url, t);
      state.tracker.open(payloadBytes(N, null));
    };
    begin(startedAt);
    N.apply(N.weakSet, sources, [es, state]);
    const listen = (type, fn) => N.apply(N.addEventListener, es, [type, fn]);
    listen('open', () => {
      const t = ctx.now();
      ctx.later(() => {
        if (!state.tracker || state.tracker.ended) begin(t);
        state.tracker.firstByte(t, 200);
      });
    });
    listen('message', (ev) => {
      const t = ctx.now();
      const data = N.apply(N.messageData, ev, []);
      ctx.later(() => {
        if (typeof data !== 'string' || !state.tracker) return;
        state.tracker.bytes(t, utf8Length(data));
        state.tracker.frame(t, classifySseEvent(ctx.site, 'message', data));
      });
    });
    // An EventSource "error" means the connection dropped (it reconnects by itself) or failed.
    listen('error', () => {
      const t = ctx.now();
      ctx.later(() => {
        if (state.tracker && !state.tracker.ended) state.tracker.end(t, { outcome: 'error', errorName: 'EventSourceError' });
      });
    });
  };
  const wrapper = wrapConstructor(ctx, 'EventSource', observe);
  if (wrapper) {
    wrapMethod(ctx, ctx.g.EventSource.prototype, 'close', (es) => {
      const state = N.apply(N.weakGet, sources, [es]);
      if (!state || !state.tracker) return;
      const t = ctx.now();
      ctx.later(() => state.tracker.end(t, { outcome: state.tracker.cleanOutcome() === 'complete' ? 'complete' : 'aborted' }));
    });
  }
  return wrapper;
}
