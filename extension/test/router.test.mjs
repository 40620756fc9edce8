import test from 'node:test';
import assert from 'node:assert/strict';
import { createRouter, senderKind, isChatPageUrl } from '../background/router.js';

const self = { id: 'omagcholnfmppnbeobpckdaifhiiilgi', origin: 'chrome-extension://omagcholnfmppnbeobpckdaifhiiilgi/' };
const content = { id: self.id, url: 'https://chatgpt.com/c/1', tab: { id: 7 }, frameId: 0 };
const popup = { id: self.id, url: self.origin + 'popup/popup.html' };
const popupAsTab = { id: self.id, url: self.origin + 'popup/popup.html?tab=7', tab: { id: 9 }, frameId: 0 };

function router() {
  const calls = [];
  const handler = (name) => (msg, sender) => {
    calls.push([name, sender.tab ? sender.tab.id : null]);
    return { ok: true, name };
  };
  const r = createRouter({ self, handlers: { 'hook.event': handler('hook'), 'ui.state': handler('state'), 'ui.action': handler('action') } });
  return { r, calls };
}

test('isChatPageUrl_chatAndLabAndOthers_classified', () => {
  assert.ok(isChatPageUrl('https://claude.ai/chat/x'));
  assert.ok(isChatPageUrl('http://127.0.0.1:8123/page.html'));
  assert.ok(isChatPageUrl('http://localhost/'));
  assert.ok(!isChatPageUrl('http://chatgpt.com/')); // wrong scheme
  assert.ok(!isChatPageUrl('https://evil.example/chatgpt.com/'));
  assert.ok(!isChatPageUrl('https://chatgpt.com.evil.example/'));
  assert.ok(!isChatPageUrl('not a url'));
});

test('senderKind_variants_contentUiOrNull', () => {
  assert.equal(senderKind(content, self), 'content');
  assert.equal(senderKind(popup, self), 'ui');
  assert.equal(senderKind(popupAsTab, self), 'ui');
  assert.equal(senderKind({ ...content, id: 'otherextension' }, self), null);
  assert.equal(senderKind({ ...content, frameId: 3 }, self), null, 'frames are not ours (all_frames:false)');
  assert.equal(senderKind({ ...content, url: 'https://example.org/' }, self), null);
  assert.equal(senderKind({ ...content, tab: undefined }, self), null);
  assert.equal(senderKind(undefined, self), null);
});

test('route_contentEvent_fromContentScript_handled', async () => {
  const { r, calls } = router();
  assert.deepEqual(await r.route({ type: 'hook.event', event: {} }, content), { ok: true, name: 'hook' });
  assert.deepEqual(calls, [['hook', 7]]);
});

test('route_uiMessage_fromContentScript_refused', async () => {
  const { r, calls } = router();
  const reply = await r.route({ type: 'ui.action', action: 'disable_extension' }, content);
  assert.equal(reply.ok, false);
  assert.equal(calls.length, 0);
  assert.equal(r.stats.refused, 1);
});

test('route_contentEvent_fromExtensionPage_refused', async () => {
  const { r, calls } = router();
  assert.equal((await r.route({ type: 'hook.event' }, popup)).ok, false);
  assert.equal(calls.length, 0);
});

test('route_anyMessage_fromOtherExtension_refused', async () => {
  const { r, calls } = router();
  const other = { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html' };
  assert.equal((await r.route({ type: 'ui.state' }, other)).error, 'sender_refused');
  assert.equal(calls.length, 0);
});

test('route_unknownOrMalformed_refusedNotThrown', async () => {
  const { r } = router();
  assert.equal((await r.route({ type: 'ui.nope' }, popup)).error, 'unknown_type');
  assert.equal((await r.route(null, popup)).ok, false);
  assert.equal((await r.route('ui.state', popup)).ok, false);
  assert.equal((await r.route({ type: 'ui.state' }, popupAsTab)).ok, true);
});
