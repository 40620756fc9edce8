// Observing a fetch body through the page's OWN reads, instead of reading a second copy.
//
// The hooked Response's `body` stream is registered (WeakMap stream → tap). Wrapped prototype
// methods notice when the page consumes a registered stream and hand every chunk the page gets
// to the body observer:
//  - getReader() (default and BYOB) registers the reader; its read() returns the ORIGINAL promise
//    (same identity and timing) after attaching our reaction to it;
//  - values() / [Symbol.asyncIterator]() register the iterator; next() as read();
//  - pipeTo()/pipeThrough() insert a pass-through TransformStream that sees each chunk object
//    (not a copy) and return what the original returns;
//  - tee() and Response.prototype.clone() hand the body over to the new branches;
//  - cancel() (stream, reader, iterator return()) ends the stream as aborted;
//  - Response.prototype.text/json/arrayBuffer/blob/formData/bytes consume the body inside the
//    browser where no wrapper can see the chunks: there (and only there) we fall back to the old
//    way, reading a Response.clone() taken just before the page's call.
// Unregistered streams, readers and iterators (everything that is not a hooked fetch body) go
// straight to the original with one WeakMap lookup. Wrappers are Proxies of the originals (name,
// length, toString as the browser's; stealth.js).
import { createBodyObserver } from './body-observer.js';
import { wrapResponses } from './wrap-responses.js';

export function wrapStreams(ctx) {
  const { g, N, stealth } = ctx;
  const RS = g.ReadableStream;
  if (typeof RS !== 'function' || !N.getReader || !N.read) return null;
  const streams = new N.WeakMap(); // registered body stream → tap
  const readers = new N.WeakMap(); // reader or async iterator → tap
  const responses = new N.WeakMap(); // hooked Response → observer
  const get = (map, key) => N.apply(N.weakGet, map, [key]);
  const set = (map, key, value) => N.apply(N.weakSet, map, [key, value]);
  const locked = (stream) => N.apply(N.streamLocked, stream, []);
  const bodyOf = (response) => N.apply(N.responseBody, response, []);

  function register(stream, tap) {
    if (stream && typeof stream === 'object') set(streams, stream, tap);
  }
  function streamTap(self) {
    return self !== null && typeof self === 'object' ? get(streams, self) : undefined;
  }
  function observeResult(tap) {
    return [
      (result) => {
        try {
          if (result.done) tap.obs.done(tap);
          else tap.obs.chunk(tap, result.value);
        } catch {
          // never disturb the page's read
        }
      },
      (error) => {
        try {
          tap.obs.fail(tap, error);
        } catch {
          // ignore
        }
      },
    ];
  }
  const newTap = (obs, pos) => obs.tap(pos);

  // A proxy whose apply trap is `body(target, self, args)`; synchronous errors of the original
  // lose our stack frames.
  function wrap(proto, name, body, key) {
    const k = key === undefined ? name : key;
    const original = proto && proto[k];
    if (typeof original !== 'function') return null;
    const proxy = new N.Proxy(original, {
      apply(target, self, args) {
        return body(target, self, args);
      },
    });
    stealth.mask(proxy, original);
    stealth.replace(proto, k, proxy);
    return proxy;
  }
  function callOriginal(target, self, args) {
    try {
      return N.apply(target, self, args);
    } catch (e) {
      throw stealth.cleanStack(e);
    }
  }
  const quietly = (fn) => {
    try {
      fn();
    } catch {
      // observation failed: the page is unaffected
    }
  };

  // --- readers ---
  const RSP = RS.prototype;
  const BYOB = g.ReadableStreamBYOBReader;
  wrap(RSP, 'getReader', (target, self, args) => {
    const reader = callOriginal(target, self, args);
    const tap = streamTap(self);
    if (tap) quietly(() => {
      tap.obs.activate(tap);
      // a BYOB reader's views point into memory the page reuses: such chunks are parsed at once
      if (BYOB && reader instanceof BYOB) tap.volatile = true;
      set(readers, reader, tap);
    });
    return reader;
  });
  const readWrapper = (target, self, args) => {
    const p = callOriginal(target, self, args);
    const tap = self !== null && typeof self === 'object' ? get(readers, self) : undefined;
    if (tap) quietly(() => N.apply(N.then, p, observeResult(tap)));
    return p;
  };
  const cancelWrapper = (target, self, args) => {
    const tap = self !== null && typeof self === 'object' ? get(readers, self) : undefined;
    const p = callOriginal(target, self, args);
    if (tap) quietly(() => tap.obs.cancel(tap));
    return p;
  };
  for (const R of [g.ReadableStreamDefaultReader, g.ReadableStreamBYOBReader]) {
    if (typeof R !== 'function') continue;
    wrap(R.prototype, 'read', readWrapper);
    wrap(R.prototype, 'cancel', cancelWrapper);
  }
  wrap(RSP, 'cancel', (target, self, args) => {
    const tap = streamTap(self);
    const wasLocked = tap ? locked(self) : true;
    const p = callOriginal(target, self, args);
    if (tap && !wasLocked) quietly(() => tap.obs.cancel(tap));
    return p;
  });

  // --- async iteration: values() and [Symbol.asyncIterator] are the same function in Chromium ---
  const iterProto = asyncIteratorProto(RS);
  if (iterProto) {
    const valuesWrapper = (target, self, args) => {
      const it = callOriginal(target, self, args);
      const tap = streamTap(self);
      if (tap) quietly(() => {
        tap.obs.activate(tap);
        const opts = args[0];
        tap.keepOnReturn = !!(opts && typeof opts === 'object' && opts.preventCancel);
        set(readers, it, tap);
      });
      return it;
    };
    const values = RSP.values;
    const valuesProxy = wrap(RSP, 'values', valuesWrapper);
    if (valuesProxy && RSP[Symbol.asyncIterator] === values) stealth.replace(RSP, Symbol.asyncIterator, valuesProxy);
    else wrap(RSP, null, valuesWrapper, Symbol.asyncIterator);
    wrap(iterProto, 'next', readWrapper);
    wrap(iterProto, 'return', (target, self, args) => {
      const tap = self !== null && typeof self === 'object' ? get(readers, self) : undefined;
      const p = callOriginal(target, self, args);
      if (tap && !tap.keepOnReturn) quietly(() => tap.obs.cancel(tap));
      return p;
    });
  }

  // --- pipes: a pass-through TransformStream sees each chunk on its way ---
  function counter(tap) {
    return new N.TransformStream({
      transform(chunk, controller) {
        quietly(() => tap.obs.chunk(tap, chunk));
        N.apply(N.tsEnqueue, controller, [chunk]);
      },
      flush() {
        quietly(() => tap.obs.done(tap));
      },
      // (readable side: room for a few chunks, so our stage does not make the two pipes run in
      // lockstep; the body stream upstream buffers as much anyway)
    }, undefined, { highWaterMark: 4 });
  }
  // Pipes `self` into a fresh counter; the page's own pipe then runs from the counter's readable.
  // Only for a registered, unlocked stream whose pipe may cancel it (preventCancel would leave
  // `self` locked to our pipe after the page's pipe stopped): everything else goes straight.
  function viaCounter(target, self, args, run) {
    const tap = streamTap(self);
    const opts = args[1];
    if (!tap || !N.TransformStream || locked(self) || (opts && typeof opts === 'object' && opts.preventCancel)) {
      return callOriginal(target, self, args);
    }
    const mid = counter(tap);
    const readable = N.apply(N.tsReadable, mid, []);
    const out = run(readable); // the page's pipe, from our counter: its errors are the page's
    if (!locked(readable)) return out; // the original refused the arguments: nothing started
    tap.obs.activate(tap);
    const p = N.apply(N.pipeTo, self, [N.apply(N.tsWritable, mid, [])]);
    // our pipe fails when the body breaks (the browser's TypeError "network error", AbortError)
    // or when the page's side cancelled (any reason the page chose): the latter is the page
    // stopping, as reader.cancel() is
    const broke = (e) => !!e && typeof e === 'object' && (e.name === 'TypeError' || e.name === 'AbortError' || e.name === 'NetworkError');
    N.apply(N.then, p, [undefined, (error) => quietly(() => (broke(error) ? tap.obs.fail(tap, error) : tap.obs.cancel(tap)))]);
    return out;
  }
  if (N.pipeTo) {
    wrap(RSP, 'pipeTo', (target, self, args) => viaCounter(target, self, args, (readable) => callOriginal(target, readable, args)));
  }
  if (N.pipeThrough && N.pipeTo) {
    wrap(RSP, 'pipeThrough', (target, self, args) => viaCounter(target, self, args, (readable) => callOriginal(target, readable, args)));
  }

  // --- tee(): the branches take over the body ---
  wrap(RSP, 'tee', (target, self, args) => {
    const branches = callOriginal(target, self, args);
    const tap = streamTap(self);
    if (tap) quietly(() => {
      tap.obs.retire(tap);
      for (let i = 0; i < 2; i++) register(branches[i], newTap(tap.obs, tap.pos));
    });
    return branches;
  });
  wrapResponses(ctx, { get, set, responses, register, streamTap, bodyOf, locked, wrap, callOriginal, quietly });


  return {
    /** Observe `response`'s body through the page's own reads. */
    watch(response, tracker) {
      const body = bodyOf(response);
      const obs = createBodyObserver(ctx, tracker);
      set(responses, response, obs);
      register(body, newTap(obs, 0));
      return obs;
    },
  };
}


/** The prototype of ReadableStream async iterators (shared by all streams of the realm). */
function asyncIteratorProto(RS) {
  try {
    const values = RS.prototype.values;
    if (typeof values !== 'function') return null;
    const it = values.call(new RS());
    return Object.getPrototypeOf(it);
  } catch {
    return null;
  }
}
