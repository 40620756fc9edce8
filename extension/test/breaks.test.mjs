import test from 'node:test';
import assert from 'node:assert/strict';
import { createBreaks, notificationFor, topFinding, BREAKS_KEY } from '../background/breaks.js';

const t = (key, subs) => (subs ? `${key}(${subs.join('|')})` : key);

function memoryArea(initial = {}) {
  const data = { ...initial };
  return {
    data,
    get: async (keys) => Object.fromEntries([].concat(keys).filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (obj) => Object.assign(data, structuredClone(obj)),
  };
}

function world({ local = memoryArea(), notificationsOn = true } = {}) {
  const shown = {};
  const log = [];
  const calls = [];
  const deps = {
    storage: { local, session: memoryArea() },
    notifications: {
      create: async (id, o) => {
        calls.push(['create', id, o]);
        shown[id] = o;
      },
      update: async (id, o) => {
        calls.push(['update', id, o]);
        shown[id] = o;
        return true;
      },
      getAll: async () => ({ ...shown }),
    },
    action: { setBadgeText: async (o) => calls.push(['badge', o]), setBadgeBackgroundColor: async () => {} },
    t,
    settings: async () => ({ notifications: notificationsOn }),
    log: (e) => log.push(e),
  };
  return { b: createBreaks(deps), calls, log, shown, local };
}

const diag = (stage, findings, breakId = 'b-1-12:wv.3') => ({
  v: 1,
  type: 'diagnosis',
  id: null,
  stage,
  break: { breakId, stream: '12:wv.3', site: 'chatgpt', ts: 1, symptom: 'message_stream_error', findings, ruledOut: [] },
});
const overloaded = [{ cause: 'server.overloaded', confidence: 0.92, evidence: [{ atMs: -1000, text: 'x' }], remedies: ['wait_and_retry', 'check_status_page'] }];
const probed = [
  { cause: 'network.changed', confidence: 0.5, evidence: [], remedies: ['regenerate'] },
  { cause: 'dns.resolution_failed', confidence: 0.95, evidence: [], remedies: ['flush_dns', 'switch_resolver', 'use_doh', 'hard_reload'] },
];

test('topFinding_unsorted_highestConfidence', () => {
  assert.equal(topFinding(diag('x', probed).break).cause, 'dns.resolution_failed');
  assert.equal(topFinding({}), null);
});

test('notificationFor_break_titleFromTopCauseAndAtMostTwoButtons', () => {
  const n = notificationFor(t, diag('probed', probed).break, 'probed');
  assert.equal(n.title, 'breakNotificationTitle(cause_dns_resolution_failed)');
  assert.deepEqual(n.remedies, ['flush_dns', 'use_doh']);
  assert.equal(n.buttons.length, 2);
});

test('onDiagnosis_newBreak_storesBadgesNotifies', async () => {
  const { b, calls, log } = world();
  assert.equal(await b.onDiagnosis(diag('evidence', overloaded)), 'new');
  assert.equal((await b.list())[0].breakId, 'b-1-12:wv.3');
  assert.ok(calls.some(([k, o]) => k === 'badge' && o.tabId === 12 && o.text === '!'));
  assert.deepEqual(log.map((e) => [e.id, e.update]), [['sd:b-1-12:wv.3', false]]);
});

test('onDiagnosis_probedUpdate_replacesStoredAndUpdatesNotificationNoSecondCreate', async () => {
  const { b, calls, log } = world();
  await b.onDiagnosis(diag('evidence', overloaded));
  assert.equal(await b.onDiagnosis(diag('probed', probed)), 'updated');
  const list = await b.list();
  assert.equal(list.length, 1);
  assert.equal(list[0].stage, 'probed');
  assert.equal(topFinding(list[0]).cause, 'dns.resolution_failed');
  assert.equal(calls.filter((c) => c[0] === 'create').length, 1);
  assert.equal(calls.filter((c) => c[0] === 'update').length, 1);
  assert.equal(log.length, 2);
});

test('onDiagnosis_sameBreakFromTwoTabsConcurrently_oneNotification', async () => {
  const { b, calls } = world();
  await Promise.all([b.onDiagnosis(diag('evidence', overloaded)), b.onDiagnosis(diag('evidence', overloaded))]);
  assert.equal(calls.filter((c) => c[0] === 'create').length, 1);
});

test('onDiagnosis_afterWorkerRestart_noDuplicateNotification', async () => {
  const local = memoryArea();
  const first = world({ local });
  await first.b.onDiagnosis(diag('evidence', overloaded));
  const second = world({ local }); // a new worker, same storage.local
  assert.equal(await second.b.onDiagnosis(diag('evidence', overloaded)), 'updated');
  assert.equal(second.calls.filter((c) => c[0] === 'create').length, 0);
});

test('onDiagnosis_notificationsOff_storesButNeverNotifies', async () => {
  const { b, calls } = world({ notificationsOn: false });
  await b.onDiagnosis(diag('evidence', overloaded));
  assert.equal(calls.filter((c) => c[0] === 'create').length, 0);
  assert.equal((await b.list()).length, 1);
});

test('onDiagnosis_invalid_ignored', async () => {
  const { b } = world();
  assert.equal(await b.onDiagnosis({ type: 'diagnosis' }), 'invalid');
  assert.equal(await b.onDiagnosis(null), 'invalid');
});

test('list_manyBreaks_boundedNewestFirst', async () => {
  const { b, local } = world();
  for (let i = 0; i < 25; i++) await b.onDiagnosis(diag('evidence', overloaded, 'b-' + i));
  const list = await b.list();
  assert.equal(list.length, 20);
  assert.equal(list[0].breakId, 'b-24');
  assert.equal(local.data[BREAKS_KEY].length, 20);
});

test('remediesForNotification_afterRestart_recomputedFromStoredBreak', async () => {
  const local = memoryArea();
  await world({ local }).b.onDiagnosis(diag('probed', probed));
  const fresh = world({ local }).b;
  assert.deepEqual(await fresh.remediesForNotification('sd:b-1-12:wv.3'), ['flush_dns', 'use_doh']);
});

test('tabFirst_mixedTabs_selectedTabBreaksFirstOrderKept', async () => {
  const { tabFirst } = await import('../background/ui.js');
  const list = [{ breakId: 'a', stream: '5:x.1' }, { breakId: 'b', stream: '7:x.1' }, { breakId: 'c', stream: '5:x.2' }, { breakId: 'd', stream: '7:x.2' }];
  assert.deepEqual(tabFirst(list, 7).map((b) => b.breakId), ['b', 'd', 'a', 'c']);
  assert.deepEqual(tabFirst(list, 99).map((b) => b.breakId), ['a', 'b', 'c', 'd']);
});
