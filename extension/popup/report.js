// Markdown report built from a stored diagnosis: the fallback for "Copy report" when the host
// cannot answer `report`. Pure, so it is unit-tested; takes the translator as an argument.
import { causeTitle, remedyLabel } from '../src/common/causes.js';

export function sortedFindings(brk) {
  return (Array.isArray(brk.findings) ? brk.findings : []).slice().sort((a, b) => (b.confidence || 0) - (a.confidence || 0));
}

export function formatAt(atMs) {
  const s = Number(atMs) / 1000;
  if (!Number.isFinite(s)) return '';
  return (s > 0 ? '+' : '') + s.toFixed(1) + ' s';
}

export function breakMarkdown(t, brk) {
  const lines = [];
  const when = Number.isFinite(brk.ts) ? new Date(brk.ts).toISOString() : 'unknown time';
  lines.push(`## ${brk.site || 'unknown site'} · ${brk.symptom || 'break'} · ${when}`);
  lines.push('', `- break: \`${brk.breakId}\``, `- stream: \`${brk.stream || '-'}\` ${brk.url || ''}`.trimEnd(), `- stage: ${brk.stage || 'evidence'}`);
  for (const f of sortedFindings(brk)) {
    lines.push('', `### ${causeTitle(t, f.cause)} (\`${f.cause}\`, confidence ${Math.round(100 * (f.confidence || 0))}%)`);
    for (const e of f.evidence || []) lines.push(`- ${formatAt(e.atMs)}: ${e.text}`);
    for (const e of f.against || []) lines.push(`- against ${formatAt(e.atMs)}: ${e.text}`);
    if ((f.remedies || []).length) lines.push(`- remedies: ${f.remedies.map((r) => remedyLabel(t, r)).join('; ')}`);
  }
  if ((brk.ruledOut || []).length) {
    lines.push('', '### Ruled out');
    for (const r of brk.ruledOut) lines.push(`- \`${r.cause}\`: ${r.why}`);
  }
  return lines.join('\n');
}

export function reportMarkdown(t, breaks, env) {
  const head = ['# StreamDoctor report', '', `- generated: ${new Date(env.now).toISOString()}`, `- helper app: ${env.connection}`, `- browser: ${env.browser}`];
  const body = breaks.length ? breaks.map((b) => breakMarkdown(t, b)) : ['No breaks recorded.'];
  return head.concat('', body.join('\n\n'), '').join('\n');
}
