// Response.prototype methods for a hooked fetch body (see wrap-streams.js for the design).
//  - clone(): the response's new body and the copy's body both become taps of the same body;
//  - text()/json()/arrayBuffer()/blob()/formData()/bytes() consume the body inside the browser,
//    where no wrapper sees the chunks: only there we fall back to reading a Response.clone()
//    taken just before the page's call, while the body is still untouched (the old design).

const CONSUMERS = ['text', 'json', 'arrayBuffer', 'blob', 'formData', 'bytes'];

/** `reg`: the registry and wrapping helpers of wrap-streams.js. */
export function wrapResponses(ctx, reg) {
  const { g, N } = ctx;
  const { get, set, responses, register, streamTap, bodyOf, locked, wrap, callOriginal, quietly } = reg;
  const RP = g.Response && g.Response.prototype;
  wrap(RP, 'clone', (target, self, args) => {
    const before = self !== null && typeof self === 'object' ? get(responses, self) : undefined;
    let old;
    if (before) quietly(() => (old = streamTap(bodyOf(self))));
    const copy = callOriginal(target, self, args);
    if (before) quietly(() => {
      // clone() replaced this response's body by a tee branch; the copy holds the other one
      if (old) before.retire(old);
      register(bodyOf(self), before.tap(0));
      register(bodyOf(copy), before.tap(0));
      set(responses, copy, before);
    });
    return copy;
  });
  for (const name of CONSUMERS) {
    wrap(RP, name, (target, self, args) => {
      quietly(() => beforeConsume(self));
      return callOriginal(target, self, args);
    });
  }
  // text() & co. read inside the browser: read a clone taken now, while the body is untouched.
  function beforeConsume(self) {
    if (self === null || typeof self !== 'object') return;
    const body = bodyOf(self);
    if (!body) return;
    const tap = streamTap(body);
    const obs = get(responses, self) || (tap && tap.obs);
    if (!obs || obs.ended || !tap || locked(body) || N.apply(N.responseBodyUsed, self, [])) return;
    const copy = N.apply(N.responseClone, self, []);
    obs.retire(tap);
    const mine = obs.tap(0);
    mine.obs.activate(mine);
    readCopy(N, bodyOf(copy), mine);
  }
}

/** Reads a body copy to its end with the captured originals (no wrapper sees these reads). */
export function readCopy(N, stream, tap) {
  const reader = N.apply(N.getReader, stream, []);
  const fail = (error) => tap.obs.fail(tap, error);
  const step = (result) => {
    if (result.done) return tap.obs.done(tap);
    tap.obs.chunk(tap, result.value);
    next();
  };
  const next = () => N.apply(N.then, N.apply(N.read, reader, []), [(r) => {
    try {
      step(r);
    } catch (e) {
      fail(e);
    }
  }, fail]);
  next();
}
