// Every one-click remedy says what it did, in words (issue 18 item 4), checked against fakes of
// the browser APIs and the host link with the real English messages.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRemedies } from '../background/remedies.js';

const messages = JSON.parse(readFileSync(new URL('../_locales/en/messages.json', import.meta.url), 'utf8'));
const words = (key, subs = []) => {
  const m = messages[key];
  assert.ok(m, `missing message ${key}`);
  let text = m.message;
  for (const [name, ph] of Object.entries(m.placeholders || {})) text = text.split('$' + name.toUpperCase() + '$').join(subs[Number(ph.content.slice(1)) - 1]);
  return text;
};

function world({ replies = {}, tabUrl = 'https://chatgpt.com/c/1', content = { ok: true, outcome: 'clicked' }, state = 'connected' } = {}) {
  const opened = [];
  const store = {};
  const ext = {
    runtime: { id: 'self' },
    tabs: {
      get: async () => ({ id: 7, url: tabUrl }),
      create: async ({ url }) => opened.push(url),
      reload: async () => {},
      update: async () => {},
      sendMessage: async () => {
        if (content instanceof Error) throw content;
        return content;
      },
    },
    management: { get: async () => ({ name: 'uBlock Origin' }), setEnabled: async () => {} },
    browsingData: { remove: async () => {} },
  };
  const link = {
    state,
    retryNow() {},
    request: async (type) => {
      if (replies[type] instanceof Error) throw replies[type];
      if (!(type in replies)) throw new Error('host_' + state);
      return replies[type];
    },
  };
  const storage = { get: async (k) => ({ [k]: store[k] }), set: async (o) => Object.assign(store, o) };
  return { run: createRemedies({ ext, link, storage, words }), opened };
}

test('regenerate_clickedOrNoControl_saysWhichOnTheSite', async () => {
  assert.equal((await world().run('regenerate', { tabId: 7, siteId: 'chatgpt' })).message, "Pressed ChatGPT's Regenerate button: the answer is being written again.");
  const none = await world({ content: { ok: false, outcome: 'no_control' } }).run('regenerate', { tabId: 7, siteId: 'chatgpt' });
  assert.deepEqual([none.ok, none.message], [false, 'ChatGPT shows no Regenerate button right now: send your last message again.']);
  assert.equal((await world({ content: new Error('no receiver') }).run('regenerate', { tabId: 7, siteId: 'chatgpt' })).ok, false);
});

test('openStatus_withHelper_saysWhatThePageReports', async () => {
  const w = world({ replies: { probe: { evidence: [{ type: 'probe.status_page', indicator: 'major', affected: ['Conversations'] }] } } });
  const r = await w.run('open_status', { tabId: 7, siteId: 'chatgpt' });
  assert.equal(r.message, "ChatGPT's status page reports a major incident. (Conversations)");
  assert.deepEqual([r.openedTab, w.opened], [true, ['https://status.openai.com/']]);
  const alone = await world({ state: 'missing' }).run('open_status', { tabId: 7, siteId: 'chatgpt' });
  assert.equal(alone.message, "Opened ChatGPT's status page: look there for current problems.");
  assert.equal((await world().run('open_status', { tabId: 7, siteId: 'lab' })).message, 'Lab chat has no public status page.');
});

test('disableAndEnable_nameTheExtension', async () => {
  const w = world();
  assert.match((await w.run('disable_extension', { extensionId: 'abc' })).message, /^Turned off uBlock Origin for a test/);
  assert.equal((await w.run('enable_extension', { extensionId: 'abc' })).message, 'Turned uBlock Origin back on.');
  assert.equal((await w.run('disable_extension', { extensionId: 'self' })).message, 'No extension to turn off was named.');
});

test('flushDns_withAndWithoutHelper_saysWhatWasFlushed', async () => {
  const ok = await world({ replies: { flush_dns: { type: 'flush.result', ok: true, steps: [{ cache: 'systemd-resolved', status: 'flushed' }] } } }).run('flush_dns', {});
  assert.match(ok.message, /^Flushed the system DNS cache \(systemd-resolved\)\. The browser keeps its own DNS cache/);
  assert.equal(ok.openedTab, true);
  const none = await world({ state: 'missing' }).run('flush_dns', {});
  assert.match(none.message, /^Without the helper app the system DNS cache cannot be flushed/);
});

test('probe_helperMissingOrAnswering_words', async () => {
  assert.match((await world({ state: 'missing' }).run('probe', { siteId: 'chatgpt' })).message, /helper app is not installed/);
  const r = await world({ replies: { probe: { evidence: [{ type: 'probe.tcp', outcome: 'ok' }] } } }).run('probe', { siteId: 'chatgpt' });
  assert.equal(r.message, 'ChatGPT answers normally: connecting worked.');
});

test('settingsPages_andReload_andClear_sayWhatOpenedOrHappened', async () => {
  assert.match((await world().run('open_doh_settings', {})).message, /Use secure DNS/);
  assert.match((await world().run('open_proxy_settings', {})).message, /proxy settings/);
  assert.equal((await world().run('hard_reload', { tabId: 7, siteId: 'chatgpt' })).message, 'Reloaded the ChatGPT tab without its cache.');
  assert.match((await world().run('clear_site_session', { tabId: 7, siteId: 'chatgpt' })).message, /^Cleared ChatGPT's cookies and stored data/);
  assert.equal((await world().run('nonsense', {})).ok, false);
});
