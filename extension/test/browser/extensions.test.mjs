// Another extension that blocks a chat request: the worker reports ERR_BLOCKED_BY_CLIENT and an
// inventory naming the blocker, and the popup's one-click "disable for a test" (and re-enable)
// really toggles it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDriver, launch, withTimeout, EXT_ID } from '../../test-support/browser.mjs';
import { startLabServer } from '../../test-support/lab-server.mjs';

const driver = await loadDriver();

function makeBlocker() {
  const dir = mkdtempSync(join(tmpdir(), 'sd-blocker-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'Test Blocker',
    version: '1.0',
    permissions: ['declarativeNetRequest'],
    host_permissions: ['<all_urls>'],
    declarative_net_request: { rule_resources: [{ id: 'r', enabled: true, path: 'rules.json' }] },
  }));
  writeFileSync(join(dir, 'rules.json'), JSON.stringify([{ id: 1, priority: 1, action: { type: 'block' }, condition: { urlFilter: '/lab/sse/blocked', resourceTypes: ['xmlhttprequest'] } }]));
  return dir;
}

test('blocker_blocksStream_evidenceInventoryAndOneClickDisable', { skip: driver.skip, timeout: 120000 }, async () => {
  const blocker = makeBlocker();
  const server = await startLabServer({ page: '<!doctype html><div id="app">lab</div>' });
  const b = await launch(driver.chromium, { extension: true, others: [blocker] });
  try {
    // The worker must be up (listeners registered, inventory taken) before the page fetches:
    // on a loaded machine a cold worker otherwise misses the first events.
    await withTimeout(b.worker.evaluate(async () => {
      await globalThis.__streamdoctor.ready;
      return true;
    }), 30000, 'worker ready');
    const chat = await b.context.newPage();
    await chat.goto('about:blank');
    await withTimeout(chat.goto(server.origin + '/page.html'), 15000, 'open chat page');
    const failure = await chat.evaluate(() => fetch('/lab/sse/blocked', { method: 'POST' }).then(() => 'ok', (e) => e.message));
    assert.equal(failure, 'Failed to fetch');
    let seen = [];
    const snap = await withTimeout(
      (async () => {
        for (;;) {
          const s = await b.worker.evaluate(() => JSON.parse(JSON.stringify(globalThis.__streamdoctor.snapshot())));
          const events = s.outgoing.map((e) => JSON.parse(e));
          seen = events.map((e) => e.type);
          if (events.some((e) => e.type === 'browser.request_error') && events.some((e) => e.type === 'stream.end')) return events;
          await new Promise((r) => setTimeout(r, 150));
        }
      })(),
      30000,
      'blocked request evidence',
    ).catch((e) => {
      throw new Error(`${e.message}; events seen: ${seen.join(', ')}`);
    });
    const err = snap.find((e) => e.type === 'browser.request_error');
    assert.equal(err.error, 'net::ERR_BLOCKED_BY_CLIENT');
    assert.ok(err.stream && err.stream.endsWith('.1'), 'matched to the stream the page opened');
    const inventory = snap.filter((e) => e.type === 'browser.extensions').at(-1).extensions;
    const entry = inventory.find((x) => x.name === 'Test Blocker');
    assert.deepEqual([entry.enabled, entry.canBlock, entry.chatHostAccess], [true, true, true]);

    const tabId = await b.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url.startsWith(url)).id, server.origin);
    const finding = [{ cause: 'extension.blocked_request', confidence: 0.95, evidence: [{ atMs: 0, text: 'net::ERR_BLOCKED_BY_CLIENT on the stream' }], remedies: ['disable_extension'] }];
    await b.worker.evaluate(async (d) => globalThis.__streamdoctor.inject(d), {
      v: 1, type: 'diagnosis', id: null, stage: 'evidence',
      break: { breakId: `b-1-${tabId}:x.1`, stream: `${tabId}:x.1`, site: 'lab', ts: Date.now(), symptom: 'network_error', findings: finding, ruledOut: [] },
    });
    const popup = await b.context.newPage();
    await withTimeout(popup.goto(`chrome-extension://${EXT_ID}/popup/popup.html?tab=${tabId}`), 15000, 'open popup');
    await popup.waitForSelector('button[data-action="disable_extension"]', { timeout: 10000 });
    assert.match(await popup.textContent('button[data-action="disable_extension"]'), /Test Blocker/);
    await popup.click('button[data-action="disable_extension"]');
    await popup.waitForSelector('button[data-action="enable_extension"]', { timeout: 10000 });
    const enabledAfterDisable = await b.worker.evaluate(async () => (await chrome.management.getAll()).find((x) => x.name === 'Test Blocker').enabled);
    assert.equal(enabledAfterDisable, false);
    assert.equal(await chat.evaluate(() => fetch('/lab/sse/blocked', { method: 'POST' }).then((r) => r.status, (e) => e.message)), 200, 'the stream works with the blocker off');
    await popup.click('button[data-action="enable_extension"]');
    await popup.waitForFunction(() => !document.querySelector('button[data-action="enable_extension"]'), null, { timeout: 10000 });
    const enabledAgain = await b.worker.evaluate(async () => (await chrome.management.getAll()).find((x) => x.name === 'Test Blocker').enabled);
    assert.equal(enabledAgain, true);
  } finally {
    await b.close();
    await server.close();
    rmSync(blocker, { recursive: true, force: true });
  }
});
