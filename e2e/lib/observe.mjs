// One benchmark observation: open a lab case in a tab, wait until StreamDoctor reported a break
// for it or the exchange settled, and return what StreamDoctor said (top causes) next to what the
// user could see (banner, console net::ERR_*, HTTP status). Never throws for a wrong or missing
// verdict: that is a measurement, not an error.
import { tabIdFor, workerState } from './cases.mjs';
import { breaksOfTab } from './user-sees.mjs';
import { netErrorFromConsole } from './baseline.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function rankedCauses(brk) {
  return (brk?.findings || []).slice().sort((a, b) => (b.confidence || 0) - (a.confidence || 0)).map((f) => f.cause);
}

/**
 * spec: {name, url (page base), query, timeoutMs?, before?(context, url), during?(page), stage?}.
 * `stage: 'probed'` waits (within timeoutMs) for the verdict refreshed by the host's post-mortem
 * probes, for causes only the probes can name. Resolves with
 * {causes: [...] (empty: no break), seen: {banner, bannerText, netError, httpStatus, froze}, ms}.
 */
export async function observeCase(context, worker, spec, run) {
  const started = Date.now();
  if (spec.before) await spec.before(context, spec.url);
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('requestfailed', (r) => consoleLines.push(`${r.url()} ${r.failure()?.errorText || ''}`));
  // The browser's own console entries (what DevTools shows), e.g. "WebSocket connection to …
  // failed: … net::ERR_…", arrive through the CDP Log domain, not as page console calls.
  const cdp = await context.newCDPSession(page).catch(() => null);
  if (cdp) {
    cdp.on('Log.entryAdded', (e) => consoleLines.push(`${e.entry?.source}: ${e.entry?.text}`));
    await cdp.send('Log.enable').catch(() => {});
  }
  const marker = `case=${spec.name}-${run}`;
  try {
    // commit, not load: a page whose bundle never arrives never fires load (blank_shell_script_hang)
    await page.goto(`${spec.url}?${spec.query}&autostart=1&${marker}`, { waitUntil: 'commit' });
    const tabId = await tabIdFor(worker, marker);
    if (spec.during) await spec.during(page);
    const deadline = Date.now() + (spec.timeoutMs || 30_000);
    let brk = null;
    let settledAt = null;
    while (Date.now() < deadline) {
      const s = await workerState(worker);
      brk = breaksOfTab(s, tabId)[0] || null; // on one of its streams or on the page itself
      if (brk && (!spec.stage || brk.stage === spec.stage)) break;
      if (brk) {
        await sleep(200);
        continue;
      }
      const lab = await page.evaluate(() => window.__lab && window.__lab.state).catch(() => null);
      if (lab === 'done' || lab === 'error') {
        settledAt ??= Date.now();
        if (Date.now() - settledAt > 2500) break; // the exchange ended and no break came
      }
      await sleep(200);
    }
    if (brk) {
      await sleep(600); // a refreshed verdict (probe stage) may land right after the first
      const s = await workerState(worker);
      brk = (s?.breaks || []).find((b) => b.breakId === brk.breakId) || brk;
    }
    const lab = await page.evaluate(() => {
      const b = document.querySelector('[data-sd-banner]');
      return { l: window.__lab || {}, text: b ? b.textContent : null };
    }).catch(() => ({ l: {}, text: null }));
    const seen = {
      banner: lab.l.banner || null,
      bannerText: lab.text,
      netError: netErrorFromConsole(consoleLines),
      httpStatus: lab.l.status && lab.l.status !== 200 ? lab.l.status : null,
      froze: lab.l.state === 'streaming',
    };
    const findings = (brk?.findings || []).map((f) => ({ cause: f.cause, confidence: f.confidence,
      evidence: (f.evidence || []).map((e) => e.text) }));
    return { causes: rankedCauses(brk), breakId: brk?.breakId || null, findings, seen, ms: Date.now() - started };
  } finally {
    await page.close().catch(() => {});
  }
}
