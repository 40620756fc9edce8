// Firefox MV3 backgrounds are event pages that Firefox suspends after 30 s without events
// (extensions.background.idle.timeout). StreamDoctor's open native port must keep it (and the one
// host process) alive, or a break would find no listener. Nothing inspects the add-on during the
// idle period: an attached debugger would itself keep the page awake.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { GECKO_ID, buildFirefoxExtension, firefoxPrerequisites, launchFirefox, makeFirefoxHome } from '../lib/firefox.mjs';

const pre = firefoxPrerequisites();
const skip = !pre.ok && !pre.required ? `missing: ${pre.missing.join('; ')}` : false;
const IDLE_MS = 40_000;

let fx;
let ff;

before(async () => {
  if (skip) return;
  assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
  buildFirefoxExtension();
  fx = makeFirefoxHome('idle');
  ff = await launchFirefox(fx, { inspect: false });
}, { timeout: 90_000 });

after(async () => {
  if (ff) await ff.close();
  if (fx) fx.cleanup();
});

/** Host processes started from this test's own install (its jar path is unique). */
function hostProcesses() {
  const r = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.includes(`${fx.sdhome}/data/streamdoctor.jar`) && /\bjava\b/.test(l)).map((l) => Number(l.trim().split(/\s+/)[0]));
}

async function backgroundStatus() {
  const { addons } = await ff.rdp.request({ to: 'root', type: 'listAddons' });
  return addons.find((a) => a.id === GECKO_ID).backgroundScriptStatus;
}

test('firefox idle 40 s: the event page stays running with its one host process', { skip, timeout: 120_000 }, async () => {
  const deadline = Date.now() + 20_000;
  while (hostProcesses().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  const before = hostProcesses();
  assert.equal(before.length, 1, `one host process at start: ${before}`);
  await new Promise((r) => setTimeout(r, IDLE_MS));
  assert.equal(await backgroundStatus(), 'RUNNING');
  assert.deepEqual(hostProcesses(), before, 'the same host process, never restarted');
});
