#!/usr/bin/env node
// Fallback Firefox manifest, used by pack-extension.sh only when extension/tools/build-firefox.mjs
// (the extension's own, authoritative build) is absent. Differences from the Chrome manifest:
// - no "key" (Chrome-only) and no "minimum_chrome_version";
// - background as "scripts" (Firefox MV3 event pages; it has no service_worker background);
// - browser_specific_settings.gecko: the fixed add-on id the host allows; data_collection_permissions
//   "none" (nothing leaves the machine: the extension talks only to the local host), which needs
//   Firefox 140 (ESR 140) and Firefox for Android 142, so those are the minimum versions
//   (addons-linter warns otherwise; "world": "MAIN" content scripts need 128 anyway).
// usage: node firefox-manifest.mjs CHROME_MANIFEST OUT_MANIFEST
import { readFileSync, writeFileSync } from 'node:fs';

const [src, dest] = process.argv.slice(2);
if (!src || !dest) {
  console.error('usage: node firefox-manifest.mjs CHROME_MANIFEST OUT_MANIFEST');
  process.exit(2);
}
const m = JSON.parse(readFileSync(src, 'utf8'));
delete m.key;
delete m.minimum_chrome_version;
if (m.background && m.background.service_worker) {
  const bg = { scripts: [m.background.service_worker] };
  if (m.background.type) bg.type = m.background.type;
  m.background = bg;
}
m.browser_specific_settings = {
  gecko: {
    id: 'streamdoctor@streamdoctor.dev',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};
writeFileSync(dest, JSON.stringify(m, null, 2) + '\n');
