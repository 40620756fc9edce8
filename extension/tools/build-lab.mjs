#!/usr/bin/env node
// The lab build: a development-only variant of the extension whose hook also runs on the fault
// lab's pages (`streamdoctor lab`, the browser tests), served on http://127.0.0.1:PORT/ and
// http://localhost:PORT/. The shipped manifest.json (and so the store zip and the .xpi,
// installer/package/pack-extension.sh) matches the chat sites only: no page of a local web app a
// user opens gets the MAIN-world hook (docs/security.md). Same key, so the same extension id.
// Usage: node tools/build-lab.mjs [--firefox] [OUT]   (default OUT: dist/lab-chromium, dist/lab-firefox)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, firefoxManifest, sourceManifest, writeBuild } from './build-firefox.mjs';

/** The lab's pages: origins no chat site uses, added to the lab build only. */
export const LAB_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** `manifest` with the lab's origins added to its host permissions and both content scripts. */
export function labManifest(manifest) {
  const add = (list) => [...list, ...LAB_MATCHES.filter((p) => !list.includes(p))];
  return {
    ...manifest,
    host_permissions: add(manifest.host_permissions),
    content_scripts: manifest.content_scripts.map((cs) => ({ ...cs, matches: add(cs.matches) })),
  };
}

/** Writes the lab build for Chromium (default) or Firefox to `out`; returns `out`. */
export function buildLab({ firefox = false, out } = {}) {
  const lab = labManifest(sourceManifest());
  return writeBuild(out || join(ROOT, 'dist', firefox ? 'lab-firefox' : 'lab-chromium'), firefox ? firefoxManifest(lab) : lab);
}

/**
 * A lab build in a temp folder of this process (tests run files in parallel processes: one shared
 * output folder would be rewritten under a running browser), deleted when the process exits.
 */
export function tempLabBuild({ firefox = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sd-lab-ext-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return buildLab({ firefox, out: join(dir, firefox ? 'firefox' : 'chromium') });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const firefox = args.includes('--firefox');
  const out = args.find((a) => !a.startsWith('--'));
  console.log(`wrote ${buildLab({ firefox, out: out && resolve(out) })}`);
}
