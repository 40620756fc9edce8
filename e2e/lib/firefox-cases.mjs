// Drives one lab fault in a Firefox tab and reads back every hop: the page (BiDi), the add-on's
// background state and webRequest errors (remote debugging protocol), the popup a user would
// open, and the host's HISTORY (`streamdoctor history --json`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from './harness.mjs';
import { poll } from './firefox.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Tab ids are what the extension keys streams by (`<tabId>:<stream>`). */
async function tabIdFor(ff, marker) {
  return poll(() => ff.evalBg(`(await browser.tabs.query({})).filter((t) => String(t.url || '').includes(${JSON.stringify(marker)})).map((t) => t.id)[0] ?? null`),
    (v) => v !== null && v !== undefined, 10_000, `a tab with ${marker}`);
}

/** The add-on's view of one tab: its breaks, notifications and the raw webRequest errors. */
export function addonView(ff, tabId) {
  return ff.evalBg(`(() => {
    const s = globalThis.__streamdoctor.snapshot();
    const mine = (b) => String(b.stream || '').split(':')[0] === '${tabId}';
    const events = s.outgoing.map((x) => JSON.parse(x)).filter((e) => e.tabId === ${tabId} || String(e.stream || '').split(':')[0] === '${tabId}');
    return {
      connection: s.connection,
      breaks: (s.lastBreaks || []).filter(mine),
      notifications: s.notificationsCreated,
      requestErrors: events.filter((e) => e.type === 'browser.request_error').map((e) => ({ error: e.error, resourceType: e.resourceType, url: e.url, stream: e.stream })),
      statuses: events.filter((e) => e.type === 'browser.http_status').map((e) => e.status),
      ends: events.filter((e) => e.type === 'stream.end').map((e) => ({ outcome: e.outcome, closeCode: e.closeCode, errorName: e.errorName })),
    };
  })()`);
}

export function topCause(brk) {
  const f = (brk.findings || []).slice().sort((a, b) => (b.confidence || 0) - (a.confidence || 0));
  return f.length ? f[0].cause : null;
}

/** The host's HISTORY rows for `tabId` (break ids are `b-<ts>-<tabId>:<stream>`). */
export function historyOfTab(fx, tabId) {
  return (fx.history().breaks || []).filter((b) => new RegExp(`^b-\\d+-${tabId}:`).test(b.breakId));
}

/** Opens the popup for `tabId` as a tab (as the notification click does), runs fn(consoleActor). */
export async function withPopup(ff, tabId, fn) {
  const popupTab = await ff.evalBg(`(await browser.tabs.create({ url: browser.runtime.getURL('popup/popup.html?tab=${tabId}'), active: true })).id`);
  try {
    return await fn(await ff.consoleFor(new RegExp(`/popup/popup\\.html\\?tab=${tabId}$`), 10_000));
  } finally {
    await ff.evalBg(`await browser.tabs.remove(${popupTab}), true`).catch(() => {});
  }
}

/** What the popup for `tabId` lists: causes (top first), feature-gap notes, its text. */
export function popupView(ff, tabId, shotName) {
  return withPopup(ff, tabId, async (actor) => {
    const view = await poll(() => ff.rdp.evaluateJson(actor, `({
      causes: [...document.querySelectorAll('.break[data-cause]')].map((e) => e.getAttribute('data-cause')),
      gaps: [...document.querySelectorAll('#gaps [data-gap]')].map((e) => e.getAttribute('data-gap')),
      text: document.body.innerText.slice(0, 4000),
    })`), (v) => v && v.causes.length > 0, 10_000, 'the popup to list a break').catch(() => null);
    if (shotName) await screenshot(ff, `popup/popup.html?tab=${tabId}`, shotName);
    return view;
  });
}

/** Best effort: a BiDi screenshot of the tab whose URL contains `urlPart` (for humans). */
async function screenshot(ff, urlPart, name) {
  try {
    const { contexts } = await ff.bidi.send('browsingContext.getTree', {});
    const c = contexts.find((x) => String(x.url).includes(urlPart));
    if (!c) return;
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `firefox-${name}.png`), await ff.bidi.screenshot(c.context));
  } catch {
    // screenshots are a debugging aid, never a result
  }
}

/**
 * Opens the lab with `query`, waits for the add-on's break of that tab, then for the host's
 * HISTORY row of that break with `expected` as its top cause (the verdict may be refined once
 * probes finished). Returns everything seen, for assertions and for the error-string table.
 */
export async function runFirefoxBreak(ff, fx, labUrl, name, query, expected, timeoutMs = 30_000) {
  const marker = `case=${name}`;
  const page = await ff.bidi.openTab(`${labUrl}?${query}&autostart=1&${marker}`);
  try {
    const tabId = await tabIdFor(ff, marker);
    const view = await poll(() => addonView(ff, tabId), (v) => v.breaks.length > 0, timeoutMs, `a break in tab ${tabId}`, 300);
    const breakId = view.breaks[0].breakId;
    const rows = await poll(() => historyOfTab(fx, tabId), (r) => r.some((b) => b.breakId === breakId && b.cause === expected),
      15_000, `HISTORY row ${breakId} with cause ${expected}`, 1000).catch(() => historyOfTab(fx, tabId));
    const lab = await ff.bidi.evaluate(page, 'window.__lab || null').catch(() => null);
    const after = await addonView(ff, tabId);
    const brk = after.breaks.find((b) => b.breakId === breakId) || view.breaks[0];
    const popup = await popupView(ff, tabId, name);
    return { tabId, brk, history: rows.find((b) => b.breakId === breakId) || null, view: after, lab, popup };
  } finally {
    await ff.bidi.closeTab(page);
  }
}

/** A clean exchange: the page finishes, and neither the add-on nor HISTORY has a break for it. */
export async function runFirefoxClean(ff, fx, labUrl, name, query) {
  const marker = `case=${name}`;
  const page = await ff.bidi.openTab(`${labUrl}?${query}&autostart=1&${marker}`);
  try {
    const tabId = await tabIdFor(ff, marker);
    const lab = await ff.bidi.waitFor(page, 'window.__lab || null', (v) => v && (v.state === 'done' || v.state === 'error'), 30_000, 'the lab exchange');
    await sleep(2000);
    const view = await addonView(ff, tabId);
    return { tabId, lab, view, history: historyOfTab(fx, tabId) };
  } finally {
    await ff.bidi.closeTab(page);
  }
}
