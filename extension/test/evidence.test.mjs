import test from 'node:test';
import assert from 'node:assert/strict';
import { requestEvent, proxyEvent, cookieEvent, createConnectivity, retryAfterSeconds } from '../background/evidence.js';
import { describe, coversChatHosts } from '../background/inventory.js';
import { createStreamRegistry } from '../background/streams.js';

function registryWithOpenStream() {
  const s = createStreamRegistry();
  s.toProtocol({ type: 'stream.open', ts: 1, stream: 'wv.1', site: 'chatgpt', url: 'https://chatgpt.com/backend-api/conversation', kind: 'sse', payloadBytes: 10 }, 12);
  return s;
}

test('requestEvent_errorOnOpenStream_matchedAndSanitized', () => {
  const e = requestEvent('error', { url: 'https://chatgpt.com/backend-api/conversation?secret=1', tabId: 12, type: 'xmlhttprequest', error: 'net::ERR_CONNECTION_RESET', method: 'POST', timeStamp: 5 }, registryWithOpenStream());
  assert.deepEqual(e, { type: 'browser.request_error', ts: 5, tabId: 12, url: 'https://chatgpt.com/backend-api/conversation', resourceType: 'xmlhttprequest', error: 'net::ERR_CONNECTION_RESET', stream: '12:wv.1', method: 'POST' });
});

test('requestEvent_errorOtherTab_noStream', () => {
  const e = requestEvent('error', { url: 'https://chatgpt.com/backend-api/conversation', tabId: 13, type: 'xmlhttprequest', error: 'net::ERR_FAILED' }, registryWithOpenStream());
  assert.equal(e.stream, null);
});

test('requestEvent_completed_onlyErrorsOrStreamUrls', () => {
  const s = createStreamRegistry();
  assert.equal(requestEvent('completed', { url: 'https://chatgpt.com/backend-api/models', tabId: 1, type: 'xmlhttprequest', statusCode: 200 }, s), null);
  const e429 = requestEvent('completed', { url: 'https://chatgpt.com/backend-api/conversation', tabId: 1, type: 'xmlhttprequest', statusCode: 429, responseHeaders: [{ name: 'Retry-After', value: '20' }] }, s);
  assert.deepEqual([e429.type, e429.status, e429.retryAfterS], ['browser.http_status', 429, 20]);
  const script = requestEvent('completed', { url: 'https://claude.ai/_next/app.js', tabId: 1, type: 'script', statusCode: 500 }, s);
  assert.equal(script.status, 500);
  assert.equal(requestEvent('completed', { url: 'https://chatgpt.com/backend-api/conversation', tabId: 1, type: 'xmlhttprequest', statusCode: 200 }, s).status, 200);
});

test('retryAfterSeconds_secondsDateMissing_parsed', () => {
  assert.equal(retryAfterSeconds([{ name: 'retry-after', value: '7' }]), 7);
  assert.ok(retryAfterSeconds([{ name: 'Retry-After', value: new Date(Date.now() + 60000).toUTCString() }]) >= 58);
  assert.equal(retryAfterSeconds([]), null);
});

test('proxyEvent_chromeAndFirefoxShapes_noHostNames', () => {
  const c = proxyEvent({ value: { mode: 'fixed_servers', rules: { singleProxy: { scheme: 'socks5', host: 'secret.proxy', port: 1080 } } }, levelOfControl: 'controlled_by_other_extensions' });
  assert.deepEqual(c.mode + c.scheme + c.levelOfControl, 'fixed_serverssocks5controlled_by_other_extensions');
  assert.ok(!JSON.stringify(c).includes('secret'));
  assert.equal(proxyEvent({ value: { proxyType: 'manual', http: 'secret:3128' } }).mode, 'fixed_servers');
  assert.equal(proxyEvent({ value: { proxyType: 'none' } }).mode, 'direct');
  assert.equal(proxyEvent({}).mode, 'unknown');
});

test('cookieEvent_sessionCookieOnChatSite_nameOnly', () => {
  const e = cookieEvent({ removed: true, cause: 'expired_overwrite', cookie: { domain: '.chatgpt.com', name: '__Secure-next-auth.session-token', value: 'SECRETVALUE' } });
  assert.deepEqual([e.site, e.name, e.removed, e.cause], ['chatgpt', '__Secure-next-auth.session-token', true, 'expired_overwrite']);
  assert.ok(!JSON.stringify(e).includes('SECRETVALUE'));
  assert.equal(cookieEvent({ cookie: { domain: '.claude.ai', name: '_ga' } }), null, 'analytics cookies are noise');
  assert.equal(cookieEvent({ cookie: { domain: 'example.org', name: 'session' } }), null);
  assert.equal(cookieEvent({ cookie: { domain: '.perplexity.ai', name: '__Secure-next-auth.session-token' } }).site, 'perplexity');
});

// A page can set any "session"-like cookie name on its own site; before, up to 100 characters of
// it travelled and landed in verdict text, history and reports.
test('cookieEvent_pageChosenSessionLikeName_travelsAsAHash', () => {
  const name = 'session_[call support](https://evil.example)';
  const e = cookieEvent({ removed: true, cause: 'explicit', cookie: { domain: '.chatgpt.com', name } });
  assert.match(e.name, /^:h[0-9a-f]{8}$/);
  assert.ok(!JSON.stringify(e).includes('evil'), JSON.stringify(e));
  assert.equal(cookieEvent({ removed: true, cookie: { domain: 'claude.ai', name: 'sessionKey' } }).name, 'sessionKey');
});

test('connectivity_change_emittedOnlyOnDifference', () => {
  const out = [];
  const nav = { onLine: true, connection: { effectiveType: '4g', rtt: 50, downlink: 10 } };
  const check = createConnectivity(nav, (e) => out.push(e));
  check();
  check();
  nav.onLine = false;
  check();
  assert.deepEqual(out.map((e) => e.online), [true, false]);
  assert.equal(out[0].rttMs, 50);
});

test('inventory_describe_blockingPowerAndChatAccess', () => {
  const ubo = describe({ id: 'a', name: 'uBlock Origin Lite', enabled: true, permissions: ['declarativeNetRequest'], hostPermissions: ['<all_urls>'] });
  assert.deepEqual(ubo, { id: 'a', name: 'uBlock Origin Lite', enabled: true, canBlock: true, chatHostAccess: true });
  const mild = describe({ id: 'b', name: 'Notes', enabled: false, permissions: ['storage'], hostPermissions: ['https://example.org/*'] });
  assert.deepEqual([mild.canBlock, mild.chatHostAccess], [false, false]);
  assert.ok(coversChatHosts(['*://*.openai.com/*']));
  assert.ok(coversChatHosts(['https://claude.ai/*']));
  assert.ok(!coversChatHosts(['https://notclaude.ai/*']));
});

test('streams_toProtocol_globalIdsAndPerTabHistory', () => {
  const s = registryWithOpenStream();
  const end = s.toProtocol({ type: 'stream.end', ts: 9, stream: 'wv.1', outcome: 'error', frames: 3, bytes: 30, durationMs: 8 }, 12);
  assert.equal(end.stream, '12:wv.1');
  assert.equal(end.tabId, undefined);
  const banner = s.toProtocol({ type: 'page.banner', ts: 9, site: 'chatgpt', symptom: 'network_error', pattern: 'network_error' }, 12);
  assert.equal(banner.tabId, 12);
  assert.equal(s.forTab(12)[0].state, 'error');
  assert.deepEqual(s.streamingTabs(), []);
});

test('flushAndProbeSummaries_protocolReplies_shortLines', async () => {
  const { flushSummary, probeSummary } = await import('../background/remedies.js');
  assert.equal(flushSummary({ type: 'flush.result', ok: false, steps: [{ cache: 'systemd-resolved', status: 'denied' }] }), 'systemd-resolved: denied');
  assert.equal(flushSummary({ type: 'flush.result', ok: true, steps: [] }), 'no OS DNS cache on this machine');
  assert.equal(flushSummary({ type: 'error', name: 'host_missing' }), 'host_missing');
  assert.equal(probeSummary({ type: 'probe.result', evidence: [{ type: 'probe.dns', outcome: 'ok' }, { type: 'probe.status_page', indicator: 'none' }] }), 'dns ok, status_page none');
  assert.equal(probeSummary(null), 'no probe results');
});

test('watchRequests_errorBeforeStreamOpen_matchedAfterGrace', async () => {
  const { watchRequests, MATCH_GRACE_MS } = await import('../background/evidence.js');
  const { createFakeTimers } = await import('../test-support/fake-timers.mjs');
  const listeners = {};
  const ext = {
    webRequest: {
      onErrorOccurred: { addListener: (fn) => (listeners.error = fn), removeListener() {} },
      onCompleted: { addListener: (fn) => (listeners.completed = fn), removeListener() {} },
    },
  };
  const streams = createStreamRegistry();
  const out = [];
  const timers = createFakeTimers();
  watchRequests(ext, streams, (e) => out.push(e), timers);
  listeners.error({ url: 'https://chatgpt.com/backend-api/conversation', tabId: 12, type: 'xmlhttprequest', error: 'net::ERR_BLOCKED_BY_CLIENT', method: 'POST' });
  assert.equal(out.length, 0, 'held back');
  streams.toProtocol({ type: 'stream.open', ts: 1, stream: 'wv.1', site: 'chatgpt', url: 'https://chatgpt.com/backend-api/conversation', kind: 'sse', payloadBytes: 1 }, 12);
  timers.advance(MATCH_GRACE_MS);
  assert.deepEqual(out.map((e) => [e.error, e.stream]), [['net::ERR_BLOCKED_BY_CLIENT', '12:wv.1']]);
  listeners.error({ url: 'https://claude.ai/x', tabId: -1, type: 'main_frame', error: 'net::ERR_NAME_NOT_RESOLVED' });
  assert.equal(out.length, 2, 'no tab: sent at once');
});

test('watchRequests_heldErrorMatchedByLaterOpen_flushSendsItBeforeTheEnd', async () => {
  const { watchRequests } = await import('../background/evidence.js');
  const { createFakeTimers } = await import('../test-support/fake-timers.mjs');
  const listeners = {};
  const ext = {
    webRequest: {
      onErrorOccurred: { addListener: (fn) => (listeners.error = fn), removeListener() {} },
      onCompleted: { addListener: (fn) => (listeners.completed = fn), removeListener() {} },
    },
  };
  const streams = createStreamRegistry();
  const out = [];
  const timers = createFakeTimers();
  const requests = watchRequests(ext, streams, (e) => out.push(e), timers);
  listeners.error({ url: 'https://claude.ai/api/organizations/o/chat_conversations/c/completion', tabId: 7, type: 'xmlhttprequest', error: 'NS_ERROR_ABORT', method: 'POST' });
  listeners.error({ url: 'https://claude.ai/other.js', tabId: 7, type: 'script', error: 'NS_ERROR_ABORT' });
  requests.flush(7);
  assert.equal(out.length, 0, 'nothing matches yet: both held');
  const open = streams.toProtocol({ type: 'stream.open', ts: 1, stream: 'wv.1', site: 'claude', url: 'https://claude.ai/api/organizations/o/chat_conversations/c/completion', kind: 'sse', payloadBytes: 1 }, 7);
  requests.flush(7);
  assert.deepEqual(out.map((e) => [e.error, e.stream]), [['NS_ERROR_ABORT', open.stream]]);
  timers.advance(10_000);
  assert.deepEqual(out.map((e) => e.stream), [open.stream, null], 'the unmatched one after the grace, once');
});
