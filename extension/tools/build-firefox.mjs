#!/usr/bin/env node
// Writes the Firefox build to dist/firefox/: the same files, with a manifest that uses
// background.scripts (Firefox MV3 has no extension service workers), the fixed add-on id, and no
// Chrome-only keys. Usage: node tools/build-firefox.mjs
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GECKO_ID = 'streamdoctor@streamdoctor.dev';
const SHIPPED = ['manifest.json', '_locales', 'background', 'content', 'icons', 'options', 'popup', 'src'];

export function firefoxManifest(chrome) {
  const { key, minimum_chrome_version, ...rest } = chrome;
  void key;
  void minimum_chrome_version;
  return {
    ...rest,
    background: { scripts: [chrome.background.service_worker], type: 'module' },
    // Everything stays on this computer (the host is local): no data collection to declare.
    // 140 (ESR) is the first release that knows data_collection_permissions (addons-linter
    // KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION); 128 ESR is out of support.
    browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } },
  };
}

/** The checked-in (production) manifest. */
export function sourceManifest() {
  return JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
}

/** Writes the shipped files to `out` (emptied first) with `manifest` as its manifest.json. */
export function writeBuild(out, manifest) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const item of SHIPPED) cpSync(join(ROOT, item), join(out, item), { recursive: true });
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = writeBuild(join(ROOT, 'dist', 'firefox'), firefoxManifest(sourceManifest()));
  console.log(`wrote ${out}`);
}
