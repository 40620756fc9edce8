// text/event-stream parser over the raw body bytes (WHATWG HTML "event stream interpretation"),
// for the hook's hot path. Line breaks and field names are ASCII, so events can be found and
// counted without decoding the body: at hundreds of thousands of events per second, decoding
// every chunk a second time and slicing every line cost the page ~45% of its CPU
// (docs/benchmarks.md). Only what classification needs is decoded: short values (a terminal
// marker such as "[DONE]") and values that mention "error". Long token values are counted and
// dropped, so this parser never even holds the answer text.

// Captured when the hook loads (document_start, before any page script can replace them).
const U8 = Uint8Array;

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;
/** Longest value kept for a terminal-marker check ("[DONE]", "{}"); markers are short. */
export const SHORT_VALUE = 16;
/** Stands for a value that was counted but not kept (never equal to a marker, no "error"). */
export const LONG_VALUE = '\u0000';

function startsWithField(b, s, e, name) {
  const n = name.length;
  if (e - s < n) return false;
  for (let k = 0; k < n; k++) if (b[s + k] !== name.charCodeAt(k)) return false;
  return e - s === n || b[s + n] === COLON;
}

function mentionsError(b, s, e) {
  for (let i = s; i + 5 <= e; i++) {
    if (b[i] === 101 && b[i + 1] === 114 && b[i + 2] === 114 && b[i + 3] === 111 && b[i + 4] === 114) return true;
  }
  return false;
}

// Plain loops instead of TypedArray methods a page could have patched.
function copy(b, s, e) {
  const out = new U8(e - s);
  for (let i = s; i < e; i++) out[i - s] = b[i];
  return out;
}

function join(a, b) {
  const out = new U8(a.length + b.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i];
  for (let i = 0; i < b.length; i++) out[a.length + i] = b[i];
  return out;
}

/** `decode(bytes, start, end)` → string; onEvent(type, data) as in createSseParser. */
export function createSseByteParser(onEvent, decode) {
  let carry = null;
  let skipLf = false;
  let first = true;
  let hasData = false;
  let kept = null;
  let anyLong = false;
  let eventType = '';

  function dispatch() {
    if (hasData) {
      let data;
      if (!anyLong) data = kept ? kept.join('\n') : '';
      else data = kept && kept.some((v) => v.indexOf('error') >= 0) ? kept.join('\n') : LONG_VALUE;
      onEvent(eventType || 'message', data);
    }
    hasData = false;
    kept = null;
    anyLong = false;
    eventType = '';
  }

  function line(b, s, e) {
    if (s === e) return dispatch();
    if (b[s] === COLON) return; // comment (keep-alive)
    let vs = e;
    for (let i = s; i < e; i++) {
      if (b[i] === COLON) {
        vs = i + 1;
        break;
      }
    }
    if (vs < e && b[vs] === SPACE) vs++;
    if (startsWithField(b, s, e, 'data')) {
      hasData = true;
      if (e - vs <= SHORT_VALUE || mentionsError(b, vs, e)) (kept || (kept = [])).push(decode(b, vs, e));
      else anyLong = true;
    } else if (startsWithField(b, s, e, 'event')) {
      eventType = decode(b, vs, e);
    }
  }

  return {
    push(chunk) {
      if (!chunk || chunk.length === 0) return;
      let b = chunk;
      if (carry) {
        b = join(carry, chunk);
        carry = null;
      }
      let start = 0;
      if (first && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3;
      if (first && b.length < 3 && b[0] === 0xef) {
        carry = copy(b, 0, b.length);
        return;
      }
      first = false;
      if (skipLf && b[start] === LF) start++;
      skipLf = false;
      for (let i = start; i < b.length; i++) {
        const c = b[i];
        if (c !== LF && c !== CR) continue;
        line(b, start, i);
        if (c === CR) {
          if (i + 1 < b.length) {
            if (b[i + 1] === LF) i++;
          } else skipLf = true;
        }
        start = i + 1;
      }
      if (start < b.length) carry = copy(b, start, b.length);
    },
    /** End of stream: an unterminated event is discarded, as the spec says. */
    end() {
      carry = null;
      hasData = false;
      kept = null;
      anyLong = false;
    },
  };
}
