// Break → diagnosis latency in real Chromium with the real extension, host and lab.
// For each run: open a lab page that breaks its stream (rst/fin over SSE, ws_drop over WebSocket),
// take the page's own break time (window.__lab.errorAt), and watch the extension's worker for
// that tab's break: first with stage "evidence", then the "probed" update (post-mortem probes,
// all resolvers dead: targets.json points them at 127.0.0.1:9). Worker and page share this
// machine's wall clock. Usage: node latency.mjs RUNS  (env: STREAMDOCTOR_LOOPBACK_ONLY=1)
// Prints one JSON line: {"runs", "first_ms":[...], "probed_ms":[...], "first_p95_ms", "probed_p95_ms", "probed_missing"}
import { makeProfile, launchBrowser, startLab, tabIdFor } from './e2e.mjs';

const RUNS = Number(process.argv[2] || 20);
const FAULTS = ['fault=rst&proto=sse', 'fault=fin&proto=sse', 'fault=ws_drop&proto=ws'];

const lab = await startLab();
// makeProfile writes e2e/lib/safety.mjs's targets.json: every resolver, DoH, identity query and
// status page at a closed 127.0.0.1 port ("all resolvers dead").
// The lab is a configured site (its port included): the host probes only configured sites. The
// private runtime users get (docs/install.md).
const profile = makeProfile('latency', { labUrl: lab.url, link: true });
const browser = await launchBrowser(profile.profile);
const first = [];
const probed = [];
let missing = 0;
try {
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.context.newPage();
    const marker = `lat=${i}`;
    await page.goto(`${lab.url}?${FAULTS[i % FAULTS.length]}&autostart=1&${marker}`);
    const tabId = await tabIdFor(browser.worker, marker);
    // Short polls from here (a long-running evaluate inside the worker held its message handling
    // back). The times are the worker's own: it stamps each stored break with receivedAt when the
    // host's verdict arrives, and an evidence-stage record lives until the probed update replaces it.
    const seen = { evidenceAt: null, probedAt: null, last: null };
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && seen.probedAt === null) {
      const mine = await browser.worker.evaluate(async (tab) => {
        const s = globalThis.__streamdoctor;
        const all = (typeof s.lastBreaks === 'function' ? await s.lastBreaks() : s.lastBreaks) || [];
        return all.filter((b) => String(b.stream || '').split(':')[0] === String(tab))
          .map((b) => ({ stage: b.stage, receivedAt: b.receivedAt }));
      }, tabId);
      for (const b of mine) {
        if (seen.evidenceAt === null) seen.evidenceAt = b.stage === 'evidence' ? b.receivedAt : null;
        if (b.stage === 'probed') seen.probedAt = b.receivedAt;
      }
      // Both verdicts landed between two polls: the evidence one came no later than the probed one
      // (an upper bound, so the reported latency can only be pessimistic).
      if (seen.probedAt !== null && seen.evidenceAt === null) seen.evidenceAt = seen.probedAt;
      seen.last = JSON.stringify(mine);
      await new Promise((r) => setTimeout(r, 25));
    }
    if (!seen.evidenceAt) process.stderr.write(`no break seen: ${seen.last}\n`);
    const errorAt = await page.evaluate(() => window.__lab && window.__lab.errorAt);
    if (errorAt && seen.evidenceAt) first.push(Math.max(0, seen.evidenceAt - errorAt));
    if (errorAt && seen.probedAt) probed.push(Math.max(0, seen.probedAt - errorAt)); else missing++;
    process.stderr.write(`run ${i} ${FAULTS[i % FAULTS.length]}: first=${seen.evidenceAt && errorAt ? Math.round(seen.evidenceAt - errorAt) : 'none'} probed=${seen.probedAt && errorAt ? Math.round(seen.probedAt - errorAt) : 'none'}\n`);
    await page.close();
  }
} finally {
  await browser.context.close().catch(() => {});
  lab.stop();
  profile.cleanup();
}
const p95 = (a) => { if (!a.length) return null; const s = [...a].sort((x, y) => x - y); return Math.round(s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]); };
console.log(JSON.stringify({ runs: RUNS, first_ms: first.map(Math.round), probed_ms: probed.map(Math.round),
  first_p95_ms: p95(first), probed_p95_ms: p95(probed), probed_missing: missing }));
