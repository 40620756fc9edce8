// Sizes of WebSocket text frames without reading every frame's characters. Counting a frame's
// UTF-8 bytes means reading all of its characters, which a page that hands frames on untouched
// never does: in the overhead benchmark that scan was ~40 % of the hook's cost per frame
// (docs/benchmarks.md). So the first SAMPLE_FIRST frames of a socket and then every SAMPLE_EVERY-th
// are counted exactly; the others are their length (UTF-16 code units, which a string knows
// without a scan) times the bytes-per-unit ratio of the frames counted so far. ASCII frames are
// therefore exact, and a stream's mix of scripts changes slowly. The same trade as the SSE
// counter's estimate beyond COUNT_CHUNK_MAX (body-observer.js).
import { utf8Length } from './sha256.js';

export const SAMPLE_FIRST = 64;
export const SAMPLE_EVERY = 16;

export function createFrameSizer() {
  let frames = 0;
  let exactBytes = 0;
  let exactUnits = 0;
  return (text) => {
    frames++;
    if (frames <= SAMPLE_FIRST || frames % SAMPLE_EVERY === 0 || exactUnits === 0) {
      const n = utf8Length(text);
      exactBytes += n;
      exactUnits += text.length;
      return n;
    }
    return Math.round((text.length * exactBytes) / exactUnits);
  };
}
