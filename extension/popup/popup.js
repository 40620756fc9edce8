// Popup controller. Also works opened as a tab (chrome-extension://ID/popup/popup.html?tab=N):
// ?tab selects whose streams to show; otherwise the active tab of this window.
import { ext, t, sendToWorker, browserName } from '../src/ext.js';
import { renderConnection, renderStreams, renderBreaks, renderGaps } from './render.js';
import { reportMarkdown } from './report.js';

let state = null;

async function currentTabId() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  try {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    return tab ? tab.id : null;
  } catch {
    return null;
  }
}

function say(text) {
  document.getElementById('status-line').textContent = text;
}

async function refresh() {
  const tabId = await currentTabId();
  state = await sendToWorker({ type: 'ui.state', tabId });
  if (!state || !state.ok) return;
  renderConnection(document, t, state);
  renderGaps(document, t, state.gaps || []);
  renderStreams(document, t, state.streams);
  renderBreaks(document, t, state);
  document.body.dataset.ready = 'true';
}

async function copyReport() {
  let text = null;
  const reply = await sendToWorker({ type: 'ui.report' }).catch(() => null);
  if (reply && reply.ok) text = reply.text;
  else text = reportMarkdown(t, state ? state.breaks : [], { now: Date.now(), connection: state ? state.connection : 'unknown', browser: browserName() });
  document.body.dataset.lastReport = text.length;
  try {
    await navigator.clipboard.writeText(text);
    say(t('copied'));
  } catch {
    say(t('copyFailed'));
  }
  return text;
}

async function act(button) {
  const action = button.dataset.action;
  const args = { tabId: state ? state.tabId : null, siteId: state && state.site ? state.site.id : null, extensionId: button.dataset.extensionId };
  say(t('probing'));
  const reply = await sendToWorker({ type: 'ui.action', action, args }).catch((e) => ({ ok: false, error: String(e.message) }));
  const detail = reply && reply.summary ? ` (${reply.summary})` : '';
  if (reply && reply.ok) say((action === 'flush_dns' && reply.opened ? t('openDnsPage') : t('done')) + detail);
  else say(t('failed', [reply ? reply.error || reply.summary || '?' : '?']) + (action === 'flush_dns' && reply && reply.opened ? ' ' + t('openDnsPage') : ''));
  await refresh();
}

function localize() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}

document.addEventListener('DOMContentLoaded', () => {
  localize();
  document.getElementById('check-now').addEventListener('click', () => act({ dataset: { action: 'probe' } }));
  document.getElementById('copy-report').addEventListener('click', copyReport);
  document.getElementById('breaks').addEventListener('click', (ev) => {
    const button = ev.target.closest('button[data-action]');
    if (button) act(button);
  });
  refresh().catch((e) => say(t('failed', [String(e && e.message)])));
  ext.storage.onChanged.addListener(() => refresh().catch(() => {}));
});
