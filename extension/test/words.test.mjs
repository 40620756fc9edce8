// The wording logic behind the popup and the notifications (issue 18): one plain sentence, one
// action, runner-ups the evidence rules out never get a button, and no ids or codes in the
// sentences — checked with the real English messages.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { headline, primaryAction, runnerUps, siteName, breakKind, checkedHealthy, certainty, certaintyWords, JARGON } from '../src/common/words.js';
import { flushOutcome, probeOutcome, statusOutcome } from '../background/outcomes.js';
import { installSteps, installBrowserName } from '../popup/install.js';

const messages = JSON.parse(readFileSync(new URL('../_locales/en/messages.json', import.meta.url), 'utf8'));
const t = (key, subs = []) => {
  const m = messages[key];
  assert.ok(m, `missing message ${key}`);
  let text = m.message;
  for (const [name, ph] of Object.entries(m.placeholders || {})) text = text.split('$' + name.toUpperCase() + '$').join(subs[Number(ph.content.slice(1)) - 1]);
  return text;
};
const plain = (text) => {
  for (const re of JARGON) assert.doesNotMatch(text, re, `jargon in "${text}"`);
  return text;
};
const brk = (cause, extra = {}, more = []) => ({
  breakId: 'b-1764120004000-12:dwz7ug.1', stream: '12:dwz7ug.1', site: 'chatgpt', ts: 1, stage: 'evidence', symptom: 'message_stream_error',
  findings: [{ cause, confidence: 0.9, evidence: [{ atMs: -1, text: 'net::ERR_CONNECTION_RESET on the stream' }], remedies: extra.remedies || [] }, ...more],
  ruledOut: extra.ruledOut || [], ...extra,
});

test('headline_resetWithoutHelper_plainSentenceAndInstallNote', () => {
  const h = headline(t, brk('stream.dropped_unexplained', { stage: 'browser', kind: 'reset' }));
  assert.equal(h.text, 'The connection was reset on the way to ChatGPT.');
  assert.equal(h.note, 'Install the helper to find out why.');
  plain(h.text + h.note);
});

test('headline_hostVerdictWithoutKind_kindFromEvidence', () => {
  assert.equal(breakKind(brk('stream.dropped_unexplained')), 'reset');
  assert.equal(breakKind({ findings: [{ cause: 'x', evidence: [{ text: 'the WebSocket closed with 1006' }] }] }), 'ws_drop');
});

test('headline_probedAndEverythingAnswers_saysWhatWasChecked', () => {
  const b = brk('stream.dropped_unexplained', {
    stage: 'probed', kind: 'ws_drop',
    ruledOut: [{ cause: 'dns.resolution_failed', why: 'DNS answered in 3 ms at your resolver 127.0.0.53' }, { cause: 'network.blocked', why: 'a fresh connection to chatgpt.com:443 succeeded in 12 ms' }],
  });
  assert.ok(checkedHealthy(b));
  const h = headline(t, b);
  assert.equal(h.note, 'Your connection, DNS and ChatGPT all answer normally now: this looks like a brief interruption on the way to the server.');
  plain(h.text + h.note);
});

test('headline_everyCauseAndKind_plainWordsWithSiteName', () => {
  const causes = Object.keys(JSON.parse(JSON.stringify(messages))).filter((k) => k.startsWith('cause_') && k !== 'cause_unknown');
  for (const key of causes) {
    const cause = key.slice(6).replace('_', '.');
    const h = headline(t, brk(cause, { stage: 'probed' }));
    plain(h.text + (h.note || ''));
  }
  for (const kind of ['reset', 'ws_drop', 'refused', 'truncated', 'dropped']) plain(headline(t, brk('stream.dropped_unexplained', { kind })).text);
  assert.equal(headline(t, brk('future.cause')).text, 'An answer from ChatGPT broke; Details name the cause.');
  assert.equal(headline(t, brk('server.overloaded')).text, 'ChatGPT is busy or is limiting how many messages you can send.');
  assert.equal(siteName(t, 'generic'), 'this site');
});

test('headline_blockerTurnedOff_noLongerSaysBlocked', () => {
  const b = brk('extension.blocked_request');
  assert.match(headline(t, b, { blockerName: 'uBlock' }).text, /The extension uBlock blocked ChatGPT's answer/);
  const after = headline(t, b, { resolved: true, disabledName: 'uBlock' });
  assert.equal(after.text, "You turned off uBlock, which blocked ChatGPT's answer: try the answer again.");
});

test('primaryAction_perCause_oneUsefulButton', () => {
  const regen = { canRegenerate: true, statusPage: true };
  assert.equal(primaryAction(t, brk('stream.dropped_unexplained', { remedies: ['regenerate'] }), regen).action, 'regenerate');
  assert.equal(primaryAction(t, brk('server.overloaded', { remedies: ['wait_and_retry', 'check_status_page'] }), regen).label, 'Try again');
  assert.equal(primaryAction(t, brk('server.overloaded', { remedies: ['wait_and_retry', 'check_status_page'] }), { statusPage: true }).action, 'open_status');
  assert.equal(primaryAction(t, brk('dns.resolution_failed', { remedies: ['flush_dns', 'use_doh'] }), regen).action, 'flush_dns');
  const blocked = primaryAction(t, brk('extension.blocked_request', { remedies: ['disable_extension', 'isolated_profile'] }), { suspects: [{ id: 'abc', name: 'uBlock' }] });
  assert.deepEqual([blocked.action, blocked.extensionId, blocked.label], ['disable_extension', 'abc', 'Disable uBlock for a test']);
  const noSuspect = primaryAction(t, brk('extension.blocked_request', { remedies: ['disable_extension', 'isolated_profile'] }), {});
  assert.equal(noSuspect.action, undefined);
  assert.equal(noSuspect.advice, 'Test in a browser profile without extensions');
  assert.equal(primaryAction(t, brk('stream.stalled', { remedies: ['regenerate'] }), {}).advice, 'Regenerate the answer');
});

test('runnerUps_dnsUnder429_ruledOutNeverAButton', () => {
  const b = brk('server.overloaded', { remedies: ['wait_and_retry'] }, [{ cause: 'dns.resolution_failed', confidence: 0.4, evidence: [], remedies: ['flush_dns'] }, { cause: 'network.changed', confidence: 0.3, evidence: [], remedies: ['regenerate'] }]);
  assert.deepEqual(runnerUps(b).map((f) => [f.cause, f.ruledOut]), [['dns.resolution_failed', true], ['network.changed', false]]);
  const listed = brk('stream.stalled', { ruledOut: [{ cause: 'network.changed', why: 'x' }] }, [{ cause: 'network.changed', confidence: 0.3, evidence: [], remedies: [] }]);
  assert.equal(runnerUps(listed)[0].ruledOut, true);
});

test('outcomes_flushDns_saysWhatWasFlushedOrThatThereIsNoCache', () => {
  assert.equal(flushOutcome(t, { type: 'flush.result', ok: true, steps: [{ cache: 'systemd-resolved', status: 'flushed' }] }, null), 'Flushed the system DNS cache (systemd-resolved).');
  assert.match(flushOutcome(t, { type: 'flush.result', ok: true, steps: [] }, 'chrome://net-internals/#dns'), /^There is no system DNS cache on this computer.*Clear host cache/);
  assert.match(flushOutcome(t, { type: 'flush.result', ok: false, steps: [{ cache: 'nscd', status: 'denied' }] }, null), /refused to flush nscd: it needs administrator rights/);
  assert.match(flushOutcome(t, null, 'x'), /^Without the helper app the system DNS cache cannot be flushed/);
});

test('outcomes_checkNow_wordsForWhatAnswered', () => {
  const ok = { evidence: [{ type: 'probe.dns', outcome: 'ok' }, { type: 'probe.dns', outcome: 'timeout' }, { type: 'probe.tcp', outcome: 'ok' }, { type: 'probe.tls', outcome: 'ok' }] };
  assert.equal(probeOutcome(t, 'ChatGPT', ok), 'ChatGPT answers normally: looking up its address, connecting, the secure connection all worked.');
  const bad = { evidence: [{ type: 'probe.dns', outcome: 'ok' }, { type: 'probe.tcp', outcome: 'refused' }, { type: 'probe.tls', outcome: 'refused' }] };
  assert.equal(probeOutcome(t, 'ChatGPT', bad), 'For ChatGPT, looking up its address worked, but connecting, the secure connection did not.');
  assert.equal(probeOutcome(t, 'ChatGPT', { evidence: [] }), 'The check ran but had nothing to test for this site.');
});

test('outcomes_statusPage_whatItReports', () => {
  assert.equal(statusOutcome(t, 'ChatGPT', { evidence: [{ type: 'probe.status_page', indicator: 'none', affected: [] }] }), "ChatGPT's status page reports no incident right now.");
  assert.equal(statusOutcome(t, 'ChatGPT', { evidence: [{ type: 'probe.status_page', indicator: 'major', affected: ['Conversations'] }] }), "ChatGPT's status page reports a major incident. (Conversations)");
  assert.equal(statusOutcome(t, 'ChatGPT', null), "Opened ChatGPT's status page: look there for current problems.");
});

test('installSteps_perOsAndBrowser_commandsThatExist', () => {
  const linux = installSteps(t, { os: 'linux', browser: 'chrome' });
  assert.deepEqual(linux.steps.map((s) => s.code).filter(Boolean), ['sudo apt install ./streamdoctor_0.1.0-1_amd64.deb', 'java -jar streamdoctor.jar install --browser chrome']);
  const mac = installSteps(t, { os: 'mac', browser: 'chromium' });
  assert.deepEqual(mac.steps.map((s) => s.code).filter(Boolean), ['java -jar streamdoctor.jar install --browser chromium']);
  assert.ok(!JSON.stringify(linux).includes('restart the browser'));
  assert.equal(installBrowserName({ userAgentData: { brands: [{ brand: 'Chromium' }, { brand: 'Google Chrome' }] } }), 'chrome');
  assert.equal(installBrowserName({}), 'chromium');
  assert.equal(installBrowserName({}, true), 'firefox');
});

test('certainty_bands_wordsNotABarePercentage', () => {
  assert.equal(certainty(0.93), 'likely');
  assert.equal(certainty(0.75), 'likely');
  assert.equal(certainty(0.6), 'possibly');
  assert.equal(certainty(0.45), 'possibly');
  assert.equal(certainty(0.35), 'unclear');
  assert.equal(certainty(undefined), 'unclear');
  assert.equal(certaintyWords(t, 0.93), 'Likely (93%)');
  assert.equal(certaintyWords(t, 0.55), 'Possibly (55%)');
  assert.equal(certaintyWords(t, 0.3), 'Not enough evidence (30%)');
});

test('headline_possiblyNotLikely_saysTheEvidenceIsNotConclusive', () => {
  const weak = brk('network.changed', { stage: 'probed' });
  weak.findings[0].confidence = 0.55;
  const h = headline(t, weak);
  assert.match(h.note, /not conclusive/);
  plain(h.text + h.note);
  const strong = brk('network.changed', { stage: 'probed' });
  assert.equal(headline(t, strong).note, null, 'a likely cause needs no hedge');
});
