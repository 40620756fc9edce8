// Inter-frame gap statistics and the adaptive stall threshold.
//
// Stall rule (documented in README "Stall detection"):
//   before the first frame      → STALL_FIRST_FRAME_MS (60 s: reasoning models think silently)
//   fewer than STALL_MIN_GAPS   → STALL_EARLY_MS (20 s: too few gaps to know the stream's rhythm)
//   otherwise                   → clamp(STALL_K × p95 gap, floor, STALL_CEILING_MS)
// The floor is STALL_FLOOR_MS (8 s) unless the user set a higher one in the options page.
// p95 is taken over the last GAP_WINDOW gaps so a stream's rhythm may change; mean and max cover
// the whole stream.

export const STALL_FLOOR_MS = 8000;
export const STALL_CEILING_MS = 60000;
export const STALL_FIRST_FRAME_MS = 60000;
export const STALL_EARLY_MS = 20000;
export const STALL_K = 4;
export const STALL_MIN_GAPS = 5;
export const GAP_WINDOW = 256;

export function createGapStats() {
  // Ring buffer of the last GAP_WINDOW gaps (O(1) per frame on the hot path).
  const recent = [];
  let next = 0;
  let count = 0;
  let sum = 0;
  let max = 0;
  let lastAt = null;
  return {
    /** Records a frame at time t (ms); returns the gap to the previous frame or null. */
    frame(t) {
      let gap = null;
      if (lastAt !== null) {
        gap = Math.max(0, t - lastAt);
        count++;
        sum += gap;
        if (gap > max) max = gap;
        if (recent.length < GAP_WINDOW) recent.push(gap);
        else recent[next] = gap;
        next = (next + 1) % GAP_WINDOW;
      }
      lastAt = t;
      return gap;
    },
    /** k frames that arrived together at time t (one chunk): one gap, then k-1 gaps of 0. */
    frames(t, k) {
      if (k <= 0) return;
      this.frame(t);
      const zeros = k - 1;
      if (zeros === 0) return;
      count += zeros;
      // only the last GAP_WINDOW gaps are kept: more zeros than that fill the whole window
      for (let i = 0; i < zeros && i < GAP_WINDOW; i++) {
        if (recent.length < GAP_WINDOW) recent.push(0);
        else recent[next] = 0;
        next = (next + 1) % GAP_WINDOW;
      }
    },
    get gaps() {
      return count;
    },
    get lastAt() {
      return lastAt;
    },
    /** {gapMeanMs, gapP95Ms, gapMaxMs}, nulls before the second frame. */
    summary() {
      if (count === 0) return { gapMeanMs: null, gapP95Ms: null, gapMaxMs: null };
      return { gapMeanMs: round1(sum / count), gapP95Ms: round1(percentile(recent, 0.95)), gapMaxMs: round1(max) };
    },
    p95() {
      return count === 0 ? null : percentile(recent, 0.95);
    },
  };
}

/** Nearest-rank percentile of a small array (copied, the input keeps its order). */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function stallThreshold(stats, floorMs) {
  const floor = Math.max(STALL_FLOOR_MS, floorMs || 0);
  const ceiling = Math.max(STALL_CEILING_MS, floor);
  if (stats.lastAt === null) return Math.max(STALL_FIRST_FRAME_MS, floor);
  if (stats.gaps < STALL_MIN_GAPS) return Math.max(STALL_EARLY_MS, floor);
  return Math.min(ceiling, Math.max(floor, Math.round(STALL_K * stats.p95())));
}

function round1(x) {
  return Math.round(x * 10) / 10;
}
