import test from 'node:test';
import assert from 'node:assert/strict';
import { createBreaks, topFinding, BREAKS_KEY } from '../background/breaks.js';
import { notificationFor, COALESCE_MS } from '../background/notify.js';

const t = (key, subs) => (subs ? `${key}(${subs.join('|')})` : key);

function memoryArea(initial = {}) {
  const data = { ...initial };
  return {
    data,
    get: async (keys) => Object.fromEntries([].concat(keys).filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (obj) => Object.assign(data, structuredClone(obj)),
  };
}

function world({ local = memoryArea(), notificationsOn = true, notifyGeneric = false, clock = { now: 1000 } } = {}) {
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
      clear: async (id) => {
        calls.push(['clear', id]);
        const had = id in shown;
        delete shown[id];
        return had;
      },
    },
    action: { setBadgeText: async (o) => calls.push(['badge', o]), setBadgeBackgroundColor: async () => {} },
    t,
    settings: async () => ({ notifications: notificationsOn, notifyGeneric }),
    log: (e) => log.push(e),
    now: () => clock.now,
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

test('notificationFor_break_plainHeadlineOneButtonNoIds', () => {
  const n = notificationFor(t, diag('probed', probed).break);
  assert.equal(n.title, 'head_dns(ChatGPT)');
  assert.deepEqual(n.buttons, [{ title: 'remedy_flush_dns' }]);
  assert.equal(n.action.action, 'flush_dns');
  assert.doesNotMatch(n.title + n.message, /b-1|dns\.resolution|confidence/);
});

test('onDiagnosis_newBreak_storesBadgesNotifies', async () => {
  const { b, calls, log } = world();
  assert.equal(await b.onDiagnosis(diag('evidence', overloaded)), 'new');
  assert.equal((await b.list())[0].breakId, 'b-1-12:wv.3');
  assert.ok(calls.some(([k, o]) => k === 'badge' && o.tabId === 12 && o.text === '!'));
  assert.deepEqual(log.map((e) => [e.id, e.update]), [['sd:tab:12', false]]);
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

const localReset = (ts = 5, stream = '12:wv.3', site = 'chatgpt') => ({
  breakId: `b-${ts}-${stream}`, stream, tabId: 12, site, ts, symptom: 'message_stream_error', kind: 'reset',
  findings: [{ cause: 'stream.dropped_unexplained', confidence: 0.35, evidence: [], remedies: ['regenerate'] }], ruledOut: [],
});

test('onLocal_thenHostVerdictForSameStream_replacedInPlaceOneNotificationKindKept', async () => {
  const { b, calls, log } = world();
  assert.equal(await b.onLocal(localReset()), 'new');
  assert.equal(log[0].title, 'head_reset(ChatGPT)');
  assert.equal(log[0].message, 'note_install_why');
  assert.equal(await b.onDiagnosis(diag('evidence', overloaded)), 'updated');
  const list = await b.list();
  assert.equal(list.length, 1, 'the host verdict replaced the browser-only break');
  assert.equal(list[0].breakId, 'b-1-12:wv.3');
  assert.equal(list[0].kind, 'reset');
  assert.equal(calls.filter((c) => c[0] === 'create').length, 1);
  assert.equal(await b.onLocal(localReset()), 'host', 'a late browser-only verdict never displaces the host one');
  assert.equal((await b.list()).length, 1);
});

test('onLocal_afterHostVerdictWithSameId_ignored', async () => {
  const { b } = world();
  await b.onDiagnosis(diag('evidence', overloaded, 'b-5-12:wv.3'));
  assert.equal(await b.onLocal(localReset()), 'host');
  assert.equal((await b.list())[0].stage, 'evidence');
});

test('notify_threeBreaksInOneTabWithinWindow_oneNotificationCounting', async () => {
  const clock = { now: 1000 };
  const { b, calls, log } = world({ clock });
  for (let i = 0; i < 3; i++) {
    await b.onLocal(localReset(10 + i, `12:wv.${i}`));
    clock.now += 1000;
  }
  assert.equal(calls.filter((c) => c[0] === 'create').length, 1);
  assert.equal(log.at(-1).title, 'notifyMany(3|ChatGPT)');
  clock.now += COALESCE_MS;
  await b.onLocal(localReset(99, '12:wv.9'));
  assert.equal(calls.filter((c) => c[0] === 'create').length, 2, 'a new window, a new notification');
});

test('notify_genericSite_noNotificationUnlessAsked', async () => {
  const quiet = world();
  await quiet.b.onLocal(localReset(5, '12:wv.3', 'generic'));
  assert.equal(quiet.calls.filter((c) => c[0] === 'create').length, 0);
  assert.ok(quiet.calls.some(([k]) => k === 'badge'), 'still badged');
  const asked = world({ notifyGeneric: true });
  await asked.b.onLocal(localReset(5, '12:wv.3', 'generic'));
  assert.equal(asked.calls.filter((c) => c[0] === 'create').length, 1);
});

test('seen_tabShownInPopup_notificationClearedBreaksMarked', async () => {
  const { b, shown } = world();
  await b.onLocal(localReset());
  assert.ok(shown['sd:tab:12']);
  assert.equal(await b.seen(12), 1);
  assert.equal(shown['sd:tab:12'], undefined);
  assert.equal((await b.list())[0].seen, true);
});

test('withdrawLocal_recoveredStall_removed', async () => {
  const { b, shown } = world();
  await b.onLocal(localReset());
  assert.ok(shown['sd:tab:12']);
  assert.equal(await b.withdrawLocal('b-5-12:wv.3'), 1);
  assert.equal((await b.list()).length, 0);
  assert.equal(shown['sd:tab:12'], undefined, 'its notification is taken back');
  assert.equal(await b.withdrawLocal('b-5-12:wv.3'), 0);
});

test('dismiss_card_keptButFlagged', async () => {
  const { b } = world();
  await b.onLocal(localReset());
  assert.equal(await b.dismiss('b-5-12:wv.3'), 1);
  assert.equal((await b.list())[0].dismissed, true);
});

test('buttonAction_shownNotification_primaryActionOfLatestBreak', async () => {
  const { b } = world();
  await b.onDiagnosis(diag('probed', probed));
  assert.equal(b.buttonAction('sd:tab:12').action.action, 'flush_dns');
  assert.equal(b.buttonAction('sd:tab:99'), null);
});

test('tabFirst_mixedTabs_selectedTabBreaksFirstOrderKept', async () => {
  const { tabFirst } = await import('../background/ui.js');
  const list = [{ breakId: 'a', stream: '5:x.1' }, { breakId: 'b', stream: '7:x.1' }, { breakId: 'c', stream: '5:x.2' }, { breakId: 'd', stream: '7:x.2' }];
  assert.deepEqual(tabFirst(list, 7).map((b) => b.breakId), ['b', 'd', 'a', 'c']);
  assert.deepEqual(tabFirst(list, 99).map((b) => b.breakId), ['a', 'b', 'c', 'd']);
});
