// DOM building for the popup. Test contract: #connection[data-state]; one
// .break[data-cause][data-break-id] per break, newest first, data-cause = its top cause; inside,
// .finding[data-cause] ordered by confidence, top first; remedy buttons [data-remedy].
import { causeTitle, remedyLabel, REMEDIES } from '../src/common/causes.js';
import { sortedFindings, formatAt } from './report.js';

export function el(doc, tag, attrs = {}, text = null) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  if (text !== null) node.textContent = text;
  return node;
}

export function renderConnection(doc, t, state) {
  const c = doc.getElementById('connection');
  c.dataset.state = state.connection;
  c.textContent = t('state_' + state.connection);
  const fix = doc.getElementById('connection-fix');
  const fixKey = state.connection === 'missing' ? 'hostMissingFix' : state.connection === 'forbidden' ? 'hostForbiddenFix' : null;
  fix.hidden = !fixKey;
  fix.textContent = fixKey ? t(fixKey) : '';
}

/** What this browser cannot do, as notes (background/capabilities.js): li[data-gap]. */
export function renderGaps(doc, t, gaps) {
  const ul = doc.getElementById('gaps');
  if (!ul) return;
  ul.replaceChildren(...gaps.map((id) => el(doc, 'li', { 'data-gap': id }, t('gap_' + id))));
  ul.hidden = gaps.length === 0;
}

export function renderStreams(doc, t, streams) {
  const ul = doc.getElementById('streams');
  ul.replaceChildren();
  if (!streams.length) {
    ul.append(el(doc, 'li', { class: 'muted' }, t('noStreams')));
    return;
  }
  for (const s of streams) {
    const line = t('streamLine', [s.kind || '?', s.state || '?', String(s.frames || 0)]);
    ul.append(el(doc, 'li', { class: 'stream', 'data-stream': s.stream, 'data-state': s.state }, `${line} — ${s.url || ''}`));
  }
}

/** Remedy buttons for one finding; disable_extension expands to one button per suspect. */
function remedyButtons(doc, t, finding, ctx) {
  const row = el(doc, 'div', { class: 'row remedies' });
  for (const id of finding.remedies || []) {
    const r = REMEDIES[id];
    if (!r || !r.action) {
      row.append(el(doc, 'span', { class: 'advice muted', 'data-remedy': id }, remedyLabel(t, id)));
      continue;
    }
    if (r.action === 'tab:disable_extension') {
      const suspects = ctx.extensions.filter((x) => x.enabled && (x.canBlock || x.chatHostAccess));
      if (!suspects.length) row.append(el(doc, 'span', { class: 'muted' }, t('noSuspects')));
      for (const x of suspects) row.append(el(doc, 'button', { type: 'button', 'data-remedy': id, 'data-action': 'disable_extension', 'data-extension-id': x.id }, t('disableNamed', [x.name])));
      continue;
    }
    row.append(el(doc, 'button', { type: 'button', 'data-remedy': id, 'data-action': r.action.split(':')[1] }, remedyLabel(t, id)));
  }
  return row;
}

export function renderBreaks(doc, t, state) {
  const box = doc.getElementById('breaks');
  box.replaceChildren();
  if (!state.breaks.length) {
    box.append(el(doc, 'p', { class: 'muted' }, t('noBreaks')));
  }
  for (const brk of state.breaks) {
    const findings = sortedFindings(brk);
    const top = findings[0] ? findings[0].cause : 'stream.dropped_unexplained';
    const art = el(doc, 'article', { class: 'break', 'data-cause': top, 'data-break-id': brk.breakId, 'data-stage': brk.stage || 'evidence' });
    art.append(el(doc, 'h3', {}, causeTitle(t, top)));
    const when = Number.isFinite(brk.ts) ? new Date(brk.ts).toLocaleTimeString() : '';
    art.append(el(doc, 'p', { class: 'muted' }, `${t('symptom_' + brk.symptom)} · ${brk.site || ''} · ${when}`));
    if (brk.stage === 'evidence') art.append(el(doc, 'p', { class: 'muted' }, t('stagePending')));
    for (const f of findings) {
      const div = el(doc, 'div', { class: 'finding', 'data-cause': f.cause });
      if (f !== findings[0]) div.append(el(doc, 'h4', {}, causeTitle(t, f.cause)));
      div.append(el(doc, 'p', { class: 'confidence' }, t('confidence', [String(Math.round(100 * (f.confidence || 0)))])));
      const ev = el(doc, 'ul', { class: 'evidence', 'aria-label': t('evidenceTitle') });
      for (const e of f.evidence || []) {
        const li = el(doc, 'li');
        li.append(el(doc, 'time', {}, formatAt(e.atMs)), doc.createTextNode(String(e.text)));
        ev.append(li);
      }
      for (const e of f.against || []) {
        const li = el(doc, 'li', { class: 'against' });
        li.append(el(doc, 'time', {}, formatAt(e.atMs)), doc.createTextNode(String(e.text)));
        ev.append(li);
      }
      div.append(ev);
      div.append(remedyButtons(doc, t, f, state));
      art.append(div);
    }
    // Why the other causes were ruled out, in plain words ("DNS answered in 14 ms ...").
    if ((brk.ruledOut || []).length) {
      const det = el(doc, 'details', { class: 'ruled-out' });
      det.append(el(doc, 'summary', {}, t('ruledOutTitle')));
      const ul = el(doc, 'ul');
      for (const r of brk.ruledOut) {
        const li = el(doc, 'li', { 'data-cause': r.cause });
        li.append(el(doc, 'strong', {}, causeTitle(t, r.cause) + ': '), doc.createTextNode(String(r.why)));
        ul.append(li);
      }
      det.append(ul);
      art.append(det);
    }
    box.append(art);
  }
  for (const id of state.disabledForTest || []) {
    const x = state.extensions.find((e) => e.id === id);
    box.append(el(doc, 'button', { type: 'button', 'data-action': 'enable_extension', 'data-extension-id': id }, t('reEnable', [x ? x.name : id])));
  }
}
