// End-to-end harness: the real host jar, the real extension, Debian's Chromium, the fault lab.
// Facts it relies on are in ../shared/lab-notes.md: a Chromium started with --user-data-dir=D
// reads D/NativeMessagingHosts/<name>.json; headless + webRequest means the start URL must be
// about:blank and navigation comes afterwards; /usr/bin/chromium is a wrapper, call the binary.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { safeEnv, writeLoopbackTargets } from './safety.mjs';
import { tempLabBuild } from '../../extension/tools/build-lab.mjs';
import { quietChromiumArgs } from '../../extension/test-support/quiet-browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..', '..');
export const JAR = process.env.STREAMDOCTOR_JAR || join(ROOT, 'host', 'target', 'streamdoctor.jar');
export const EXTENSION_SOURCE = join(ROOT, 'extension');
// The extension under test: its lab build (extension/tools/build-lab.mjs), whose hook also runs on
// the lab's http://127.0.0.1/ and http://localhost/ pages; the shipped manifest matches the chat
// sites only. One copy per test process, deleted at exit.
export const EXTENSION = tempLabBuild();
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/lib/chromium/chromium';
export const EXTENSION_ID = 'omagcholnfmppnbeobpckdaifhiiilgi';
export const HOST_NAME = 'io.streamdoctor.host';
export const ARTIFACTS = join(ROOT, 'e2e', 'target', 'artifacts');
// Every host, lab and browser these tests start inherits this: probes stay on loopback.
process.env.STREAMDOCTOR_LOOPBACK_ONLY = '1';

/** Missing prerequisites fail under CI (STREAMDOCTOR_REQUIRE_BROWSER=1) and skip elsewhere. */
export function prerequisites() {
  const missing = [];
  if (!existsSync(JAR)) missing.push(`host jar ${JAR} (run mvn package)`);
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (apt-get install chromium)`);
  let pw = null;
  try {
    pw = import.meta.resolve('playwright-core');
  } catch {
    missing.push('npm package playwright-core (npm ci in e2e/)');
  }
  const required = process.env.STREAMDOCTOR_REQUIRE_BROWSER === '1' || process.env.CI === 'true';
  return { missing, required, ok: missing.length === 0 && pw !== null };
}

export function javaBin() {
  const home = process.env.JAVA_HOME;
  if (home && existsSync(join(home, 'bin', 'java'))) return join(home, 'bin', 'java');
  const which = spawnSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' });
  const p = which.stdout.trim();
  if (!p) throw new Error('java not found on PATH');
  return spawnSync('readlink', ['-f', p], { encoding: 'utf8' }).stdout.trim() || p;
}

/**
 * The installer's options for a test profile: no class-data archive, no hop check, and no private
 * runtime (`--no-link`) unless `link`: linking one (jlink + a CDS dump, per profile) took 6 s on an
 * idle machine and 39 s at load 13 on two cores, most of a suite's 60 s set-up bound, for a part
 * no browser test is about (installer tests cover it; bench/lib/latency.mjs links, as users get).
 */
export function installOptions({ link = false } = {}) {
  return ['--no-archive', '--no-verify', ...(link ? [] : ['--no-link'])];
}

/**
 * A fresh browser profile with the host registered the way `install --profile-dir` does;
 * `labUrl` registers the lab as a site the host's probes know (safety.mjs); `link`: installOptions.
 */
export function makeProfile(name, { labUrl = null, link = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `sd-e2e-${name}-`));
  const profile = join(dir, 'profile');
  const home = join(dir, 'sdhome');
  mkdirSync(profile, { recursive: true });
  mkdirSync(home, { recursive: true });
  writeLoopbackTargets(home, labUrl);
  const installed = spawnSync(javaBin(), ['-jar', JAR, 'install', '--browser', 'chromium', ...installOptions({ link }),
    '--profile-dir', profile], { env: { ...safeEnv(home), HOME: dir }, encoding: 'utf8' });
  if (installed.status !== 0) {
    // Before the installer existed this wrote the manifest by hand; keep that as the fallback
    // only for an installer that does not know --profile-dir, and say so loudly.
    if (!/profile-dir|Unknown option|Unmatched argument/.test(installed.stderr + installed.stdout)) {
      throw new Error(`streamdoctor install failed: ${installed.stderr}${installed.stdout}`);
    }
    writeManifestByHand(dir, profile, home);
  }
  return { dir, profile, home, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function writeManifestByHand(dir, profile, home) {
  const launcher = join(dir, 'streamdoctor-host.sh');
  writeFileSync(launcher, `#!/bin/sh\nexport STREAMDOCTOR_HOME='${home}' STREAMDOCTOR_LOOPBACK_ONLY=1\nexec '${javaBin()}' -Xshare:auto -Xmx64m -jar '${JAR}' "$@"\n`);
  chmodSync(launcher, 0o755);
  const nmh = join(profile, 'NativeMessagingHosts');
  mkdirSync(nmh, { recursive: true });
  writeFileSync(join(nmh, `${HOST_NAME}.json`), JSON.stringify({
    name: HOST_NAME, description: 'StreamDoctor native host (e2e)', path: launcher, type: 'stdio',
    allowed_origins: [`chrome-extension://${EXTENSION_ID}/`],
  }, null, 2));
}

/**
 * Starts `streamdoctor lab` on an ephemeral port; resolves with its base URL. `prefix` runs it
 * through another command (e.g. `ip netns exec NS`), `home` is its STREAMDOCTOR_HOME.
 */
export function startLab(extraArgs = [], { prefix = [], home = null } = {}) {
  const labHome = home || mkdtempSync(join(tmpdir(), 'sd-e2e-lab-'));
  if (!home) writeLoopbackTargets(labHome);
  const argv = [...prefix, javaBin(), '-jar', JAR, 'lab', '--port', '0', '--until-stdin-closes', ...extraArgs];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env: safeEnv(labHome) });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`lab did not start in 20 s: ${out}${err}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/lab listening on (http:\/\/[0-9.]+:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        const stop = () => {
          child.stdin.end();
          child.kill('SIGTERM');
          if (!home) rmSync(labHome, { recursive: true, force: true });
        };
        const https = out.match(/lab https on (https:\/\/[0-9.]+:\d+\/)/);
        resolvePromise({ url: m[1], https: https ? https[1] : null, stop, child });
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`lab exited ${code}: ${err}`)); });
  });
}

export async function launchBrowser(profile, { extraArgs = [], extensions = [EXTENSION], wrapper, env } = {}) {
  const { chromium } = await import('playwright-core');
  const exts = extensions.join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: wrapper || CHROMIUM,
    headless: false,
    timeout: 30_000,
    // The host Chromium starts inherits this (its launcher sets STREAMDOCTOR_HOME).
    env: env || safeEnv(null),
    // Playwright adds --disable-extensions by default, which would unload the very thing under test.
    ignoreDefaultArgs: ['--disable-extensions'],
    // The browser's own services off (quiet-browser.mjs); the test's resolver rules kept first.
    args: quietChromiumArgs(['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic',
      `--load-extension=${exts}`, `--disable-extensions-except=${exts}`, ...extraArgs]),
  });
  try {
    const worker = context.serviceWorkers().find((w) => w.url().includes(EXTENSION_ID))
      || await context.waitForEvent('serviceworker', { timeout: 15_000,
        predicate: (w) => w.url().includes(EXTENSION_ID) });
    return { context, worker };
  } catch (e) {
    await context.close().catch(() => {});
    throw e;
  }
}

/** Polls the worker's test state until `pred(state)` holds, bounded by `timeoutMs`. */
export async function waitForWorkerState(worker, pred, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < deadline) {
    last = await worker.evaluate(() => (globalThis.__streamdoctor ? JSON.parse(JSON.stringify(globalThis.__streamdoctor.snapshot())) : null));
    if (last && pred(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last state: ${JSON.stringify(last)?.slice(0, 2000)}`);
}

/** Opens the popup as a tab for `tabId`, returns the causes it lists (top first) and a screenshot. */
export async function popupCauses(context, tabId, shotName) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/popup/popup.html?tab=${tabId}`);
  await page.waitForSelector('.break[data-cause]', { timeout: 10_000 }).catch(() => {});
  const causes = await page.$$eval('.break[data-cause]', (els) => els.map((e) => e.getAttribute('data-cause')));
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${shotName}.png`), fullPage: true });
  await page.close();
  return causes;
}

/**
 * A Chromium just started in a fresh network namespace may report a network change in its first
 * seconds (its change notifier reading the namespace's interfaces and resolv.conf), which fails
 * navigations with ERR_NETWORK_CHANGED. Load `url` in a scratch tab until it loads cleanly, so
 * the test's own tab never sees that start-up change.
 */
export async function settleNetwork(context, url, tries = 12) {
  const page = await context.newPage();
  try {
    // Two clean loads a second apart: a late start-up change would fail the second one.
    let clean = 0;
    for (let i = 1; clean < 2; i++) {
      try {
        await page.goto(url, { timeout: 10_000 });
        clean++;
      } catch (e) {
        if (i >= tries || !/ERR_NETWORK_CHANGED/.test(String(e.message))) throw e;
        clean = 0;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await page.close().catch(() => {});
  }
}
