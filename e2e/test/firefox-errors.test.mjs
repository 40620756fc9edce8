// Which strings Firefox puts in webRequest.onErrorOccurred, provoked one by one from a lab page
// (the fetches run in the page through WebDriver BiDi; the add-on's listener records them). The
// host's table (NetErrors.java) maps exactly these; docs/testing.md lists them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { ARTIFACTS, startLab } from '../lib/harness.mjs';
import { BLOCKER, buildFirefoxExtension, firefoxPrerequisites, launchFirefox, makeFirefoxHome, poll } from '../lib/firefox.mjs';

const pre = firefoxPrerequisites();
const skip = !pre.ok && !pre.required ? `missing: ${pre.missing.join('; ')}` : false;
const CANCELLER = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'firefox-webrequest-blocker');

let lab;
let fx;
let ff;
let page;
let tabId;
const seen = {};

function closedPort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Runs `script` in the page, then waits for the add-on to record an error for `urlPart`. */
async function provoke(name, script, urlPart) {
  await ff.bidi.evaluate(page, `(async () => { try { ${script} } catch (e) { return String(e); } return 'no error'; })()`);
  const errors = await poll(() => ff.evalBg(`__streamdoctor.snapshot().outgoing.map((x) => JSON.parse(x))
      .filter((e) => e.type === 'browser.request_error' && String(e.url).includes(${JSON.stringify(urlPart)})).map((e) => e.error)`),
  (v) => v.length > 0, 10_000, `a request error for ${urlPart}`).catch(() => []);
  seen[name] = errors;
  return errors;
}

before(async () => {
  if (skip) return;
  assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
  buildFirefoxExtension();
  lab = await startLab();
  fx = makeFirefoxHome('errors');
  ff = await launchFirefox(fx, { prefs: {
    'privacy.trackingprotection.enabled': true,
    // Firefox's test hook for tracking protection: hosts listed here count as trackers. Only
    // third-party loads are blocked, so the lab page itself (first party) is untouched.
    'urlclassifier.trackingTable.testEntries': '127.0.0.1',
  } });
  await ff.installAddon(BLOCKER);
  await ff.installAddon(CANCELLER);
  page = await ff.bidi.openTab(`${lab.url}?case=errors`);
  tabId = await poll(() => ff.evalBg(`(await browser.tabs.query({})).filter((t) => String(t.url).includes('case=errors')).map((t) => t.id)[0] ?? null`),
    (v) => v !== null && v !== undefined, 10_000, 'the errors tab');
}, { timeout: 120_000 });

after(async () => {
  if (ff) await ff.close();
  if (lab) lab.stop();
  if (fx) fx.cleanup();
  if (Object.keys(seen).length) {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'firefox-error-strings.json'), JSON.stringify(seen, null, 2));
  }
});

test('firefox error string: connection refused', { skip, timeout: 30_000 }, async () => {
  const port = await closedPort();
  const errors = await provoke('refused', `await fetch('http://127.0.0.1:${port}/lab/sse/refused-1', { method: 'POST' });`, '/lab/sse/');
  assert.deepEqual(errors, ['NS_ERROR_CONNECTION_REFUSED']);
});

test('firefox error string: the page aborts its own stream', { skip, timeout: 30_000 }, async () => {
  const errors = await provoke('page_abort', `const c = new AbortController();
    const r = await fetch('/lab/sse/abort-1?fault=drip&gap_ms=300', { method: 'POST', signal: c.signal });
    await r.body.getReader().read(); c.abort(); await new Promise((res) => setTimeout(res, 300));`, 'abort');
  assert.deepEqual(errors, ['NS_BINDING_ABORTED']);
});

test('firefox error string: declarativeNetRequest block by another add-on', { skip, timeout: 30_000 }, async () => {
  const errors = await provoke('dnr_block', `await fetch('/lab/claude/dnr-1', { method: 'POST' });`, '/lab/claude/');
  assert.deepEqual(errors, ['NS_ERROR_ABORT']);
});

test('firefox error string: blocking webRequest cancel by another add-on', { skip, timeout: 30_000 }, async () => {
  const errors = await provoke('webrequest_cancel', `await fetch('/lab/sse/cancel-1', { method: 'POST' });`, 'cancel');
  assert.deepEqual(errors, ['NS_ERROR_ABORT']);
});

test('firefox error string: tracking protection blocks a third-party tracker', { skip, timeout: 30_000 }, async () => {
  const port = new URL(lab.url).port;
  const other = await ff.bidi.openTab(`http://localhost:${port}/?case=tp`);
  try {
    await ff.bidi.evaluate(other, `(async () => { try { await fetch('http://127.0.0.1:${port}/lab/sse/track-1', { method: 'POST', mode: 'no-cors' }); } catch (e) { return String(e); } return 'loaded'; })()`);
    const errors = await poll(() => ff.evalBg(`__streamdoctor.snapshot().outgoing.map((x) => JSON.parse(x))
        .filter((e) => e.type === 'browser.request_error' && String(e.url).includes('track-1')).map((e) => e.error)`),
    (v) => v.length > 0, 10_000, 'a tracking-protection error').catch(() => []);
    seen.tracking_protection = errors;
    assert.deepEqual(errors, ['NS_ERROR_TRACKING_URI']);
  } finally {
    await ff.bidi.closeTab(other);
  }
});

test('firefox error string: offline (WebDriver BiDi network emulation)', { skip, timeout: 30_000 }, async (t) => {
  try {
    await ff.bidi.send('emulation.setNetworkConditions', { networkConditions: { type: 'offline' }, contexts: [page] });
  } catch (e) {
    seen.offline = [`not provoked: ${e.message}`];
    t.skip(`this Firefox cannot emulate offline: ${e.message}`);
    return;
  }
  try {
    const errors = await provoke('offline', `await fetch('/lab/sse/offline-1', { method: 'POST' });`, 'offline-1');
    assert.deepEqual(errors, ['NS_ERROR_OFFLINE']);
  } finally {
    await ff.bidi.send('emulation.setNetworkConditions', { networkConditions: null, contexts: [page] }).catch(() => {});
  }
});
