// What one page can make the worker relay to the host: per-tab and per-site token buckets for
// streams (at their stream.open) and breaks (a stream.end that is not `complete`). Nobody opens a
// chat answer more than about once a second or breaks ten in a row by hand; a page's script can do
// thousands, and each one costs the host a diagnosis (docs/security.md, "budgets"). A stream whose
// open was dropped is dropped whole, so the host never sees half a stream; drops are counted and
// go out as one `browser.budget` summary per tab and site.
export const STREAMS = { perMinute: 60, burst: 20 };
export const BREAKS = { perMinute: 20, burst: 10 };
/** A site's bucket holds three tabs' worth: one flooding tab cannot spend its other tabs' share. */
const SITE_FACTOR = 3;
const MAX_KEYS = 512;

/** A token bucket: `perMinute` tokens a minute, at most `burst` saved up. */
export function tokenBucket({ perMinute, burst }) {
  let tokens = burst;
  let last = null;
  return {
    take(now) {
      if (last !== null && now > last) tokens = Math.min(burst, tokens + ((now - last) * perMinute) / 60_000);
      if (last === null || now > last) last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

export function createRelayBudget({ now = () => Date.now(), streams = STREAMS, breaks = BREAKS } = {}) {
  const buckets = new Map();
  const dropped = new Map(); // `${tabId}|${site}` → summary counts
  const droppedStreams = new Set();
  const siteOf = new Map(); // stream id → site, while the stream is open

  function bucket(key, spec) {
    if (!buckets.has(key)) {
      if (buckets.size >= MAX_KEYS) buckets.clear(); // cycling ids only resets budgets, never adds to them
      buckets.set(key, tokenBucket(spec));
    }
    return buckets.get(key);
  }

  // The tab's bucket first: a tab over its own budget never touches the site's.
  function takeBoth(kind, spec, tab, site, t) {
    const siteSpec = { perMinute: spec.perMinute * SITE_FACTOR, burst: spec.burst * SITE_FACTOR };
    return bucket(`${kind}|tab|${tab}`, spec).take(t) && bucket(`${kind}|site|${site}`, siteSpec).take(t);
  }

  function count(tab, site, field) {
    const key = `${tab}|${site}`;
    if (!dropped.has(key)) dropped.set(key, { tabId: tab, site, streams: 0, breaks: 0 });
    dropped.get(key)[field]++;
  }

  /** True when `event` (a protocol event) may go to the host. */
  function admit(event) {
    if (!event || typeof event.stream !== 'string') return true;
    const stream = event.stream;
    const tab = Number(stream.split(':')[0]);
    if (event.type === 'stream.open') {
      const site = String(event.site || 'generic');
      if (!takeBoth('streams', streams, tab, site, now())) {
        droppedStreams.add(stream);
        count(tab, site, 'streams');
        return false;
      }
      if (siteOf.size >= MAX_KEYS) siteOf.clear();
      siteOf.set(stream, site);
      return true;
    }
    if (droppedStreams.has(stream)) {
      if (event.type === 'stream.end') droppedStreams.delete(stream);
      return false;
    }
    if (event.type !== 'stream.end') return true;
    const site = siteOf.get(stream) || 'generic';
    siteOf.delete(stream);
    if (event.outcome === 'complete' || event.outcome === 'aborted') return true;
    if (takeBoth('breaks', breaks, tab, site, now())) return true;
    count(tab, site, 'breaks');
    return false;
  }

  /** The drops since the last call, as `browser.budget` events (empty when nothing was dropped). */
  function takeSummary() {
    const ts = now();
    const out = [...dropped.values()].map((d) => ({ type: 'browser.budget', ts, ...d }));
    dropped.clear();
    return out;
  }

  return { admit, takeSummary };
}
