// The worker's view of page streams: turns hook events into protocol events (tabId, global
// stream id "tabId:docId.n", v/seq added by the outbox) and keeps a small per-tab history for the
// popup and for matching webRequest errors to the stream they killed.

export const STREAMS_PER_TAB = 20;

export function createStreamRegistry() {
  const byTab = new Map(); // tabId → [stream records], newest last

  function record(tabId, stream) {
    const list = byTab.get(tabId) || [];
    let rec = list.find((r) => r.stream === stream);
    if (!rec) {
      rec = { stream, tabId, state: 'open', frames: 0, bytes: 0 };
      list.push(rec);
      if (list.length > STREAMS_PER_TAB) list.shift();
      byTab.set(tabId, list);
    }
    return rec;
  }

  return {
    /** Hook event (already validated) + tab → protocol event. Updates the registry. */
    toProtocol(event, tabId) {
      const out = { ...event, tabId };
      if (typeof event.stream === 'string') {
        out.stream = tabId + ':' + event.stream;
        const rec = record(tabId, out.stream);
        // Ended here (page.hide / tab closed): whatever the dying page still reports is dropped,
        // a reader aborted by the navigation is not a break.
        if (rec.endedByWorker) return null;
        switch (event.type) {
          case 'stream.open':
            Object.assign(rec, { site: event.site, url: event.url, kind: event.kind, openedAt: event.ts });
            break;
          case 'stream.first_byte':
            rec.ttfbMs = event.ttfbMs;
            break;
          case 'stream.progress':
            Object.assign(rec, { frames: event.frames, bytes: event.bytes, gapP95Ms: event.gapP95Ms });
            break;
          case 'stream.stall':
            rec.state = 'stalled';
            break;
          case 'stream.error':
            rec.errorType = event.errorType;
            break;
          case 'stream.end':
            Object.assign(rec, { state: event.outcome, frames: event.frames, bytes: event.bytes, durationMs: event.durationMs, endedAt: event.ts });
            break;
          default:
            break;
        }
        // the protocol puts tabId only on stream.open among the stream events
        if (event.type !== 'stream.open') delete out.tabId;
      }
      return out;
    },
    /** The open stream in that tab whose sanitized URL equals `url`, newest first. */
    match(tabId, url) {
      const list = byTab.get(tabId) || [];
      for (let i = list.length - 1; i >= 0; i--) {
        const r = list[i];
        if (r.url === url && (r.state === 'open' || r.state === 'stalled' || Date.now() - (r.endedAt || 0) < 2000)) return r.stream;
      }
      return null;
    },
    forTab(tabId) {
      return (byTab.get(tabId) || []).slice().reverse();
    },
    /** Tabs with a stream open right now (several at once is session.conflict evidence). */
    streamingTabs() {
      const out = [];
      for (const [tabId, list] of byTab) if (list.some((r) => r.state === 'open' || r.state === 'stalled')) out.push(tabId);
      return out;
    },
    dropTab(tabId) {
      byTab.delete(tabId);
    },
    /**
     * The tab was closed or its page went away (`page.hide`): its still-open streams end as `aborted` (the page went away, not a
     * break; docs/protocol.md). Without this the host kept counting them as streaming, so a later
     * break in another tab of the site read as several tabs streaming (session.conflict).
     */
    endTab(tabId, now) {
      const open = (byTab.get(tabId) || []).filter((r) => r.state === 'open' || r.state === 'stalled');
      for (const r of open) Object.assign(r, { state: 'aborted', endedAt: now, endedByWorker: true });
      return open.map((r) => ({
        type: 'stream.end', ts: now, stream: r.stream, outcome: 'aborted', frames: r.frames || 0, bytes: r.bytes || 0,
        gapMeanMs: null, gapP95Ms: null, gapMaxMs: null, durationMs: r.openedAt ? Math.max(0, now - r.openedAt) : 0,
        terminalSeen: false, closeCode: null, wasClean: null, errorName: null, httpStatus: null, lastFrameAgoMs: null,
      }));
    },
    snapshot() {
      return Object.fromEntries(byTab);
    },
    restore(snap) {
      if (!snap || typeof snap !== 'object') return;
      for (const [k, list] of Object.entries(snap)) if (Array.isArray(list)) byTab.set(Number(k), list.slice(-STREAMS_PER_TAB));
    },
  };
}
