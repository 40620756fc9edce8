// Shared pieces of the browser tests: finding the driver, launching Debian's Chromium with the
// extension (lab-notes.md recipe), and a local HTTP + WebSocket server for test pages.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempLabBuild } from '../tools/build-lab.mjs';
import { quietChromiumArgs } from './quiet-browser.mjs';

// The lab build (tools/build-lab.mjs): the shipped extension plus the local origins these tests
// serve their pages on; made once per test process, on first launch.
let extDir = null;
const labBuild = () => (extDir ||= tempLabBuild());
export const EXT_ID = 'omagcholnfmppnbeobpckdaifhiiilgi';
export const CHROMIUM = process.env.STREAMDOCTOR_CHROMIUM || '/usr/lib/chromium/chromium';
const STRICT = process.env.CI === 'true' || process.env.STREAMDOCTOR_REQUIRE_BROWSER === '1';

/**
 * Loads playwright-core and checks the browser binary. Returns {chromium} or {skip: reason};
 * under CI=true / STREAMDOCTOR_REQUIRE_BROWSER=1 a missing piece throws instead (a failure).
 */
export async function loadDriver() {
  let reason = null;
  let chromium = null;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    reason = 'playwright-core is not installed (run `npm ci` in extension/)';
  }
  if (!reason) {
    try {
      await import('ws');
    } catch {
      reason = 'ws is not installed (run `npm ci` in extension/)';
    }
  }
  if (!reason && !existsSync(CHROMIUM)) reason = `no Chromium at ${CHROMIUM}`;
  if (reason && STRICT) throw new Error(`browser tests required (CI/STREAMDOCTOR_REQUIRE_BROWSER) but ${reason}`);
  return reason ? { skip: `browser tests skipped: ${reason}` } : { chromium };
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Launches Chromium, with or without the extension. Starts on about:blank (webRequest trap). */
/** `userDataDir`: reuse a profile (a browser restart); `close({keep: true})` leaves it on disk. */
export async function launch(chromium, { extension, others = [], args: extraArgs = [], userDataDir = mkdtempSync(join(tmpdir(), 'sd-browser-')) }) {
  const dirs = (extension ? [labBuild()] : []).concat(others).join(',');
  // The browser's own background services off (quiet-browser.mjs).
  const args = quietChromiumArgs(['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic',
    ...(dirs ? [`--load-extension=${dirs}`, `--disable-extensions-except=${dirs}`] : []), ...extraArgs]);
  const context = await withTimeout(
    chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: false, args, timeout: 30000 }),
    40000,
    'launch chromium',
  );
  let worker = null;
  if (extension) {
    worker = context.serviceWorkers().find((w) => w.url().includes(EXT_ID)) || null;
    if (!worker) worker = await withTimeout(context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(EXT_ID) }), 20000, 'extension service worker');
  }
  const close = async ({ keep = false } = {}) => {
    await withTimeout(context.close(), 20000, 'close chromium').catch(() => {});
    if (!keep) rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, worker, close, userDataDir };
}
