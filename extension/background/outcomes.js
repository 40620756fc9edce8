// What an action did, in plain words (issue 18, "every action reports its outcome"): built from
// the host's replies (docs/protocol.md `flush.result`, `probe.result`), never from page text.

// flush.result step caches (host/…/dns/flush): shown by their everyday names
const CACHE_NAMES = { 'systemd-resolved': 'systemd-resolved', nscd: 'nscd', dnsmasq: 'dnsmasq', mDNSResponder: 'macOS DNS cache', dnscache: 'Windows DNS Client' };

/** Outcome of "Flush DNS": what was flushed, what was refused, or that there is no OS cache. */
export function flushOutcome(t, reply, openedPage) {
  const browserPart = openedPage ? ' ' + t('out_browserDnsCache') : '';
  if (!reply || reply.type !== 'flush.result') return t('out_flushNoHelper') + browserPart;
  const steps = Array.isArray(reply.steps) ? reply.steps : [];
  if (!steps.length) return t('out_flushNoSystemCache') + browserPart;
  const name = (s) => CACHE_NAMES[s.cache] || String(s.cache);
  const flushed = steps.filter((s) => s.status === 'flushed').map(name);
  const refused = steps.filter((s) => s.status !== 'flushed').map(name);
  const parts = [];
  if (flushed.length) parts.push(t('out_flushed', [flushed.join(', ')]));
  if (refused.length) parts.push(t('out_flushRefused', [refused.join(', ')]));
  return parts.join(' ') + browserPart;
}

// probe.* type → the check in plain words (message keys)
const CHECKS = [
  ['probe.dns', 'check_dns'],
  ['probe.tcp', 'check_tcp'],
  ['probe.tls', 'check_tls'],
  ['probe.ws', 'check_ws'],
];

/** Outcome of "Check now": which checks answered and which did not, in words. */
export function probeOutcome(t, siteName, reply) {
  const ev = reply && Array.isArray(reply.evidence) ? reply.evidence : [];
  const ok = [];
  const bad = [];
  for (const [type, key] of CHECKS) {
    const mine = ev.filter((e) => e.type === type);
    if (!mine.length) continue;
    // DNS: one resolver answering is enough for the user's question "does the name resolve?"
    (mine.some((e) => e.outcome === 'ok') ? ok : bad).push(t(key));
  }
  if (!ok.length && !bad.length) return t('out_probeNothing');
  if (!bad.length) return t(ok.length === 1 ? 'out_probeOneOk' : 'out_probeAllOk', [siteName, ok.join(', ')]);
  return t('out_probeSome', [siteName, ok.length ? ok.join(', ') : t('check_nothing'), bad.join(', ')]);
}

/** Outcome of "Open the status page": what the page reports, when the helper could read it. */
export function statusOutcome(t, siteName, reply) {
  const ev = reply && Array.isArray(reply.evidence) ? reply.evidence : [];
  const page = ev.find((e) => e.type === 'probe.status_page');
  if (!page || !page.indicator || page.outcome === 'timeout' || page.outcome === 'error') return t('out_statusOpened', [siteName]);
  if (page.indicator === 'none') return t('out_statusClear', [siteName]);
  const where = Array.isArray(page.affected) && page.affected.length ? ' (' + page.affected.slice(0, 3).map(String).join(', ') + ')' : '';
  return t('out_statusIncident', [siteName, t('incident_' + (['minor', 'major', 'critical', 'maintenance'].includes(page.indicator) ? page.indicator : 'minor'))]) + where;
}
