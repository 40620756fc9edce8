// The user-facing side in real Chromium, without a host: the popup opened as a tab shows the
// "not installed" state with its fix, renders injected diagnoses by the DOM contract, runs a
// one-click remedy (hard reload of the chat tab), and notifications are never duplicated.
import test from 'node:test';
import http from 'node:http';
import assert from 'node:assert/strict';
import { loadDriver, launch, withTimeout, EXT_ID } from '../../test-support/browser.mjs';
import { startLabServer } from '../../test-support/lab-server.mjs';

const driver = await loadDriver();

const diagnosis = (stage, tabId, findings) => ({
  v: 1,
  type: 'diagnosis',
  id: null,
  stage,
  break: { breakId: `b-1764120004000-${tabId}:x.3`, stream: `${tabId}:x.3`, site: 'lab', url: 'http://127.0.0.1/lab/sse/run', ts: Date.now(), symptom: 'message_stream_error', findings, ruledOut: [] },
});
const evidenceStage = [{ cause: 'server.overloaded', confidence: 0.7, evidence: [{ atMs: -1000, text: 'stream reported error object overloaded_error' }], remedies: ['wait_and_retry'] }];
const probedStage = [
  { cause: 'server.overloaded', confidence: 0.4, evidence: [], remedies: ['wait_and_retry'] },
  { cause: 'page.init_failed', confidence: 0.9, evidence: [{ atMs: -5000, text: 'app root never rendered' }], remedies: ['hard_reload', 'disable_script_blockers'] },
];

test('popup_asTab_hostMissingStateBreaksRemedyAndNoDuplicateNotifications', { skip: driver.skip, timeout: 120000 }, async () => {
  let pageLoads = 0;
  const server = await startLabServer({ page: '<!doctype html><div id="app">lab</div>' });
  const b = await launch(driver.chromium, { extension: true });
  try {
    const chat = await b.context.newPage();
    await chat.goto('about:blank');
    chat.on('load', () => pageLoads++);
    await withTimeout(chat.goto(server.origin + '/page.html'), 15000, 'open chat page');
    const tabId = await b.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url.startsWith(url)).id, server.origin);

    const results = await b.worker.evaluate(
      async ([d1, d2, d3]) => {
        const s = globalThis.__streamdoctor;
        await s.ready;
        return [await s.inject(d1), await s.inject(d2), await s.inject(d3)];
      },
      [diagnosis('evidence', tabId, evidenceStage), diagnosis('probed', tabId, probedStage), diagnosis('probed', tabId, probedStage)],
    );
    assert.deepEqual(results, ['new', 'updated', 'updated']);
    const notes = await b.worker.evaluate(() => JSON.parse(JSON.stringify(globalThis.__streamdoctor.snapshot())).notificationsCreated);
    assert.equal(notes.filter((n) => !n.update).length, 1, 'one notification per break');
    assert.match(notes[0].title, /Lab chat is busy/);
    assert.match(notes.at(-1).title, /page did not load properly/, 'the probed update changed the notification');

    const popup = await b.context.newPage();
    await withTimeout(popup.goto(`chrome-extension://${EXT_ID}/popup/popup.html?tab=${tabId}`), 15000, 'open popup');
    await popup.waitForSelector('body[data-ready="true"]', { timeout: 10000 });
    assert.equal(await popup.getAttribute('#connection', 'data-state'), 'missing');
    assert.match(await popup.textContent('#connection-fix'), /streamdoctor\.jar install --browser/);
    const first = popup.locator('.break').first();
    assert.equal(await first.getAttribute('data-cause'), 'page.init_failed');
    assert.ok((await first.getAttribute('data-break-id')).includes(`${tabId}:x.3`));
    assert.equal(await popup.locator('.break').count(), 1);
    assert.deepEqual(await first.locator('.finding').evaluateAll((els) => els.map((e) => e.dataset.cause)), ['page.init_failed', 'server.overloaded']);
    assert.match(await first.textContent(), /5\.0 s before: app root never rendered/);

    // keyboard: the primary button is reachable and works with Enter
    const reload = popup.locator('.break.current button.primary[data-remedy="hard_reload"]');
    await reload.focus();
    const before = pageLoads;
    await popup.keyboard.press('Enter');
    await withTimeout(
      (async () => {
        while (pageLoads === before) await new Promise((r) => setTimeout(r, 100));
      })(),
      10000,
      'chat tab reloaded',
    );
    await popup.waitForFunction(() => /Reloaded the Lab chat tab without its cache/.test(document.getElementById('status-line').textContent), null, { timeout: 5000 });

    // "Check now" without a host: a plain failure message, no crash
    await popup.click('#check-now');
    await popup.waitForFunction(() => /helper app is not installed/.test(document.getElementById('status-line').textContent), null, { timeout: 10000 });
  } finally {
    await b.close();
    await server.close();
  }
});

test('options_toggleNotifications_savedAndHonoured', { skip: driver.skip, timeout: 120000 }, async () => {
  const b = await launch(driver.chromium, { extension: true });
  try {
    const page = await b.context.newPage();
    await withTimeout(page.goto(`chrome-extension://${EXT_ID}/options/options.html`), 15000, 'open options');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10000 });
    await page.uncheck('#notifications');
    await page.waitForFunction(() => document.getElementById('saved').textContent.length > 0, null, { timeout: 5000 });
    const stored = await b.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    assert.equal(stored.notifications, false);
    const r = await b.worker.evaluate(async (d) => {
      await globalThis.__streamdoctor.inject(d);
      return globalThis.__streamdoctor.notificationsCreated.length;
    }, diagnosis('evidence', 1, evidenceStage));
    assert.equal(r, 0);
  } finally {
    await b.close();
  }
});

test('popup_clearSiteSession_removesCookiesAndStorageOfThatOriginOnly', { skip: driver.skip, timeout: 120000 }, async () => {
  const server = await startLabServer({ page: '<!doctype html><div id="app">lab</div>' });
  const b = await launch(driver.chromium, { extension: true });
  try {
    const chat = await b.context.newPage();
    await chat.goto('about:blank');
    await withTimeout(chat.goto(server.origin + '/page.html'), 15000, 'open chat page');
    await chat.evaluate(() => {
      document.cookie = 'sd_lab_session=abc; path=/';
      localStorage.setItem('k', 'v');
    });
    // another origin (not a chat site) keeps its data
    const bystander = http.createServer((req, res) => res.end('<p>other</p>'));
    await new Promise((r) => bystander.listen(0, '127.0.0.2', r));
    const other = await b.context.newPage();
    await other.goto('about:blank');
    await withTimeout(other.goto(`http://127.0.0.2:${bystander.address().port}/`), 15000, 'open other origin');
    await other.evaluate(() => {
      document.cookie = 'keep=1; path=/';
      localStorage.setItem('keep', '1');
    });
    const tabId = await b.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url.startsWith(url)).id, server.origin);
    const session = [{ cause: 'session.conflict', confidence: 0.92, evidence: [{ atMs: 0, text: 'the stream request was refused with HTTP 401' }], remedies: ['clear_site_session', 'one_account_per_profile'] }];
    await b.worker.evaluate(async (d) => globalThis.__streamdoctor.inject(d), diagnosis('evidence', tabId, session));
    const popup = await b.context.newPage();
    await withTimeout(popup.goto(`chrome-extension://${EXT_ID}/popup/popup.html?tab=${tabId}`), 15000, 'open popup');
    await popup.waitForSelector('body[data-ready="true"]', { timeout: 10000 });
    assert.equal(await popup.locator('.break').first().getAttribute('data-cause'), 'session.conflict');
    await popup.click('.break.current button.primary[data-remedy="clear_site_session"]');
    await popup.waitForFunction(() => /Cleared Lab chat's cookies and stored data/.test(document.getElementById('status-line').textContent), null, { timeout: 10000 });
    await chat.reload();
    assert.deepEqual(await chat.evaluate(() => [document.cookie, localStorage.getItem('k')]), ['', null]);
    await other.reload();
    assert.deepEqual(await other.evaluate(() => [document.cookie, localStorage.getItem('keep')]), ['keep=1', '1']);
    bystander.close();
  } finally {
    await b.close();
    await server.close();
  }
});
