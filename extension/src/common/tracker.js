// Per-stream accounting: turns observations (bytes, parsed frames, closes) into the protocol's
// stream.* events. Pure: time comes in as arguments, events go out through `emit`.
import { createGapStats, stallThreshold } from './gaps.js';

export const PROGRESS_INTERVAL_MS = 1000;
// How long a stream may stay in its connecting phase before the user is left looking at a
// "generating" page with nothing to show: a WebSocket still CONNECTING after 15 s (a handshake
// over a working path takes well under a second; dropped SYNs keep it pending for minutes,
// Linux tcp_syn_retries=6 ≈ 127 s) or a fetch/EventSource without response headers after 30 s
// (chat servers send headers at once and think afterwards; 30 s leaves slow proxies room).
export const CONNECT_BOUND_WS_MS = 15000;
export const CONNECT_BOUND_HTTP_MS = 30000;

/**
 * @param o {id, kind, url, site, emit(type, fields), startedAt, stallFloorMs}
 *   kind: ws | sse | chunked | eventsource. `site` is an adapter from sites.js.
 */
export function createTracker(o) {
  const gaps = createGapStats();
  const reportedErrors = [];
  let frames = 0;
  let bytes = 0;
  let lastActivity = o.startedAt;
  let firstByteAt = null;
  let firstTokenAt = null;
  let terminalSeen = false;
  let answering = false;
  let stalled = false;
  let lastProgressAt = -Infinity;
  let progressFrames = 0;
  let httpStatus = null;
  let ended = false;
  let openSent = false;
  let connected = false;
  const connectBound = o.kind === 'ws' ? CONNECT_BOUND_WS_MS : CONNECT_BOUND_HTTP_MS;
  const requiresTerminal = !!(o.site.sseDone || o.site.sseDoneEvent || o.site.wsFrame);

  function summary() {
    return { frames, bytes, ...gaps.summary() };
  }

  function progress(t) {
    lastProgressAt = t;
    progressFrames = frames;
    o.emit('stream.progress', { stream: o.id, ...summary() });
  }

  const self = {
    kind: o.kind,
    get ended() {
      return ended;
    },
    open(payloadBytes) {
      if (openSent) return;
      openSent = true;
      o.emit('stream.open', { stream: o.id, site: o.site.id, url: o.url, kind: o.kind, payloadBytes });
    },
    /** HTTP response headers arrived (fetch/EventSource) or the socket's first frame (ws). */
    firstByte(t, status) {
      connected = true;
      if (firstByteAt !== null) return;
      firstByteAt = t;
      if (typeof status === 'number') httpStatus = status;
      const fields = { stream: o.id, ttfbMs: Math.round(t - o.startedAt) };
      if (typeof status === 'number') fields.httpStatus = status;
      o.emit('stream.first_byte', fields);
    },
    /** The connecting phase is over (a WebSocket's open event). */
    markConnected() {
      connected = true;
    },
    /** Raw bytes arrived (any bytes count as liveness, keep-alive comments included). */
    bytes(t, n) {
      if (ended) return;
      connected = true;
      bytes += n;
      lastActivity = t;
      stalled = false;
    },
    /** One parsed frame/event with its classification {token, terminal, errorType}. */
    frame(t, cls) {
      if (ended) return;
      connected = true;
      if (o.kind === 'ws') self.firstByte(t);
      frames++;
      gaps.frame(t);
      lastActivity = t;
      stalled = false;
      if (cls.token) {
        answering = true;
        terminalSeen = false;
        if (firstTokenAt === null) {
          firstTokenAt = t;
          o.emit('stream.first_token', { stream: o.id, ttftMs: Math.round(t - o.startedAt) });
        }
      }
      if (cls.terminal) {
        terminalSeen = true;
        answering = false;
      }
      if (cls.errorType) self.error(cls.errorType, null);
      if (t - lastProgressAt >= PROGRESS_INTERVAL_MS) progress(t);
    },
    /**
     * k frames of one chunk, counted but not classified (an answering SSE body: the hook's hot
     * path). Same accounting as k frame() calls at t whose classification comes later through
     * classify(); the first token is always seen through frame() first.
     */
    frames(t, k) {
      if (ended || k <= 0) return;
      connected = true;
      frames += k;
      gaps.frames(t, k);
      lastActivity = t;
      stalled = false;
      if (t - lastProgressAt >= PROGRESS_INTERVAL_MS) progress(t);
    },
    /** The classification of a frame already counted by frames(): flags and errors only. */
    classify(cls) {
      if (ended) return;
      if (cls.token) {
        answering = true;
        terminalSeen = false;
      }
      if (cls.terminal) {
        terminalSeen = true;
        answering = false;
      }
      if (cls.errorType) self.error(cls.errorType, null);
    },
    /** Called first on each timer tick (the body observer classifies what it has kept). */
    onTick: null,
    /** True while nobody reads the body (fetch): silence is then no stall of the stream. */
    unread: false,
    error(errorType, status) {
      if (ended || reportedErrors.includes(errorType)) return;
      reportedErrors.push(errorType);
      o.emit('stream.error', { stream: o.id, errorType, httpStatus: status ?? null });
    },
    /** Timer tick: emits a pending progress summary and at most one stall per silent period. */
    tick(t, stallFloorMs) {
      if (ended) return;
      if (self.onTick) self.onTick(t);
      if (ended) return;
      if (frames > progressFrames && t - lastProgressAt >= PROGRESS_INTERVAL_MS) progress(t);
      if (!connected && !self.unread && !stalled && t - o.startedAt > connectBound) {
        stalled = true;
        self.open(null); // a socket that never opened never sent: announce it now
        o.emit('stream.stall', { stream: o.id, silentMs: Math.round(t - o.startedAt), thresholdMs: connectBound, phase: 'connecting' });
        return;
      }
      if (stalled || (o.kind === 'ws' && !answering) || terminalSeen || self.unread) return;
      const threshold = stallThreshold(gaps, stallFloorMs ?? o.stallFloorMs);
      const silent = t - lastActivity;
      if (silent > threshold) {
        stalled = true;
        o.emit('stream.stall', { stream: o.id, silentMs: Math.round(silent), thresholdMs: threshold });
      }
    },
    /** The outcome of a body that ended without an error. */
    cleanOutcome() {
      return terminalSeen || !requiresTerminal || o.kind === 'ws' ? 'complete' : 'truncated';
    },
    get frameCount() {
      return frames;
    },
    get firstTokenSeen() {
      return firstTokenAt !== null;
    },
    get answering() {
      return answering;
    },
    get terminalSeen() {
      return terminalSeen;
    },
    /** True when the adapter parses this stream's frames (so it knows where answers end). */
    grammar: !!(o.site.wsFrame || o.site.sseDone || o.site.sseDoneEvent),
    /** info: {outcome, closeCode, wasClean, errorName, httpStatus} */
    end(t, info) {
      if (ended) return;
      ended = true;
      o.emit('stream.end', {
        stream: o.id,
        outcome: info.outcome,
        ...summary(),
        durationMs: Math.round(t - o.startedAt),
        terminalSeen,
        closeCode: info.closeCode ?? null,
        wasClean: info.wasClean ?? null,
        errorName: info.errorName ?? null,
        httpStatus: info.httpStatus ?? httpStatus,
        lastFrameAgoMs: gaps.lastAt === null ? null : Math.round(t - gaps.lastAt),
      });
    },
  };
  return self;
}

/** WebSocket close → outcome. `pageClosed`: the page called close() itself. */
export function wsOutcome(tracker, ev, pageClosed) {
  if (pageClosed) return tracker.answering ? 'aborted' : 'complete';
  // A socket with a frame grammar whose last answer ended with its terminal marker lost nothing
  // the user sees when it drops between answers (Web PubSub sockets live across answers).
  if (tracker.grammar && tracker.terminalSeen && !tracker.answering) return 'complete';
  if (ev.wasClean && (ev.code === 1000 || ev.code === 1001 || ev.code === 1005)) {
    return tracker.answering ? 'truncated' : 'complete';
  }
  return 'error';
}
