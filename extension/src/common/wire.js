// The shape of every message the page hook may send out. The bridge (isolated world) and the
// service worker both run `cleanHookEvent`: unknown types are dropped, unknown fields removed and
// every value checked against a narrow pattern, so even a compromised page cannot push free text
// (prompt or answer) through us: strings are short codes, sanitized URLs or fixed enums.

const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const LOCAL_STREAM = /^[a-z0-9]{1,12}\.[0-9]{1,9}$/;
const SAN_URL = /^(https?|wss?):\/\/[a-z0-9.:[\]-]+(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]*)*$/;
const ERROR_NAME = /^[A-Za-z]{1,40}$/;

const num = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e13;
const numOrNull = (v) => v === null || num(v);
const intOrNull = (v) => v === null || (Number.isInteger(v) && v >= 0 && v < 100000);
const bool = (v) => typeof v === 'boolean';
const boolOrNull = (v) => v === null || bool(v);
const code = (v) => typeof v === 'string' && CODE.test(v);
const oneOf = (...xs) => (v) => xs.includes(v);
const stream = (v) => typeof v === 'string' && LOCAL_STREAM.test(v);
const url = (v) => v === null || (typeof v === 'string' && v.length <= 512 && SAN_URL.test(v));
const errorName = (v) => v === null || (typeof v === 'string' && ERROR_NAME.test(v));

const SITE = oneOf('chatgpt', 'claude', 'gemini', 'copilot', 'perplexity', 'lab', 'generic');
const STATS = { frames: num, bytes: num, gapMeanMs: numOrNull, gapP95Ms: numOrNull, gapMaxMs: numOrNull };

export const HOOK_EVENTS = {
  'stream.open': { stream, site: SITE, url, kind: oneOf('ws', 'sse', 'chunked', 'eventsource'), payloadBytes: numOrNull },
  'stream.first_byte': { stream, ttfbMs: num, httpStatus: intOrNull },
  'stream.first_token': { stream, ttftMs: num },
  'stream.progress': { stream, ...STATS },
  'stream.stall': { stream, silentMs: num, thresholdMs: num, phase: oneOf('connecting') },
  'stream.error': { stream, errorType: code, httpStatus: intOrNull },
  'stream.end': {
    stream,
    outcome: oneOf('complete', 'truncated', 'error', 'aborted', 'http_error'),
    ...STATS,
    durationMs: num,
    terminalSeen: bool,
    closeCode: intOrNull,
    wasClean: boolOrNull,
    errorName,
    httpStatus: intOrNull,
    lastFrameAgoMs: numOrNull,
  },
  'page.banner': { site: SITE, symptom: code, pattern: code },
  'page.init_failed': { site: SITE, reason: oneOf('no_app_root', 'script_error', 'scripts_blocked', 'not_loaded'), failedScripts: num },
  'page.hook_replaced': { site: SITE, api: oneOf('fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest'), when: oneOf('after', 'before') },
};

/** Optional fields: may be absent; every other schema field is required. */
const OPTIONAL = new Set(['phase', 'httpStatus', 'payloadBytes', 'gapMeanMs', 'gapP95Ms', 'gapMaxMs', 'lastFrameAgoMs']);

/**
 * Returns a clean copy of a hook event ({type, ts, ...fields}) or null when it does not fit.
 * Accepts only plain data: a getter or a proxy that throws just makes it null.
 */
export function cleanHookEvent(msg) {
  try {
    if (!msg || typeof msg !== 'object') return null;
    const schema = HOOK_EVENTS[msg.type];
    if (!schema || !num(msg.ts)) return null;
    const out = { type: msg.type, ts: msg.ts };
    for (const key of Object.keys(schema)) {
      const v = msg[key];
      if (v === undefined && OPTIONAL.has(key)) continue;
      if (!schema[key](v)) return null;
      out[key] = v;
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * The only fixed name on the page channel: used once, at document_start before any page script
 * runs, to agree on a random per-page event name (see src/hook/channel.js and src/bridge/).
 */
export const HELLO_EVENT = 'streamdoctor-hello';
