import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Hex, utf8Length, utf8Bytes } from '../src/common/sha256.js';
import { sanitizeUrl, looksLikeId, hashSegment, sanitizeRelative } from '../src/common/sanitize.js';

const nodeSha = (s) => createHash('sha256').update(s).digest('hex');

test('sha256Hex_variousInputs_matchesNodeCrypto', () => {
  for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'ünï€😀', '\ud800']) {
    assert.equal(sha256Hex(s), nodeSha(Buffer.from(utf8Bytes(s))), JSON.stringify(s.slice(0, 10)));
  }
  assert.equal(sha256Hex('abc'), nodeSha('abc'));
});

test('utf8Length_multibyteAndSurrogates_equalsBufferByteLength', () => {
  for (const s of ['', 'hello', 'ü', '€', '😀', 'a😀b€c', '\ud800x']) assert.equal(utf8Length(s), Buffer.byteLength(s), s);
});

test('sanitizeUrl_queryFragmentUserinfo_dropped', () => {
  assert.equal(sanitizeUrl('https://u:p@ChatGPT.com/backend-api/conversation?x=CANARY-7f3a9#frag'), 'https://chatgpt.com/backend-api/conversation');
});

test('sanitizeUrl_idSegments_hashedWithSha256Prefix', () => {
  const id = '1b2c3d4e-1111-2222-3333-444455556666';
  const out = sanitizeUrl(`https://claude.ai/api/organizations/${id}/chat_conversations/${id}/completion`);
  const h = ':h' + nodeSha(id).slice(0, 8);
  assert.equal(out, `https://claude.ai/api/organizations/${h}/chat_conversations/${h}/completion`);
  assert.equal(hashSegment(id), h);
});

test('sanitizeUrl_portAndWsScheme_kept', () => {
  assert.equal(sanitizeUrl('wss://copilot.microsoft.com/c/api/chat?api-version=2'), 'wss://copilot.microsoft.com/c/api/chat');
  assert.equal(sanitizeUrl('http://127.0.0.1:8080/lab/sse/run'), 'http://127.0.0.1:8080/lab/sse/run');
});

test('sanitizeUrl_nonHierarchical_null', () => {
  for (const u of ['blob:https://x/1', 'data:text/plain,hi', 'javascript:alert(1)', 'not a url', null, 42]) assert.equal(sanitizeUrl(u), null);
});

test('looksLikeId_routeNamesVsIds_classified', () => {
  for (const s of ['backend-api', 'conversation', 'chat_conversations', 'completion', 'assistant.lamda.BardFrontendService', 'StreamGenerate', 'v1', 'api', 'run1', 'perplexity_ask']) {
    assert.equal(looksLikeId(s), false, s);
  }
  for (const s of ['1b2c3d4e-1111-2222-3333-444455556666', 'deadbeefdeadbeef', '123456', '2', 'aGVsbG8gd29ybGQ9PQ12', 'g-abcdef1234567890', 'CANARY-7f3a9', 'hello%20world', 'x'.repeat(45)]) {
    assert.equal(looksLikeId(s), true, s);
  }
});

test('sanitizeRelative_relativePath_resolvedAgainstBase', () => {
  assert.equal(sanitizeRelative('/lab/sse/run?p=1', 'http://localhost:9000/page', URL), 'http://localhost:9000/lab/sse/run');
  assert.equal(sanitizeRelative('http://[bad', 'x', URL), null);
});
