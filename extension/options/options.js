// Options: sites on/off, stall floor, notifications, recording. Every change saves at once
// through the worker (which validates and tells the host about recording).
import { t, sendToWorker } from '../src/ext.js';
import { SITES } from '../src/common/sites.js';

function localize() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}

function read() {
  const sites = {};
  for (const box of document.querySelectorAll('#sites input')) sites[box.name] = box.checked;
  return {
    sites,
    stallFloorS: Number(document.getElementById('stall').value) || 0,
    notifications: document.getElementById('notifications').checked,
    notifyGeneric: document.getElementById('notifyGeneric').checked,
    record: document.getElementById('record').checked,
  };
}

async function save() {
  const reply = await sendToWorker({ type: 'ui.settings', settings: read() });
  const status = document.getElementById('saved');
  if (reply && reply.ok && (reply.hostOk === null || reply.hostOk === true)) status.textContent = t('optSaved');
  else status.textContent = t('optRecordFailed', [String(reply && reply.hostOk)]);
}

async function init() {
  localize();
  const state = await sendToWorker({ type: 'ui.state', tabId: null });
  const s = state.settings;
  const box = document.getElementById('sites');
  for (const site of SITES) {
    const id = 'site-' + site.id;
    const p = document.createElement('p');
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', id, name: site.id, checked: s.sites[site.id] !== false });
    const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: site.hosts.join(', ') });
    p.append(input, ' ', label);
    box.append(p);
  }
  document.getElementById('stall').value = String(s.stallFloorS || 0);
  document.getElementById('notifications').checked = s.notifications !== false;
  document.getElementById('notifyGeneric').checked = s.notifyGeneric === true;
  document.getElementById('record').checked = s.record === true;
  document.getElementById('settings').addEventListener('change', save);
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', init);
