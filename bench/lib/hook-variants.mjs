// Reference variants of the extension for bench/overhead.sh (OVERHEAD_VARIANTS=a,b): each is a
// copy of extension/ in a temp folder with one exact source edit, its content scripts rebuilt by
// the copy's own tools/build-content.mjs. They are baselines measured in the same run, never
// shipped: they show how much of the hooked/plain gap one part of the extension explains.
//  - ws-empty-listener: the hook's own WebSocket "message" listener does nothing and is used
//    for every socket (the cost of a second listener: the floor of any observer built on
//    addEventListener)
//  - ws-own-listener: frames are always counted in the hook's own listener, never inside the
//    page's onmessage (the design before src/hook/ws-onmessage.js)
//  - ws-no-count: the hook still takes the page's onmessage but counts nothing (the cost of
//    the handler in between, without the accounting)
//  - no-forward: the bridge drops the hook's events instead of sending them to the worker (the
//    cost of the page → worker → host path, which shares the browser's CPU)
//  - no-hook: no content scripts (the worker, webRequest listeners and native host alone)
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const OWN_LISTENER = {
  file: 'src/hook/wrap-ws.js',
  from: 'if (wrapper) installOnmessage(',
  to: 'if (false) installOnmessage(',
};
const EDITS = {
  'ws-empty-listener': [{
    file: 'src/hook/wrap-ws.js',
    from: /state\.onMessage = \(ev\) => \{[\s\S]*?\n {4}\};\n/,
    to: 'state.onMessage = () => {};\n',
  }, OWN_LISTENER],
  'ws-own-listener': [OWN_LISTENER],
  'ws-no-count': [{
    file: 'src/hook/wrap-ws.js',
    from: /state\.onMessage = \(ev\) => \{[\s\S]*?\n {4}\};\n/,
    to: 'state.onMessage = () => {};\n',
  }],
  'no-forward': [{
    file: 'src/bridge/bridge.js',
    from: "const p = api.runtime.sendMessage({ type: 'hook.event', event });",
    to: 'const p = null;',
  }],
  'no-hook': [{
    file: 'manifest.json',
    json: (m) => { delete m.content_scripts; return m; },
  }],
};

export const VARIANTS = Object.keys(EDITS);

/** Builds variant `name` of `extensionDir`; returns {dir, cleanup}. Throws if an edit no longer applies. */
export function buildVariant(extensionDir, name) {
  const edits = EDITS[name];
  if (!edits) throw new Error(`unknown variant ${name} (known: ${VARIANTS.join(', ')})`);
  const dir = mkdtempSync(join(tmpdir(), `sd-variant-${name}-`));
  cpSync(extensionDir, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  for (const e of edits) {
    const path = join(dir, e.file);
    const text = readFileSync(path, 'utf8');
    let out;
    if (e.json) out = JSON.stringify(e.json(JSON.parse(text)), null, 2);
    else {
      out = text.replace(e.from, e.to);
      if (out === text) throw new Error(`variant ${name}: ${e.file} no longer has the code it edits`);
    }
    writeFileSync(path, out);
  }
  const built = spawnSync(process.execPath, [join(dir, 'tools', 'build-content.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`variant ${name}: build failed: ${built.stderr}`);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
