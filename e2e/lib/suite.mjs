// The set-up most browser tests share: the fault lab, a fresh profile with the host registered
// (the lab known as a site, safety.mjs) and Chromium with the extension, torn down after the file.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { prerequisites, makeProfile, launchBrowser, startLab } from './harness.mjs';

/** The skip reason for a browser test file: false when it must run (CI makes a gap a failure). */
export function browserSkip() {
  const pre = prerequisites();
  return !pre.ok && !pre.required ? `missing: ${pre.missing.join('; ')}` : false;
}

/**
 * Registers node:test before/after hooks; returns {lab, profile, browser}, filled in before the
 * file's first test. `browserOpts` go to launchBrowser (extra extensions, Chromium flags).
 */
export function labBrowserSuite(name, { skip, browserOpts = {} } = {}) {
  const s = { lab: null, profile: null, browser: null };
  before(async () => {
    if (skip) return;
    const pre = prerequisites();
    assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
    s.lab = await startLab();
    s.profile = makeProfile(name, { labUrl: s.lab.url });
    s.browser = await launchBrowser(s.profile.profile, browserOpts);
  }, { timeout: 60_000 });
  after(async () => {
    if (s.browser) await s.browser.context.close().catch(() => {});
    if (s.lab) s.lab.stop();
    if (s.profile) s.profile.cleanup();
  });
  return s;
}
