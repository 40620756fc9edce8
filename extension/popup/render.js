// DOM building for the popup (issue 18: one sentence, one button, and nothing false). The tab's
// latest break comes first as a headline, the one primary button and a collapsed "Details";
// older breaks collapse into a list, other tabs' breaks are labelled. Test contract:
// #connection[data-state]; one .break[data-cause][data-break-id] per shown break, the current one
// first (.break.current), data-cause = its top cause; inside, .finding[data-cause] ordered by
// confidence, top first; action buttons [data-action] ([data-remedy] when they carry a remedy);
// the primary button is .primary; everything technical sits inside details.details.
import { causeTitle, remedyLabel, REMEDIES } from '../src/common/causes.js';
import { headline, primaryAction, runnerUps, findingsOf, topCause, siteName, ruledOutByEvidence, certaintyWords } from '../src/common/words.js';
import { installSteps } from './install.js';

export function el(doc, tag, attrs = {}, text = null) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== false) node.setAttribute(k, String(v));
  if (text !== null) node.textContent = text;
  return node;
}

/** "5.0 s before the break" / "at the break" / "2.0 s after": evidence times in words. */
export function whenWords(t, atMs) {
  const s = Number(atMs) / 1000;
  if (!Number.isFinite(s)) return '';
  if (Math.abs(s) < 0.05) return t('atBreak');
  return t(s < 0 ? 'secondsBefore' : 'secondsAfter', [Math.abs(s).toFixed(1)]);
}

const tabOf = (brk) => Number(String(brk.stream || '').split(':')[0]);

/** Enabled extensions that can block a chat site (what "Disable … for a test" may name). */
export function suspectsOf(state) {
  return (state.extensions || []).filter((x) => x.enabled && (x.canBlock || x.chatHostAccess));
}

/** The render context of one break: what its buttons can do in this tab, and whether it still holds. */
export function contextFor(state, brk) {
  const suspects = suspectsOf(state);
  const mine = tabOf(brk) === state.tabId;
  const site = mine && state.site && state.site.id === brk.site ? state.site : null;
  const disabled = state.disabledForTest || [];
  // the user turned the blocker off: the finding no longer holds (issue 18, item 5)
  const resolved = topCause(brk) === 'extension.blocked_request' && disabled.length > 0 && suspects.length === 0;
  const disabledNames = disabled.map((id) => ((state.extensions || []).find((x) => x.id === id) || {}).name).filter(Boolean);
  return {
    connection: state.connection,
    canRegenerate: !!(site && site.regenerate),
    statusPage: !!(site && site.statusPage),
    suspects,
    blockerName: suspects.length === 1 ? suspects[0].name : null,
    resolved,
    disabledName: disabledNames[0] || null,
    mine,
  };
}

export function renderConnection(doc, t, state) {
  const c = doc.getElementById('connection');
  c.dataset.state = state.connection;
  c.textContent = t('state_' + state.connection);
  const helper = doc.getElementById('helper');
  const missing = state.connection === 'missing' || state.connection === 'forbidden';
  helper.hidden = !missing;
  if (!missing) return;
  doc.getElementById('helper-title').textContent = t(state.connection === 'forbidden' ? 'helperTitleForbidden' : 'helperTitle');
  const fix = doc.getElementById('connection-fix');
  const steps = installSteps(t, { os: state.os, browser: state.browser, forbidden: state.connection === 'forbidden' });
  fix.replaceChildren(el(doc, 'p', {}, steps.intro));
  const ol = el(doc, 'ol', { class: 'steps' });
  for (const s of steps.steps) {
    const li = el(doc, 'li', {}, s.text);
    if (s.code) li.append(' ', el(doc, 'code', {}, s.code));
    ol.append(li);
  }
  fix.append(ol);
  if (steps.more) fix.append(el(doc, 'p', { class: 'muted' }, steps.more));
}

/** What this browser cannot do, as notes (background/capabilities.js): li[data-gap]. */
export function renderGaps(doc, t, gaps) {
  const ul = doc.getElementById('gaps');
  if (!ul) return;
  ul.replaceChildren(...gaps.map((id) => el(doc, 'li', { 'data-gap': id }, t('gap_' + id))));
  ul.hidden = gaps.length === 0;
}

const STREAM_STATES = new Set(['open', 'stalled', 'complete', 'truncated', 'error', 'aborted', 'http_error']);

export function renderStreams(doc, t, streams) {
  const ul = doc.getElementById('streams');
  ul.replaceChildren();
  if (!streams.length) {
    ul.append(el(doc, 'li', { class: 'muted' }, t('noStreams')));
    return;
  }
  for (const s of streams) {
    const state = STREAM_STATES.has(s.state) ? s.state : 'open';
    ul.append(el(doc, 'li', { class: 'stream', 'data-stream': s.stream, 'data-state': s.state }, t('streamWords_' + state, [String(s.frames || 0)])));
  }
}

function actionButton(doc, act, primary, breakId) {
  return el(doc, 'button', {
    type: 'button',
    class: primary ? 'primary' : null,
    'data-action': act.action,
    'data-remedy': act.remedy,
    'data-extension-id': act.extensionId,
    'data-break-id': breakId,
  }, act.label);
}

/** Buttons (or advice text) for one finding's remedies, inside Details. */
function remedyRow(doc, t, finding, ctx, skip) {
  const row = el(doc, 'div', { class: 'row remedies' });
  for (const id of finding.remedies || []) {
    if (id === skip) continue;
    const r = REMEDIES[id];
    if (!r || !r.action || (id === 'check_status_page' && !ctx.statusPage)) {
      row.append(el(doc, 'span', { class: 'advice muted', 'data-remedy': id }, remedyLabel(t, id)));
    } else if (r.action === 'tab:disable_extension') {
      if (!ctx.suspects.length) row.append(el(doc, 'span', { class: 'muted' }, t('noSuspects')));
      for (const x of ctx.suspects) row.append(actionButton(doc, { action: 'disable_extension', remedy: id, extensionId: x.id, label: t('disableNamed', [x.name]) }, false));
    } else {
      row.append(actionButton(doc, { action: r.action.split(':')[1], remedy: id, label: remedyLabel(t, id) }, false));
    }
  }
  return row;
}

function evidenceList(doc, t, finding) {
  const ul = el(doc, 'ul', { class: 'evidence', 'aria-label': t('evidenceTitle') });
  for (const e of finding.evidence || []) ul.append(el(doc, 'li', {}, `${whenWords(t, e.atMs)}: ${String(e.text)}`));
  for (const e of finding.against || []) ul.append(el(doc, 'li', { class: 'against' }, `${t('againstWord')} ${whenWords(t, e.atMs)}: ${String(e.text)}`));
  return ul;
}

/** The collapsed technical part: evidence, what was checked and ruled out, runner-up causes. */
function detailsOf(doc, t, brk, ctx, primary) {
  const det = el(doc, 'details', { class: 'details' });
  det.append(el(doc, 'summary', {}, t('detailsTitle')));
  const [top] = findingsOf(brk);
  if (top) {
    const div = el(doc, 'div', { class: 'finding', 'data-cause': top.cause });
    div.append(el(doc, 'h4', {}, causeTitle(t, top.cause)), el(doc, 'p', { class: 'confidence muted' }, certaintyWords(t, top.confidence)));
    div.append(evidenceList(doc, t, top), remedyRow(doc, t, top, ctx, primary && primary.remedy));
    det.append(div);
  }
  const others = runnerUps(brk);
  if (others.length) {
    det.append(el(doc, 'h4', {}, t('runnerUpsTitle')));
    for (const f of others) {
      const div = el(doc, 'div', { class: 'finding runner-up', 'data-cause': f.cause, 'data-ruled-out': f.ruledOut ? 'true' : null });
      div.append(el(doc, 'h5', {}, causeTitle(t, f.cause)), el(doc, 'p', { class: 'confidence muted' }, f.ruledOut ? t('ruledOutByEvidence') : certaintyWords(t, f.confidence)));
      div.append(evidenceList(doc, t, f));
      if (!f.ruledOut) div.append(remedyRow(doc, t, f, ctx, null));
      det.append(div);
    }
  }
  if ((brk.ruledOut || []).length) {
    det.append(el(doc, 'h4', {}, t('checkedTitle')));
    const ul = el(doc, 'ul', { class: 'ruled-out' });
    for (const r of brk.ruledOut) ul.append(el(doc, 'li', { 'data-cause': r.cause }, `${causeTitle(t, r.cause)}: ${String(r.why)}`));
    det.append(ul);
  }
  det.append(el(doc, 'p', { class: 'muted ids' }, `${t('breakRef')} ${brk.breakId} · ${brk.url || ''}`));
  return det;
}

function metaLine(t, brk, ctx) {
  const when = Number.isFinite(brk.ts) ? new Date(brk.ts).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
  const parts = [siteName(t, brk.site), when];
  if (!ctx.mine) parts.push(t('otherTab'));
  if (brk.stage === 'browser') parts.push(t('browserOnly'));
  return parts.filter(Boolean).join(' · ');
}

/** One break as a card: headline, note, primary button, meta line, dismiss, Details. */
export function breakCard(doc, t, brk, state, { current }) {
  const ctx = contextFor(state, brk);
  const head = headline(t, brk, ctx);
  const act = ctx.resolved && ctx.canRegenerate ? { remedy: 'regenerate', action: 'regenerate', label: t('act_try_again') } : primaryAction(t, brk, ctx);
  const attrs = { class: current ? 'break current' : 'break', 'data-cause': topCause(brk), 'data-break-id': brk.breakId, 'data-stage': brk.stage || 'evidence', 'data-resolved': ctx.resolved ? 'true' : null, 'data-other-tab': ctx.mine ? null : 'true' };
  const card = el(doc, current ? 'article' : 'details', attrs);
  const headId = 'h-' + String(brk.breakId).replace(/[^A-Za-z0-9_-]/g, '_');
  if (current) {
    card.setAttribute('aria-labelledby', headId);
    card.append(el(doc, 'h2', { class: 'headline', id: headId }, head.text));
  } else {
    card.append(el(doc, 'summary', { class: 'headline', id: headId }, `${head.text} (${metaLine(t, brk, ctx)})`));
  }
  if (head.note) card.append(el(doc, 'p', { class: 'note' }, head.note));
  if (act && act.action) {
    const row = el(doc, 'div', { class: 'row primary-row' });
    row.append(actionButton(doc, act, true, brk.breakId));
    card.append(row);
  } else if (act && act.advice) {
    card.append(el(doc, 'p', { class: 'advice' }, act.advice));
  }
  if (current) card.append(el(doc, 'p', { class: 'meta muted' }, metaLine(t, brk, ctx)));
  card.append(detailsOf(doc, t, brk, ctx, act));
  card.append(el(doc, 'button', { type: 'button', class: 'dismiss link', 'data-action': 'dismiss', 'data-break-id': brk.breakId, 'aria-label': t('dismissLabel', [head.text]) }, t('dismiss')));
  return card;
}

/** Which breaks to show: the tab's own first, dismissed ones left out. */
export function visibleBreaks(state) {
  return (state.breaks || []).filter((b) => !b.dismissed);
}

export function renderBreaks(doc, t, state) {
  const box = doc.getElementById('breaks');
  box.replaceChildren();
  const list = visibleBreaks(state);
  // this tab's latest break is the card; when this tab has none, other tabs' only get the list
  const mine = list.length && (state.tabId === null || tabOf(list[0]) === state.tabId);
  if (mine) box.append(breakCard(doc, t, list[0], state, { current: true }));
  else box.append(el(doc, 'h2', { class: 'headline calm' }, t('noBreaks')));
  const rest = mine ? list.slice(1) : list;
  const older = doc.getElementById('older');
  const ul = doc.getElementById('older-list');
  ul.replaceChildren(...rest.map((b) => {
    const li = el(doc, 'li');
    li.append(breakCard(doc, t, b, state, { current: false }));
    return li;
  }));
  older.hidden = rest.length === 0;
  doc.getElementById('older-title').textContent = t(mine ? 'olderTitle' : 'otherTabsTitle', [String(rest.length)]);
}

/** Extensions turned off for a test: the reminder with its button comes first. */
export function renderReminder(doc, t, state) {
  const box = doc.getElementById('reminder');
  box.replaceChildren();
  for (const id of state.disabledForTest || []) {
    const x = (state.extensions || []).find((e) => e.id === id);
    const name = x ? x.name : t('out_theExtension');
    box.append(el(doc, 'p', {}, t('disabledNote', [name])), el(doc, 'button', { type: 'button', 'data-action': 'enable_extension', 'data-extension-id': id }, t('reEnable', [name])));
  }
  box.hidden = !(state.disabledForTest || []).length;
}

/** The last action's outcome on the popup's next opening, unless a newer break came since. */
export function renderOutcome(doc, state) {
  const line = doc.getElementById('status-line');
  const latest = visibleBreaks(state)[0];
  const sameTab = state.outcome && (state.outcome.tabId === null || state.outcome.tabId === state.tabId);
  const fresh = sameTab && state.outcome.text && (!latest || !(latest.receivedAt > state.outcome.at));
  if (fresh && !line.textContent) line.textContent = state.outcome.text;
}

export { ruledOutByEvidence };
