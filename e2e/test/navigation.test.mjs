// Navigating away mid-stream is the user's choice, not a break: the dying page's scripts stop
// before the hook can report the stream's end, so the worker ends it as `aborted` on pagehide and
// drops whatever the old page still says. Without that, the stream stayed "open" for the host
// and later breaks on the site read as several tabs streaming at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tabIdFor, workerState } from '../lib/cases.mjs';
import { browserSkip, labBrowserSuite } from '../lib/suite.mjs';

const skip = browserSkip();
const env = labBrowserSuite('navigation', { skip });

async function sentEvents(worker) {
  return (await worker.evaluate(() => globalThis.__streamdoctor.snapshot().outgoing)).map((s) => JSON.parse(s));
}

for (const proto of ['sse', 'ws']) {
  test(`navigation mid-stream (${proto}): stream ends aborted, no break, no notification`, { skip, timeout: 60_000 }, async () => {
    const page = await env.browser.context.newPage();
    const marker = `case=nav_${proto}`;
    await page.goto(`${env.lab.url}?fault=drip&proto=${proto}&frames=30&gap_ms=300&autostart=1&${marker}`);
    const tabId = await tabIdFor(env.browser.worker, marker);
    await page.waitForFunction(() => window.__lab && window.__lab.frames >= 3, null, { timeout: 15_000 });
    await page.goto(`${env.lab.url}?fault=clean&proto=sse&autostart=0&after_nav=1`);
    const navigated = Date.now();
    const ofTab = async () => (await sentEvents(env.browser.worker)).filter((e) => String(e.stream || '').startsWith(`${tabId}:`));
    // The end must arrive (polled: a loaded machine is slow); a break must not, in the 3 s a
    // verdict (250 ms settle + probes) would need had the host seen one.
    for (let i = 0; i < 75 && !(await ofTab()).some((e) => e.type === 'stream.end'); i++) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, Math.max(0, navigated + 3000 - Date.now())));
    const mine = await ofTab();
    const opened = mine.filter((e) => e.type === 'stream.open');
    const ends = mine.filter((e) => e.type === 'stream.end');
    assert.equal(opened.length, 1, JSON.stringify(mine.map((e) => e.type)));
    assert.deepEqual(ends.map((e) => e.outcome), ['aborted'], JSON.stringify(ends));
    const s = await workerState(env.browser.worker);
    const breaks = s.breaks.filter((b) => String(b.stream || '').startsWith(`${tabId}:`));
    assert.deepEqual(breaks, []);
    assert.equal(s.notifications.filter((n) => n.id === `sd:tab:${tabId}`).length, 0);
    await page.close();
  });
}
