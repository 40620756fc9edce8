// The set-up browser tests share: the fault lab (or a namespace scenario), a fresh profile with
// the host registered and Chromium with the extension, torn down after the file.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { prerequisites, makeProfile, launchBrowser, startLab, settleNetwork, CHROMIUM } from './harness.mjs';
import { createPair, netnsUnavailable } from './netns.mjs';

/** The skip reason for a browser test file: false when it must run (CI makes a gap a failure). */
export function browserSkip() {
  const pre = prerequisites();
  return !pre.ok && !pre.required ? `missing: ${pre.missing.join('; ')}` : false;
}

/**
 * Registers node:test before/after hooks; returns {lab, profile, browser}, filled in before the
 * file's first test. `browserOpts` go to launchBrowser (extra extensions, Chromium flags; a
 * function of the started lab when the flags need its ports); `labArgs` go to `streamdoctor lab`.
 */
export function labBrowserSuite(name, { skip, browserOpts = {}, labArgs = [] } = {}) {
  const s = { lab: null, profile: null, browser: null };
  before(async () => {
    if (skip) return;
    const pre = prerequisites();
    assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
    s.lab = await startLab(labArgs);
    s.profile = makeProfile(name, { labUrl: s.lab.url });
    const opts = typeof browserOpts === 'function' ? browserOpts(s.lab) : browserOpts;
    s.browser = await launchBrowser(s.profile.profile, opts);
  }, { timeout: 60_000 });
  after(async () => {
    if (s.browser) await s.browser.context.close().catch(() => {});
    if (s.lab) s.lab.stop();
    if (s.profile) s.profile.cleanup();
  });
  return s;
}

/** The skip reason for a namespace test file: browser gaps as above, then root/`ip netns`. */
export function netnsSkip() {
  const b = browserSkip();
  if (b) return b;
  const why = netnsUnavailable();
  return why ? `skipped: ${why}` : false;
}

/**
 * A browser in the client namespace of a fresh namespace pair. `scenario(pair)` starts what the
 * file needs and returns {base, extraArgs, stop(), targets?(home), ...}: `base` is the lab page
 * URL the browser uses (the network is settled on `${base}lab/config`), `targets` rewrites the
 * host's targets.json. Returns {pair, scenario, profile, browser}; everything is torn down after
 * the file, namespaces included, even when set-up failed half-way.
 */
export function netnsBrowserSuite(name, { skip, scenario, timeoutMs = 60_000 }) {
  const s = { pair: null, scenario: null, profile: null, browser: null };
  before(async () => {
    if (skip) return;
    const pre = prerequisites();
    assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
    s.pair = createPair();
    s.scenario = await scenario(s.pair);
    s.profile = makeProfile(name);
    if (s.scenario.targets) s.scenario.targets(s.profile.home);
    s.browser = await launchBrowser(s.profile.profile, { wrapper: s.pair.chromiumWrapper(s.profile.dir, CHROMIUM),
      extraArgs: s.scenario.extraArgs || [] });
    await settleNetwork(s.browser.context, `${s.scenario.base}lab/config`);
  }, { timeout: timeoutMs });
  after(async () => {
    if (s.browser) await s.browser.context.close().catch(() => {});
    if (s.scenario) s.scenario.stop();
    if (s.pair) s.pair.close();
    if (s.profile) s.profile.cleanup();
  });
  return s;
}
