import test from 'node:test';
import assert from 'node:assert/strict';
import { CHROMIUM_QUIET_FLAGS, CHROMIUM_VENDOR_HOSTS, FIREFOX_QUIET_PREFS, quietChromiumArgs } from '../test-support/quiet-browser.mjs';

const RULES = '--host-resolver-rules=';

test('quietChromiumArgs_testRules_keptFirstInTheOneRulesSwitch', () => {
  // Chromium keeps a switch's last value: two --host-resolver-rules would drop the test's own.
  const args = quietChromiumArgs(['--headless=new', `${RULES}MAP localhost ~NOTFOUND`, '--no-first-run']);
  const rules = args.filter((a) => a.startsWith(RULES));
  assert.equal(rules.length, 1);
  const list = rules[0].slice(RULES.length).split(', ');
  assert.equal(list[0], 'MAP localhost ~NOTFOUND');
  for (const h of CHROMIUM_VENDOR_HOSTS) assert.ok(list.includes(`MAP ${h} ~NOTFOUND`), h);
  for (const f of CHROMIUM_QUIET_FLAGS) assert.equal(args.filter((a) => a === f).length, 1, f);
  assert.ok(args.includes('--headless=new'));
});

test('quietChromiumArgs_chatSites_neverMapped', () => {
  const rules = quietChromiumArgs([]).find((a) => a.startsWith(RULES));
  for (const host of ['gemini.google.com', 'chatgpt.com', 'claude.ai', 'copilot.microsoft.com', 'www.perplexity.ai']) {
    const mapped = CHROMIUM_VENDOR_HOSTS.some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) : host === p));
    assert.equal(mapped, false, host);
  }
  assert.ok(!/disable-features/.test(quietChromiumArgs([]).join(' ')), 'Playwright passes its own --disable-features');
  assert.ok(rules);
});

test('firefoxQuietPrefs_everyNameLocal_andNoServiceLeft', () => {
  assert.equal(FIREFOX_QUIET_PREFS['network.dns.native-is-localhost'], true);
  assert.equal(FIREFOX_QUIET_PREFS['network.trr.mode'], 5);
  assert.match(FIREFOX_QUIET_PREFS['services.settings.server'], /^http:\/\/127\.0\.0\.1:\d+\//);
  for (const [k, v] of Object.entries(FIREFOX_QUIET_PREFS)) {
    if (typeof v === 'string' && v) assert.doesNotMatch(v, /^https?:\/\/(?!127\.0\.0\.1)/, k);
  }
});
