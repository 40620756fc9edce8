// Popup controller. Also works opened as a tab (chrome-extension://ID/popup/popup.html?tab=N):
// ?tab selects whose breaks and streams come first; otherwise the active tab of this window.
import { ext, t, sendToWorker, browserName, isFirefox } from '../src/ext.js';
import { renderConnection, renderStreams, renderBreaks, renderGaps, renderReminder, renderOutcome } from './render.js';
import { installBrowserName } from './install.js';
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

function say(text, id = 'status-line') {
  document.getElementById(id).textContent = text;
}

async function refresh() {
  const tabId = await currentTabId();
  const next = await sendToWorker({ type: 'ui.state', tabId });
  if (!next || !next.ok) return;
  state = { ...next, browser: installBrowserName(navigator, isFirefox) };
  // a re-render must not close what the user opened (Details, an earlier break)
  const keyOf = (d) => d.id || `${(d.closest('[data-break-id]') || { dataset: {} }).dataset.breakId}:${d.className}`;
  const open = new Set([...document.querySelectorAll('details[open]')].map(keyOf));
  renderConnection(document, t, state);
  renderGaps(document, t, state.gaps || []);
  renderStreams(document, t, state.streams);
  renderBreaks(document, t, state);
  renderReminder(document, t, state);
  renderOutcome(document, state);
  for (const d of document.querySelectorAll('details')) if (open.has(keyOf(d))) d.open = true;
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
  const args = {
    tabId: state ? state.tabId : null,
    siteId: state && state.site ? state.site.id : null,
    extensionId: button.dataset.extensionId,
    breakId: button.dataset.breakId,
  };
  const out = action === 'test_helper' ? 'test-result' : 'status-line';
  say(t('probing'), out);
  const reply = await sendToWorker({ type: 'ui.action', action, args }).catch(() => ({ ok: false }));
  if (action !== 'dismiss') say((reply && reply.message) || t('out_failed'), out);
  document.body.dataset.lastAction = action;
  await refresh();
}

function localize() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}

document.addEventListener('DOMContentLoaded', () => {
  localize();
  document.getElementById('check-now').addEventListener('click', () => act({ dataset: { action: 'probe' } }));
  document.getElementById('test-again').addEventListener('click', () => act({ dataset: { action: 'test_helper' } }));
  document.getElementById('copy-report').addEventListener('click', copyReport);
  document.querySelector('main').addEventListener('click', (ev) => {
    const button = ev.target.closest('button[data-action]');
    if (button) act(button);
  });
  refresh().catch(() => say(t('out_failed')));
  // breaks, outcomes and disabled extensions live in storage.local (the session area changes with
  // every stream's progress, which says nothing new here)
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') refresh().catch(() => {});
  });
});
