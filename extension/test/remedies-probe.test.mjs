// "Check now" names only chat sites to the host: never the host name of some other page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRemedies } from '../background/remedies.js';

function harness(tabUrl) {
  const requests = [];
  const link = { retryNow() {}, async request(type, fields) { requests.push({ type, fields }); return { type: 'probe.result', evidence: [] }; } };
  const ext = { tabs: { async get() { return { url: tabUrl }; } } };
  return { requests, run: createRemedies({ ext, link, storage: { async get() { return {}; }, async set() {} } }) };
}

test('a chat site tab: the probe names the site id', async () => {
  const h = harness('https://chatgpt.com/c/1');
  await h.run('probe', { siteId: 'generic', tabId: 4 });
  await h.run('probe', { siteId: 'claude', tabId: 4 });
  assert.deepEqual(h.requests.map((r) => r.fields), [{ site: 'chatgpt' }, { site: 'claude' }]);
});

test('any other page: no probe request at all', async () => {
  for (const url of ['http://192.168.1.1/admin', 'https://evil.example/', 'not a url']) {
    const h = harness(url);
    const r = await h.run('probe', { siteId: 'generic', tabId: 4 });
    assert.equal(r.ok, false);
    assert.equal(r.error, 'not_a_chat_site');
    assert.deepEqual(h.requests, [], url);
  }
  const h = harness('https://chatgpt.com/');
  assert.equal((await h.run('probe', { siteId: 'generic' })).error, 'not_a_chat_site');
});
