// The sealed scenario generator: draws site × transport × fault × timing × confounder and writes
// what the browser, the OS monitors and the post-mortem would report, as a host recording
// (docs/protocol.md events as {"at","in"} lines, host evidence as {"at","ev"} lines, the probed
// verdict as {"at","probed"}; the format `streamdoctor replay` reads). The LABEL comes from the
// generator (the fault it played), never from the product.
//
// Seeds: `tune` draws from seeds 1..; `sealed` from 1,000,001... Rules may be tuned by looking at
// tune cases only; sealed numbers are reported, never used to tune (bench/README.md).
//
// Each fault draws its own timings and variants; confounders are evidence a real profile carries
// that must NOT change the label (another tab streaming, an old network change, a benign
// extension, an unrelated blocked request, an old offline flap, a pattern of another break, a
// minor incident on another component, a cookie refresh long before).

const T0 = 1_764_120_000_000;

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

export const SITES = {
  chatgpt: {
    host: 'chatgpt.com',
    sse: 'https://chatgpt.com/backend-api/f/conversation',
    ws: 'wss://chatgpt-async-webps-prod-eastus-2.webpubsub.azure.com/client/hubs/conversations',
    wsHost: 'chatgpt-async-webps-prod-eastus-2.webpubsub.azure.com',
    script: 'https://cdn.oaistatic.com/assets/app.js',
  },
  claude: {
    host: 'claude.ai',
    sse: 'https://claude.ai/api/organizations/:h1a2b3c4d/chat_conversations/:h5e6f7a8b/completion',
    script: 'https://claude.ai/_next/static/chunks/main.js',
  },
  copilot: {
    host: 'copilot.microsoft.com',
    ws: 'wss://copilot.microsoft.com/c/api/chat',
    wsHost: 'copilot.microsoft.com',
    script: 'https://copilot.microsoft.com/static/app.js',
  },
  perplexity: {
    host: 'www.perplexity.ai',
    sse: 'https://www.perplexity.ai/rest/sse/perplexity_ask',
    script: 'https://www.perplexity.ai/_next/static/app.js',
  },
};

const ROUND_TIMEOUTS_S = [30, 60, 90, 100, 120, 180, 300];

/** One case being built: browser events ("in") and host evidence ("ev") on one timeline (ms). */
class Case {
  constructor(r, site, kind) {
    this.r = r;
    this.site = site;
    this.kind = kind;
    this.tab = r.int(1, 40);
    this.stream = `${this.tab}:${r.int(1, 9)}`;
    this.url = SITES[site][kind];
    this.streamHost = kind === 'ws' ? SITES[site].wsHost : SITES[site].host;
    this.events = [];
    this.seen = { banner: null, bannerText: null, netError: null, httpStatus: null, froze: false };
    this.breakAt = null;
    this.probedAfter = null;
  }
  in(t, e) {
    this.events.push({ t, host: false, e });
  }
  ev(t, e) {
    this.events.push({ t, host: true, e });
  }
  open(t = 0, payload = null, stream = this.stream, tab = this.tab, site = this.site, kind = this.kind) {
    const url = SITES[site][kind];
    this.in(t, { type: 'stream.open', stream, site, url, kind, tabId: tab, payloadBytes: payload ?? this.r.int(200, 9000) });
  }
  firstBytes(ttfb, ttft, stream = this.stream) {
    this.in(ttfb, { type: 'stream.first_byte', stream, ttfbMs: ttfb, httpStatus: this.kind === 'ws' ? null : 200 });
    this.in(ttft, { type: 'stream.first_token', stream, ttftMs: ttft });
  }
  /** Progress summaries about once a second (at most 30), `rate` frames/s, gaps around `gapMs`. */
  progress(from, to, rate, gapMs, stream = this.stream) {
    const out = [];
    const every = Math.max(1000, Math.ceil((to - from) / 30));
    let frames = 0;
    for (let t = from + every; t < to; t += every) {
      frames = Math.round(((t - from) / 1000) * rate);
      this.in(t, { type: 'stream.progress', stream, frames, bytes: frames * 80, gapMeanMs: gapMs, gapP95Ms: gapMs * 3, gapMaxMs: gapMs * 6 });
      out.push(t);
    }
    return Math.round(((to - from) / 1000) * rate);
  }
  end(t, outcome, frames, extra = {}, stream = this.stream) {
    const e = { type: 'stream.end', stream, outcome, frames, bytes: frames * 80, durationMs: t, gapMeanMs: 40, gapP95Ms: 120, gapMaxMs: 300, lastFrameAgoMs: frames > 0 ? this.r.int(5, 200) : null };
    Object.assign(e, extra);
    if (this.kind === 'sse' && e.closeCode === undefined) delete e.closeCode;
    this.in(t, e);
    if (outcome !== 'complete' && outcome !== 'aborted' && this.breakAt === null) this.breakAt = t;
  }
  requestError(t, code, extra = {}) {
    this.in(t, { type: 'browser.request_error', tabId: this.tab, url: this.url, error: code, resourceType: this.kind === 'ws' ? 'websocket' : 'xmlhttprequest', stream: this.stream, ...extra });
    if (!this.seen.netError && code.startsWith('net::')) this.seen.netError = code;
  }
  httpStatus(t, status, retryAfterS) {
    const m = { type: 'browser.http_status', tabId: this.tab, url: this.url, status, resourceType: 'xmlhttprequest' };
    if (retryAfterS != null) m.retryAfterS = retryAfterS;
    this.in(t, m);
    this.seen.httpStatus = status;
  }
  banner(t, symptom, text) {
    this.in(t, { type: 'page.banner', site: this.site, tabId: this.tab, symptom, pattern: symptom });
    this.seen.banner = { message_stream_error: 'stream', something_went_wrong: 'server', network_error: 'network', bad_error: 'server' }[symptom] || 'stream';
    this.seen.bannerText = text;
  }
  // Post-mortem evidence, as the host records it.
  dns(t, kind, outcome = 'ok', answers = ['104.18.32.47'], extra = {}) {
    const resolver = { system: '192.168.1.1', public: '1.1.1.1', doh: 'https://1.1.1.1/dns-query' }[kind];
    this.ev(t, { type: 'probe.dns', host: this.streamHost, resolver, resolverKind: kind, rcode: outcome === 'ok' ? 'NOERROR' : outcome.toUpperCase(), answers: outcome === 'ok' ? answers : [], latencyMs: this.r.int(4, 80), outcome, bogon: false, disagrees: false, ...extra });
  }
  tcp(t, outcome = 'ok', successes = 3) {
    this.ev(t, { type: 'probe.tcp', host: this.streamHost, port: 443, attempts: 3, successes, medianConnectMs: successes ? this.r.int(8, 90) : null, outcome });
  }
  tls(t, outcome = 'ok', issuer = 'Google Trust Services (WE1)', expected = true) {
    this.ev(t, { type: 'probe.tls', host: this.streamHost, outcome, issuer, expectedIssuer: expected, handshakeMs: outcome === 'ok' || outcome === 'untrusted' ? this.r.int(20, 120) : null });
  }
  status(t, indicator = 'none', affected = []) {
    this.ev(t, { type: 'probe.status_page', site: this.site, indicator, affected });
  }
  healthyProbes(t) {
    this.dns(t, 'system');
    this.dns(t + 5, 'public');
    this.tcp(t + 20);
    this.tls(t + 40);
    if (this.r.chance(0.6)) this.status(t + 60, 'none');
    this.probedAfter = t + 61;
  }
  deadProbes(t) {
    this.dns(t, 'system', 'timeout');
    this.dns(t + 5, 'public', 'timeout');
    this.tcp(t + 20, 'timeout', 0);
    this.probedAfter = t + 2100;
  }
}

const ALL_SITES = Object.keys(SITES);
const sseSites = ALL_SITES.filter((s) => SITES[s].sse);
const wsSites = ALL_SITES.filter((s) => SITES[s].ws);

function pickSiteKind(r, kinds = ['sse', 'ws']) {
  const kind = r.pick(kinds);
  const site = r.pick(kind === 'ws' ? wsSites : sseSites);
  return [site, kind];
}

/** A stream that started well: open, first bytes, progress until `until`; returns frames so far. */
function started(c, until) {
  const ttfb = c.r.int(120, 1500);
  c.open(0);
  c.firstBytes(ttfb, ttfb + c.r.int(50, 900));
  return c.progress(ttfb, until, c.r.int(8, 45), c.r.int(15, 80));
}

function dropClose(c, t, frames) {
  if (c.kind === 'ws') c.end(t, 'error', frames, { closeCode: 1006, wasClean: false });
  else {
    c.end(t, 'error', frames, { errorName: 'TypeError' });
    c.requestError(t + c.r.int(1, 8), c.r.pick(['net::ERR_CONNECTION_RESET', 'net::ERR_INCOMPLETE_CHUNKED_ENCODING', 'net::ERR_HTTP2_PROTOCOL_ERROR', 'net::ERR_CONNECTION_CLOSED']));
  }
}

// Each fault: (r) => Case with .label set. Weights reflect how often the lab should draw them.
export const FAULTS = {
  'server.overloaded': (r) => {
    const v = r.pick(['429', 'ws1013', 'instream']);
    const [site, kind] = v === '429' ? pickSiteKind(r, ['sse']) : v === 'ws1013' ? pickSiteKind(r, ['ws']) : [r.pick(['claude', 'chatgpt']), 'sse'];
    const c = new Case(r, site, kind);
    if (v === '429') {
      c.open(0);
      const t = r.int(80, 900);
      c.httpStatus(t, 429, r.chance(0.5) ? r.int(5, 120) : null);
      c.end(t + r.int(2, 30), 'http_error', 0, { httpStatus: 429 });
    } else if (v === 'ws1013') {
      const f = started(c, r.int(800, 6000));
      c.end(r.int(6100, 7000), 'error', f, { closeCode: 1013, wasClean: true });
    } else {
      const f = started(c, r.int(800, 5000));
      const t = r.int(5100, 6000);
      c.in(t, { type: 'stream.error', stream: c.stream, errorType: r.pick(['overloaded_error', 'rate_limit_error']), httpStatus: null });
      c.end(t + r.int(5, 60), 'error', f);
    }
    c.banner(c.breakAt + r.int(20, 400), 'something_went_wrong', r.pick(['Something went wrong', 'There was an error generating a response']));
    if (r.chance(0.7)) c.healthyProbes(c.breakAt + r.int(300, 900));
    return c;
  },
  'server.error': (r) => {
    const v = r.pick(['5xx', 'ws1011', 'instream']);
    const [site, kind] = v === '5xx' ? pickSiteKind(r, ['sse']) : v === 'ws1011' ? pickSiteKind(r, ['ws']) : ['copilot', 'ws'];
    const c = new Case(r, site, kind);
    if (v === '5xx') {
      c.open(0);
      const t = r.int(80, 3000);
      const s = r.pick([500, 502, 503]);
      c.httpStatus(t, s);
      c.end(t + r.int(2, 30), 'http_error', 0, { httpStatus: s });
    } else if (v === 'ws1011') {
      const f = started(c, r.int(800, 6000));
      c.end(r.int(6100, 7000), 'error', f, { closeCode: r.pick([1011, 1014]), wasClean: true });
    } else {
      const f = started(c, r.int(800, 5000));
      const t = r.int(5100, 6000);
      c.in(t, { type: 'stream.error', stream: c.stream, errorType: 'error', httpStatus: null });
      c.end(t + r.int(5, 60), 'error', f, { closeCode: 1000, wasClean: true });
    }
    c.banner(c.breakAt + r.int(20, 400), 'something_went_wrong', 'Something went wrong');
    if (r.chance(0.7)) c.healthyProbes(c.breakAt + r.int(300, 900));
    return c;
  },
  'server.gateway_timeout': (r) => {
    const [site, kind] = pickSiteKind(r, ['sse']);
    const c = new Case(r, site, kind);
    c.open(0, r.int(500, 60_000));
    const t = r.int(30_000, 100_000);
    c.httpStatus(t, 504);
    c.end(t + r.int(2, 30), 'http_error', 0, { httpStatus: 504 });
    c.banner(c.breakAt + r.int(20, 400), 'something_went_wrong', 'Something went wrong');
    return c;
  },
  'session.conflict': (r) => {
    const v = r.pick(['401', '403', 'cookie']);
    const [site, kind] = v === 'cookie' ? pickSiteKind(r) : pickSiteKind(r, ['sse']);
    const c = new Case(r, site, kind);
    if (v === 'cookie') {
      const f = started(c, r.int(1500, 6000));
      c.in(r.int(800, 1400), { type: 'browser.cookie_changed', site, name: '__Secure-next-auth.session-token', removed: true, cause: r.pick(['explicit', 'expired']) });
      dropClose(c, r.int(6100, 9000), f);
      c.banner(c.breakAt + r.int(20, 400), 'message_stream_error', 'Error in message stream');
    } else {
      c.open(0);
      const t = r.int(80, 900);
      const s = Number(v);
      c.httpStatus(t, s);
      c.end(t + r.int(2, 30), 'http_error', 0, { httpStatus: s });
      c.banner(c.breakAt + r.int(20, 400), 'bad_error', 'Your session has expired. Please log in again.');
    }
    return c;
  },
  'dns.resolution_failed': (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    c.open(0);
    const t = r.int(5, 400);
    if (kind === 'sse') {
      c.requestError(t, r.pick(['net::ERR_NAME_NOT_RESOLVED', 'net::ERR_NAME_RESOLUTION_FAILED']), { resourceType: 'xmlhttprequest' });
      c.end(t + r.int(1, 10), 'error', 0, { errorName: 'TypeError' });
    } else {
      // A WebSocket's DNS failure reaches no webRequest event: the page sees 1006 before open.
      c.end(t, 'error', 0, { closeCode: 1006, wasClean: false, durationMs: t });
    }
    const p = c.breakAt + r.int(300, 900);
    c.dns(p, 'system', r.pick(['nxdomain', 'servfail', 'timeout']));
    c.dns(p + 5, 'public');
    if (r.chance(0.5)) c.dns(p + 10, 'doh');
    c.probedAfter = p + 1200;
    c.banner(c.breakAt + r.int(20, 400), 'network_error', 'Network error');
    return c;
  },
  'dns.hijacked': (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    c.open(0);
    const t = r.int(1000, 8000);
    if (kind === 'sse') {
      c.end(t, 'error', 0, { errorName: 'TypeError' });
      c.requestError(t + 1, r.pick(['net::ERR_CONNECTION_TIMED_OUT', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_CERT_COMMON_NAME_INVALID']));
    } else c.end(t, 'error', 0, { closeCode: 1006, wasClean: false, durationMs: t });
    const p = c.breakAt + r.int(300, 900);
    const lie = r.pick(['10.10.34.35', '192.168.0.250', '0.0.0.0', '100.64.1.9']);
    c.dns(p, 'system', 'ok', [lie], { bogon: true, disagrees: true });
    c.dns(p + 5, 'public');
    c.tcp(p + 20, r.pick(['timeout', 'refused']), 0);
    c.probedAfter = p + 2000;
    c.banner(c.breakAt + r.int(20, 400), 'network_error', 'Network error');
    return c;
  },
  'network.offline': (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    const cut = r.int(1500, 20_000);
    const f = started(c, cut);
    const v = r.pick(['browser', 'os', 'both']);
    if (v !== 'os') c.in(cut + r.int(-300, 200), { type: 'browser.connectivity', online: false });
    if (v !== 'browser') c.ev(cut + r.int(-200, 100), { type: 'os.network_change', kind: 'iface_down', iface: r.pick(['wlan0', 'eth0', 'wlp2s0']), detail: null });
    if (v !== 'browser' && r.chance(0.6)) c.ev(cut + r.int(0, 150), { type: 'os.network_change', kind: 'default_route', iface: null, detail: 'none' });
    const t = cut + r.int(50, 1500);
    if (kind === 'ws') c.end(t, 'error', f, { closeCode: 1006, wasClean: false });
    else {
      c.end(t, 'error', f, { errorName: 'TypeError' });
      c.requestError(t + r.int(1, 8), r.pick(['net::ERR_INTERNET_DISCONNECTED', 'net::ERR_NETWORK_CHANGED', 'net::ERR_NETWORK_IO_SUSPENDED']));
    }
    if (r.chance(0.6)) c.deadProbes(t + r.int(300, 900));
    c.banner(c.breakAt + r.int(20, 400), r.pick(['network_error', 'message_stream_error']), 'Network error');
    return c;
  },
  'network.changed': (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    const cut = r.int(1500, 20_000);
    const f = started(c, cut);
    const v = r.pick(['err', 'vpn', 'route', 'addr']);
    const t = cut + r.int(20, 2500);
    if (v === 'vpn') c.ev(cut, { type: 'os.network_change', kind: 'vpn_up', iface: r.pick(['wg0', 'tun0', 'utun3']), detail: null });
    if (v === 'route' || v === 'vpn') c.ev(cut + r.int(1, 50), { type: 'os.network_change', kind: 'default_route', iface: null, detail: r.pick(['via 10.8.0.1 dev wg0', 'via 192.168.43.1 dev wlan0']) });
    if (v === 'addr') {
      c.ev(cut, { type: 'os.network_change', kind: 'addr_removed', iface: 'wlan0', detail: '192.168.1.23' });
      c.ev(cut + r.int(200, 1500), { type: 'os.network_change', kind: 'addr_added', iface: 'wlan0', detail: '192.168.1.57' });
    }
    if (kind === 'ws') c.end(t, 'error', f, { closeCode: 1006, wasClean: false });
    else {
      c.end(t, 'error', f, { errorName: 'TypeError' });
      if (v === 'err' || r.chance(0.6)) c.requestError(t + r.int(1, 8), 'net::ERR_NETWORK_CHANGED');
      else c.requestError(t + r.int(1, 8), 'net::ERR_CONNECTION_RESET');
    }
    if (v === 'err' && kind === 'ws') c.ev(cut, { type: 'os.network_change', kind: 'iface_up', iface: 'docker0', detail: null });
    if (r.chance(0.7)) c.healthyProbes(c.breakAt + r.int(300, 900));
    c.banner(c.breakAt + r.int(20, 400), 'message_stream_error', 'Error in message stream');
    return c;
  },
  'network.packet_loss': (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    if (r.chance(0.4)) {
      // Loss that only slows the answer: it completes, with long gaps, while the OS retransmits.
      const ttfb = r.int(150, 900);
      c.open(0);
      c.firstBytes(ttfb, ttfb + r.int(50, 600));
      const t = ttfb + r.int(20_000, 60_000);
      const frames = r.int(30, 200);
      for (let x = 2000; x < t; x += 1000) {
        const ratio = r.int(40, 160) / 1000;
        const per = ratio * r.int(60, 300);
        c.ev(x, { type: 'os.tcp_retransmits', segsPerS: per / ratio, retransPerS: per, ratio });
      }
      c.end(t, 'complete', frames, { terminalSeen: true, gapP95Ms: r.int(700, 3000), gapMaxMs: r.int(3000, 8000), gapMeanMs: r.int(200, 600) });
      c.breakAt = t;
      c.seen.froze = false;
      return c;
    }
    const cut = r.int(6000, 25_000);
    const f = started(c, cut);
    for (let t = 2000; t < cut; t += 1000) {
      const ratio = t > cut / 3 ? r.int(40, 160) / 1000 : r.int(1, 10) / 1000;
      const per = ratio * r.int(60, 300);
      c.ev(t, { type: 'os.tcp_retransmits', segsPerS: per / ratio, retransPerS: per, ratio });
    }
    dropClose(c, cut + r.int(10, 500), f);
    if (r.chance(0.6)) {
      const p = c.breakAt + r.int(300, 900);
      c.dns(p, 'system');
      c.tcp(p + 20, 'ok', r.pick([2, 3]));
      c.probedAfter = p + 1500;
    }
    c.banner(c.breakAt + r.int(20, 400), 'message_stream_error', 'Error in message stream');
    return c;
  },
  'network.blocked': (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    c.open(0);
    const v = r.pick(['refused', 'timeout', 'probed', 'sni', 'connecting']);
    if (v === 'connecting') {
      // New connections black-holed (SYNs dropped): the page shows "generating" forever; the hook
      // reports the stream stuck in its connecting phase (15 s for a socket, 30 s for headers).
      const bound = kind === 'ws' ? 15_000 : 30_000;
      const t = bound + r.int(5, 400);
      c.in(t, { type: 'stream.stall', stream: c.stream, silentMs: t, thresholdMs: bound, phase: 'connecting' });
      c.breakAt = t;
      c.seen.froze = true;
      const p = t + r.int(300, 900);
      c.dns(p, 'system');
      c.dns(p + 5, 'public');
      c.tcp(p + 20, 'timeout', 0);
      c.probedAfter = p + 2100;
      return c;
    }
    const t = v === 'timeout' ? r.int(10_000, 30_000) : r.int(10, 300);
    if (kind === 'sse') {
      const code = { refused: 'net::ERR_CONNECTION_REFUSED', timeout: 'net::ERR_CONNECTION_TIMED_OUT', probed: 'net::ERR_CONNECTION_RESET', sni: 'net::ERR_CONNECTION_RESET' }[v];
      c.requestError(t, code);
      c.end(t + r.int(1, 10), 'error', 0, { errorName: 'TypeError' });
    } else c.end(t, 'error', 0, { closeCode: 1006, wasClean: false, durationMs: t });
    const p = c.breakAt + r.int(300, 900);
    c.dns(p, 'system');
    c.dns(p + 5, 'public');
    if (v === 'sni') {
      c.tcp(p + 20);
      c.tls(p + 40, 'reset', null, false);
    } else c.tcp(p + 20, v === 'timeout' ? 'timeout' : 'refused', 0);
    c.probedAfter = p + 2100;
    c.banner(c.breakAt + r.int(20, 400), 'network_error', 'Network error');
    return c;
  },
  'network.idle_cutoff': (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    const lastFrame = r.int(1500, 8000);
    const f = started(c, lastFrame);
    const timeoutS = r.chance(0.7) ? r.pick(ROUND_TIMEOUTS_S) : r.int(25, 250);
    const silence = timeoutS * 1000 + r.int(-400, 400);
    const threshold = r.int(8000, 15000);
    c.in(lastFrame + threshold, { type: 'stream.stall', stream: c.stream, silentMs: threshold, thresholdMs: threshold });
    c.seen.froze = true;
    const t = lastFrame + silence;
    if (kind === 'ws') c.end(t, 'error', f, { closeCode: 1006, wasClean: false, lastFrameAgoMs: silence, gapP95Ms: r.int(60, 400) });
    else {
      c.end(t, 'error', f, { errorName: 'TypeError', lastFrameAgoMs: silence, gapP95Ms: r.int(60, 400) });
      c.requestError(t + r.int(1, 8), r.pick(['net::ERR_CONNECTION_RESET', 'net::ERR_CONNECTION_CLOSED', 'net::ERR_INCOMPLETE_CHUNKED_ENCODING', 'net::ERR_HTTP2_PROTOCOL_ERROR']));
    }
    c.breakAt = lastFrame + threshold;
    if (r.chance(0.7)) c.healthyProbes(t + r.int(300, 900));
    c.banner(t + r.int(20, 400), 'message_stream_error', 'Error in message stream');
    return c;
  },
  'network.throttled': (r) => {
    const [site, kind] = pickSiteKind(r, ['sse']);
    const c = new Case(r, site, kind);
    if (r.chance(0.4)) {
      // Throttled but complete: a trickle of frames seconds apart, no loss seen by the OS.
      c.open(0);
      c.firstBytes(300, 600);
      const t = 600 + r.int(20_000, 90_000);
      c.end(t, 'complete', r.int(12, 40), { terminalSeen: true, gapP95Ms: r.int(2500, 6000), gapMaxMs: r.int(6000, 9000), gapMeanMs: r.int(1500, 2500) });
      c.breakAt = t;
      return c;
    }
    c.open(0);
    c.firstBytes(300, 600);
    // Progress about once a second (as the worker sends it); the rate collapses part-way.
    let bytes = 0;
    let frames = 0;
    const fast = r.int(20_000, 80_000);
    const slow = fast * (r.int(2, 12) / 100);
    const seconds = r.int(12, 45);
    const collapseAt = Math.round(seconds * (r.int(40, 65) / 100));
    for (let i = 1; i <= seconds; i++) {
      const rate = i <= collapseAt ? fast : slow;
      bytes += Math.round(rate);
      frames += Math.max(1, Math.round(rate / 800));
      c.in(600 + i * 1000, { type: 'stream.progress', stream: c.stream, frames, bytes, gapMeanMs: rate === fast ? 10 : 120, gapP95Ms: rate === fast ? 30 : 700, gapMaxMs: rate === fast ? 60 : 1500 });
    }
    const t = 600 + seconds * 1000 + r.int(300, 1500);
    c.end(t, 'error', frames + 1, { errorName: 'TypeError', lastFrameAgoMs: r.int(300, 900), gapP95Ms: 700, bytes });
    c.requestError(t + 2, r.pick(['net::ERR_CONNECTION_RESET', 'net::ERR_HTTP2_PROTOCOL_ERROR']));
    if (r.chance(0.6)) c.healthyProbes(t + r.int(300, 900));
    c.banner(t + r.int(20, 400), 'message_stream_error', 'Error in message stream');
    return c;
  },
  'extension.blocked_request': (r) => {
    const [site, kind] = pickSiteKind(r, ['sse']);
    const c = new Case(r, site, kind);
    const name = r.pick(['uBlock Origin', 'AdGuard AdBlocker', 'Ghostery', 'Privacy Badger']);
    c.in(-r.int(5000, 600_000), { type: 'browser.extensions', extensions: [{ id: 'blk' + r.int(1, 99), name, enabled: true, canBlock: true, chatHostAccess: true }] });
    c.open(0);
    const t = r.int(2, 40);
    c.requestError(t, 'net::ERR_BLOCKED_BY_CLIENT');
    c.end(t + r.int(1, 5), 'error', 0, { errorName: 'TypeError' });
    c.banner(c.breakAt + r.int(20, 400), 'network_error', 'Network error');
    return c;
  },
  'extension.interference': (r) => {
    const [site, kind] = pickSiteKind(r, ['sse']);
    const c = new Case(r, site, kind);
    const name = r.pick(['Dark Reader', 'Grammarly', 'ChatGPT Exporter', 'Superpower ChatGPT']);
    const id = 'int' + r.int(1, 99);
    c.in(-r.int(60_000, 600_000), { type: 'browser.extensions', extensions: [{ id, name, enabled: true, canBlock: false, chatHostAccess: true }] });
    if (r.chance(0.5)) {
      // Its fetch wrapper breaks the page's reader: the answer arrives whole, the page errors.
      c.in(r.int(5, 200), { type: 'page.hook_replaced', site, tabId: c.tab, api: 'fetch', when: 'after' });
      const f = started(c, r.int(1500, 8000));
      const t = r.int(8100, 9000);
      c.end(t, 'complete', f, { terminalSeen: true });
      c.banner(t + r.int(20, 800), 'message_stream_error', 'Error in message stream');
      c.breakAt = t;
      return c;
    }
    c.in(-r.int(3000, 100_000), { type: 'browser.extension_changed', id, name, change: r.pick(['enabled', 'installed', 'updated']) });
    const f = started(c, r.int(1500, 6000));
    c.end(r.int(6100, 8000), 'truncated', f, { terminalSeen: false });
    c.banner(c.breakAt + r.int(20, 400), 'message_stream_error', 'Error in message stream');
    return c;
  },
  'proxy.double': (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    c.ev(-r.int(60_000, 3_600_000), { type: 'os.network_change', kind: r.pick(['vpn_present', 'vpn_up']), iface: r.pick(['tun0', 'wg0', 'utun4']), detail: null });
    if (r.chance(0.5)) c.in(-r.int(10_000, 600_000), { type: 'browser.proxy', mode: r.pick(['fixed_servers', 'pac_script']), levelOfControl: 'controllable_by_this_extension', scheme: 'http' });
    else c.ev(-r.int(10_000, 600_000), { type: 'os.system_proxy', source: r.pick(['env', 'gnome']), mode: 'manual', proxied: true });
    const cut = r.int(2000, 20_000);
    const f = started(c, cut);
    dropClose(c, cut + r.int(10, 400), f);
    if (r.chance(0.6)) c.healthyProbes(c.breakAt + r.int(300, 900));
    c.banner(c.breakAt + r.int(20, 400), 'message_stream_error', 'Error in message stream');
    return c;
  },
  'proxy.failed': (r) => {
    const [site, kind] = pickSiteKind(r, ['sse']);
    const c = new Case(r, site, kind);
    c.in(-r.int(10_000, 600_000), { type: 'browser.proxy', mode: 'fixed_servers', levelOfControl: 'controllable_by_this_extension', scheme: 'http' });
    c.open(0);
    const t = r.int(5, 3000);
    c.requestError(t, r.pick(['net::ERR_PROXY_CONNECTION_FAILED', 'net::ERR_TUNNEL_CONNECTION_FAILED']));
    c.end(t + r.int(1, 5), 'error', 0, { errorName: 'TypeError' });
    c.banner(c.breakAt + r.int(20, 400), 'network_error', 'Network error');
    return c;
  },
  'tls.intercepted': (r) => {
    const [site, kind] = pickSiteKind(r, ['sse']);
    const c = new Case(r, site, kind);
    const v = r.pick(['cert_error', 'probe_unexpected', 'probe_untrusted']);
    if (v === 'cert_error') {
      c.open(0);
      const t = r.int(20, 300);
      c.requestError(t, r.pick(['net::ERR_CERT_AUTHORITY_INVALID', 'net::ERR_CERT_COMMON_NAME_INVALID', 'net::ERR_SSL_PROTOCOL_ERROR']));
      c.end(t + 1, 'error', 0, { errorName: 'TypeError' });
      c.banner(c.breakAt + r.int(20, 400), 'network_error', 'Network error');
    } else {
      // The middlebox holds the streamed response, then gives up.
      c.open(0);
      c.firstBytes(r.int(200, 900), r.int(1000, 2000));
      const t = r.int(20_000, 60_000);
      c.end(t, 'error', r.int(0, 3), { errorName: 'TypeError', lastFrameAgoMs: t - 2000 });
      c.requestError(t + 2, r.pick(['net::ERR_INCOMPLETE_CHUNKED_ENCODING', 'net::ERR_CONNECTION_RESET', 'net::ERR_EMPTY_RESPONSE']));
      const p = t + r.int(300, 900);
      c.dns(p, 'system');
      c.tcp(p + 20);
      const issuer = r.pick(['Corp TLS Inspection CA (Corp TLS Inspection CA)', 'Kaspersky Anti-Virus Personal Root (Kaspersky)', 'Fortinet (FortiGate CA)', 'ESET SSL Filter CA (ESET)']);
      c.tls(p + 40, v === 'probe_untrusted' ? 'untrusted' : 'ok', issuer, false);
      c.probedAfter = p + 200;
      c.banner(c.breakAt + r.int(20, 400), 'message_stream_error', 'Error in message stream');
    }
    return c;
  },
  'page.init_failed': (r) => {
    const site = r.pick(ALL_SITES);
    const c = new Case(r, site, SITES[site].sse ? 'sse' : 'ws');
    const v = r.pick(['script_5xx', 'no_root', 'script_error', 'not_loaded']);
    if (v === 'script_5xx') c.in(-r.int(500, 5000), { type: 'browser.http_status', tabId: c.tab, url: SITES[site].script, status: r.pick([500, 502, 503, 404]), resourceType: 'script' });
    c.in(0, { type: 'page.init_failed', site, tabId: c.tab, reason: v === 'script_error' || v === 'not_loaded' ? v : 'no_app_root', failedScripts: v === 'script_5xx' ? 1 : r.int(0, 2) });
    c.breakAt = 0;
    c.seen.banner = null;
    c.seen.froze = false;
    if (v === 'script_5xx') c.seen.httpStatus = null; // a script's status is in DevTools, but users read the blank page
    return c;
  },
  'stream.stalled': (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    const last = r.int(1500, 10_000);
    started(c, last);
    const threshold = r.int(8000, 20_000);
    c.in(last + threshold, { type: 'stream.stall', stream: c.stream, silentMs: threshold, thresholdMs: threshold });
    c.breakAt = last + threshold;
    c.seen.froze = true;
    if (r.chance(0.7)) c.healthyProbes(c.breakAt + r.int(300, 900));
    return c;
  },
  'stream.dropped_unexplained': (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    const cut = r.int(1500, 25_000);
    const f = started(c, cut);
    if (r.chance(0.3) && kind === 'sse') c.end(cut + r.int(10, 300), 'truncated', f, { terminalSeen: false });
    else dropClose(c, cut + r.int(10, 300), f);
    if (r.chance(0.7)) c.healthyProbes(c.breakAt + r.int(300, 900));
    c.banner(c.breakAt + r.int(20, 400), 'message_stream_error', 'Error in message stream');
    return c;
  },
  // No break: complete answers (fast, slow drip, long), user aborts, navigation aborts.
  clean: (r) => {
    const [site, kind] = pickSiteKind(r);
    const c = new Case(r, site, kind);
    const v = r.pick(['complete', 'complete', 'long', 'abort', 'navigate']);
    const until = v === 'long' ? r.int(30_000, 120_000) : r.int(1500, 15_000);
    const f = started(c, until);
    if (v === 'abort') c.end(until + r.int(5, 50), 'aborted', f);
    else if (v === 'navigate' && kind === 'sse') {
      c.in(until + 1, { type: 'browser.request_error', tabId: c.tab, url: c.url, error: 'net::ERR_ABORTED', resourceType: 'xmlhttprequest', stream: c.stream });
      c.end(until + r.int(2, 20), 'error', f, { errorName: 'TypeError' });
      c.breakAt = null;
    } else c.end(until + r.int(5, 50), 'complete', f, { terminalSeen: true });
    return c;
  },
};

export const FAULT_IDS = Object.keys(FAULTS);

// Confounders: each leaves the label unchanged by construction.
const CONFOUNDERS = {
  other_tab: (c, r) => {
    const site = r.pick(ALL_SITES);
    const kind = SITES[site].sse ? 'sse' : 'ws';
    const tab = c.tab + 100;
    const stream = `${tab}:1`;
    const at = -r.int(120_000, 600_000);
    c.open(at, 400, stream, tab, site, kind);
    c.in(at + 500, { type: 'stream.first_token', stream, ttftMs: 500 });
    c.in(at + r.int(3000, 20_000), { type: 'stream.end', stream, outcome: 'complete', frames: 120, bytes: 9600, durationMs: 6000, terminalSeen: true, gapMeanMs: 40, gapP95Ms: 120, gapMaxMs: 300, lastFrameAgoMs: 20 });
  },
  old_network_change: (c, r) => c.ev(-r.int(300_000, 3_600_000), { type: 'os.network_change', kind: r.pick(['iface_up', 'addr_added', 'dns_servers']), iface: 'wlan0', detail: null }),
  benign_extension: (c, r) => c.in(-r.int(60_000, 900_000), { type: 'browser.extensions', extensions: [{ id: 'ben' + r.int(1, 99), name: r.pick(['Bitwarden', 'Google Translate', 'Zotero Connector']), enabled: true, canBlock: false, chatHostAccess: false }] }),
  analytics_blocked: (c, r) => c.in(-r.int(1000, 120_000), { type: 'browser.request_error', tabId: c.tab, url: 'https://www.google-analytics.com/g/collect', error: 'net::ERR_BLOCKED_BY_CLIENT', resourceType: 'ping' }),
  old_offline_flap: (c, r) => {
    const t = -r.int(3_600_000, 7_200_000);
    c.in(t, { type: 'browser.connectivity', online: false });
    c.in(t + r.int(2000, 60_000), { type: 'browser.connectivity', online: true });
  },
  other_break_pattern: (c, r) => c.ev(-r.int(60_000, 3_600_000), { type: 'history.pattern', breakId: `b-${T0 - 9_000_000}-9:1`, cause: r.pick(['pattern.same_network', 'network.idle_cutoff', 'pattern.same_site']), confidence: 0.4, lines: [] }),
  cookie_refresh_before: (c, r) => c.in(-r.int(300_000, 900_000), { type: 'browser.cookie_changed', site: c.site, name: '__Secure-next-auth.session-token', removed: false, cause: 'overwrite' }),
};

/** One scenario for a seed: {seed, label, site, kind, fault, confounders, seen, lines}. */
export function scenario(seed) {
  const r = rng(seed);
  // Clean cases are a fifth of the set, faults share the rest evenly.
  const fault = r.chance(0.2) ? 'clean' : r.pick(FAULT_IDS.filter((f) => f !== 'clean'));
  const c = FAULTS[fault](r);
  const confounders = [];
  for (const [name, add] of Object.entries(CONFOUNDERS)) {
    if (r.chance(0.18)) {
      add(c, r);
      confounders.push(name);
    }
  }
  return {
    seed,
    label: fault === 'clean' ? null : fault,
    fault,
    site: c.site,
    kind: c.kind,
    confounders,
    seen: c.seen,
    lines: toLines(c),
    // When the post-mortem's evidence is in: the runner adds the {"probed": id} line there.
    probedAt: c.probedAfter === null ? null : T0 + c.probedAfter,
  };
}

/** The recording's lines: events arrive 3 ms after they happened, host evidence on the host clock. */
function toLines(c) {
  const out = [JSON.stringify({ recording: 1, host: 'sealed', at: T0 - 3_700_000 })];
  const sorted = c.events.map((x, i) => ({ ...x, i })).sort((a, b) => a.t - b.t || a.i - b.i);
  let seq = 0;
  for (const { t, host, e } of sorted) {
    if (host) out.push(JSON.stringify({ at: T0 + t, ev: { ...e, ts: T0 + t } }));
    else out.push(JSON.stringify({ at: T0 + t + 3, in: { v: 1, seq: ++seq, ts: T0 + t, ...e } }));
  }
  return out;
}

/** The seeds of a set: `tune` and `sealed` never overlap. */
export function seeds(set, n) {
  const base = set === 'sealed' ? 1_000_001 : 1;
  return Array.from({ length: n }, (_, i) => base + i);
}
