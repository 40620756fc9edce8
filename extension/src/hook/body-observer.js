// One observed fetch body: the chunks the PAGE reads (through whatever path: reader, pipe,
// iterator, a tee branch) are handed here by wrap-streams.js and turned into tracker calls.
//
// A body can be consumed through several "taps" (the stream itself, then each branch of a tee or
// clone): each tap keeps its own byte position and only bytes beyond the furthest position seen
// so far are counted, so two branches reading the same bytes count them once.
import { classifySseEvent, createLineParser } from '../common/sse.js';
import { createSseByteParser } from '../common/sse-bytes.js';
import { createSseEventCounter } from '../common/sse-count.js';

/** Bytes of an answering stream's end kept (chunks by reference, never copied) for its classification. */
export const TAIL_BYTES = 8192;
/** Bytes of a chunk scanned for its events; beyond, events are estimated (only at very high rates). */
export const COUNT_CHUNK_MAX = 4096;

export function createBodyObserver(ctx, tracker) {
  const { N, site } = ctx;
  const decoder = new N.TextDecoder();
  const sse = tracker.kind === 'sse';
  let chunkTime = 0;
  let high = 0;
  let ended = false;
  const taps = [];
  // until the page starts reading, the body's silence says nothing about the network (README)
  tracker.unread = true;
  // SSE runs in two phases. Until the first token every event is parsed and classified as it
  // arrives (ttft, early errors). Then each chunk only counts: bytes, one timestamp, its number of
  // events (sse-count.js; for a chunk over COUNT_CHUNK_MAX, estimated from the mean event size
  // counted so far), gap statistics. The last TAIL_BYTES are kept and parsed for their
  // classification (terminal marker, in-stream error objects) on each timer tick and when the
  // body ends or breaks. Other bodies (ndjson) are parsed as they arrive.
  let answering = false;
  let kept = [];
  let keptBytes = 0;
  let gap = false; // bytes were left unparsed before the kept ones
  let counted = { events: 0, bytes: 0, carry: 0 };
  const counter = sse ? createSseEventCounter((b, from) => N.apply(N.taIndexOf, b, [10, from])) : null;
  const onRecord = (type, data) => {
    const cls = classifySseEvent(site, type, data);
    if (answering) tracker.classify(cls);
    else tracker.frame(chunkTime, cls);
  };
  const decode = (b, s, e) => N.apply(N.decode, decoder, [new N.Uint8Array(b.buffer, b.byteOffset + s, e - s)]);
  let parser = sse ? createSseByteParser(onRecord, decode) : createLineParser((rec) => onRecord('message', rec));

  function classifyKept() {
    if (kept.length === 0) return;
    const chunks = kept;
    let skip = keptBytes > TAIL_BYTES ? keptBytes - TAIL_BYTES : 0;
    const restart = gap || skip > 0;
    kept = [];
    keptBytes = 0;
    gap = false;
    let i = 0;
    if (restart) {
      // the parser missed bytes: start afresh at the first line break of the tail
      parser = createSseByteParser(onRecord, decode);
      while (skip >= chunks[i].length) skip -= chunks[i++].length;
      let b = chunks[i];
      let lf = N.apply(N.taIndexOf, b, [10, skip]);
      while (lf < 0 && ++i < chunks.length) {
        b = chunks[i];
        lf = N.apply(N.taIndexOf, b, [10, 0]);
      }
      if (lf < 0) return;
      parser.push(new N.Uint8Array(b.buffer, b.byteOffset + lf + 1, b.length - lf - 1));
      i++;
    }
    for (; i < chunks.length; i++) parser.push(chunks[i]);
  }

  // Events in a chunk: exact in its first COUNT_CHUNK_MAX bytes, estimated beyond (the mean event
  // size counted so far), so no chunk costs more than a short scan.
  function countEvents(bytes) {
    const n = bytes.length;
    const sample = n > COUNT_CHUNK_MAX ? sub(bytes, 0, COUNT_CHUNK_MAX) : bytes;
    let k = counter(sample);
    counted.events += k;
    counted.bytes += sample.length;
    if (sample !== bytes) {
      counter.lost();
      counted.carry += ((n - sample.length) * counted.events) / counted.bytes;
      const more = Math.floor(counted.carry);
      counted.carry -= more;
      k += more;
    }
    return k;
  }

  const sub = (b, s, e) => new N.Uint8Array(b.buffer, b.byteOffset + s, e - s);

  function keep(bytes) {
    kept[kept.length] = bytes;
    keptBytes += bytes.length;
    // drop the oldest chunks the tail no longer needs
    while (keptBytes - kept[0].length >= TAIL_BYTES) {
      keptBytes -= kept[0].length;
      for (let i = 1; i < kept.length; i++) kept[i - 1] = kept[i];
      kept.length--;
      gap = true;
    }
  }

  function feed(bytes, volatile) {
    if (!sse) {
      parser.push(N.apply(N.decode, decoder, [bytes, { stream: true }]));
      return;
    }
    const k = countEvents(bytes);
    if (!answering) {
      // parse until the first token, at most COUNT_CHUNK_MAX bytes of a big chunk at a time
      const before = tracker.frameCount;
      const n = bytes.length;
      const head = n > COUNT_CHUNK_MAX ? sub(bytes, 0, COUNT_CHUNK_MAX) : bytes;
      parser.push(head);
      if (!tracker.firstTokenSeen) {
        if (head !== bytes) parser.push(sub(bytes, COUNT_CHUNK_MAX, n));
        return;
      }
      answering = true;
      tracker.onTick = () => classifyKept();
      if (head === bytes) return;
      // the rest of this chunk is counted, not parsed
      tracker.frames(chunkTime, Math.max(0, k - (tracker.frameCount - before)));
      gap = true;
      keep(sub(bytes, COUNT_CHUNK_MAX, n));
      return;
    }
    tracker.frames(chunkTime, k);
    if (volatile) {
      // a BYOB view: the page may reuse its memory, so it is parsed now
      classifyKept();
      parser.push(bytes);
      return;
    }
    keep(bytes);
  }

  function finish(info) {
    if (ended) return;
    ended = true;
    try {
      if (answering) classifyKept();
      if (!sse) parser.push(N.apply(N.decode, decoder, []));
      parser.end();
    } finally {
      tracker.end(ctx.now(), info.outcome ? info : { outcome: tracker.cleanOutcome() });
    }
  }

  const obs = {
    get ended() {
      return ended;
    },
    /** Something (page reader, pipe, iterator, our copy) now reads through `tap`. */
    activate(tap) {
      tap.active = true;
      tracker.unread = false;
    },
    /** A new way into the body's bytes, starting at byte `pos`. */
    tap(pos) {
      const tap = { obs, pos: pos || 0, active: false, dead: false, volatile: false };
      taps.push(tap);
      return tap;
    },
    /** The page (or our own copy reader) got `value` through `tap`. */
    chunk(tap, value) {
      if (ended || tap.dead || !value) return;
      const n = value.byteLength;
      if (typeof n !== 'number' || n === 0) return;
      const start = tap.pos;
      tap.pos = start + n;
      if (tap.pos <= high) return; // another branch counted these bytes already
      const skip = high > start ? high - start : 0;
      high = tap.pos;
      const t = ctx.now();
      chunkTime = t;
      tracker.bytes(t, n - skip);
      feed(new N.Uint8Array(value.buffer, value.byteOffset + skip, n - skip), tap.volatile);
    },
    /** The body ended cleanly (a read returned done without a cancel). */
    done(tap) {
      if (tap.dead) return;
      finish({ outcome: null });
    },
    /** A read failed: the body broke (or the page aborted its fetch). */
    fail(tap, error) {
      if (tap.dead) return;
      finish({ outcome: isAbort(error) ? 'aborted' : 'error', errorName: errorName(error) });
    },
    /** The page cancelled this tap: the body ends as aborted unless another branch still reads. */
    cancel(tap) {
      if (tap.dead) return;
      tap.dead = true;
      for (const other of taps) if (other !== tap && other.active && !other.dead) return;
      finish({ outcome: 'aborted' });
    },
    /** The tap's stream was consumed by a tee/clone: its branches carry on. */
    retire(tap) {
      tap.dead = true;
    },
  };
  return obs;
}

export function isAbort(error) {
  return !!error && typeof error === 'object' && error.name === 'AbortError';
}

export function errorName(error) {
  const name = error && typeof error === 'object' ? error.name : null;
  return typeof name === 'string' && /^[A-Za-z]{1,40}$/.test(name) ? name : 'Error';
}
