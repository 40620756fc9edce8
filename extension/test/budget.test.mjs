import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRelayBudget, tokenBucket, STREAMS, BREAKS } from '../background/budget.js';

const open = (stream, site = 'chatgpt') => ({ type: 'stream.open', stream, site, tabId: Number(stream.split(':')[0]) });
const end = (stream, outcome = 'error') => ({ type: 'stream.end', stream, outcome });

test('tokenBucket refills at its rate and never beyond its burst', () => {
  const b = tokenBucket({ perMinute: 60, burst: 2 });
  assert.equal(b.take(0), true);
  assert.equal(b.take(0), true);
  assert.equal(b.take(0), false);
  assert.equal(b.take(999), false);
  assert.equal(b.take(1000), true);
  assert.equal(b.take(600_000), true);
  assert.equal(b.take(600_000), true);
  assert.equal(b.take(600_000), false, 'ten idle minutes still save only the burst');
});

test('a script breaking 3,000 streams in 3 s: the host gets the burst, the rest is one counted summary', () => {
  let t = 0;
  const budget = createRelayBudget({ now: () => t });
  let opens = 0;
  let breaks = 0;
  for (let i = 0; i < 3000; i++) {
    t = i;
    if (budget.admit(open(`7:${i}`))) opens++;
    if (budget.admit(end(`7:${i}`))) breaks++;
  }
  assert.equal(opens, STREAMS.burst + 2, 'stream burst plus 3 s of refill at 60 a minute');
  assert.equal(breaks, BREAKS.burst, 'the relayed streams break: the break burst only');
  const [summary, ...rest] = budget.takeSummary();
  assert.deepEqual(rest, []);
  assert.equal(summary.type, 'browser.budget');
  assert.equal(summary.tabId, 7);
  assert.equal(summary.site, 'chatgpt');
  assert.equal(summary.streams, 3000 - opens);
  assert.equal(summary.breaks, opens - breaks);
  assert.deepEqual(budget.takeSummary(), [], 'counts reset once reported');
});

test('a dropped stream is dropped whole; complete and aborted ends never spend the break budget', () => {
  let t = 0;
  const budget = createRelayBudget({ now: () => t, streams: { perMinute: 1, burst: 1 }, breaks: { perMinute: 1, burst: 1 } });
  assert.equal(budget.admit(open('3:1')), true);
  assert.equal(budget.admit(open('3:2')), false);
  assert.equal(budget.admit({ type: 'stream.progress', stream: '3:2', frames: 1 }), false);
  assert.equal(budget.admit(end('3:2')), false);
  assert.equal(budget.admit(end('3:1', 'complete')), true);
  t = 60_000;
  assert.equal(budget.admit(open('3:3')), true);
  assert.equal(budget.admit(end('3:3', 'aborted')), true);
  assert.deepEqual(budget.takeSummary().map((s) => [s.streams, s.breaks]), [[1, 0]]);
});

test('another tab and another site keep their own budgets', () => {
  const t = 0;
  const budget = createRelayBudget({ now: () => t });
  for (let i = 0; i < 500; i++) {
    budget.admit(open(`9:${i}`, 'lab'));
    budget.admit(end(`9:${i}`));
  }
  // Tab 4 on another site: untouched by tab 9's flood.
  assert.equal(budget.admit(open('4:1', 'claude')), true);
  assert.equal(budget.admit(end('4:1')), true);
  // Tab 5 on the same site: one flooding tab spent only its own share of the site's bucket.
  assert.equal(budget.admit(open('5:1', 'lab')), true);
  // A page spreading its flood over many tabs meets the site's bucket.
  let admitted = 0;
  for (let tab = 10; tab < 60; tab++) {
    for (let i = 0; i < 50; i++) if (budget.admit(open(`${tab}:${i}`, 'lab'))) admitted++;
  }
  assert.ok(admitted <= 3 * STREAMS.burst, `site bucket caps the spread flood: ${admitted}`);
});

test('events without a stream (browser evidence, inventory) pass untouched', () => {
  const budget = createRelayBudget({ now: () => 0 });
  for (let i = 0; i < 1000; i++) assert.equal(budget.admit({ type: 'browser.connectivity', online: true }), true);
  assert.equal(budget.admit(null), true);
});
