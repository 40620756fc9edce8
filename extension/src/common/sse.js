// Incremental text/event-stream parser (WHATWG HTML "event stream interpretation"), fed with
// decoded text chunks split anywhere (even inside "\r\n"). It reports dispatched events only:
// chunk boundaries never change the counts. The event data is handed to the callback and then
// dropped: nothing here keeps or forwards answer text.

export function createSseParser(onEvent) {
  let buffer = '';
  let dataLines = null;
  let eventType = '';
  let skipLeadingLf = false;
  let first = true;

  function dispatch() {
    if (dataLines !== null) onEvent(eventType || 'message', dataLines.join('\n'));
    dataLines = null;
    eventType = '';
  }

  function line(text) {
    if (text === '') return dispatch();
    if (text.charCodeAt(0) === 58) return; // ":" comment (keep-alive)
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') (dataLines || (dataLines = [])).push(value);
    else if (field === 'event') eventType = value;
  }

  return {
    push(chunk) {
      if (!chunk) return;
      if (first) {
        first = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      let text = buffer + chunk;
      let start = 0;
      if (skipLeadingLf && text.charCodeAt(0) === 10) start = 1;
      skipLeadingLf = false;
      for (let i = start; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        line(text.slice(start, i));
        if (c === 13) {
          if (i + 1 < text.length) {
            if (text.charCodeAt(i + 1) === 10) i++;
          } else skipLeadingLf = true;
        }
        start = i + 1;
      }
      buffer = text.slice(start);
      text = '';
    },
    /** End of stream: an unterminated event is discarded, as the spec says. */
    end() {
      buffer = '';
      dataLines = null;
    },
  };
}

/** Newline-delimited records (Gemini's chunked StreamGenerate, ndjson): counts non-empty lines. */
export function createLineParser(onRecord) {
  let buffer = '';
  return {
    push(chunk) {
      const text = buffer + chunk;
      let start = 0;
      for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) !== 10) continue;
        const rec = text.slice(start, i).trim();
        if (rec) onRecord(rec);
        start = i + 1;
      }
      buffer = text.slice(start);
    },
    end() {
      const rec = buffer.trim();
      buffer = '';
      if (rec) onRecord(rec);
    },
  };
}

/**
 * Classifies one SSE event for a site: {token, terminal, errorType}. JSON is parsed only when the
 * data can hold an error, so the common token path stays cheap.
 */
// Shared results for the common cases: no allocation per event on the hot path (never mutated).
const TERMINAL = Object.freeze({ token: false, terminal: true, errorType: null });
const TOKEN = Object.freeze({ token: true, terminal: false, errorType: null });
const NOTHING = Object.freeze({ token: false, terminal: false, errorType: null });

export function classifySseEvent(site, eventType, data) {
  if ((site.sseDone && data === site.sseDone) || (site.sseDoneEvent && eventType === site.sseDoneEvent)) {
    return TERMINAL;
  }
  if (eventType !== 'error' && data.indexOf('error') < 0) return data.length > 0 ? TOKEN : NOTHING;
  const out = { token: false, terminal: false, errorType: null };
  if (eventType === 'error' || data.indexOf('error') >= 0) {
    let obj = null;
    try {
      obj = JSON.parse(data);
    } catch {
      obj = null;
    }
    const code = site.parseError(obj);
    if (code) out.errorType = code;
    else if (eventType === 'error') out.errorType = 'server_error';
  }
  if (!out.errorType) out.token = data.length > 0;
  return out;
}

/** Classifies one WebSocket text frame for a site. Non-JSON or unknown frames only count. */
export function classifyWsFrame(site, data) {
  const out = { token: false, terminal: false, errorType: null };
  if (!site.wsFrame || typeof data !== 'string' || data.charCodeAt(0) !== 123) return out;
  let obj = null;
  try {
    obj = JSON.parse(data);
  } catch {
    return out;
  }
  const r = site.wsFrame(obj);
  if (r) {
    out.token = !!r.token;
    out.terminal = !!r.terminal;
    out.errorType = r.errorType || null;
  }
  return out;
}
