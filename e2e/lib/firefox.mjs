// Firefox end-to-end harness: Debian's firefox-esr, headless, the Firefox build of the extension
// installed as a temporary add-on by web-ext, the host registered by the real installer in a temp
// HOME, the fault lab. What works here and why it is built this way: docs/testing.md.
//  - web-ext (npm) starts Firefox and installs the add-on over Firefox's remote debugging protocol.
//  - WebDriver BiDi (`--remote-debugging-port`, built into Firefox) opens and reads web pages.
//  - The add-on's background page is read over the remote debugging protocol (rdp.mjs): BiDi
//    refuses moz-extension: pages.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_SOURCE, JAR, ROOT, installOptions, javaBin } from './harness.mjs';
import { tempLabBuild } from '../../extension/tools/build-lab.mjs';
import { FIREFOX_QUIET_ENV, FIREFOX_QUIET_PREFS } from '../../extension/test-support/quiet-browser.mjs';
import { Rdp } from './rdp.mjs';
import { Bidi } from './bidi.mjs';

export const FIREFOX = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
export const GECKO_ID = 'streamdoctor@streamdoctor.dev';
export const BLOCKER = join(ROOT, 'e2e', 'fixtures', 'firefox-blocker');
// A fixed internal UUID makes moz-extension:// URLs predictable in logs and screenshots.
const UUID = '5d0c7e1a-57d0-4c7e-9d0c-57d0c7e1a001';

// Keep the browser on this machine: every name resolves to 127.0.0.1, no DoH, and its background
// services off (the list and why: extension/test-support/quiet-browser.mjs).
const LOCAL_ONLY_PREFS = FIREFOX_QUIET_PREFS;

export function firefoxPrerequisites() {
  const missing = [];
  if (!existsSync(JAR)) missing.push(`host jar ${JAR} (run mvn package)`);
  if (!existsSync(FIREFOX)) missing.push(`Firefox at ${FIREFOX} (apt-get install firefox-esr)`);
  for (const pkg of ['web-ext', 'ws']) {
    try {
      import.meta.resolve(pkg);
    } catch {
      missing.push(`npm package ${pkg} (npm ci in e2e/)`);
    }
  }
  const required = process.env.STREAMDOCTOR_REQUIRE_BROWSER === '1' || process.env.CI === 'true';
  return { missing, required, ok: missing.length === 0 };
}

/** Writes extension/dist/firefox, the shipped Firefox build, with the extension's own build script. */
export function buildShippedFirefoxExtension() {
  const r = spawnSync(process.execPath, [join(EXTENSION_SOURCE, 'tools', 'build-firefox.mjs')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-firefox failed: ${r.stderr}${r.stdout}`);
  return join(EXTENSION_SOURCE, 'dist', 'firefox');
}

let labBuild = null;
/**
 * The Firefox lab build the tests install (extension/tools/build-lab.mjs --firefox: the shipped
 * build plus the lab's local origins), once per test process; returns its folder.
 */
export function buildFirefoxExtension() {
  if (!labBuild) labBuild = tempLabBuild({ firefox: true });
  return labBuild;
}

/**
 * A temp HOME with the host installed for Firefox by the real installer (so the manifest lands
 * in HOME/.mozilla/native-messaging-hosts/) and STREAMDOCTOR_HOME whose targets point at
 * 127.0.0.1 only; a wrapper that starts Firefox with that HOME.
 */
export function makeFirefoxHome(name) {
  const dir = mkdtempSync(join(tmpdir(), `sd-ff-${name}-`));
  const sdhome = join(dir, 'sdhome');
  mkdirSync(join(sdhome, 'config'), { recursive: true });
  writeFileSync(join(sdhome, 'config', 'targets.json'), JSON.stringify({
    systemResolvers: ['127.0.0.1:9'], publicResolvers: ['127.0.0.1:9'], dohUrl: null, identity: [], sites: [],
  }));
  const env = { ...process.env, HOME: dir, STREAMDOCTOR_HOME: sdhome, STREAMDOCTOR_LOOPBACK_ONLY: '1' };
  const installed = spawnSync(javaBin(), ['-jar', JAR, 'install', '--browser', 'firefox', ...installOptions()],
    { env, encoding: 'utf8', timeout: 60_000 });
  if (installed.status !== 0) throw new Error(`streamdoctor install --browser firefox failed: ${installed.stderr}${installed.stdout}`);
  const manifest = join(dir, '.mozilla', 'native-messaging-hosts', 'io.streamdoctor.host.json');
  if (!existsSync(manifest)) throw new Error(`the installer did not write ${manifest}: ${installed.stdout}`);
  const wrapper = join(dir, 'firefox.sh');
  writeFileSync(wrapper, `#!/bin/sh\nexport HOME='${dir}' MOZ_HEADLESS=1 STREAMDOCTOR_LOOPBACK_ONLY=1 ${FIREFOX_QUIET_ENV}\nexec '${FIREFOX}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return {
    dir, sdhome, wrapper, manifest,
    /** The host's HISTORY, read with the same STREAMDOCTOR_HOME the installed launcher uses. */
    history() {
      const r = spawnSync(javaBin(), ['-jar', JAR, 'history', '--json', '--limit', '100'], { env, encoding: 'utf8', timeout: 60_000 });
      if (r.status !== 0) throw new Error(`streamdoctor history failed: ${r.stderr}`);
      return JSON.parse(r.stdout);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** web-ext writes string prefs between quotes without escaping: escape them ourselves. */
const prefString = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/**
 * Starts headless Firefox with `sourceDir` as a temporary add-on. Returns {rdp, bidi, bg,
 * consoleFor, evalBg, installAddon, close}. Every step is bounded.
 */
export async function launchFirefox(fx, { sourceDir = buildFirefoxExtension(), prefs = {}, inspect = true } = {}) {
  const webExt = (await import('web-ext')).default;
  // web-ext logs its progress to stdout, which would clutter the test report: keep it, and
  // attach it to the error if the launch fails.
  const { consoleStream } = await import('web-ext/util/logger');
  consoleStream.startCapturing();
  const bidiPort = await freePort();
  const starting = webExt.cmd.run({
    sourceDir, firefox: fx.wrapper, startUrl: 'about:blank', noInput: true, noReload: true,
    args: ['-headless', `--remote-debugging-port=${bidiPort}`],
    pref: { ...LOCAL_ONLY_PREFS, ...prefs, 'extensions.webextensions.uuids': prefString(JSON.stringify({ [GECKO_ID]: UUID })) },
  }, { shouldExitProgram: false });
  let runner;
  try {
    runner = await withTimeout(starting, 60_000, 'web-ext run');
  } catch (e) {
    starting.then((late) => late.exit(), () => {}); // a launch that finishes after the timeout
    e.message += `\nweb-ext said:\n${consoleStream.capturedMessages.join('').slice(-3000)}`;
    throw e;
  }
  let rdp = null;
  let bidi = null;
  const close = async () => {
    if (bidi) await bidi.end().catch(() => {});
    if (rdp) rdp.close();
    await withTimeout(runner.exit(), 20_000, 'Firefox exit').catch(() => {
      const ff = runner.extensionRunners?.[0]?.runningInfo?.firefox;
      if (ff) ff.kill('SIGKILL');
    });
  };
  try {
    const port = runner.extensionRunners[0].runningInfo.debuggerPort;
    rdp = await Rdp.connect(port);
    // Watching the add-on's targets is what a devtools toolbox does (it may keep the event page
    // from idling): `inspect: false` leaves the add-on alone for tests of its lifecycle.
    const consoleFor = inspect ? await rdp.watchAddon(GECKO_ID) : null;
    const bg = inspect ? await consoleFor(/^moz-extension:\/\/[^/]+\/_generated_background_page\.html/, 20_000) : null;
    const evalBg = (expr, timeoutMs) => rdp.evaluateJson(bg, expr, timeoutMs);
    bidi = await Bidi.connect(bidiPort);
    return { rdp, bidi, bg, consoleFor, evalBg, installAddon: (p) => rdp.installTemporaryAddon(p), close };
  } catch (e) {
    await close();
    e.message += `\nweb-ext said:\n${consoleStream.capturedMessages.join('').slice(-3000)}`;
    throw e;
  }
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms); }),
  ]);
}

/** Polls `fn()` until `pred(value)`, bounded by `timeoutMs`; throws with the last value. */
export async function poll(fn, pred, timeoutMs, what, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 2000)}`);
}
