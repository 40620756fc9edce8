// Frames counted inside the page's own `onmessage` handler instead of a listener of ours.
// A second "message" listener costs the browser more than everything our listener does: Blink
// enters JavaScript once more per frame (bench/overhead.sh, same run: CPU per 1,000 frames 34.0
// plain, 37.7 with an empty listener, 38.3 with the hook's full listener). When the page sets
// `ws.onmessage = f`, the browser gets a function of ours that counts the frame and calls f;
// our own listener is removed while it is there and comes back when the page clears the
// handler. `engine.io`, SignalR, Phoenix and ActionCable all receive through `onmessage`.
// What the page can see stays the browser's own:
//  - the getter returns the page's f (not ours); the setter and getter are Proxies of the
//    originals (name, length, toString, errors with our stack lines removed);
//  - the handler keeps its place among the listeners: the original setter stores ours where
//    the page's would be (HTML "event handler" processing: one listener, registered on first set);
//  - f runs with the same `this`, event and return value; what f throws leaves from f's own
//    frame, so the page's `error` event has the page's file, line and column. The one visible
//    difference: an Error thrown there has our handler's line at the bottom of its `stack`.
// Only functions are wrapped: a non-callable object, null or an unobserved socket pass through.
// Frames we miss: one the page stops with stopImmediatePropagation() in a listener that runs
// before its handler, and one during whose dispatch a listener sets a handler again after the
// page had cleared it (ours, re-added at the end, is removed before its turn; the new handler
// only runs from the next frame on).

export function installOnmessage(ctx, proto, stateOf) {
  const { N, stealth } = ctx;
  const d = N.getOwnPropertyDescriptor(proto, 'onmessage');
  if (!d || typeof d.get !== 'function' || typeof d.set !== 'function') return false;
  const pageFn = new N.WeakMap(); // our handler → the page's function

  const wrap = (state, f) => {
    const handler = function (ev) {
      try {
        state.onMessage(ev);
      } catch {
        // counting never reaches the page
      }
      // No try/catch: what f throws must leave from f's own frame. A rethrow from here makes
      // Chromium report our file and line in the page's `error` event (fidelity test).
      return N.apply(f, this, [ev]);
    };
    N.apply(N.weakSet, pageFn, [handler, f]);
    return handler;
  };

  const get = new N.Proxy(d.get, {
    apply(target, self, args) {
      let value;
      try {
        value = N.apply(target, self, args);
      } catch (e) {
        throw stealth.cleanStack(e);
      }
      if (typeof value !== 'function') return value;
      const f = N.apply(N.weakGet, pageFn, [value]);
      return f === undefined ? value : f;
    },
  });
  const set = new N.Proxy(d.set, {
    apply(target, self, args) {
      const state = stateOf(self);
      const ours = state && args.length > 0 && typeof args[0] === 'function' ? wrap(state, args[0]) : null;
      try {
        N.apply(target, self, ours ? [ours] : args);
      } catch (e) {
        throw stealth.cleanStack(e);
      }
      if (state) {
        try {
          state.pageHandler(ours !== null);
        } catch {
          // the page's assignment already happened
        }
      }
    },
  });
  stealth.mask(get, d.get);
  stealth.mask(set, d.set);
  return stealth.replaceAccessor(proto, 'onmessage', get, set);
}
