import test from 'node:test';
import assert from 'node:assert/strict';
import { breakMarkdown, reportMarkdown, formatAt, sortedFindings } from '../popup/report.js';

const t = (key, subs) => (subs ? `${key}(${subs.join('|')})` : key);
const brk = {
  breakId: 'b-1-12:a.1',
  stream: '12:a.1',
  site: 'chatgpt',
  url: 'https://chatgpt.com/backend-api/conversation',
  ts: Date.UTC(2026, 10, 26, 1, 0, 0),
  symptom: 'message_stream_error',
  stage: 'probed',
  findings: [
    { cause: 'network.changed', confidence: 0.4, evidence: [{ atMs: -2000, text: 'interface wlan0 went down' }], remedies: ['regenerate'] },
    { cause: 'server.overloaded', confidence: 0.92, evidence: [{ atMs: -1000, text: 'stream reported error object overloaded_error' }], against: [], remedies: ['wait_and_retry'] },
  ],
  ruledOut: [{ cause: 'dns.resolution_failed', why: 'the stream had already received 240 frames' }],
};

test('formatAt_relativeTimes_signedSeconds', () => {
  assert.equal(formatAt(-1000), '-1.0 s');
  assert.equal(formatAt(1500), '+1.5 s');
  assert.equal(formatAt(undefined), '');
});

test('breakMarkdown_break_topCauseFirstWithEvidenceAndRuledOut', () => {
  const md = breakMarkdown(t, brk);
  assert.equal(sortedFindings(brk)[0].cause, 'server.overloaded');
  assert.ok(md.indexOf('server.overloaded') < md.indexOf('network.changed'));
  assert.match(md, /- -1\.0 s: stream reported error object overloaded_error/);
  assert.match(md, /confidence 92%/);
  assert.match(md, /`dns.resolution_failed`: the stream had already received 240 frames/);
  assert.match(md, /2026-11-26T01:00:00.000Z/);
});

test('reportMarkdown_noBreaks_saysSo', () => {
  const md = reportMarkdown(t, [], { now: 0, connection: 'missing', browser: 'chrome' });
  assert.match(md, /helper app: missing/);
  assert.match(md, /No breaks recorded\./);
});
