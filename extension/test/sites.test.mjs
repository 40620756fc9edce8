import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { classifyWsFrame } from '../src/common/sse.js';
import { LAB_MATCHES, labManifest } from '../tools/build-lab.mjs';
import { SITES, GENERIC, SITE_IDS, siteForHost, siteById, streamRule, streamAdapter, matchBanner, shortCode, isStreamingContentType, hostMatchPatterns } from '../src/common/sites.js';

const SYMPTOMS = ['message_stream_error', 'network_error', 'bad_error', 'something_went_wrong', 'blank_page', 'slow_stream'];

test('siteForHost_knownAndUnknownHosts_adapterOrGeneric', () => {
  assert.equal(siteForHost('chatgpt.com').id, 'chatgpt');
  assert.equal(siteForHost('chat.openai.com').id, 'chatgpt');
  assert.equal(siteForHost('claude.ai').id, 'claude');
  assert.equal(siteForHost('gemini.google.com').id, 'gemini');
  assert.equal(siteForHost('copilot.microsoft.com').id, 'copilot');
  assert.equal(siteForHost('www.perplexity.ai').id, 'perplexity');
  assert.equal(siteForHost('127.0.0.1').id, 'lab');
  assert.equal(siteForHost('LOCALHOST').id, 'lab');
  assert.equal(siteForHost('example.org'), GENERIC);
  assert.deepEqual(SITE_IDS, ['chatgpt', 'claude', 'gemini', 'copilot', 'perplexity', 'lab', 'generic']);
  assert.equal(siteById('nope'), null);
});

test('streamRule_documentedEndpoints_matchWithKind', () => {
  const cases = [
    ['chatgpt', '/backend-api/conversation', 'sse'],
    ['chatgpt', '/backend-api/f/conversation', 'sse'],
    ['claude', '/api/organizations/o1/chat_conversations/c1/completion', 'sse'],
    ['gemini', '/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate', 'chunked'],
    ['copilot', '/c/api/chat', 'ws'],
    ['perplexity', '/rest/sse/perplexity_ask', 'sse'],
    ['lab', '/lab/sse/run1', 'sse'],
    ['lab', '/lab/claude/run1', 'sse'],
    ['lab', '/lab/ws/run1', 'ws'],
  ];
  for (const [id, path, kind] of cases) assert.equal(streamRule(siteById(id), path)?.kind, kind, `${id} ${path}`);
  assert.equal(streamRule(siteById('chatgpt'), '/backend-api/models'), null);
  assert.equal(streamRule(GENERIC, '/anything'), null);
});

test('matchBanner_labTexts_patternIdAndSymptom', () => {
  const lab = siteById('lab');
  assert.deepEqual(matchBanner(lab, 'Error in message stream'), { id: 'error_in_message_stream', symptom: 'message_stream_error' });
  assert.deepEqual(matchBanner(lab, 'Network error'), { id: 'network_error', symptom: 'network_error' });
  assert.deepEqual(matchBanner(lab, 'Something went wrong. Retry'), { id: 'something_went_wrong', symptom: 'something_went_wrong' });
  assert.equal(matchBanner(lab, 'All good'), null);
  assert.equal(matchBanner(lab, ''), null);
});

test('adapters_everyEntry_hasCompleteShape', () => {
  for (const s of [...SITES, GENERIC]) {
    assert.equal(typeof s.parseError, 'function', s.id);
    assert.ok(Array.isArray(s.banners) && s.banners.length > 0, s.id);
    for (const b of s.banners) {
      assert.match(b.id, /^[a-z][a-z0-9_]*$/);
      assert.ok(SYMPTOMS.includes(b.symptom), b.symptom);
    }
    assert.equal(typeof s.bannerSelector, 'string');
    assert.equal(typeof s.appRoot, 'string');
    assert.ok(Array.isArray(s.authEndpoints) && Array.isArray(s.sessionCookies));
    assert.ok('summary' in s.statusPage && 'page' in s.statusPage);
  }
  assert.equal(siteById('chatgpt').statusPage.summary, 'https://status.openai.com/api/v2/summary.json');
  assert.equal(siteById('claude').statusPage.summary, 'https://status.claude.com/api/v2/summary.json');
  assert.deepEqual(siteById('chatgpt').authEndpoints, ['/api/auth/session']);
});

test('parseError_claudeAndChatgptShapes_shortCodesOnly', () => {
  const claude = siteById('claude');
  assert.equal(claude.parseError({ type: 'error', error: { type: 'overloaded_error', message: 'CANARY-7f3a9' } }), 'overloaded_error');
  assert.equal(claude.parseError({ error: { type: 'rate_limit_error' } }), 'rate_limit_error');
  assert.equal(claude.parseError({ error: { type: 'CANARY-7f3a9 free text' } }), 'server_error');
  assert.equal(siteById('chatgpt').parseError({ error: 'Something went wrong CANARY-7f3a9' }), 'server_error');
  assert.equal(claude.parseError({ delta: { text: 'error' } }), null);
  assert.equal(claude.parseError(null), null);
});

test('wsFrame_copilotEvents_tokenTerminalError', () => {
  const c = siteById('copilot');
  assert.deepEqual(c.wsFrame({ event: 'appendText', text: 'hi' }), { token: true });
  assert.deepEqual(c.wsFrame({ event: 'done' }), { terminal: true });
  assert.deepEqual(c.wsFrame({ event: 'error' }), { errorType: 'server_error' });
  assert.deepEqual(c.wsFrame({ event: 'error', errorCode: 'throttled' }), { errorType: 'throttled' });
});

test('shortCode_untrustedValues_normalized', () => {
  assert.equal(shortCode('Overloaded_Error'), 'overloaded_error');
  assert.equal(shortCode('has space'), 'server_error');
  assert.equal(shortCode(42), 'server_error');
  assert.equal(shortCode('x'.repeat(41)), 'server_error');
});

test('isStreamingContentType_variants_recognized', () => {
  assert.ok(isStreamingContentType('text/event-stream; charset=utf-8'));
  assert.ok(isStreamingContentType('application/x-ndjson'));
  assert.ok(!isStreamingContentType('application/json'));
  assert.ok(!isStreamingContentType(null));
});

test('hostMatchPatterns_everyAdapterHost_inManifestPermissionsAndContentScripts', () => {
  // The chat sites in the shipped manifest; the lab's origins in the lab build only.
  const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
  const lab = labManifest(manifest);
  for (const p of hostMatchPatterns()) {
    const m = LAB_MATCHES.includes(p) ? lab : manifest;
    assert.ok(m.host_permissions.includes(p), p);
    for (const cs of m.content_scripts) assert.ok(cs.matches.includes(p), p);
  }
  assert.deepEqual(hostMatchPatterns().filter((p) => siteForHost(new URL(p).hostname).id === 'lab'), LAB_MATCHES);
});

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const pubsub = (sse, dataType = 'json') => JSON.stringify(dataType === 'json'
  ? { type: 'message', from: 'group', group: 'g', dataType: 'json', data: { type: 'http.response.body', body: b64(sse), more_body: true } }
  : { type: 'message', from: 'group', group: 'g', dataType: 'binary', data: b64(sse) });

test('streamAdapter_streamsBelongToThePagesSite_withTheirTransportsGrammar', () => {
  const chatgpt = siteById('chatgpt');
  assert.equal(streamAdapter(chatgpt, { host: 'chatgpt.com', path: '/backend-api/conversation', sameSite: true }), chatgpt);
  const pubsubAdapter = streamAdapter(chatgpt, { host: 'chatgpt-eus.webpubsub.azure.com', path: '/client/hubs/conversations', sameSite: false });
  assert.equal(pubsubAdapter.id, 'chatgpt');
  assert.equal(typeof pubsubAdapter.wsFrame, 'function');
  const other = streamAdapter(chatgpt, { host: 'events.example.net', path: '/x', sameSite: false });
  assert.deepEqual([other.id, other.wsFrame, other.sseDone], ['chatgpt', null, undefined], 'the page site, no grammar');
  assert.equal(streamAdapter(GENERIC, { host: 'x.webpubsub.azure.com', path: '/', sameSite: false }), GENERIC);
  assert.equal(streamAdapter(siteById('claude'), { host: 'x.webpubsub.azure.com', path: '/', sameSite: false }).wsFrame, null,
    'a transport is the listing site\'s only');
  assert.equal(streamAdapter(chatgpt, { host: 'webpubsub.azure.com.evil.example', path: '/', sameSite: false }).wsFrame, null);
});

test('webPubSubFrames_base64SseBodies_tokensDoneAndErrors', () => {
  const a = streamAdapter(siteById('chatgpt'), { host: 'x.webpubsub.azure.com', path: '/', sameSite: false });
  const cls = (d) => classifyWsFrame(a, d);
  assert.deepEqual(cls(pubsub('data: {"v":"Hel"}\n\n')), { token: true, terminal: false, errorType: null });
  assert.deepEqual(cls(pubsub('data: {"v":"lo"}\n\ndata: [DONE]\n\n')), { token: true, terminal: true, errorType: null });
  assert.deepEqual(cls(pubsub('data: [DONE]', 'binary')), { token: false, terminal: true, errorType: null }, 'no final blank line');
  assert.deepEqual(cls(pubsub('data: {"error":{"type":"rate_limit_error"}}\n\n')).errorType, 'rate_limit_error');
  assert.deepEqual(cls(JSON.stringify({ type: 'system', event: 'connected', connectionId: 'c' })), { token: false, terminal: false, errorType: null });
  assert.deepEqual(cls(JSON.stringify({ type: 'ack', ackId: 1, success: true })), { token: false, terminal: false, errorType: null });
  assert.deepEqual(cls(JSON.stringify({ type: 'message', dataType: 'json', data: { body: '!!!' } })), { token: false, terminal: false, errorType: null });
});
