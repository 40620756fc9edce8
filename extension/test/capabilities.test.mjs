import test from 'node:test';
import assert from 'node:assert/strict';
import { createCapabilities, createNotification, managementDetailed } from '../background/capabilities.js';
import { createInventory } from '../background/inventory.js';
import { renderGaps } from '../popup/render.js';

function notificationsRefusingButtons() {
  const created = [];
  return {
    created,
    async create(id, options) {
      if (options.buttons) throw new Error('Type error for parameter options (Property "buttons" is unsupported by Firefox)');
      created.push({ id, options });
      return id;
    },
  };
}

test('createNotification_browserRefusesButtons_createsWithoutAndNotesGap', async () => {
  const n = notificationsRefusingButtons();
  const caps = createCapabilities();
  await createNotification(n, 'sd:b1', { type: 'basic', title: 'x', buttons: [{ title: 'Flush DNS' }] }, caps);
  assert.deepEqual(n.created, [{ id: 'sd:b1', options: { type: 'basic', title: 'x' } }]);
  assert.deepEqual(caps.list(), ['notification_buttons']);
});

test('createNotification_knownGap_neverTriesButtons', async () => {
  const calls = [];
  const n = { create: async (id, o) => { calls.push(o); return id; } };
  await createNotification(n, 'sd:b2', { title: 'x', buttons: [{ title: 'a' }] }, createCapabilities({ firefox: true }));
  assert.deepEqual(calls, [{ title: 'x' }]);
});

test('createNotification_otherFailureWithoutButtons_propagates', async () => {
  const n = { create: async () => { throw new Error('no notifications'); } };
  await assert.rejects(createNotification(n, 'sd:b3', { title: 'x' }, createCapabilities()), /no notifications/);
});

test('capabilities_chrome_noGaps_firefox_buttonsAndPages', () => {
  assert.deepEqual(createCapabilities().list(), []);
  assert.deepEqual(createCapabilities({ firefox: true }).list(), ['notification_buttons', 'browser_pages']);
  const c = createCapabilities();
  c.note('not_a_gap');
  assert.deepEqual(c.list(), []);
});

test('managementDetailed_entriesWithoutPermissions_false', () => {
  assert.equal(managementDetailed([{ id: 'a', permissions: [], hostPermissions: [] }]), true);
  assert.equal(managementDetailed([{ id: 'a', permissions: ['tabs'] }]), false);
  assert.equal(managementDetailed([{ id: 'dark@mozilla.org', type: 'theme' }, { id: 'a', type: 'extension', permissions: [], hostPermissions: [] }]), true);
  assert.equal(managementDetailed(undefined), false);
});

test('inventory_managementThrows_notesGapAndReportsNothing', async () => {
  const caps = createCapabilities();
  const emitted = [];
  const ext = { management: { getAll: async () => { throw new Error('management is not allowed'); } } };
  const list = await createInventory(ext, 'self', (e) => emitted.push(e), caps).refresh();
  assert.deepEqual(list, []);
  assert.deepEqual(caps.list(), ['management_details']);
});

test('inventory_themeInstalledAtStartup_isNotAnExtensionChange', async () => {
  const listeners = {};
  const on = (name) => ({ addListener: (fn) => { listeners[name] = fn; } });
  const ext = { management: { getAll: async () => [], onEnabled: on('enabled'), onDisabled: on('disabled'), onInstalled: on('installed'), onUninstalled: on('uninstalled') } };
  const emitted = [];
  const inv = createInventory(ext, 'self', (e) => emitted.push(e));
  inv.watch();
  listeners.installed({ id: 'firefox-compact-dark@mozilla.org', name: 'Dark', type: 'theme' });
  listeners.installed({ id: 'blocker@test', name: 'Blocker', type: 'extension' });
  assert.deepEqual(emitted.filter((e) => e.type === 'browser.extension_changed').map((e) => e.id), ['blocker@test']);
});

test('renderGaps_listsNotesOrHides', () => {
  const items = [];
  const ul = { hidden: false, replaceChildren: (...xs) => { items.splice(0, items.length, ...xs); } };
  const doc = {
    getElementById: () => ul,
    createElement: (tag) => ({ tag, attrs: {}, setAttribute(k, v) { this.attrs[k] = v; }, textContent: '' }),
  };
  renderGaps(doc, (k) => `text of ${k}`, ['notification_buttons']);
  assert.equal(ul.hidden, false);
  assert.equal(items[0].attrs['data-gap'], 'notification_buttons');
  assert.equal(items[0].textContent, 'text of gap_notification_buttons');
  renderGaps(doc, (k) => k, []);
  assert.equal(ul.hidden, true);
});

test('openBrowserPage_firefoxRefusesAboutPage_saysWhatToType', async () => {
  const { openBrowserPage } = await import('../background/remedies.js');
  const refusing = { tabs: { create: async () => { throw new Error('Illegal URL: about:preferences#privacy'); } } };
  const r = await openBrowserPage(refusing, 'about:preferences#privacy', (key, subs) => `${key}:${subs[0]}`);
  assert.deepEqual(r, { ok: false, error: 'openItYourself:about:preferences#privacy', manual: 'about:preferences#privacy' });
  const opened = [];
  const ok = await openBrowserPage({ tabs: { create: async (o) => opened.push(o.url) } }, 'chrome://settings/system', (k) => k);
  assert.deepEqual([ok, opened], [{ ok: true }, ['chrome://settings/system']]);
});
