// Drives one lab fault in a tab and reads back what the user would see.
import { popupCauses } from './harness.mjs';

/** The worker's view: host connection, notifications created, stored breaks. */
export async function workerState(worker) {
  return worker.evaluate(async () => {
    const s = globalThis.__streamdoctor;
    if (!s) return null;
    await s.ready;
    const breaks = typeof s.lastBreaks === 'function' ? await s.lastBreaks() : s.lastBreaks;
    return { connection: s.connection, notifications: s.notificationsCreated, breaks: breaks || [] };
  });
}

export async function tabIdFor(worker, marker) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const id = await worker.evaluate(async (m) => {
      const tabs = await chrome.tabs.query({});
      const t = tabs.find((x) => (x.url || x.pendingUrl || '').includes(m));
      return t ? t.id : null;
    }, marker);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab with ${marker}`);
}

function breaksOfTab(state, tabId) {
  return (state.breaks || []).filter((b) => String(b.stream || '').split(':')[0] === String(tabId));
}

export function topCause(brk) {
  const f = (brk.findings || []).slice().sort((a, b) => (b.confidence || 0) - (a.confidence || 0));
  return f.length ? f[0].cause : null;
}

/**
 * Opens the lab page with `query`, waits for the break of that tab and returns
 * {tabId, brk, notification, popup: [causes top first]}. `stage: 'probed'` waits (bounded by the
 * same timeout) for the verdict refreshed by the host's post-mortem probes, for causes only the
 * probes can name (a lying resolver).
 */
export async function runBreakCase(context, worker, labUrl, name, query, timeoutMs = 30_000, { during, stage } = {}) {
  const page = await context.newPage();
  const marker = `case=${name}`;
  await page.goto(`${labUrl}?${query}&autostart=1&${marker}`);
  const tabId = await tabIdFor(worker, marker);
  // A fault the lab cannot play by itself (a network change) strikes while the page streams.
  if (during) await during(page);
  const deadline = Date.now() + timeoutMs;
  let s = null;
  let brk = null;
  while (Date.now() < deadline) {
    s = await workerState(worker);
    const mine = s ? breaksOfTab(s, tabId) : [];
    if (mine.length && (!stage || mine[0].stage === stage)) {
      brk = mine[0];
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!brk) {
    const lab = await page.evaluate(() => window.__lab || null).catch(() => null);
    throw new Error(`${name}: no break for tab ${tabId} within ${timeoutMs} ms; lab=${JSON.stringify(lab)} state=${JSON.stringify(s)?.slice(0, 1500)}`);
  }
  // Give a refreshed verdict (the end after an error object, a probed stage) a moment to land.
  await new Promise((r) => setTimeout(r, 600));
  s = await workerState(worker);
  brk = breaksOfTab(s, tabId)[0];
  const notification = (s.notifications || []).find((n) => n.breakId === brk.breakId) || null;
  const popup = await popupCauses(context, tabId, name);
  await page.close();
  return { tabId, brk, notification, popup };
}

/** Opens a clean exchange and checks it finished without any break or notification. */
export async function runCleanCase(context, worker, labUrl, name, query) {
  const page = await context.newPage();
  const marker = `case=${name}`;
  await page.goto(`${labUrl}?${query}&autostart=1&${marker}`);
  const tabId = await tabIdFor(worker, marker);
  await page.waitForFunction(() => window.__lab && (window.__lab.state === 'done' || window.__lab.state === 'error'),
    null, { timeout: 30_000 });
  const labState = await page.evaluate(() => window.__lab.state);
  await new Promise((r) => setTimeout(r, 1500));
  const s = await workerState(worker);
  await page.close();
  return { tabId, labState, breaks: breaksOfTab(s, tabId), notifications: s.notifications || [] };
}
