// Cases where the user meets a break that is not a stream's own bad end (docs/diagnosis.md
// "When is it a break?"): open a lab page, wait for the break StreamDoctor files for that tab —
// on one of its streams or on the page itself — and read what the user would get.
import { tabIdFor, workerState } from './cases.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The tab's breaks: on its streams ("tab:doc.n") or on the page ("b-<ts>-page|banner|load-<tab>"). */
export function breaksOfTab(state, tabId) {
  const page = new RegExp(`^b-\\d+-(page|banner|load)-${tabId}$`);
  return (state?.breaks || []).filter((b) => String(b.stream || '').split(':')[0] === String(tabId) || page.test(b.breakId));
}

export function ranked(brk) {
  return (brk?.findings || []).slice().sort((a, b) => (b.confidence || 0) - (a.confidence || 0)).map((f) => f.cause);
}

/** Opens `${base}?${query}&case=NAME` and returns {page, tabId}. */
export async function openCase(context, worker, base, name, query) {
  const page = await context.newPage();
  const marker = `case=${name}`;
  await page.goto(`${base}?${query}&${marker}`, { waitUntil: 'commit' });
  return { page, tabId: await tabIdFor(worker, marker) };
}

/**
 * Waits up to `timeoutMs` for the tab's first break, then a moment for a refreshed verdict.
 * Returns {brk, all, notification} (brk null when none came).
 */
export async function breakOfTab(worker, tabId, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let mine = [];
  while (Date.now() < deadline) {
    mine = breaksOfTab(await workerState(worker), tabId);
    if (mine.length) break;
    await sleep(250);
  }
  if (mine.length) await sleep(800);
  const s = await workerState(worker);
  mine = breaksOfTab(s, tabId);
  const brk = mine[0] || null;
  const notification = brk ? (s.notifications || []).find((n) => n.breakId === brk.breakId) || null : null;
  return { brk, all: mine, notification };
}

/** The streams the worker recorded for a tab (site, url, state). */
export async function streamsOfTab(worker, tabId) {
  return worker.evaluate((t) => {
    const s = globalThis.__streamdoctor;
    return (s && s.streams && s.streams[t]) || [];
  }, tabId);
}
