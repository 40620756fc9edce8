// fetch observer. The page gets a promise that settles with the ORIGINAL Response object (same
// url, redirected, headers, status, body bytes) or the original rejection reason.
//
// The body is observed through the page's own reads (wrap-streams.js): no second reading, no
// copy, the page keeps the one Response it would have had. Only where stream wrappers could not
// be installed do we fall back to reading a Response.clone() (a tee) taken before the page sees
// the Response. The returned promise is a fresh native Promise (so an unhandled rejection still
// reaches the page exactly as before) that settles one microtask after the original.
import { streamRule, isStreamingContentType } from '../common/sites.js';
import { utf8Length } from '../common/sha256.js';
import { call } from './natives.js';
import { createBodyObserver, isAbort, errorName } from './body-observer.js';
import { readCopy } from './wrap-responses.js';

export function wrapFetch(ctx) {
  const { g, N, stealth } = ctx;
  const original = g.fetch;
  if (typeof original !== 'function') return null;
  const wrapper = new N.Proxy(original, {
    apply(target, thisArg, args) {
      let pending;
      try {
        pending = N.apply(target, thisArg, args);
      } catch (e) {
        throw stealth.cleanStack(e);
      }
      try {
        return observeFetch(ctx, pending, args);
      } catch {
        return pending;
      }
    },
  });
  stealth.mask(wrapper, original);
  stealth.replace(g, 'fetch', wrapper);
  return wrapper;
}

function requestUrl(N, input) {
  if (typeof input === 'string') return input;
  if (N.URL && input instanceof N.URL) return call(N, N.urlHref, input);
  if (N.Request && input instanceof N.Request) return call(N, N.requestUrl, input);
  return null; // other objects would be stringified by fetch: we never call page code
}

export function payloadBytes(N, init) {
  const body = init && typeof init === 'object' ? init.body : null;
  if (body == null) return 0;
  if (typeof body === 'string') return utf8Length(body);
  if (N.ArrayBuffer && body instanceof N.ArrayBuffer) return call(N, N.byteLength, body) ?? null;
  if (N.isView && N.isView(body)) return body.byteLength;
  if (N.Blob && body instanceof N.Blob) return call(N, N.blobSize, body) ?? null;
  return null; // FormData, URLSearchParams, ReadableStream: not measured
}

function observeFetch(ctx, pending, args) {
  const { N } = ctx;
  const startedAt = ctx.now();
  const raw = requestUrl(N, args[0]);
  if (raw === null) return pending;
  const target = ctx.resolve(raw);
  if (!target) return pending;
  const rule = target.sameSite ? streamRule(ctx.site, target.path) : null;
  let tracker = null;
  if (rule) {
    tracker = ctx.newStream(rule.kind, target.url, startedAt);
    // a Request's own body cannot be measured without reading it: unknown (null), not 0
    const fromRequest = N.Request && args[0] instanceof N.Request && !(args[1] && args[1].body != null);
    tracker.open(fromRequest ? null : payloadBytes(N, args[1]));
  }
  return new N.Promise((resolve, reject) => {
    N.apply(N.then, pending, [
      (response) => {
        try {
          onResponse(ctx, response, tracker, target.url, startedAt);
        } catch {
          // observation failed: the page is unaffected
        }
        resolve(response);
      },
      (error) => {
        try {
          if (tracker) tracker.end(ctx.now(), { outcome: isAbort(error) ? 'aborted' : 'error', errorName: errorName(error) });
        } catch {
          // ignore
        }
        reject(error);
      },
    ]);
  });
}

function onResponse(ctx, response, tracker, url, startedAt) {
  const { N } = ctx;
  const t = ctx.now();
  const status = call(N, N.responseStatus, response);
  if (!tracker) {
    const headers = call(N, N.responseHeaders, response);
    const type = headers ? call(N, N.headersGet, headers, ['content-type']) : null;
    if (!isStreamingContentType(type)) return;
    tracker = ctx.newStream(/event-stream/i.test(type) ? 'sse' : 'chunked', url, startedAt);
    tracker.open(null);
  }
  tracker.firstByte(t, status);
  if (status >= 400) {
    tracker.error('http_status', status);
    tracker.end(t, { outcome: 'http_error', httpStatus: status });
    return;
  }
  if (!call(N, N.responseBody, response)) {
    tracker.end(t, { outcome: tracker.cleanOutcome() });
    return;
  }
  if (ctx.bodies) {
    ctx.bodies.watch(response, tracker);
    return;
  }
  // no stream wrappers in this realm: read a tee of the body (the page's Response is unchanged)
  const copy = N.apply(N.responseClone, response, []);
  const tap = createBodyObserver(ctx, tracker).tap(0);
  tap.obs.activate(tap);
  readCopy(N, call(N, N.responseBody, copy), tap);
}

