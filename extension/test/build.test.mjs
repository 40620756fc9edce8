import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { build, TARGETS } from '../tools/build-content.mjs';
import { firefoxManifest } from '../tools/build-firefox.mjs';
import { LAB_MATCHES, labManifest } from '../tools/build-lab.mjs';

const read = (p) => readFileSync(new URL('../' + p, import.meta.url), 'utf8');
const manifest = JSON.parse(read('manifest.json'));

test('contentScripts_checkedIn_matchFreshBuild', () => {
  for (const target of TARGETS) assert.equal(read(target.out), build(target), `${target.out} is stale: run node tools/build-content.mjs`);
});

test('contentScripts_classicScripts_parseWithoutModuleSyntax', () => {
  for (const target of TARGETS) {
    const text = read(target.out);
    assert.doesNotThrow(() => new vm.Script(text, { filename: target.out }));
    assert.ok(!/^\s*(import|export)\s/m.test(text), target.out);
  }
});

test('hook_outsideAPage_doesNothingAndNeverThrows', () => {
  assert.doesNotThrow(() => vm.runInNewContext(read('content/hook.js'), {}));
  assert.doesNotThrow(() => vm.runInNewContext(read('content/bridge.js'), {}));
});

test('manifest_mv3Contract_asSpecified', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.background, { service_worker: 'background/main.js', type: 'module' });
  for (const p of ['nativeMessaging', 'storage', 'notifications', 'webRequest', 'tabs', 'management', 'proxy', 'cookies', 'browsingData', 'alarms']) assert.ok(manifest.permissions.includes(p), p);
  for (const h of ['https://chatgpt.com/*', 'https://chat.openai.com/*', 'https://claude.ai/*', 'https://gemini.google.com/*', 'https://copilot.microsoft.com/*', 'https://www.perplexity.ai/*']) {
    assert.ok(manifest.host_permissions.includes(h), h);
  }
  const [hook, bridge] = manifest.content_scripts;
  assert.deepEqual([hook.js, hook.world, hook.run_at, hook.all_frames], [['content/hook.js'], 'MAIN', 'document_start', false]);
  assert.deepEqual([bridge.js, bridge.world, bridge.run_at], [['content/bridge.js'], undefined, 'document_start']);
  assert.equal(manifest.action.default_popup, 'popup/popup.html');
  assert.equal(manifest.options_ui.page, 'options/options.html');
  assert.equal(manifest.default_locale, 'en');
  assert.ok(manifest.key.startsWith('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtKch0E4HmQNNfeE82Y39'));
});

test('firefoxManifest_fromChromeManifest_backgroundScriptsAndGeckoId', () => {
  const ff = firefoxManifest(manifest);
  assert.deepEqual(ff.background, { scripts: ['background/main.js'], type: 'module' });
  assert.deepEqual(ff.browser_specific_settings.gecko.id, 'streamdoctor@streamdoctor.dev');
  assert.deepEqual(ff.browser_specific_settings.gecko.strict_min_version, '140.0');
  assert.equal(ff.key, undefined);
  assert.equal(ff.minimum_chrome_version, undefined);
  assert.deepEqual(ff.content_scripts, manifest.content_scripts);
  assert.ok(manifest.background.service_worker, 'the Chrome manifest is not modified');
});

/** Every match pattern or permission in `m` that names a local or lab origin. */
function localOrigins(m) {
  const all = [...(m.host_permissions || []), ...(m.content_scripts || []).flatMap((cs) => cs.matches || [])];
  return all.filter((p) => /localhost|127\.0\.0\.1|\[::1\]|lab|^\*:|<all_urls>|^https?:\/\/\*\//i.test(p));
}

test('manifest_shipped_hooksOnlyTheChatSites', () => {
  // Every page the MAIN-world hook runs on can feed the host (docs/security.md): the shipped
  // manifests name the chat sites only, over https.
  for (const m of [manifest, firefoxManifest(manifest)]) {
    assert.deepEqual(localOrigins(m), []);
    for (const cs of m.content_scripts) for (const p of cs.matches) assert.match(p, /^https:\/\/[a-z0-9.-]+\.[a-z]+\/\*$/, p);
    assert.deepEqual(m.host_permissions, m.content_scripts[0].matches);
  }
});

test('labManifest_addsTheLabOriginsToBothScripts_andLeavesTheSourceAlone', () => {
  const before = JSON.stringify(manifest);
  for (const m of [labManifest(manifest), firefoxManifest(labManifest(manifest))]) {
    for (const p of LAB_MATCHES) {
      assert.ok(m.host_permissions.includes(p), p);
      for (const cs of m.content_scripts) assert.ok(cs.matches.includes(p), p);
    }
  }
  assert.equal(labManifest(manifest).key, manifest.key, 'same key: the lab build keeps the extension id');
  assert.equal(JSON.stringify(manifest), before);
});
