import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { CAUSES, REMEDIES, causeTitle, remedyLabel, actionableRemedies } from '../src/common/causes.js';

const messages = JSON.parse(readFileSync(new URL('../_locales/en/messages.json', import.meta.url), 'utf8'));
const t = (key, subs) => {
  const m = messages[key];
  if (!m) return null;
  let text = m.message;
  for (const [name, ph] of Object.entries(m.placeholders || {})) text = text.split('$' + name.toUpperCase() + '$').join(subs[Number(ph.content.slice(1)) - 1]);
  return text;
};

const BRIEF_CAUSES = 'dns.resolution_failed dns.hijacked network.offline network.changed network.packet_loss network.blocked network.idle_cutoff network.throttled extension.blocked_request extension.interference proxy.double proxy.failed tls.intercepted server.error server.overloaded server.gateway_timeout session.conflict page.init_failed stream.stalled stream.dropped_unexplained'.split(' ');
const BRIEF_REMEDIES = 'flush_dns switch_resolver use_doh contact_isp wait_and_retry regenerate stabilize_link change_network shorter_prompt other_route disable_extension isolated_profile keep_one_routing_layer fix_proxy allowlist_in_av check_status_page split_prompt clear_site_session one_account_per_profile hard_reload disable_script_blockers check_network'.split(' ');

test('causes_everyBriefCause_hasPlainWords', () => {
  for (const c of BRIEF_CAUSES) assert.ok(CAUSES[c], c);
  for (const c of ['pattern.same_network', 'pattern.same_site', 'pattern.time_of_day']) assert.ok(CAUSES[c], c);
  for (const c of Object.keys(CAUSES)) {
    const title = causeTitle(t, c);
    assert.ok(title && !title.includes('.') && title.length > 10, `${c}: ${title}`);
  }
  assert.equal(causeTitle(t, 'future.cause'), 'Cause: future.cause');
});

test('remedies_everyBriefRemedy_hasLabel', () => {
  for (const r of BRIEF_REMEDIES) assert.ok(REMEDIES[r], r);
  for (const r of Object.keys(REMEDIES)) assert.ok(remedyLabel(t, r), r);
  assert.deepEqual(actionableRemedies(['wait_and_retry', 'flush_dns', 'hard_reload', 'check_status_page'], 2), ['flush_dns', 'hard_reload']);
});

test('locales_everyKeyUsedInCode_existsInMessages', () => {
  const roots = ['background', 'popup', 'options', 'src'];
  const used = new Set();
  for (const dir of roots) {
    for (const f of readdirSync(new URL(`../${dir}/`, import.meta.url), { recursive: true })) {
      if (!/\.(js|html)$/.test(f)) continue;
      const text = readFileSync(new URL(`../${dir}/${f}`, import.meta.url), 'utf8');
      for (const m of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) if (!m[1].endsWith('_')) used.add(m[1]); // 'state_' + x: listed below
      for (const m of text.matchAll(/data-i18n="([A-Za-z0-9_]+)"/g)) used.add(m[1]);
    }
  }
  for (const v of Object.values(CAUSES)) used.add(v);
  for (const v of Object.values(REMEDIES)) used.add(v.key);
  for (const s of ['connecting', 'connected', 'missing', 'forbidden', 'disconnected']) used.add('state_' + s);
  for (const s of ['message_stream_error', 'network_error', 'bad_error', 'something_went_wrong', 'blank_page', 'slow_stream']) used.add('symptom_' + s);
  assert.ok(used.size > 60);
  for (const key of used) assert.ok(messages[key], `missing message ${key}`);
  const manifest = readFileSync(new URL('../manifest.json', import.meta.url), 'utf8');
  for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) assert.ok(messages[m[1]], m[1]);
});

test('locales_placeholders_wellFormed', () => {
  for (const [key, m] of Object.entries(messages)) {
    const named = [...m.message.matchAll(/\$([A-Z]+)\$/g)].map((x) => x[1].toLowerCase());
    for (const n of named) assert.ok(m.placeholders && m.placeholders[n], `${key} uses $${n}$ without a placeholder`);
  }
  assert.equal(t('confidence', ['92']), 'Confidence 92%');
});
