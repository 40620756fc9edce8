// Counts text/event-stream events without parsing them: the hook's per-chunk work once a stream
// is answering (docs/benchmarks.md "Hook overhead"). An event is counted at the blank line that
// ends a block holding at least one `data` line (HTML "event stream interpretation": a block
// without data dispatches nothing; comments and id/retry/event-only blocks are not counted).
// Work per chunk is one native `indexOf` per line plus at most 5 byte checks at each line start,
// never a loop over the values. Line ends: LF and CRLF. Streams using bare CR line ends (allowed by
// the spec, used by no supported site) count no events here; their bytes still count.

const LF = 10;
const CR = 13;
const COLON = 58;
const DATA = [100, 97, 116, 97]; // "data"

/** `indexOfLf(bytes, from)` → index of the next LF or -1 (the captured TypedArray indexOf). */
export function createSseEventCounter(indexOfLf) {
  let lineLen = 0; // bytes of the current line so far (CR included)
  let match = 0; // bytes of "data:" matched at the line start; -1: not a data line
  let lastCr = false; // the current line so far ends with CR
  let sawData = false; // a data line since the last blank line
  function count(b) {
    let k = 0;
    let s = 0;
    const n = b.length;
    for (;;) {
      const i = indexOfLf(b, s);
      const e = i < 0 ? n : i;
      // only the first five bytes of a line decide whether it is a data line
      for (let j = s; match >= 0 && match < 5 && lineLen + (j - s) < 5 && j < e; j++) {
        const c = b[j];
        if (match < 4) match = c === DATA[match] ? match + 1 : -1;
        else if (c === COLON) match = 5;
        else if (c !== CR) match = -1;
      }
      if (e > s) {
        lineLen += e - s;
        lastCr = b[e - 1] === CR;
      }
      if (i < 0) return k;
      const len = lastCr ? lineLen - 1 : lineLen;
      if (len === 0) {
        if (sawData) k++;
        sawData = false;
      } else if (match === 5 || (match === 4 && len === 4)) {
        sawData = true;
      }
      lineLen = 0;
      match = 0;
      lastCr = false;
      s = i + 1;
    }
  }
  /**
   * Bytes were skipped (estimated by the caller): resume inside a line of an event with data, the
   * common case mid-stream, so the blank line that ends it counts that event once.
   */
  count.lost = () => {
    lineLen = 1;
    match = -1;
    lastCr = false;
    sawData = true;
  };
  return count;
}
